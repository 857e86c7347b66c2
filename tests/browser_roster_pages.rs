//! Sign-ins in pages (database version 5) against a real IndexedDB in headless Chromium: a
//! database as version 4 wrote it (one value per sign-in, live sync's markers and checkpoint)
//! opens with every sign-in, count, marker and checkpoint as it was and exports the same roster
//! CSV byte for byte; new sign-ins fill pages at a crowded event; edits and removals land in
//! place.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{delete_database, run_js};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use field_ledger::domain::exchange::csv_export::roster_csv;
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, RosterEntryId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::ascii_json::ascii_json;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::roster::RosterEntry;
use field_ledger::domain::records::roster_pages::PAGE_ENTRIES;
use field_ledger::domain::records::schema::{decode_event, decode_roster_entry};
use field_ledger::domain::sync::document::{Synced, VersionMark};
use field_ledger::domain::sync::ledger::{marker_after_save, SyncCheckpoint};
use field_ledger::i18n::{csv_words, Language};
use field_ledger::storage::records::RecordDatabase;
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The stores version 4 had, as its upgrade created them.
const VERSION_4_STORES: [&str; 12] = [
    "events",
    "roster",
    "received_files",
    "received_records",
    "imports",
    "conflicts",
    "photos",
    "photo_blobs",
    "photo_thumbs",
    "sync_pending",
    "sync_known",
    "sync_state",
];

/// Writes a version-4 database laid out as that version laid it out: `values` are
/// `[store, key, text]`.
async fn seed_version_4(values: &[(&str, String, String)]) {
    let rows = Array::new();
    for (store, key, text) in values {
        rows.push(&Array::of3(&(*store).into(), &key.into(), &text.into()));
    }
    let stores: Array = VERSION_4_STORES
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    run_js(
        "const [stores, rows] = arg; \
         return new Promise((ok, fail) => { const r = indexedDB.open('field-ledger', 4); \
         r.onupgradeneeded = () => { for (const s of stores) r.result.createObjectStore(s); }; \
         r.onerror = () => fail(r.error); \
         r.onsuccess = () => { const tx = r.result.transaction(stores, 'readwrite'); \
           for (const [s, k, v] of rows) tx.objectStore(s).put(v, k); \
           tx.oncomplete = () => { r.result.close(); ok(); }; tx.onerror = () => fail(tx.error); }; });",
        &Array::of2(&stores, &rows),
    )
    .await;
}

/// Every `[key, value]` of a store, read raw.
async fn raw_store(store: &str) -> Vec<(String, String)> {
    let pairs: Array = run_js(
        "return new Promise((ok, fail) => { const r = indexedDB.open('field-ledger'); \
         r.onsuccess = () => { const st = r.result.transaction(arg).objectStore(arg); \
           const k = st.getAllKeys(); const v = st.getAll(); \
           v.onsuccess = () => { r.result.close(); ok(k.result.map((key, i) => [key, v.result[i]])); }; \
           v.onerror = () => fail(v.error); }; });",
        &JsValue::from_str(store),
    )
    .await
    .unchecked_into();
    pairs
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap_or_default(),
            )
        })
        .collect()
}

async fn store_names() -> Vec<String> {
    let names: Array = run_js(
        "return new Promise((ok) => { const r = indexedDB.open('field-ledger'); \
         r.onsuccess = () => { const n = [...r.result.objectStoreNames, 'version ' + r.result.version]; \
           r.result.close(); ok(n); }; });",
        &JsValue::NULL,
    )
    .await
    .unchecked_into();
    names.iter().filter_map(|n| n.as_string()).collect()
}

fn stored(value: &impl serde::Serialize) -> String {
    ascii_json(serde_json::to_string(value).unwrap())
}

fn event(n: u32) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 1, 0, 0).unwrap();
    let mut record = EventRecord::new(
        EventId::parse(&format!("6f1c2e0a-8a4b-4c1e-9a55-{n:012x}")).unwrap(),
        &plan,
        DeviceId::parse("3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d").unwrap(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new(format!("qm2021-a{:02}", 1 + n % 19)),
        },
        UnitId::new("food"),
        NaiveDate::from_ymd_opt(2021, 9, 1 + n % 30).unwrap(),
        now,
    );
    record.place = format!("望海楼社区 {n}");
    record
}

fn sign_in(event: &EventRecord, n: u32) -> RosterEntry {
    let at = Utc.with_ymd_and_hms(2021, 9, 15, 1, 0, 0).unwrap() + Duration::seconds(n as i64);
    let id = RosterEntryId::parse(&format!("00000000-0000-4000-8000-{n:012x}")).unwrap();
    let mut entry = RosterEntry::new(id, event.id, format!("居民{n}"), at);
    entry.phone = n.is_multiple_of(2).then(|| format!("138{n:08}"));
    entry.affiliation = n.is_multiple_of(3).then(|| "望海楼社区".to_string());
    entry
}

#[wasm_bindgen_test]
async fn a_version_4_database_opens_with_every_sign_in_marker_and_checkpoint_and_the_same_csv() {
    delete_database().await;
    let campaign = Campaign::quality_month_2021();
    let removed_at = Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap();
    let events: Vec<EventRecord> = (0..20).map(event).collect();
    // 1,000 sign-ins over 20 events, 250 at the first (three pages); every 20th removed.
    let mut roster = Vec::new();
    for n in 0..1000u32 {
        let at = if n < 250 { 0 } else { 1 + n as usize % 19 };
        let entry = sign_in(&events[at], n);
        roster.push(if n % 20 == 7 {
            entry.removed_at(removed_at)
        } else {
            entry
        });
    }
    let owner = UnitId::new("food");
    let mut seed: Vec<(&str, String, String)> = Vec::new();
    for record in &events {
        seed.push(("events", record.id.to_string(), stored(record)));
    }
    for entry in &roster {
        let prefix = if entry.deleted { "removed" } else { "live" };
        let key = format!("{prefix}/{}/{}", entry.event_id, entry.id);
        seed.push(("roster", key, stored(entry)));
    }
    // Two sign-ins waiting to go up, and the checkpoint of the unit's database.
    for entry in &roster[3..5] {
        let marker = marker_after_save(None, None, VersionMark::of(entry), &owner);
        seed.push(("sync_pending", entry.doc_id(), stored(&marker)));
    }
    let checkpoint = SyncCheckpoint {
        identity: "food-identity".into(),
        since: serde_json::json!("1207-g1AAAAB"),
    };
    seed.push(("sync_state", "unit-food".into(), stored(&checkpoint)));
    seed_version_4(&seed).await;

    // What version 4 exported: its stored texts as that build read them.
    let words = csv_words(Language::ZhCn);
    let before_events: Vec<EventRecord> = seed
        .iter()
        .filter(|(s, _, _)| *s == "events")
        .map(|(_, _, t)| decode_event(t).unwrap())
        .collect();
    let before_roster: Vec<RosterEntry> = seed
        .iter()
        .filter(|(s, _, _)| *s == "roster")
        .map(|(_, _, t)| decode_roster_entry(t).unwrap())
        .collect();
    let csv_before = roster_csv(&campaign, &before_events, &before_roster, true, &words);
    let pending_before = raw_store("sync_pending").await;
    let state_before = raw_store("sync_state").await;

    let database = RecordDatabase::open().await.unwrap();
    let names = store_names().await;
    assert!(names.contains(&"version 5".to_string()), "{names:?}");
    assert!(
        !names.contains(&"roster".to_string()),
        "old store deleted: {names:?}"
    );

    let (loaded_events, loaded_roster) = database.load_events_and_roster().await.unwrap();
    assert_eq!(
        loaded_roster.records.len(),
        1000,
        "every sign-in, removed ones too"
    );
    assert_eq!((loaded_roster.newer, loaded_roster.unreadable), (0, 0));
    let mut got: Vec<RosterEntry> = loaded_roster.records.clone();
    got.sort_by_key(|e| e.id);
    let mut want = roster.clone();
    want.sort_by_key(|e| e.id);
    assert_eq!(got, want);
    let csv_after = roster_csv(
        &campaign,
        &loaded_events.records,
        &loaded_roster.records,
        true,
        &words,
    );
    assert_eq!(csv_after, csv_before, "byte-identical roster CSV");

    // Counts, per event, as the event list reads them.
    let mut live: HashMap<EventId, usize> = HashMap::new();
    for entry in roster.iter().filter(|e| !e.deleted) {
        *live.entry(entry.event_id).or_default() += 1;
    }
    assert_eq!(database.load_roster_counts().await.unwrap(), live);
    let first = database.load_roster(events[0].id).await.unwrap();
    assert_eq!(first.records.len(), live[&events[0].id]);
    let pages = raw_store("roster_pages").await;
    let first_pages = pages
        .iter()
        .filter(|(k, _)| k.starts_with(&events[0].id.to_string()))
        .count();
    assert_eq!(first_pages, 250usize.div_ceil(PAGE_ENTRIES));

    // Live sync's markers and checkpoint, byte for byte; a pull resumes from the checkpoint.
    assert_eq!(raw_store("sync_pending").await, pending_before);
    assert_eq!(raw_store("sync_state").await, state_before);
    let pending = database.load_pending().await.unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(
        database.load_checkpoint("unit-food").await.unwrap(),
        Some(checkpoint)
    );
    // And a removed sign-in reads back through the sync path.
    let gone = &roster[7];
    let read = database.load_roster_entry(gone.event_id, gone.id).await;
    assert_eq!(read.unwrap().as_ref(), Some(gone));
}

#[wasm_bindgen_test]
async fn sign_ins_fill_pages_and_edits_and_removals_land_in_place() {
    delete_database().await;
    let database = RecordDatabase::open().await.unwrap();
    let record = event(1);
    let count = PAGE_ENTRIES as u32 * 2 + 5;
    for n in 0..count {
        database
            .add_roster_entry(&sign_in(&record, n))
            .await
            .unwrap();
    }
    let pages = raw_store("roster_pages").await;
    let keys: Vec<&str> = pages.iter().map(|(k, _)| k.as_str()).collect();
    let id = record.id.to_string();
    assert_eq!(
        keys,
        vec![
            format!("{id}/000000"),
            format!("{id}/000001"),
            format!("{id}/000002")
        ]
    );
    let counts = database.load_roster_counts().await.unwrap();
    assert_eq!(counts[&record.id], count as usize);
    // The same sign-in added again (a retried save): still one copy, counted once.
    database
        .add_roster_entry(&sign_in(&record, count - 1))
        .await
        .unwrap();
    let counts = database.load_roster_counts().await.unwrap();
    assert_eq!(counts[&record.id], count as usize);
    let live = database.load_roster(record.id).await.unwrap().records;
    assert_eq!(live.len(), count as usize);

    // An edit and a removal of entries in the first page: in place, counted.
    let now = Utc.with_ymd_and_hms(2021, 9, 17, 1, 0, 0).unwrap();
    let removed = sign_in(&record, 3).removed_at(now);
    database.put_roster_entry(&removed).await.unwrap();
    let purged = sign_in(&record, 4).purged_at(now);
    database.put_roster_entry(&purged).await.unwrap();
    let counts = database.load_roster_counts().await.unwrap();
    assert_eq!(counts[&record.id], count as usize - 1);
    assert_eq!(raw_store("roster_pages").await.len(), 3, "no page added");
    let live = database.load_roster(record.id).await.unwrap().records;
    assert_eq!(live.len(), count as usize - 1);
    assert!(live.iter().all(|e| e.id != removed.id));
    assert!(live.contains(&purged));
    assert_eq!(
        database
            .load_roster_entry(record.id, removed.id)
            .await
            .unwrap(),
        Some(removed)
    );
}

#[wasm_bindgen_test]
async fn a_version_4_value_that_is_not_text_is_kept_as_it_is_and_counted_unreadable() {
    delete_database().await;
    let record = event(3);
    let entry = sign_in(&record, 1);
    let key = format!("live/{}/{}", record.id, entry.id);
    seed_version_4(&[
        ("events", record.id.to_string(), stored(&record)),
        ("roster", key, stored(&entry)),
    ])
    .await;
    // A value no build writes: an object, under a key of the old form.
    run_js(
        "return new Promise((ok, fail) => { const r = indexedDB.open('field-ledger'); \
         r.onsuccess = () => { const tx = r.result.transaction('roster', 'readwrite'); \
           tx.objectStore('roster').put({ odd: [1, 2] }, arg); \
           tx.oncomplete = () => { r.result.close(); ok(); }; tx.onerror = () => fail(tx.error); }; });",
        &JsValue::from_str(&format!("live/{}/odd", record.id)),
    )
    .await;
    let database = RecordDatabase::open().await.unwrap();
    let (_, roster) = database.load_events_and_roster().await.unwrap();
    assert_eq!(roster.records, vec![entry]);
    assert_eq!(roster.unreadable, 1, "kept, and said so");
    let kept = run_js(
        "return new Promise((ok) => { const r = indexedDB.open('field-ledger'); r.onsuccess = () => { \
         const g = r.result.transaction('roster_pages').objectStore('roster_pages').get('unfiled-values/000000'); \
         g.onsuccess = () => { r.result.close(); ok(JSON.stringify(g.result)); }; }; });",
        &JsValue::NULL,
    )
    .await;
    assert_eq!(kept.as_string().unwrap(), r#"{"odd":[1,2]}"#);
    assert_eq!(database.load_roster_counts().await.unwrap()[&record.id], 1);
}

#[wasm_bindgen_test]
async fn a_purge_works_on_the_sign_ins_as_stored_when_it_writes() {
    delete_database().await;
    let database = RecordDatabase::open().await.unwrap();
    let record = event(4);
    let later = Utc.with_ymd_and_hms(2021, 9, 20, 1, 0, 0).unwrap();
    for n in 0..3 {
        database
            .add_roster_entry(&sign_in(&record, n))
            .await
            .unwrap();
    }
    database
        .put_roster_entry(&sign_in(&record, 0).removed_at(later))
        .await
        .unwrap();
    // A newer version of sign-in 1 arrives (a sync pull, another tab) before the purge.
    let mut newer = sign_in(&record, 1).next_revision(later);
    newer.name = "居民一（更正）".into();
    database.put_roster_entry(&newer).await.unwrap();

    let purged = database
        .purge_roster(record.id, later + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(purged, 2, "the removed one is left as it is");
    let live = database.load_roster(record.id).await.unwrap().records;
    let one = live.iter().find(|e| e.id == newer.id).unwrap();
    assert_eq!(
        one.revision,
        newer.revision + 1,
        "purged from the newer version"
    );
    assert!(one.purged && one.name.is_empty() && one.phone.is_none());
    let removed = database
        .load_roster_entry(record.id, sign_in(&record, 0).id)
        .await
        .unwrap()
        .unwrap();
    assert!(removed.deleted && !removed.purged);
    assert_eq!(database.load_roster_counts().await.unwrap()[&record.id], 2);
    // Nothing left to purge.
    let again = database.purge_roster(record.id, later + Duration::days(2));
    assert_eq!(again.await.unwrap(), 0);
}
