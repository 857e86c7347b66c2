//! Event records and roster entries in IndexedDB.
//!
//! Database `field-ledger`, version [`DATABASE_VERSION`]; each store holds one record per key as
//! JSON text, so a change writes one record, never the whole collection. Events are keyed by their
//! UUID; roster entries by `live/<event>/<entry>` or, once removed, `removed/<event>/<entry>`, so
//! one event's sign-ins are a key range and the live counts of all events come from keys alone. Writes use a
//! `strict`-durability transaction and resolve only once it has completed: then the change is on
//! disk and the UI may say "saved".

use crate::domain::ids::EventId;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::records::schema::{decode_event, decode_roster_entry, MigrationError};
use crate::domain::storage_failure::StorageFailure;
use js_sys::{Array, Object, Reflect};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// The database's name.
pub const DATABASE_NAME: &str = "field-ledger";
/// The database's version: raise it (with an upgrade step in [`RecordDatabase::open`]) whenever
/// stores or indexes change.
pub const DATABASE_VERSION: u32 = 4;
pub use super::stores::*;
use super::sync_marking::{marking_owner, with_marking, MarkerWrites};
pub(super) use super::values::{failure, json};
pub(super) use super::waiting::{completion, request_result, request_settled};

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase` seen through the one call web-sys keeps behind its unstable-API flag:
    /// `transaction(stores, mode, options)`, whose options carry the durability.
    #[wasm_bindgen(js_name = IDBDatabase)]
    type DatabaseWithOptions;

    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        stores: &JsValue,
        mode: IdbTransactionMode,
        options: &JsValue,
    ) -> Result<IdbTransaction, JsValue>;
}

/// Records read from a store, with those that could not be read counted, not dropped silently.
#[derive(Debug, Clone)]
pub struct LoadedRecords<T> {
    /// Every record read.
    pub records: Vec<T>,
    /// Records written by a newer app version: left untouched in storage.
    pub newer: usize,
    /// Records that could not be read at all.
    pub unreadable: usize,
}

impl<T> Default for LoadedRecords<T> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            newer: 0,
            unreadable: 0,
        }
    }
}

/// An open connection to the records database.
#[derive(Debug, Clone)]
pub struct RecordDatabase {
    database: IdbDatabase,
}

impl RecordDatabase {
    /// Opens (and on first use creates) the database. A database of a newer version, written by
    /// a newer app, is refused with [`StorageFailure::NewerVersion`] and left untouched.
    pub async fn open() -> Result<Self, StorageFailure> {
        let window = web_sys::window().ok_or(StorageFailure::Blocked)?;
        let factory = window
            .indexed_db()
            .ok()
            .flatten()
            .ok_or(StorageFailure::Blocked)?;
        let request = factory
            .open_with_u32(DATABASE_NAME, DATABASE_VERSION)
            .map_err(failure)?;
        let upgrading = request.clone();
        let on_upgrade = Closure::<dyn FnMut()>::new(move || {
            // Version 1 created the record stores; version 2 adds the import stores, version 3
            // the photo stores, version 4 live sync's stores, and each leaves every record as it
            // is (tested from a v1 database in tests/browser_records.rs).
            // Each step only creates what is missing, so any older version upgrades in one go.
            let Ok(result) = upgrading.result() else {
                return;
            };
            let database: IdbDatabase = result.unchecked_into();
            let existing = database.object_store_names();
            for store in ALL_STORES {
                if !existing.contains(store) {
                    let _ = database.create_object_store(store);
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let opened = request_result(&request).await.map_err(failure);
        request.set_onupgradeneeded(None);
        drop(on_upgrade);
        let database: IdbDatabase = opened?.unchecked_into();
        // Let a newer version of the app in another tab upgrade the database.
        let closing = database.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || closing.close());
        database.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(Self { database })
    }

    fn store(
        &self,
        name: &str,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), StorageFailure> {
        let transaction = self.transaction(&[name], mode)?;
        let store = transaction.object_store(name).map_err(failure)?;
        Ok((transaction, store))
    }

    /// A transaction over `names`; a read-write one has `strict` durability, so its completion
    /// means the data is on disk.
    pub(super) fn transaction(
        &self,
        names: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StorageFailure> {
        let options = Object::new();
        let durability = if mode == IdbTransactionMode::Readwrite {
            "strict"
        } else {
            "default"
        };
        Reflect::set(
            &options,
            &JsValue::from_str("durability"),
            &JsValue::from_str(durability),
        )
        .map_err(failure)?;
        let names: Array = names.iter().map(|name| JsValue::from_str(name)).collect();
        self.database
            .unchecked_ref::<DatabaseWithOptions>()
            .transaction_with_options(&names, mode, &options)
            .map_err(failure)
    }

    /// Writes one event record and returns once it is durable. Within the same transaction the
    /// stored copy is read first: if it already has this revision or a newer one (another tab
    /// saved meanwhile), nothing is written and [`StorageFailure::Conflict`] comes back, so an
    /// older copy never overwrites a newer edit or a deletion.
    pub async fn put_event(&self, record: &EventRecord) -> Result<(), StorageFailure> {
        let json = json(record)?;
        let key = JsValue::from_str(&record.id.to_string());
        let owner = marking_owner();
        let stores = with_marking(&[EVENTS_STORE], owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(EVENTS_STORE).map_err(failure)?;
        let marks = MarkerWrites::for_save(&transaction, owner.as_ref(), record)?;
        let read = store.get(&key).map_err(failure)?;
        let revision = record.revision;
        // Why the write was not made, when it was this code that stopped it.
        let refused = std::rc::Rc::new(std::cell::Cell::new(None::<StorageFailure>));
        let refusal = refused.clone();
        let (reading, writer) = (read.clone(), transaction.clone());
        let on_read = Closure::<dyn FnMut()>::once(move || {
            // A stored value this build cannot read may be a newer app's: never overwrite it.
            let stored = reading.result().ok().filter(|value| !value.is_undefined());
            let newer_or_unknown = stored.is_some_and(|value| {
                value
                    .as_string()
                    .and_then(|json| stored_revision(&json))
                    .is_none_or(|r| r >= revision)
            });
            if newer_or_unknown {
                refusal.set(Some(StorageFailure::Conflict));
                let _ = writer.abort();
            } else if let Err(error) = store.put_with_key(&JsValue::from_str(&json), &key) {
                refusal.set(Some(failure(error)));
                let _ = writer.abort();
            }
        });
        read.set_onsuccess(Some(on_read.as_ref().unchecked_ref()));
        let committed = completion(&transaction).await;
        read.set_onsuccess(None);
        drop(on_read);
        drop(marks);
        match (committed, refused.get()) {
            (Ok(_), _) => Ok(()),
            (Err(_), Some(reason)) => Err(reason),
            (Err(error), None) => Err(failure(error)),
        }
    }

    /// Reads every event record, tombstones included.
    pub async fn load_events(&self) -> Result<LoadedRecords<EventRecord>, StorageFailure> {
        let (_transaction, store) = self.store(EVENTS_STORE, IdbTransactionMode::Readonly)?;
        let request = store.get_all().map_err(failure)?;
        let values: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        Ok(decode_all(&values, decode_event))
    }

    /// Writes one roster entry and returns once it is durable. A removed entry moves from its
    /// `live/` key to its `removed/` key in the same transaction, so counts never see both.
    pub async fn put_roster_entry(&self, entry: &RosterEntry) -> Result<(), StorageFailure> {
        let json = json(entry)?;
        let suffix = format!("{}/{}", entry.event_id, entry.id);
        let (key, other) = if entry.deleted {
            (REMOVED, LIVE)
        } else {
            (LIVE, REMOVED)
        };
        let owner = marking_owner();
        let stores = with_marking(&[ROSTER_STORE], owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(ROSTER_STORE).map_err(failure)?;
        let marks = MarkerWrites::for_save(&transaction, owner.as_ref(), entry)?;
        store
            .delete(&JsValue::from_str(&format!("{other}{suffix}")))
            .map_err(failure)?;
        store
            .put_with_key(
                &JsValue::from_str(&json),
                &JsValue::from_str(&format!("{key}{suffix}")),
            )
            .map_err(failure)?;
        let committed = completion(&transaction).await;
        drop(marks);
        committed.map(|_| ()).map_err(failure)
    }

    /// The live (not removed) sign-ins of one event.
    pub async fn load_roster(
        &self,
        event: EventId,
    ) -> Result<LoadedRecords<RosterEntry>, StorageFailure> {
        let (_transaction, store) = self.store(ROSTER_STORE, IdbTransactionMode::Readonly)?;
        let request = store
            .get_all_with_key(&prefix_range(&format!("{LIVE}{event}/"))?)
            .map_err(failure)?;
        let values: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        Ok(decode_all(&values, decode_roster_entry))
    }

    /// Every event record and every roster entry, read in one transaction: the roster is
    /// read while the events are decoded (an export of 100,000 sign-ins waits for both).
    pub async fn load_events_and_roster(
        &self,
    ) -> Result<(LoadedRecords<EventRecord>, LoadedRecords<RosterEntry>), StorageFailure> {
        let transaction =
            self.transaction(&[EVENTS_STORE, ROSTER_STORE], IdbTransactionMode::Readonly)?;
        let read_all = |name: &str| {
            transaction
                .object_store(name)
                .and_then(|store| store.get_all())
                .map(|request| request_settled(&request))
                .map_err(failure)
        };
        let (events, roster) = (read_all(EVENTS_STORE)?, read_all(ROSTER_STORE)?);
        let events: Array = events.await.map_err(failure)?.unchecked_into();
        let events = decode_all(&events, decode_event);
        let roster: Array = roster.await.map_err(failure)?.unchecked_into();
        Ok((events, decode_all(&roster, decode_roster_entry)))
    }

    /// How many live sign-ins each event has, read from the keys alone (no values parsed).
    pub async fn load_roster_counts(&self) -> Result<HashMap<EventId, usize>, StorageFailure> {
        let (_transaction, store) = self.store(ROSTER_STORE, IdbTransactionMode::Readonly)?;
        let request = store
            .get_all_keys_with_key(&prefix_range(LIVE)?)
            .map_err(failure)?;
        let keys: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        let mut counts = HashMap::new();
        for key in keys.iter() {
            let event = key
                .as_string()
                .and_then(|key| key.split('/').nth(1).and_then(EventId::parse));
            if let Some(event) = event {
                *counts.entry(event).or_insert(0) += 1;
            }
        }
        Ok(counts)
    }
}

impl RecordDatabase {
    /// Live sign-ins of `events` only, counted from keys in one transaction (a sync page that
    /// brought a few hundred sign-ins does not count 100,000 again).
    pub async fn load_roster_counts_of(
        &self,
        events: &[EventId],
    ) -> Result<HashMap<EventId, usize>, StorageFailure> {
        let (_transaction, store) = self.store(ROSTER_STORE, IdbTransactionMode::Readonly)?;
        let mut reads = Vec::with_capacity(events.len());
        for event in events {
            let range = prefix_range(&format!("{LIVE}{event}/"))?;
            reads.push(request_settled(
                &store.count_with_key(&range).map_err(failure)?,
            ));
        }
        let mut counts = HashMap::with_capacity(events.len());
        for (event, read) in events.iter().zip(reads) {
            let count = read.await.map_err(failure)?.as_f64().unwrap_or(0.0) as usize;
            counts.insert(*event, count);
        }
        Ok(counts)
    }
}

/// The revision of a stored record, read without decoding the rest; `None` if unreadable.
fn stored_revision(json: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Revision {
        revision: u32,
    }
    serde_json::from_str::<Revision>(json)
        .ok()
        .map(|r| r.revision)
}

/// Reads stored JSON values, counting (not dropping silently) those from a newer app version
/// and those that cannot be read at all.
pub(super) fn decode_all<T>(
    values: &Array,
    decode: fn(&str) -> Result<T, MigrationError>,
) -> LoadedRecords<T> {
    let mut loaded = LoadedRecords::default();
    for value in values.iter() {
        match value.as_string().map(|json| decode(&json)) {
            Some(Ok(record)) => loaded.records.push(record),
            Some(Err(MigrationError::NewerVersion(_))) => loaded.newer += 1,
            _ => loaded.unreadable += 1,
        }
    }
    loaded
}

/// Every string key starting with `prefix`.
fn prefix_range(prefix: &str) -> Result<JsValue, StorageFailure> {
    let upper = format!("{prefix}\u{ffff}");
    IdbKeyRange::bound(&JsValue::from_str(prefix), &JsValue::from_str(&upper))
        .map(JsValue::from)
        .map_err(failure)
}
