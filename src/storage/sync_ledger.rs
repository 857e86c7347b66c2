//! Live sync's ledger in IndexedDB (version 4, `docs/sync-protocol.md`): the records waiting to go
//! up, and acknowledgements, which clear a marker only when the server holds exactly the version it
//! waits for and remember what the server holds (`sync_known`). The markers themselves are written
//! by each save (`sync_marking`).

use super::imports::RecordBatch;
use super::records::{completion, failure, json, request_result, request_settled, RecordDatabase};
use super::stores::{SYNC_KNOWN_STORE, SYNC_PENDING_STORE, SYNC_STATE_STORE};
use super::sync_marking::MARKING_STORES;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::ledger::{KnownCopy, StoredMarker, SyncCheckpoint};
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::IdbTransactionMode;

impl RecordDatabase {
    /// How many records wait to go up (what the device page shows), without reading them.
    pub async fn count_pending(&self) -> Result<usize, StorageFailure> {
        let transaction = self.transaction(&[SYNC_PENDING_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let count = request_settled(&store.count().map_err(failure)?)
            .await
            .map_err(failure)?;
        Ok(count.as_f64().unwrap_or(0.0) as usize)
    }

    /// The events that have something waiting to go up (the event, a sign-in or a photo of it),
    /// read from the markers' keys alone.
    pub async fn pending_events(
        &self,
    ) -> Result<std::collections::HashSet<crate::domain::ids::EventId>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_PENDING_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let keys: Array = request_settled(&store.get_all_keys().map_err(failure)?)
            .await
            .map_err(failure)?
            .unchecked_into();
        Ok(keys
            .iter()
            .filter_map(|key| key.as_string())
            .filter_map(|key| crate::domain::sync::document::event_of_doc_id(&key))
            .collect())
    }

    /// Every record waiting to go up, with its marker, by document `_id`.
    pub async fn load_pending(&self) -> Result<Vec<(String, StoredMarker)>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_PENDING_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let keys = request_settled(&store.get_all_keys().map_err(failure)?);
        let values = request_settled(&store.get_all().map_err(failure)?);
        let keys: Array = keys.await.map_err(failure)?.unchecked_into();
        let values: Array = values.await.map_err(failure)?.unchecked_into();
        let mut pending = Vec::with_capacity(values.length() as usize);
        for (key, value) in keys.iter().zip(values.iter()) {
            let marker = value
                .as_string()
                .and_then(|text| serde_json::from_str::<StoredMarker>(&text).ok());
            match (key.as_string(), marker) {
                (Some(key), Some(marker)) => pending.push((key, marker)),
                // A marker this build cannot read stays, and says so.
                _ => return Err(StorageFailure::Unreadable),
            }
        }
        Ok(pending)
    }

    /// Records that the server holds `copy` of the record `doc_id`, and clears its marker if it
    /// still waits for exactly that version (a newer save keeps it); in one transaction. Returns
    /// whether the marker was cleared.
    pub async fn acknowledge(
        &self,
        doc_id: &str,
        copy: &KnownCopy,
    ) -> Result<bool, StorageFailure> {
        let answers = [(doc_id.to_owned(), copy.clone())];
        Ok(self.acknowledge_all(&answers).await? == 1)
    }

    /// [`acknowledge`](Self::acknowledge) for a whole batch of answers, in one transaction (one
    /// durable write per batch of 200 rather than per record). Returns how many markers cleared.
    pub async fn acknowledge_all(
        &self,
        answers: &[(String, KnownCopy)],
    ) -> Result<usize, StorageFailure> {
        if answers.is_empty() {
            return Ok(0);
        }
        let transaction = self.transaction(&MARKING_STORES, IdbTransactionMode::Readwrite)?;
        let pending = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let known = transaction
            .object_store(SYNC_KNOWN_STORE)
            .map_err(failure)?;
        let cleared = std::rc::Rc::new(std::cell::Cell::new(0usize));
        let mut callbacks = Vec::with_capacity(answers.len());
        for (doc_id, copy) in answers {
            let key = JsValue::from_str(doc_id);
            known
                .put_with_key(&JsValue::from_str(&json(copy)?), &key)
                .map_err(failure)?;
            let read = pending.get(&key).map_err(failure)?;
            let (clearing, reading, version) = (cleared.clone(), read.clone(), copy.version);
            let deleting = pending.clone();
            let on_read = Closure::<dyn FnMut()>::once(move || {
                let marker = reading
                    .result()
                    .ok()
                    .and_then(|value| value.as_string())
                    .and_then(|text| serde_json::from_str::<StoredMarker>(&text).ok());
                if marker.is_some_and(|m| m.marker.version == version)
                    && deleting.delete(&key).is_ok()
                {
                    clearing.set(clearing.get() + 1);
                }
            });
            read.set_onsuccess(Some(on_read.as_ref().unchecked_ref()));
            callbacks.push((read, on_read));
        }
        let committed = completion(&transaction).await;
        for (read, _) in &callbacks {
            read.set_onsuccess(None);
        }
        drop(callbacks);
        committed.map_err(failure)?;
        Ok(cleared.get())
    }
}

/// What a sync round writes, with the records the server sent.
impl RecordBatch {
    /// A batch of what the sync server sent: its records keep the markers the round gives them.
    pub fn from_server() -> Self {
        Self {
            from_server: true,
            ..Self::default()
        }
    }

    /// Sets (`Some`) or clears (`None`) a record's pending marker.
    pub fn set_marker(
        &mut self,
        doc_id: &str,
        marker: Option<&StoredMarker>,
    ) -> Result<(), StorageFailure> {
        let value = marker.map(json).transpose()?.map(JsValue::from);
        self.writes
            .push((SYNC_PENDING_STORE, doc_id.to_owned(), value));
        Ok(())
    }

    /// Remembers the server's copy of a record.
    pub fn set_known(&mut self, doc_id: &str, known: &KnownCopy) -> Result<(), StorageFailure> {
        self.writes.push((
            SYNC_KNOWN_STORE,
            doc_id.to_owned(),
            Some(json(known)?.into()),
        ));
        Ok(())
    }

    /// Forgets the server's copy of a record (a restored server no longer has it as known).
    pub fn forget_known(&mut self, doc_id: &str) {
        self.writes
            .push((SYNC_KNOWN_STORE, doc_id.to_owned(), None));
    }

    /// Remembers the fingerprint of the version of plan `campaign` this device took from the
    /// server (`sync_state`, key `plan-taken:<campaign id>`).
    pub fn set_plan_taken(
        &mut self,
        campaign: &str,
        fingerprint: u64,
    ) -> Result<(), StorageFailure> {
        self.writes.push((
            SYNC_STATE_STORE,
            format!("plan-taken:{campaign}"),
            Some(json(&fingerprint.to_string())?.into()),
        ));
        Ok(())
    }

    /// Stores a database's checkpoint.
    pub fn set_checkpoint(
        &mut self,
        database: &str,
        checkpoint: &SyncCheckpoint,
    ) -> Result<(), StorageFailure> {
        self.writes.push((
            SYNC_STATE_STORE,
            database.to_owned(),
            Some(json(checkpoint)?.into()),
        ));
        Ok(())
    }
}

impl RecordDatabase {
    /// What this device knows of every record's copy on the server, by document `_id`.
    pub async fn load_known(&self) -> Result<HashMap<String, KnownCopy>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_KNOWN_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_KNOWN_STORE)
            .map_err(failure)?;
        let keys = request_settled(&store.get_all_keys().map_err(failure)?);
        let values = request_settled(&store.get_all().map_err(failure)?);
        let keys: Array = keys.await.map_err(failure)?.unchecked_into();
        let values: Array = values.await.map_err(failure)?.unchecked_into();
        Ok(known_copies(&keys, &values))
    }

    /// What the server is known to hold of the records `ids` (those it holds), read in one
    /// transaction: a round reads only what it pushes, not every record ever synced.
    pub async fn load_known_of(
        &self,
        ids: &[&String],
    ) -> Result<HashMap<String, KnownCopy>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_KNOWN_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_KNOWN_STORE)
            .map_err(failure)?;
        let mut reads = Vec::with_capacity(ids.len());
        for id in ids {
            reads.push(request_settled(
                &store.get(&JsValue::from_str(id)).map_err(failure)?,
            ));
        }
        let mut known = HashMap::with_capacity(ids.len());
        for (id, read) in ids.iter().zip(reads) {
            let value = read.await.map_err(failure)?;
            if let Some(copy) = value
                .as_string()
                .and_then(|text| serde_json::from_str::<KnownCopy>(&text).ok())
            {
                known.insert((*id).clone(), copy);
            }
        }
        Ok(known)
    }

    /// The known copies whose document `_id` starts with `prefix` (`photo:`, `image:`), read by
    /// a key range: a round finds the photos whose image has not gone up without reading every
    /// known copy.
    pub async fn load_known_prefixed(
        &self,
        prefix: &str,
    ) -> Result<HashMap<String, KnownCopy>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_KNOWN_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_KNOWN_STORE)
            .map_err(failure)?;
        let range = web_sys::IdbKeyRange::bound(
            &JsValue::from_str(prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        )
        .map_err(failure)?;
        let keys = request_settled(&store.get_all_keys_with_key(&range).map_err(failure)?);
        let values = request_settled(&store.get_all_with_key(&range).map_err(failure)?);
        let keys: Array = keys.await.map_err(failure)?.unchecked_into();
        let values: Array = values.await.map_err(failure)?.unchecked_into();
        Ok(known_copies(&keys, &values))
    }

    /// The fingerprint of the version of plan `campaign` this device last took from the server.
    pub async fn load_plan_taken(&self, campaign: &str) -> Result<Option<u64>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_STATE_STORE], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(SYNC_STATE_STORE)
            .and_then(|store| store.get(&JsValue::from_str(&format!("plan-taken:{campaign}"))))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        Ok(value
            .as_string()
            .and_then(|text| serde_json::from_str::<String>(&text).ok())
            .and_then(|text| text.parse().ok()))
    }

    /// A database's checkpoint, if this device has read its changes before.
    pub async fn load_checkpoint(
        &self,
        database: &str,
    ) -> Result<Option<SyncCheckpoint>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_STATE_STORE], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(SYNC_STATE_STORE)
            .and_then(|store| store.get(&JsValue::from_str(database)))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        Ok(value
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok()))
    }
}

/// The key of the sealed account password in `sync_state`.
const PASSWORD_KEY: &str = "secret:password";

impl RecordDatabase {
    /// Stores the sync account's password as sealed by `browser::secret_box` (never in clear).
    pub async fn save_sealed_password(&self, sealed: &JsValue) -> Result<(), StorageFailure> {
        let transaction = self.transaction(&[SYNC_STATE_STORE], IdbTransactionMode::Readwrite)?;
        transaction
            .object_store(SYNC_STATE_STORE)
            .and_then(|store| store.put_with_key(sealed, &JsValue::from_str(PASSWORD_KEY)))
            .map_err(failure)?;
        completion(&transaction).await.map(|_| ()).map_err(failure)
    }

    /// The sealed password, if one was stored.
    pub async fn load_sealed_password(&self) -> Result<Option<JsValue>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_STATE_STORE], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(SYNC_STATE_STORE)
            .and_then(|store| store.get(&JsValue::from_str(PASSWORD_KEY)))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        Ok((!value.is_undefined()).then_some(value))
    }
}

/// Known copies from a `sync_known` read of keys and values (a copy this build cannot read is
/// left out: the record is then pushed as if the server had none, and settled on its 409).
fn known_copies(keys: &Array, values: &Array) -> HashMap<String, KnownCopy> {
    let mut known = HashMap::with_capacity(values.length() as usize);
    for (key, value) in keys.iter().zip(values.iter()) {
        let copy = value
            .as_string()
            .and_then(|text| serde_json::from_str::<KnownCopy>(&text).ok());
        if let (Some(key), Some(copy)) = (key.as_string(), copy) {
            known.insert(key, copy);
        }
    }
    known
}
