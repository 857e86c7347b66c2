//! Live sync's ledger against a real IndexedDB in headless Chromium: while sync is on, each save
//! writes the record's pending marker in its own transaction; with sync off nothing is marked; a
//! refused save marks nothing; an acknowledgement clears the marker only for the version it waits
//! for.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::delete_database;
use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, RosterEntryId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::roster::RosterEntry;
use field_ledger::domain::storage_failure::StorageFailure;
use field_ledger::domain::sync::document::{Synced, VersionMark};
use field_ledger::domain::sync::ledger::{KnownCopy, SyncSettings};
use field_ledger::storage::preferences::save_sync_settings;
use field_ledger::storage::records::RecordDatabase;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh_database() -> RecordDatabase {
    delete_database().await;
    RecordDatabase::open().await.unwrap()
}

fn sync(enabled: bool) {
    save_sync_settings(&SyncSettings {
        enabled,
        server: "couch/".into(),
        user: "food-tablet-1".into(),
        owner: Some(UnitId::new("food")),
        include_phones: false,
    })
    .unwrap();
}

fn event() -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 1, 0, 0).unwrap();
    let mut record = EventRecord::new(
        EventId::parse("6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11").unwrap(),
        &plan,
        DeviceId::parse("3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d").unwrap(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new("qm2021-a05"),
        },
        UnitId::new("food"),
        NaiveDate::from_ymd_opt(2021, 9, 15).unwrap(),
        now,
    );
    record.place = "意式风情街".into();
    record.recorder = "李明".into();
    record
}

#[wasm_bindgen_test]
async fn with_sync_off_a_save_marks_nothing() {
    let database = fresh_database().await;
    sync(false);
    database.put_event(&event()).await.unwrap();
    assert!(database.load_pending().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn with_sync_on_every_save_marks_its_record_and_an_acknowledgement_clears_only_its_version() {
    let database = fresh_database().await;
    sync(true);
    let first = event();
    database.put_event(&first).await.unwrap();
    let pending = database.load_pending().await.unwrap();
    assert_eq!(pending.len(), 1);
    let (id, stored) = &pending[0];
    assert_eq!(id, &first.doc_id());
    assert_eq!(stored.owner.as_str(), "food");
    assert_eq!(stored.marker.version, VersionMark::of(&first));
    assert_eq!(stored.marker.base, None, "never on a server yet");

    // Acknowledged: cleared, and the server's copy remembered.
    let copy = KnownCopy {
        owner: UnitId::new("food"),
        rev: "1-a".into(),
        version: VersionMark::of(&first),
    };
    assert!(database.acknowledge(&first.doc_id(), &copy).await.unwrap());
    assert!(database.load_pending().await.unwrap().is_empty());

    // The next save is built on that copy; an answer for an older version leaves it waiting.
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 2, 0, 0).unwrap();
    let second = first.next_revision(now);
    database.put_event(&second).await.unwrap();
    let pending = database.load_pending().await.unwrap();
    assert_eq!(pending[0].1.marker.base, Some(VersionMark::of(&first)));
    assert_eq!(pending[0].1.marker.version, VersionMark::of(&second));
    assert!(!database.acknowledge(&first.doc_id(), &copy).await.unwrap());
    assert_eq!(database.load_pending().await.unwrap().len(), 1);

    // A save the store refuses (an older revision) marks nothing either.
    assert_eq!(
        database.put_event(&first).await,
        Err(StorageFailure::Conflict)
    );
    assert_eq!(
        database.load_pending().await.unwrap()[0].1.marker.version,
        VersionMark::of(&second)
    );

    // Sign-ins are marked too, under their own document id.
    let entry = RosterEntry::new(
        RosterEntryId::parse("0a1b2c3d-4e5f-4061-8a9b-0c1d2e3f4a5b").unwrap(),
        first.id,
        "张伟".into(),
        now,
    );
    database.put_roster_entry(&entry).await.unwrap();
    let ids: Vec<String> = database
        .load_pending()
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(ids.contains(&entry.doc_id()), "{ids:?}");

    // New sign-ins, and a purge: each purged version is the one marked.
    let added = RosterEntry::new(
        RosterEntryId::parse("0a1b2c3d-4e5f-4061-8a9b-0c1d2e3f4a5c").unwrap(),
        first.id,
        "王芳".into(),
        now,
    );
    database.add_roster_entry(&added).await.unwrap();
    let later = Utc.with_ymd_and_hms(2021, 9, 16, 2, 0, 0).unwrap();
    assert_eq!(database.purge_roster(first.id, later).await.unwrap(), 2);
    let pending = database.load_pending().await.unwrap();
    for sign_in in [&entry, &added] {
        let (_, marker) = pending
            .iter()
            .find(|(id, _)| id == &sign_in.doc_id())
            .unwrap();
        assert_eq!(
            marker.marker.version,
            VersionMark::of(&sign_in.purged_at(later))
        );
    }
    sync(false);
}
