//! The built-in 2021 plan file against the source document kept in `tests/fixtures/`.

use chrono::NaiveDate;
use field_ledger::domain::ids::{ActivityId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::planning::plan_edit::{IdKind, PlanProblem};
use field_ledger::domain::planning::plan_file::CampaignError;

const SOURCE: &str = include_str!("fixtures/quality-month-2021-plan.zh.txt");

/// One numbered item of the plan's "活动内容": its number, text, and the lead units in parentheses.
struct SourceActivity {
    number: u32,
    text: String,
    lead_units: Vec<String>,
}

/// Reads the 19 numbered items between "活动内容" and "三、活动要求" of the source document.
fn source_activities() -> Vec<SourceActivity> {
    let body = SOURCE
        .split_once("活动内容")
        .expect("source has 活动内容")
        .1
        .split_once("三、活动要求")
        .expect("source has 三、活动要求")
        .0;
    body.lines()
        .map(str::trim)
        .filter_map(|line| {
            let (number, rest) = line.split_once('、')?;
            let number: u32 = number.parse().ok()?;
            let (text, units) = rest.strip_suffix('）')?.rsplit_once('（')?;
            Some(SourceActivity {
                number,
                text: text.to_owned(),
                lead_units: units.split('、').map(str::to_owned).collect(),
            })
        })
        .collect()
}

/// The document writes the offices once as "各市场监管所" and once as "市场监管所": one unit.
fn canonical_unit_name(name: &str) -> &str {
    if name == "市场监管所" {
        "各市场监管所"
    } else {
        name
    }
}

#[test]
fn plan_has_the_nineteen_activities_of_the_source_document_with_their_lead_units() {
    let plan = Campaign::quality_month_2021();
    let source = source_activities();
    assert_eq!(source.len(), 19, "the fixture parser found every item");
    assert_eq!(plan.activities.len(), 19);
    for (planned, written) in plan.activities.iter().zip(&source) {
        assert_eq!(planned.number, written.number);
        assert_eq!(
            planned.description, written.text,
            "activity {}",
            written.number
        );
        let lead_names: Vec<&str> = planned
            .lead_unit_ids
            .iter()
            .map(|id| plan.unit(id).expect("lead unit exists").name.zh.as_str())
            .collect();
        let written_names: Vec<&str> = written
            .lead_units
            .iter()
            .map(|n| canonical_unit_name(n))
            .collect();
        assert_eq!(
            lead_names, written_names,
            "lead units of activity {}",
            written.number
        );
    }
}

#[test]
fn plan_carries_the_documents_facts() {
    let plan = Campaign::quality_month_2021();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(plan.id.as_str(), "quality-month-2021");
    assert_eq!(plan.document_number, "津北市场监管〔2021〕118号");
    assert!(SOURCE.contains(&plan.document_number));
    assert!(SOURCE.contains(&plan.theme));
    assert_eq!(plan.issuing_unit, "天津市河北区市场监督管理局");
    assert_eq!(
        (plan.period.start, plan.period.end),
        (day(2021, 9, 1), day(2021, 9, 30))
    );
    assert_eq!(plan.report_deadline, day(2021, 10, 15));
    assert!(SOURCE.contains("2021年10月15日前"));
    let first = plan.activity(&ActivityId::new("qm2021-a01")).unwrap();
    assert_eq!(first.planned_date, Some(day(2021, 9, 15)));
    assert!(SOURCE.contains("2021年9月15日"));
    let dated = plan
        .activities
        .iter()
        .filter(|a| a.planned_date.is_some())
        .count();
    assert_eq!(dated, 1, "only activity 1 has a date in the document");
}

#[test]
fn plan_names_the_six_summary_directions_of_the_document_in_its_order() {
    let plan = Campaign::quality_month_2021();
    let names: Vec<&str> = plan.directions.iter().map(|d| d.name.zh.as_str()).collect();
    assert_eq!(
        names,
        [
            "质量主题宣传",
            "质量提升行动",
            "严格执法监督",
            "强化消费维权",
            "开展质量帮扶",
            "质量强企惠民"
        ]
    );
    let sentence = names.join("、");
    assert!(
        SOURCE.contains(&sentence),
        "the document lists them as {sentence}"
    );
}

#[test]
fn market_offices_are_a_placeholder_unit_and_the_only_one() {
    let plan = Campaign::quality_month_2021();
    let placeholders: Vec<&UnitId> = plan
        .units
        .iter()
        .filter(|u| u.placeholder)
        .map(|u| &u.id)
        .collect();
    assert_eq!(placeholders, [&UnitId::new("market-offices")]);
    assert_eq!(plan.units.len(), 13);
}

#[test]
fn every_id_is_stable_and_unique() {
    let plan = Campaign::quality_month_2021();
    let ids: Vec<&str> = plan.activities.iter().map(|a| a.id.as_str()).collect();
    let expected: Vec<String> = (1..=19).map(|n| format!("qm2021-a{n:02}")).collect();
    assert_eq!(ids, expected);
    let first = plan.activity(&ActivityId::new("qm2021-a01")).unwrap();
    let counters: Vec<&str> = first.extra_counters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(counters, ["bp-monitors-tested"]);
}

#[test]
fn a_broken_plan_file_is_refused_with_the_reason() {
    let good = include_str!("../src/domain/plans/quality-month-2021.json");
    assert!(matches!(
        Campaign::from_json("{"),
        Err(CampaignError::Syntax { line: 1, .. })
    ));
    let unknown_unit = good.replacen("\"metrology-institute\"\n      ]", "\"nobody\"\n      ]", 1);
    assert_eq!(
        Campaign::from_json(&unknown_unit),
        Err(CampaignError::Invalid(PlanProblem::UnknownUnit {
            activity: 1,
            unit: "nobody".into()
        }))
    );
    let newer = good.replacen("\"format_version\": 1", "\"format_version\": 9", 1);
    assert_eq!(
        Campaign::from_json(&newer),
        Err(CampaignError::NewerFormat(9))
    );
    let duplicate = good.replacen("qm2021-a02", "qm2021-a01", 1);
    assert_eq!(
        Campaign::from_json(&duplicate),
        Err(CampaignError::Invalid(PlanProblem::DuplicateId {
            kind: IdKind::Activity,
            id: "qm2021-a01".into()
        }))
    );
    let other = good.replacen("field-ledger.campaign", "something-else", 1);
    assert_eq!(
        Campaign::from_json(&other),
        Err(CampaignError::NotACampaign)
    );
}
