//! Event records in IndexedDB, and the database itself (opening, upgrades, transactions).
//!
//! Database `field-ledger`, version [`DATABASE_VERSION`]; each store holds one record per key as
//! JSON text, so a change writes one record, never the whole collection. Events are keyed by their
//! UUID; sign-ins are kept in pages per event (`super::roster`). Writes use a
//! `strict`-durability transaction and resolve only once it has completed: then the change is on
//! disk and the UI may say "saved".

use crate::domain::ids::EventId;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::schema::{decode_event, MigrationError};
use crate::domain::storage_failure::StorageFailure;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// The database's name.
pub const DATABASE_NAME: &str = "field-ledger";
/// The database's version: raise it (with an upgrade step in [`RecordDatabase::open`]) whenever
/// stores or indexes change.
pub const DATABASE_VERSION: u32 = 5;
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
        let keep = super::waiting::Callbacks::default();
        let moving = keep.clone();
        // The upgrade's transaction, to tell why it failed (a full disk, say) if it does.
        let upgrade = std::rc::Rc::new(std::cell::RefCell::new(None::<IdbTransaction>));
        let upgraded = upgrade.clone();
        // Or the error of this code's own request that made it give up.
        let cause = std::rc::Rc::new(std::cell::RefCell::new(None::<JsValue>));
        let caused = cause.clone();
        let on_upgrade = Closure::<dyn FnMut()>::new(move || {
            // Version 1 created the record stores; version 2 adds the import stores, version 3
            // the photo stores, version 4 live sync's stores, and each leaves every record as it
            // is (tested from a v1 database in tests/browser_records.rs). Version 5 moves the
            // sign-ins into pages (tested from a v4 database in tests/browser_roster_pages.rs).
            // Each step only creates what is missing, so any older version upgrades in one go.
            let Ok(result) = upgrading.result() else {
                return;
            };
            let database: IdbDatabase = result.unchecked_into();
            *upgraded.borrow_mut() = upgrading.transaction();
            let existing = database.object_store_names();
            for store in ALL_STORES {
                if !existing.contains(store) {
                    let _ = database.create_object_store(store);
                }
            }
            if existing.contains(LEGACY_ROSTER_STORE) {
                let moved = upgrading
                    .transaction()
                    .ok_or(JsValue::NULL)
                    .and_then(|upgrade| {
                        super::roster_upgrade::queue_roster_upgrade(
                            &database, &upgrade, &moving, &caused,
                        )
                    });
                if let Err(error) = moved {
                    *caused.borrow_mut() = Some(error);
                    if let Some(upgrade) = upgrading.transaction() {
                        let _ = upgrade.abort();
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let opened = request_result(&request).await.map_err(|error| {
            // An aborted upgrade fails the opening with `AbortError`; its own error says why.
            let told = upgrade.borrow().as_ref().and_then(|u| u.error());
            let own = cause.borrow_mut().take();
            failure(told.map(JsValue::from).or(own).unwrap_or(error))
        });
        request.set_onupgradeneeded(None);
        drop(on_upgrade);
        keep.borrow_mut().clear();
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

    /// One event record as stored now (not a tab's copy in memory, which may not be loaded yet).
    pub async fn load_event(&self, id: EventId) -> Result<Option<EventRecord>, StorageFailure> {
        let (_transaction, store) = self.store(EVENTS_STORE, IdbTransactionMode::Readonly)?;
        let request = store
            .get(&JsValue::from_str(&id.to_string()))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        match value.as_string() {
            Some(text) => decode_event(&text)
                .map(Some)
                .map_err(|_| StorageFailure::Unreadable),
            None => Ok(None),
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
