//! The import stores of the records database (version 2): received files, the records each
//! carried, the snapshot before each import, and conflicts to review; and [`RecordBatch`], the
//! one way imports, undos and removals write: everything in one `strict` transaction, so a merge
//! is stored whole or not at all.

use super::records::{
    completion, decode_all, failure, json, request_result, LoadedRecords, RecordDatabase,
    ALL_STORES, CONFLICTS_STORE, EVENTS_STORE, IMPORTS_STORE, RECEIVED_FILES_STORE,
    RECEIVED_RECORDS_STORE,
};
use super::roster::{queue_event_changes, Callbacks, RosterChange};
use super::sync_marking::{marking_owner, MarkerWrites};
use crate::domain::ids::{EventId, ReceivedFileId, RosterEntryId};
use crate::domain::incoming::received::{
    ConflictVersion, ImportSnapshot, ReceivedFile, ReceivedRecords,
};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::{Synced, VersionMark};
use js_sys::Array;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransactionMode;

/// Writes to make together: put a value (`Some`: JSON text, or a photo's `Blob`) or delete a key
/// (`None`), per store.
#[derive(Debug, Default)]
pub struct RecordBatch {
    pub(super) writes: Vec<(&'static str, String, Option<JsValue>)>,
    /// Changes to sign-ins, per event (each event's pages are read and rewritten once).
    pub(super) roster: Vec<(EventId, Vec<RosterChange>)>,
    /// Where each event's changes are in `roster`.
    pub(super) roster_index: std::collections::HashMap<EventId, usize>,
    /// The records put, by document `_id` and version, for live sync's markers.
    pub(super) marks: Vec<(String, VersionMark)>,
    /// What the sync server sent: its records are not marked anew (the sync round writes their
    /// markers itself).
    pub(super) from_server: bool,
}

impl RecordBatch {
    /// Stores an event.
    pub fn put_event(&mut self, record: &EventRecord) -> Result<(), StorageFailure> {
        self.writes.push((
            EVENTS_STORE,
            record.id.to_string(),
            Some(json(record)?.into()),
        ));
        self.marks.push((record.doc_id(), VersionMark::of(record)));
        Ok(())
    }

    /// Deletes an event (one an undone import had added).
    pub fn delete_event(&mut self, id: EventId) {
        self.writes.push((EVENTS_STORE, id.to_string(), None));
    }

    /// Stores a roster entry (in place of its stored version, if any).
    pub fn put_roster_entry(&mut self, entry: &RosterEntry) -> Result<(), StorageFailure> {
        let change = RosterChange::Put(entry.id, json(entry)?);
        self.change_roster(entry.event_id, change);
        self.marks.push((entry.doc_id(), VersionMark::of(entry)));
        Ok(())
    }

    /// Deletes a roster entry (one an undone import had added).
    pub fn delete_roster_entry(&mut self, event: EventId, id: RosterEntryId) {
        self.change_roster(event, RosterChange::Remove(id));
    }

    fn change_roster(&mut self, event: EventId, change: RosterChange) {
        match self.roster_index.get(&event) {
            Some(&at) => self.roster[at].1.push(change),
            None => {
                self.roster_index.insert(event, self.roster.len());
                self.roster.push((event, vec![change]));
            }
        }
    }

    /// Records a received file and the records it carried.
    pub fn put_received_file(
        &mut self,
        file: &ReceivedFile,
        records: &ReceivedRecords,
    ) -> Result<(), StorageFailure> {
        let key = file.id.to_string();
        self.writes
            .push((RECEIVED_FILES_STORE, key.clone(), Some(json(file)?.into())));
        self.writes
            .push((RECEIVED_RECORDS_STORE, key, Some(json(records)?.into())));
        Ok(())
    }

    /// Forgets a received file.
    pub fn delete_received_file(&mut self, id: ReceivedFileId) {
        for store in [RECEIVED_FILES_STORE, RECEIVED_RECORDS_STORE] {
            self.writes.push((store, id.to_string(), None));
        }
    }

    /// Stores an import's snapshot.
    pub fn put_snapshot(&mut self, snapshot: &ImportSnapshot) -> Result<(), StorageFailure> {
        self.writes
            .push((IMPORTS_STORE, snapshot.key(), Some(json(snapshot)?.into())));
        Ok(())
    }

    /// Deletes an import's snapshot.
    pub fn delete_snapshot(&mut self, snapshot: &ImportSnapshot) {
        self.writes.push((IMPORTS_STORE, snapshot.key(), None));
    }

    /// Lists a conflict for review.
    pub fn put_conflict(&mut self, conflict: &ConflictVersion) -> Result<(), StorageFailure> {
        self.writes.push((
            CONFLICTS_STORE,
            conflict.key(),
            Some(json(conflict)?.into()),
        ));
        Ok(())
    }

    /// Takes a conflict off the list.
    pub fn delete_conflict(&mut self, key: String) {
        self.writes.push((CONFLICTS_STORE, key, None));
    }

    /// How many writes the batch holds (each sign-in change counted).
    pub fn len(&self) -> usize {
        let roster: usize = self.roster.iter().map(|(_, changes)| changes.len()).sum();
        self.writes.len() + roster
    }

    /// Whether the batch holds no writes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl RecordDatabase {
    /// Writes `batch` in one transaction and returns once it is durable; on any failure
    /// nothing of it is stored.
    pub async fn commit(&self, batch: RecordBatch) -> Result<(), StorageFailure> {
        let transaction = self.transaction(&ALL_STORES, IdbTransactionMode::Readwrite)?;
        // While sync is on, every record the batch puts is marked in the same transaction. (The
        // owner of records merged in from other devices' files is this device's unit until the
        // sync workflow learns it from the server.)
        let mut marks = MarkerWrites::default();
        let keep = Callbacks::default();
        // Any request that cannot be queued aborts the whole batch before anything commits.
        let queued = (|| -> Result<(), StorageFailure> {
            if let Some(owner) = marking_owner().filter(|_| !batch.from_server) {
                for (doc_id, version) in &batch.marks {
                    marks.queue(&transaction, doc_id, *version, &owner)?;
                }
            }
            for (store, key, value) in &batch.writes {
                let store = transaction.object_store(store).map_err(failure)?;
                let key = JsValue::from_str(key);
                match value {
                    Some(value) => store.put_with_key(value, &key),
                    None => store.delete(&key),
                }
                .map_err(failure)?;
            }
            for (event, changes) in batch.roster {
                queue_event_changes(&transaction, event, changes, &keep)?;
            }
            Ok(())
        })();
        if let Err(error) = queued {
            let _ = transaction.abort();
            return Err(error);
        }
        let committed = completion(&transaction).await;
        drop(marks);
        keep.borrow_mut().clear();
        committed.map(|_| ()).map_err(failure)
    }

    async fn all_values(&self, store: &str) -> Result<Array, StorageFailure> {
        let transaction = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(store)
            .map_err(failure)?
            .get_all()
            .map_err(failure)?;
        Ok(request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into())
    }

    async fn value<T: DeserializeOwned>(
        &self,
        store: &str,
        key: &str,
    ) -> Result<Option<T>, StorageFailure> {
        let transaction = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(store)
            .map_err(failure)?
            .get(&JsValue::from_str(key))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        match value.as_string() {
            Some(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|_| StorageFailure::Unreadable),
            None => Ok(None),
        }
    }

    /// Every received file, oldest import first.
    pub async fn load_received_files(&self) -> Result<LoadedRecords<ReceivedFile>, StorageFailure> {
        let values = self.all_values(RECEIVED_FILES_STORE).await?;
        let mut loaded = decode_all(&values, |text| {
            serde_json::from_str(text).map_err(|error| {
                crate::domain::records::schema::MigrationError::Malformed(error.to_string())
            })
        });
        crate::domain::sort::sort_by(&mut loaded.records, |a: &ReceivedFile, b| {
            (a.received_at, &a.name).cmp(&(b.received_at, &b.name))
        });
        Ok(loaded)
    }

    /// The records a received file carried.
    pub async fn load_received_records(
        &self,
        file: ReceivedFileId,
    ) -> Result<ReceivedRecords, StorageFailure> {
        Ok(self
            .value(RECEIVED_RECORDS_STORE, &file.to_string())
            .await?
            .unwrap_or_default())
    }

    /// Every import's snapshot key, oldest first.
    async fn snapshot_keys(&self) -> Result<Vec<String>, StorageFailure> {
        let transaction = self.transaction(&[IMPORTS_STORE], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(IMPORTS_STORE)
            .map_err(failure)?
            .get_all_keys()
            .map_err(failure)?;
        let keys: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        let mut keys: Vec<String> = keys.iter().filter_map(|key| key.as_string()).collect();
        crate::domain::sort::sort_by_key(&mut keys, |key| ImportSnapshot::sequence_of(key));
        Ok(keys)
    }

    /// The sequence number the next import's snapshot takes.
    pub async fn next_snapshot_sequence(&self) -> Result<u64, StorageFailure> {
        let last = self.snapshot_keys().await?;
        Ok(last
            .last()
            .map_or(0, |key| ImportSnapshot::sequence_of(key))
            + 1)
    }

    /// Every import's snapshot still kept, oldest first.
    pub async fn load_snapshots(&self) -> Result<Vec<ImportSnapshot>, StorageFailure> {
        let mut snapshots = Vec::new();
        for key in self.snapshot_keys().await? {
            snapshots.extend(self.value(IMPORTS_STORE, &key).await?);
        }
        Ok(snapshots)
    }

    /// Whether any import can be undone.
    pub async fn has_snapshot(&self) -> Result<bool, StorageFailure> {
        Ok(!self.snapshot_keys().await?.is_empty())
    }

    /// The snapshot of the last import still standing, if any.
    pub async fn load_last_snapshot(&self) -> Result<Option<ImportSnapshot>, StorageFailure> {
        match self.snapshot_keys().await?.last() {
            Some(key) => self.value(IMPORTS_STORE, key).await,
            None => Ok(None),
        }
    }

    /// Every conflict waiting for review.
    pub async fn load_conflicts(&self) -> Result<Vec<ConflictVersion>, StorageFailure> {
        let values = self.all_values(CONFLICTS_STORE).await?;
        Ok(values
            .iter()
            .filter_map(|value| value.as_string())
            .filter_map(|text| serde_json::from_str(&text).ok())
            .collect())
    }
}
