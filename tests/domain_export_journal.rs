//! The journal behind the "not exported" badge: changed events count until an export holds them.

mod export_fixture;

use export_fixture::at;
use field_ledger::domain::exchange::export_journal::ExportJournal;
use field_ledger::domain::ids::{CampaignId, EventId};
use field_ledger::domain::planning::campaign_list::CampaignList;

#[test]
fn the_journal_counts_changed_events_until_an_export() {
    let event = |n: u128| EventId(uuid::Uuid::from_u128(n));
    let mut journal = ExportJournal::never_exported([event(1), event(2)]);
    assert_eq!(journal.unexported(), 2);
    assert!(
        !journal.note_change(event(1)),
        "already counted: nothing to write"
    );
    assert!(journal.note_change(event(3)));
    assert_eq!(journal.unexported(), 3);

    journal.begin_export();
    // Saved while the file is being written: it may or may not be in the file, so it stays.
    assert!(journal.note_change(event(2)));
    // Event 3 is not in the file (another campaign, or unreadable here): it stays too.
    journal.finish_export(&built_in(), [event(1), event(2)], at(20, 18, 0));
    assert_eq!(journal.changed, [event(2), event(3)].into_iter().collect());
    assert_eq!(journal.last_export, Some(at(20, 18, 0)));
    journal.begin_export();
    journal.finish_export(&built_in(), [event(2), event(3)], at(20, 18, 5));
    assert_eq!(journal.unexported(), 0);
    journal.note_change(event(4));

    // Another tab's journal is taken over; during an export here, what it adds stays counted.
    let mut other = ExportJournal::never_exported([event(4), event(5)]);
    other.last_export = Some(at(20, 19, 0));
    other.exported_at.insert(built_in(), at(20, 19, 0));
    journal.begin_export();
    journal.follow_stored(&other);
    assert_eq!(journal.last_export_of(&built_in()), Some(at(20, 19, 0)));
    journal.finish_export(&built_in(), [event(4), event(5)], at(20, 19, 30));
    assert_eq!(journal.changed, [event(5)].into_iter().collect());
    // It survives its stored form (the export in progress is not stored).
    let stored = serde_json::to_string(&journal).unwrap();
    let read: ExportJournal = serde_json::from_str(&stored).unwrap();
    assert_eq!(read.unexported(), 1);

    let mut abandoned = read;
    abandoned.begin_export();
    abandoned.abandon_export();
    assert_eq!(abandoned.unexported(), 1);

    // Another tab exported everything: this tab follows.
    journal.follow_stored(&ExportJournal::never_exported([]));
    assert_eq!(journal.unexported(), 0);
}

fn built_in() -> CampaignId {
    CampaignList::built_in_id()
}

#[test]
fn each_campaign_says_when_it_was_last_exported() {
    let event = |n: u128| EventId(uuid::Uuid::from_u128(n));
    let later = CampaignId::new("quality-month-2026");
    // A journal stored before campaigns could be switched: its one time is the built-in
    // campaign's, and no other campaign has been exported.
    let stored = r#"{"last_export":"2021-09-20T10:00:00Z","changed":[]}"#;
    let mut journal: ExportJournal = serde_json::from_str(stored).unwrap();
    assert_eq!(journal.last_export_of(&built_in()), Some(at(20, 18, 0)));
    assert_eq!(journal.last_export_of(&later), None);

    journal.begin_export();
    journal.finish_export(&later, [event(1)], at(21, 9, 0));
    assert_eq!(journal.last_export_of(&later), Some(at(21, 9, 0)));
    assert_eq!(
        journal.last_export_of(&built_in()),
        Some(at(20, 18, 0)),
        "the built-in campaign keeps its time from before"
    );
    journal.begin_export();
    journal.finish_export(&built_in(), [], at(21, 10, 0));
    assert_eq!(journal.last_export_of(&built_in()), Some(at(21, 10, 0)));
    assert_eq!(journal.last_export_of(&later), Some(at(21, 9, 0)));

    // Both times survive the stored form, and a journal without them still reads.
    let read: ExportJournal =
        serde_json::from_str(&serde_json::to_string(&journal).unwrap()).unwrap();
    assert_eq!(read.last_export_of(&later), Some(at(21, 9, 0)));
    assert_eq!(read.last_export_of(&built_in()), Some(at(21, 10, 0)));
}
