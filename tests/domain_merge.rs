//! The merge rules of `domain::records::merge` and `domain::incoming::import`: the properties that make the Quality
//! Section's totals independent of how often and in which order files are merged, shown with
//! proptest over versions that differ in revision, time, content, deletion and withheld phones.
// proptest runs on the host only.
#![cfg(not(target_arch = "wasm32"))]

mod export_fixture;

use export_fixture::{at, event, planned, sign_in};
use field_ledger::domain::ids::{DeviceId, ReceivedFileId};
use field_ledger::domain::incoming::import::{plan_merge, without_file, MergePlan};
use field_ledger::domain::records::event_record::EventRecord;
use field_ledger::domain::records::merge::{
    choose, compare, edited_alongside, join, same_state, Mergeable,
};
use field_ledger::domain::records::record_version::RecordOrigin;
use field_ledger::domain::records::roster::{RosterEntry, WithheldField};
use proptest::prelude::*;
use std::cmp::Ordering;
use std::collections::HashMap;

/// A version of event 1 or 2: revision, minute saved, head count, place, deleted.
fn event_version() -> impl Strategy<Value = EventRecord> {
    (1u128..=2).prop_flat_map(event_version_of)
}

/// A version of event `n`.
fn event_version_of(n: u128) -> impl Strategy<Value = EventRecord> {
    (
        Just(n),
        1u32..=3,
        0u32..=2,
        0u32..=3,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(n, revision, minute, head_count, other_place, deleted)| {
            let mut record = event(n, planned("qm2021-a01"), "food", 15);
            record.revision = revision;
            record.updated_at = at(15, 10, minute);
            record.head_count = head_count * 10;
            if other_place {
                record.place = "新开河街道".into();
            }
            record.deleted = deleted;
            record
        })
}

/// A version of sign-in `n`: revision, minute, phone, withheld or purged, affiliation.
fn roster_version_of(n: u128) -> impl Strategy<Value = RosterEntry> {
    (
        Just(n),
        1u32..=3,
        0u32..=1,
        prop_oneof![
            Just(None),
            Just(Some("13812345678")),
            Just(Some("13900001111"))
        ],
        0u8..=3,
        any::<bool>(),
    )
        .prop_map(|(n, revision, minute, phone, mode, other_affiliation)| {
            let mut entry = sign_in(n, 1, "张伟", phone, 0);
            entry.revision = revision;
            entry.updated_at = at(15, 10, minute);
            if other_affiliation {
                entry.affiliation = Some("铁东路街道".into());
            }
            match mode {
                1 => entry = entry.with_phone_withheld(),
                2 => entry = entry.purged_at(at(15, 10, minute)),
                // Purged on a device that only ever had the report copy.
                3 => entry = entry.with_phone_withheld().purged_at(at(15, 10, minute)),
                _ => {}
            }
            entry
        })
}

/// Versions of one record, already merged among themselves: a stored state may carry a kept
/// phone, so the properties are checked over states, not only over raw versions.
fn merged_state<R: Mergeable>(versions: Vec<R>) -> R {
    let mut versions = versions.into_iter();
    let first = versions.next().expect("at least one version");
    versions.fold(first, |state, version| join(&state, &version))
}

fn check_lattice<R: Mergeable>(a: &R, b: &R, c: &R) -> Result<(), TestCaseError> {
    prop_assert!(same_state(&join(a, a), a), "idempotent: a ⊔ a = a");
    prop_assert!(
        same_state(&join(&join(a, b), b), &join(a, b)),
        "idempotent: merging the same version again changes nothing"
    );
    prop_assert!(same_state(&join(a, b), &join(b, a)), "commutative");
    prop_assert!(
        same_state(&join(&join(a, b), c), &join(a, &join(b, c))),
        "associative"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn event_merging_is_idempotent_commutative_and_associative(
        a in prop::collection::vec(event_version_of(1), 1..3),
        b in prop::collection::vec(event_version_of(1), 1..3),
        c in prop::collection::vec(event_version_of(1), 1..3),
    ) {
        check_lattice(&merged_state(a), &merged_state(b), &merged_state(c))?;
    }

    #[test]
    fn roster_merging_is_idempotent_commutative_and_associative(
        a in prop::collection::vec(roster_version_of(1), 1..4),
        b in prop::collection::vec(roster_version_of(1), 1..4),
        c in prop::collection::vec(roster_version_of(1), 1..4),
    ) {
        check_lattice(&merged_state(a), &merged_state(b), &merged_state(c))?;
    }

    #[test]
    fn the_winner_is_the_highest_rank_whatever_the_order(
        versions in prop::collection::vec(event_version(), 1..6),
    ) {
        let forward = plan_merge(&HashMap::new(), versions.clone());
        let backward = plan_merge(&HashMap::new(), versions.iter().rev().cloned());
        prop_assert_eq!(final_states(&forward), final_states(&backward));
        for (_, after) in &forward.changes {
            for version in versions.iter().filter(|v| v.id == after.id) {
                prop_assert_ne!(compare(version, after), Ordering::Greater);
            }
        }
    }

    #[test]
    fn a_withheld_phone_never_overwrites_a_known_one(
        versions in prop::collection::vec(roster_version_of(1), 1..6),
    ) {
        let merged = merged_state(versions.clone());
        // The best-ranked version that carries its phone decides the phone shown.
        let best_carrier = versions
            .iter()
            .filter(|v| !v.withholds_phone())
            .max_by(|a, b| compare(*a, *b));
        if let Some(best) = best_carrier {
            prop_assert_eq!(merged.known_phone(), best.phone.as_deref());
        } else {
            prop_assert_eq!(merged.known_phone(), None);
        }
    }

    #[test]
    fn a_chosen_version_survives_merging_the_same_files_again(
        a in event_version_of(1),
        b in event_version_of(1),
    ) {
        let kept = join(&a, &b);
        let other = if same_state(&kept, &a) { &b } else { &a };
        let chosen = choose(&kept, other, at(20, 9, 0));
        let again = join(&join(&chosen, &a), &b);
        prop_assert!(same_state(&again, &chosen));
        prop_assert_eq!(again.head_count, other.head_count);
        prop_assert_eq!(&again.place, &other.place);
        prop_assert_eq!(again.deleted, other.deleted);
    }
}

fn final_states<R: Mergeable>(plan: &MergePlan<R>) -> Vec<R> {
    let mut states: Vec<R> = plan
        .changes
        .iter()
        .map(|(_, after)| after.clone())
        .collect();
    states.sort_by_key(|state| state.record_id());
    states
}

fn origin(file: u128) -> Option<RecordOrigin> {
    Some(RecordOrigin {
        file_id: ReceivedFileId(uuid::Uuid::from_u128(file)),
        device_id: DeviceId(uuid::Uuid::from_u128(0xd3)),
    })
}

#[test]
fn identical_copies_change_nothing_and_keep_their_first_origin() {
    let mut stored = event(1, planned("qm2021-a01"), "food", 15);
    stored.origin = origin(1);
    let mut again = stored.clone();
    again.origin = origin(2);
    let plan = plan_merge(&HashMap::from([(stored.id, stored.clone())]), [again]);
    assert_eq!(plan.tally.unchanged, 1);
    assert!(plan.changes.is_empty());
    assert_eq!(join(&stored, &stored).origin, origin(1));
}

#[test]
fn a_newer_revision_updates_and_a_tombstone_deletes() {
    let first = event(1, planned("qm2021-a01"), "food", 15);
    let mut edited = first.next_revision(at(15, 12, 0));
    edited.head_count = 80;
    let deleted = first.deleted_at(at(15, 12, 0));
    let stored = HashMap::from([(first.id, first.clone())]);
    let plan = plan_merge(&stored, [edited.clone()]);
    assert_eq!((plan.tally.updated, plan.tally.conflicting), (1, 0));
    assert_eq!(plan.changes[0].1.head_count, 80);
    // An older version arriving after a newer one leaves it as it is, and is no conflict.
    let stored_edit = HashMap::from([(edited.id, edited.clone())]);
    let plan = plan_merge(&stored_edit, [first.clone()]);
    assert_eq!((plan.tally.unchanged, plan.tally.conflicting), (1, 0));
    // Edited on one tablet, deleted on another from the same revision: a conflict.
    let plan = plan_merge(&stored_edit, [deleted]);
    assert_eq!(plan.tally.conflicting, 1);
    assert_eq!(plan.conflicts.len(), 1);
    assert!(edited_alongside(
        &plan.conflicts[0].kept,
        &plan.conflicts[0].other
    ));
}

#[test]
fn a_report_after_a_backup_keeps_the_phone_and_a_backup_after_a_report_brings_it() {
    let backup = sign_in(1, 1, "张伟", Some("13812345678"), 0);
    let report = backup.with_phone_withheld();
    assert_eq!(report.withheld, vec![WithheldField::Phone]);
    let stored = HashMap::from([(backup.id, backup.clone())]);
    let plan = plan_merge(&stored, [report.clone()]);
    assert_eq!(plan.tally.unchanged, 1, "the report copy says nothing new");
    let stored = HashMap::from([(report.id, report.clone())]);
    let plan = plan_merge(&stored, [backup.clone()]);
    assert_eq!(plan.tally.updated, 1);
    assert_eq!(plan.changes[0].1.known_phone(), Some("13812345678"));
    // A newer report (affiliation changed, phone withheld) keeps the phone it does not carry.
    let mut newer = backup.next_revision(at(16, 9, 0));
    newer.affiliation = Some("铁东路街道".into());
    let merged = join(&backup, &newer.with_phone_withheld());
    assert_eq!(merged.affiliation.as_deref(), Some("铁东路街道"));
    assert_eq!(merged.known_phone(), Some("13812345678"));
    // A purge is a fact, not a withheld value: the phone goes.
    let purged = backup.purged_at(at(16, 9, 0));
    assert_eq!(
        join(&backup, &purged.with_phone_withheld()).known_phone(),
        None
    );
}

#[test]
fn removing_a_file_falls_back_to_the_other_files_and_to_local_versions() {
    let local = event(1, planned("qm2021-a01"), "food", 15);
    let mut from_a = local.next_revision(at(15, 12, 0));
    from_a.head_count = 50;
    from_a.origin = origin(0xa);
    let mut from_b = from_a.next_revision(at(15, 13, 0));
    from_b.head_count = 70;
    from_b.origin = origin(0xb);
    let file_b = ReceivedFileId(uuid::Uuid::from_u128(0xb));
    // Stored: file B's version, which replaced file A's; A is still received.
    let back = without_file(file_b, Some(&from_b), std::slice::from_ref(&from_a), None);
    assert_eq!(back.map(|r| r.head_count), Some(50));
    // Only B had it, over a local version: the local version comes back.
    let back = without_file(file_b, Some(&from_b), &[], Some(&local));
    assert_eq!(back.map(|r| r.head_count), Some(0));
    // Only B had it: it goes.
    assert_eq!(without_file(file_b, Some(&from_b), &[], None), None);
}
