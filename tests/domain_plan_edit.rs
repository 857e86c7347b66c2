//! Editing plans: validation with the messages users see, and copying a plan to another year.

use chrono::NaiveDate;
use field_ledger::domain::ids::{CampaignId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::planning::plan_edit::{
    copy_to_year, plan_problems, shift_year, IdKind, PlanProblem,
};
use field_ledger::i18n::{plan_problem, Language};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn messages(plan: &Campaign, language: Language) -> Vec<String> {
    plan_problems(plan)
        .iter()
        .map(|p| plan_problem(language, p))
        .collect()
}

#[test]
fn the_built_in_plan_has_no_problems() {
    assert_eq!(plan_problems(&Campaign::quality_month_2021()), []);
}

#[test]
fn a_wrong_file_is_told_apart_from_a_broken_plan() {
    use field_ledger::domain::planning::plan_file::CampaignError;
    assert_eq!(
        Campaign::from_json(r#"{"format":"field-ledger.export","format_version":1,"events":[]}"#),
        Err(CampaignError::NotACampaign)
    );
    assert_eq!(
        Campaign::from_json(r#"{"format":"field-ledger.campaign","format_version":7}"#),
        Err(CampaignError::NewerFormat(7))
    );
    assert!(matches!(
        Campaign::from_json(r#"{"format":"field-ledger.campaign","format_version":1}"#),
        Err(CampaignError::Syntax { .. })
    ));
}

#[test]
fn empty_names_are_named_by_their_place() {
    let mut plan = Campaign::quality_month_2021();
    plan.units[1].name.zh = " ".into();
    plan.directions[0].name.zh = String::new();
    plan.activities[0].extra_counters[0].unit.zh = String::new();
    assert_eq!(
        messages(&plan, Language::ZhCn),
        [
            "第 2 个单位缺少名称。",
            "第 1 个总结方向缺少名称。",
            "第 1 项活动的统计项缺少名称或计量单位。"
        ]
    );
}

#[test]
fn an_empty_title_a_reversed_period_and_an_early_deadline_are_each_named() {
    let mut plan = Campaign::quality_month_2021();
    plan.title.zh = "  ".into();
    plan.period.start = day(2021, 9, 30);
    plan.period.end = day(2021, 9, 1);
    assert_eq!(
        messages(&plan, Language::ZhCn),
        ["请填写活动方案标题。", "活动结束日期不能早于开始日期。"]
    );
    let mut plan = Campaign::quality_month_2021();
    plan.report_deadline = day(2021, 9, 29);
    assert_eq!(
        plan_problems(&plan),
        [PlanProblem::DeadlineBeforePeriodEnds]
    );
    assert_eq!(
        messages(&plan, Language::ZhCn),
        ["总结报送截止日期不能早于活动结束日期。"]
    );
    assert_eq!(
        messages(&plan, Language::En),
        ["The report deadline cannot fall before the campaign ends."]
    );
    // Due on the last day of the campaign is fine.
    plan.report_deadline = plan.period.end;
    assert_eq!(plan_problems(&plan), []);
}

#[test]
fn duplicate_ids_unknown_units_and_untitled_activities_are_named() {
    let mut plan = Campaign::quality_month_2021();
    let first = plan.activities[0].clone();
    let mut copy = first.clone();
    copy.number = 20;
    copy.short_title.zh = String::new();
    copy.lead_unit_ids = vec![UnitId::new("no-such-unit")];
    plan.activities.push(copy);
    let dup_unit = plan.units[0].clone();
    plan.units.push(dup_unit.clone());
    assert_eq!(
        plan_problems(&plan),
        [
            PlanProblem::DuplicateId {
                kind: IdKind::Unit,
                id: dup_unit.id.to_string()
            },
            PlanProblem::DuplicateId {
                kind: IdKind::Activity,
                id: first.id.to_string()
            },
            PlanProblem::EmptyActivityTitle { activity: 20 },
            PlanProblem::UnknownUnit {
                activity: 20,
                unit: "no-such-unit".into()
            },
        ]
    );
    let zh = messages(&plan, Language::ZhCn);
    assert_eq!(
        zh[1],
        format!("有两个活动的编号都是“{}”，编号不能重复。", first.id)
    );
    assert_eq!(zh[2], "第 20 项活动缺少名称。");
    assert_eq!(
        zh[3],
        "第 20 项活动的牵头单位“no-such-unit”不在单位名单中。"
    );
}

#[test]
fn years_shift_whole_and_29_february_becomes_28() {
    assert_eq!(shift_year(day(2021, 9, 15), 5), day(2026, 9, 15));
    assert_eq!(shift_year(day(2024, 2, 29), 1), day(2025, 2, 28));
    assert_eq!(shift_year(day(2024, 2, 29), 4), day(2028, 2, 29));
    assert_eq!(shift_year(day(2021, 3, 1), -1), day(2020, 3, 1));
}

#[test]
fn copying_to_2026_moves_the_dates_and_keeps_the_ids() {
    let plan = Campaign::quality_month_2021();
    let copy = copy_to_year(&plan, CampaignId::new("quality-month-2026"), 2026);
    assert_eq!(copy.id.as_str(), "quality-month-2026");
    assert_eq!(
        (copy.period.start, copy.period.end),
        (day(2026, 9, 1), day(2026, 9, 30))
    );
    assert_eq!(copy.report_deadline, day(2026, 10, 15));
    assert_eq!(copy.activities[0].planned_date, Some(day(2026, 9, 15)));
    assert!(copy.title.zh.contains("2026年"), "{}", copy.title.zh);
    assert_eq!(copy.short_title.as_ref().unwrap().zh, "质量月2026");
    assert!(copy.activities[0].description.starts_with("2026年9月15日"));
    assert_eq!(
        copy.document_number, "",
        "a new document gets its own number"
    );
    let ids = |c: &Campaign| {
        c.activities
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&copy), ids(&plan));
    assert_eq!(copy.units, plan.units);
    assert_eq!(plan_problems(&copy), []);
    // A plan of a leap-day campaign copied to a common year.
    let mut leap = plan.clone();
    leap.period.start = day(2024, 2, 1);
    leap.period.end = day(2024, 2, 29);
    leap.report_deadline = day(2024, 2, 29);
    let copied = copy_to_year(&leap, CampaignId::new("x"), 2025);
    assert_eq!(
        (copied.period.end, copied.report_deadline),
        (day(2025, 2, 28), day(2025, 2, 28))
    );
}

#[test]
fn the_campaign_list_keeps_the_built_in_plan_and_finds_free_ids() {
    use field_ledger::domain::planning::campaign_list::CampaignList;
    let mut list = CampaignList::default();
    assert_eq!(list.active_plan().id.as_str(), "quality-month-2021");
    let built_in = Campaign::quality_month_2021();
    let copy = list.copy_of(&built_in, 2026);
    assert_eq!(copy.id.as_str(), "quality-month-2026");
    list.put(copy.clone());
    // A second copy to the same year gets its own ID.
    assert_eq!(
        list.copy_of(&built_in, 2026).id.as_str(),
        "quality-month-2026-2"
    );
    // The built-in plan is never replaced, even by a plan with its ID.
    let mut impostor = built_in.clone();
    impostor.theme = "changed".into();
    list.put(impostor);
    assert_eq!(list.find(&built_in.id).unwrap().theme, built_in.theme);
    // Putting a plan with a known ID replaces it; the active one falls back to the built-in
    // plan when its ID is unknown.
    let mut edited = copy.clone();
    edited.theme = "2026 主题".into();
    list.put(edited);
    assert_eq!(list.plans.len(), 1);
    list.active = Some(CampaignId::new("quality-month-2026"));
    assert_eq!(list.active_plan().theme, "2026 主题");
    list.active = Some(CampaignId::new("gone"));
    assert_eq!(list.active_plan().id, built_in.id);
}

/// A copied and edited plan is still a plan file the schema describes, and reads back the same.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn an_edited_plan_file_validates_and_reads_back_the_same() {
    use field_ledger::domain::planning::plan_edit::new_activity;
    let mut plan = copy_to_year(
        &Campaign::quality_month_2021(),
        CampaignId::new("quality-month-2026"),
        2026,
    );
    let mut added = new_activity(&plan);
    added.short_title.zh = "质量开放日".into();
    assert_eq!(
        (added.number, added.id.as_str()),
        (20, "quality-month-2026-a20")
    );
    plan.activities.push(added);
    plan.activities[3].retired = true;
    let json = serde_json::to_string_pretty(&plan).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/field-ledger-campaign.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(Campaign::from_json(&json).unwrap(), plan);
}

#[test]
fn moving_an_activity_renumbers_the_plan_and_keeps_ids() {
    use field_ledger::domain::planning::plan_edit::move_activity;
    let mut plan = Campaign::quality_month_2021();
    let (first, second) = (plan.activities[0].id.clone(), plan.activities[1].id.clone());
    move_activity(&mut plan, 1, true);
    assert_eq!(
        (plan.activities[0].id.clone(), plan.activities[0].number),
        (second, 1)
    );
    assert_eq!(
        (plan.activities[1].id.clone(), plan.activities[1].number),
        (first, 2)
    );
    // Off either end: nothing moves.
    let before = plan.clone();
    move_activity(&mut plan, 0, true);
    move_activity(&mut plan, 18, false);
    assert_eq!(plan, before);
}

#[test]
fn a_shared_plan_never_detaches_records_here() {
    use field_ledger::domain::planning::plan_edit::{keep_named, NamedByRecords};
    let current = copy_to_year(
        &Campaign::quality_month_2021(),
        CampaignId::new("qm-2026"),
        2026,
    );
    let used = &current.activities[4];
    let named = NamedByRecords {
        activities: [used.id.clone()].into(),
        units: [current.units[2].id.clone()].into(),
        directions: [current.directions[0].id.clone()].into(),
        counters: [(
            current.activities[0].id.clone(),
            current.activities[0].extra_counters[0].id.clone(),
        )]
        .into(),
    };
    // The incoming version dropped the used activity and unit.
    let mut incoming = current.clone();
    incoming.activities.retain(|a| a.id != used.id);
    incoming.activities[0].extra_counters.clear();
    let dropped_unit = current.units[2].id.clone();
    incoming.units.retain(|u| u.id != dropped_unit);
    for activity in &mut incoming.activities {
        activity.lead_unit_ids.retain(|u| u != &dropped_unit);
        if activity.lead_unit_ids.is_empty() {
            activity.lead_unit_ids.push(incoming.units[0].id.clone());
        }
    }
    assert_eq!(keep_named(&mut incoming, &current, &named), 3);
    assert_eq!(
        incoming.activities[0].extra_counters, current.activities[0].extra_counters,
        "a counted figure stays"
    );
    let back = incoming.activity(&used.id).expect("kept");
    assert!(back.retired, "kept as retired");
    assert!(incoming.unit(&dropped_unit).expect("kept").retired);
    assert_eq!(plan_problems(&incoming), [], "still a valid plan");
    // Nothing dropped: nothing added.
    let mut same = current.clone();
    assert_eq!(keep_named(&mut same, &current, &named), 0);
    assert_eq!(same, current);
}
