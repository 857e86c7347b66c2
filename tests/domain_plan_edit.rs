//! Editing plans: validation with the messages users see, and copying a plan to another year.

use chrono::NaiveDate;
use field_ledger::domain::campaign::Campaign;
use field_ledger::domain::ids::{CampaignId, UnitId};
use field_ledger::domain::plan_edit::{
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
