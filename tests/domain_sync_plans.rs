//! Plans published in `fl-plans`: a device takes a new plan, and a new version of a plan it has
//! not changed since it last took it; a plan changed here is never replaced behind its back.

use field_ledger::domain::ids::CampaignId;
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::sync::plans::{plan_decision, plan_fingerprint, PlanDecision};

fn published(title: &str) -> Campaign {
    let mut plan = Campaign::quality_month_2021();
    plan.id = CampaignId::new("quality-month-2022");
    plan.title.zh = title.to_owned();
    plan
}

#[test]
fn a_plan_not_here_is_taken() {
    assert_eq!(
        plan_decision(None, &published("v1"), None),
        PlanDecision::Take
    );
}

#[test]
fn the_same_version_is_in_step() {
    let v1 = published("v1");
    assert_eq!(plan_decision(Some(&v1), &v1, None), PlanDecision::InStep);
}

#[test]
fn a_new_version_replaces_one_taken_and_unchanged_here() {
    let v1 = published("v1");
    let taken = Some(plan_fingerprint(&v1));
    assert_eq!(
        plan_decision(Some(&v1), &published("v2"), taken),
        PlanDecision::Take
    );
}

#[test]
fn a_plan_changed_here_is_kept() {
    let v1 = published("v1");
    let taken = Some(plan_fingerprint(&v1));
    let edited = published("v1, edited here");
    assert_eq!(
        plan_decision(Some(&edited), &published("v2"), taken),
        PlanDecision::KeepLocal
    );
    // One that came from a file and was never taken from the server is kept too.
    assert_eq!(
        plan_decision(Some(&edited), &published("v2"), None),
        PlanDecision::KeepLocal
    );
}
