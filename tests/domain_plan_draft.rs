//! Unsaved plan-editor edits kept on the device: what the editor opens with, and the question a
//! plan file asks before it replaces a plan.

use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::planning::campaign_list::CampaignList;
use field_ledger::domain::planning::plan_draft::{DraftRestore, PlanDraft};
use field_ledger::i18n::{plan_replace_question, Language};

fn plan_2026() -> Campaign {
    CampaignList::default().copy_of(&Campaign::quality_month_2021(), 2026)
}

#[test]
fn the_editor_takes_up_unsaved_edits_of_the_plan_they_were_made_on() {
    let stored = plan_2026();
    let mut edited = stored.clone();
    edited.theme = "质量强国 标准引领".to_owned();
    let kept = PlanDraft {
        base: stored.clone(),
        plan: edited.clone(),
    };

    assert_eq!(PlanDraft::restore(&stored, None), DraftRestore::Stored);
    assert_eq!(
        PlanDraft::restore(&stored, Some(kept.clone())),
        DraftRestore::Continued(Box::new(kept.clone()))
    );
    // The stored form reads back the same.
    let read: PlanDraft = serde_json::from_str(&serde_json::to_string(&kept).unwrap()).unwrap();
    assert_eq!(read, kept);

    // The plan was replaced since (a plan file): the edits come back, flagged.
    let mut replaced = stored.clone();
    replaced.document_number = "津北市场监管〔2026〕9号".to_owned();
    assert_eq!(
        PlanDraft::restore(&replaced, Some(kept.clone())),
        DraftRestore::Outdated(Box::new(kept.clone()))
    );
    // The replacement added an activity (records may name it already): the edits get it back,
    // retired, so saving them cannot detach those records.
    let mut with_more = replaced.clone();
    let mut added = with_more.activities[0].clone();
    added.id = field_ledger::domain::ids::ActivityId::new("qm2026-a20");
    added.short_title.zh = "质量开放日".to_owned();
    with_more.activities.push(added);
    let DraftRestore::Outdated(restored) = PlanDraft::restore(&with_more, Some(kept.clone()))
    else {
        panic!("outdated");
    };
    let back = restored
        .plan
        .activity(&field_ledger::domain::ids::ActivityId::new("qm2026-a20"))
        .expect("put back");
    assert!(back.retired);
    assert_eq!(restored.plan.theme, edited.theme, "the edits stay");
    // Edits that are the stored plan now, or belong to another plan, are none.
    let saved = PlanDraft {
        base: stored.clone(),
        plan: replaced.clone(),
    };
    assert_eq!(
        PlanDraft::restore(&replaced, Some(saved)),
        DraftRestore::Stored
    );
    assert_eq!(
        PlanDraft::restore(&Campaign::quality_month_2021(), Some(kept)),
        DraftRestore::Stored
    );
}

#[test]
fn replacing_a_plan_from_a_file_says_what_each_version_holds() {
    let here = plan_2026();
    let mut in_file = here.clone();
    in_file.activities[1].retired = true;
    let question = plan_replace_question(Language::ZhCn, "方案.json", &in_file, &here);
    assert!(
        question.starts_with("本机已有“河北区市场监管局开展2026年"),
        "{question}"
    );
    assert!(question.contains("（19 项活动、"), "{question}");
    assert!(
        question.contains("「方案.json」中的版本（18 项活动、"),
        "{question}"
    );
    let question = plan_replace_question(Language::En, "plan.json", &in_file, &here);
    assert!(question.contains("(19 activities, "), "{question}");
    assert!(
        question.contains("“plan.json” (18 activities, "),
        "{question}"
    );
}
