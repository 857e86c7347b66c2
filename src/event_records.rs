//! The tablet's event records in memory, loaded from and saved through the storage adapter.
//!
//! Every save goes to IndexedDB first; only when its transaction has completed does the record
//! enter the in-memory map the screens read, so nothing is shown as saved that is not on disk.

use crate::domain::event_record::EventRecord;
use crate::domain::ids::EventId;
use crate::storage::records::RecordDatabase;
use crate::storage::StorageFailure;
use leptos::prelude::*;
use std::collections::HashMap;

/// Where loading the stored records stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadState {
    /// Still reading.
    Loading,
    /// Read; `newer` records from a newer app version were left unread and untouched.
    Ready {
        /// Records written by a newer app version.
        newer: usize,
        /// Records that could not be read at all.
        unreadable: usize,
    },
    /// Storage could not be opened.
    Failed(StorageFailure),
}

/// Every event record of this tablet (tombstones included), by ID.
#[derive(Debug, Clone, Copy)]
pub struct EventRecords {
    /// The records as stored.
    pub all: RwSignal<HashMap<EventId, EventRecord>>,
    /// Loading progress.
    pub load: RwSignal<LoadState>,
    database: StoredValue<Option<RecordDatabase>, LocalStorage>,
}

impl EventRecords {
    /// Starts empty and loads the stored records in the background.
    pub fn load() -> Self {
        let records = Self {
            all: RwSignal::new(HashMap::new()),
            load: RwSignal::new(LoadState::Loading),
            database: StoredValue::new_local(None),
        };
        leptos::task::spawn_local(async move {
            let opened = match RecordDatabase::open().await {
                Ok(database) => database,
                Err(failure) => return records.load.set(LoadState::Failed(failure)),
            };
            match opened.load_events().await {
                Ok(loaded) => {
                    let map = loaded.records.into_iter().map(|r| (r.id, r)).collect();
                    records.all.set(map);
                    records.database.set_value(Some(opened));
                    records.load.set(LoadState::Ready {
                        newer: loaded.newer,
                        unreadable: loaded.unreadable,
                    });
                }
                Err(failure) => records.load.set(LoadState::Failed(failure)),
            }
        });
        records
    }

    /// Stores `record` durably, then shows it. On failure nothing changes on screen or on disk.
    pub async fn save(self, record: EventRecord) -> Result<(), StorageFailure> {
        let database = self
            .database
            .get_value()
            .ok_or(match self.load.get_untracked() {
                LoadState::Failed(failure) => failure,
                _ => StorageFailure::Blocked,
            })?;
        database.put_event(&record).await?;
        self.all.update(|all| {
            all.insert(record.id, record);
        });
        Ok(())
    }

    /// The stored record with `id`, if any (deleted ones included).
    pub fn get(self, id: EventId) -> Option<EventRecord> {
        self.all.with(|all| all.get(&id).cloned())
    }
}
