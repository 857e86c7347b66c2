//! The IndexedDB adapter against a real IndexedDB in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{delete_database, run_js};
use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::schema::decode_event;
use field_ledger::storage::records::RecordDatabase;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE_EVENTS: &str = include_str!("fixtures/stored-v1/events.json");

/// Writes raw values into a version-1 database laid out as the app lays it out.
async fn seed_version_1(values: &[(String, String)]) {
    let pairs = js_sys::Array::new();
    for (key, value) in values {
        pairs.push(&js_sys::Array::of2(&key.into(), &value.into()));
    }
    run_js(
        "return new Promise((ok, fail) => { const r = indexedDB.open('field-ledger', 1); \
         r.onupgradeneeded = () => { r.result.createObjectStore('events'); r.result.createObjectStore('roster'); }; \
         r.onerror = () => fail(r.error); \
         r.onsuccess = () => { const tx = r.result.transaction('events', 'readwrite'); \
           for (const [k, v] of arg) tx.objectStore('events').put(v, k); \
           tx.oncomplete = () => { r.result.close(); ok(); }; tx.onerror = () => fail(tx.error); }; });",
        &pairs,
    )
    .await;
}

fn sample(revision: u32) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 1, 0, 0).unwrap();
    let mut record = EventRecord::new(
        EventId::parse("6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11").unwrap(),
        &plan,
        DeviceId::parse("3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d").unwrap(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new("qm2021-a01"),
        },
        UnitId::new("metrology-institute"),
        NaiveDate::from_ymd_opt(2021, 9, 15).unwrap(),
        now,
    );
    record.place = "中山公园广场".into();
    record.revision = revision;
    record
}

#[wasm_bindgen_test]
async fn a_saved_record_is_read_back_and_a_new_revision_replaces_it() {
    delete_database().await;
    let database = RecordDatabase::open().await.unwrap();
    assert!(database.load_events().await.unwrap().records.is_empty());
    database.put_event(&sample(1)).await.unwrap();
    database.put_event(&sample(2)).await.unwrap();
    let loaded = database.load_events().await.unwrap();
    assert_eq!(
        loaded.records,
        vec![sample(2)],
        "one key per record: replaced, not added"
    );
    // A second connection (a reload) sees the same.
    let reopened = RecordDatabase::open().await.unwrap();
    assert_eq!(
        reopened.load_events().await.unwrap().records,
        vec![sample(2)]
    );
    // Stored as ASCII JSON text (one byte per character for the browser): the place written
    // as escapes, read back in Chinese.
    let raw = run_js(
        "return new Promise((ok) => { const r = indexedDB.open('field-ledger'); r.onsuccess = () => { \
         const g = r.result.transaction('events').objectStore('events').get(arg); \
         g.onsuccess = () => { r.result.close(); ok(g.result); }; }; });",
        &JsValue::from_str(&sample(2).id.to_string()),
    )
    .await
    .as_string()
    .unwrap();
    assert!(raw.is_ascii(), "{raw}");
    assert!(
        raw.contains(r#""place":"\u4e2d\u5c71\u516c\u56ed\u5e7f\u573a""#),
        "{raw}"
    );
}

#[wasm_bindgen_test]
async fn a_version_1_database_from_the_frozen_fixture_opens_with_every_record() {
    delete_database().await;
    let stored: Vec<String> = serde_json::from_str(FIXTURE_EVENTS).unwrap();
    let values: Vec<(String, String)> = stored
        .iter()
        .map(|json| (decode_event(json).unwrap().id.to_string(), json.clone()))
        .collect();
    seed_version_1(&values).await;

    let loaded = RecordDatabase::open()
        .await
        .unwrap()
        .load_events()
        .await
        .unwrap();
    let mut ids: Vec<String> = loaded.records.iter().map(|r| r.id.to_string()).collect();
    let mut expected: Vec<String> = values.iter().map(|(id, _)| id.clone()).collect();
    ids.sort();
    expected.sort();
    assert_eq!(ids, expected);
    assert_eq!((loaded.newer, loaded.unreadable), (0, 0));
    // The upgrade added the import, photo and sync stores, kept the events' store and moved the
    // sign-ins into pages (version 5).
    let layout = run_js(
        "return new Promise((ok) => { const r = indexedDB.open('field-ledger'); r.onsuccess = () => { \
         const names = [...r.result.objectStoreNames].sort().join(','); const v = r.result.version; \
         r.result.close(); ok(`${v}:${names}`); }; });",
        &JsValue::NULL,
    )
    .await;
    assert_eq!(
        layout.as_string().unwrap(),
        "5:conflicts,events,imports,photo_blobs,photo_thumbs,photos,received_files,received_records,roster_live,roster_pages,sync_known,sync_pending,sync_state"
    );
}

#[wasm_bindgen_test]
async fn records_from_a_newer_version_are_counted_and_left_untouched() {
    delete_database().await;
    let newer = serde_json::to_string(&sample(1))
        .unwrap()
        .replace("\"schema_version\":1", "\"schema_version\":7");
    seed_version_1(&[
        ("future".into(), newer.clone()),
        ("broken".into(), "{".into()),
    ])
    .await;
    let database = RecordDatabase::open().await.unwrap();
    let loaded = database.load_events().await.unwrap();
    assert!(loaded.records.is_empty());
    assert_eq!((loaded.newer, loaded.unreadable), (1, 1));
    database.put_event(&sample(1)).await.unwrap();
    let raw = run_js(
        "return new Promise((ok) => { const r = indexedDB.open('field-ledger'); r.onsuccess = () => { \
         const g = r.result.transaction('events').objectStore('events').get(arg); \
         g.onsuccess = () => { r.result.close(); ok(g.result); }; }; });",
        &JsValue::from_str("future"),
    )
    .await;
    assert_eq!(
        raw.as_string(),
        Some(newer),
        "the newer record is still there, unchanged"
    );
}

#[wasm_bindgen_test]
async fn an_older_or_equal_revision_never_overwrites_the_stored_one() {
    use field_ledger::domain::storage_failure::StorageFailure;
    delete_database().await;
    let database = RecordDatabase::open().await.unwrap();
    database.put_event(&sample(3)).await.unwrap();
    // Another tab still holding revision 2 (or 3) saves: refused, the stored copy stays.
    assert_eq!(
        database.put_event(&sample(2)).await,
        Err(StorageFailure::Conflict)
    );
    assert_eq!(
        database.put_event(&sample(3)).await,
        Err(StorageFailure::Conflict)
    );
    assert_eq!(
        database.load_events().await.unwrap().records,
        vec![sample(3)]
    );
    database.put_event(&sample(4)).await.unwrap();
    assert_eq!(
        database.load_events().await.unwrap().records,
        vec![sample(4)]
    );
}
