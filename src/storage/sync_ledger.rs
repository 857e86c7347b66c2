//! Live sync's ledger in IndexedDB (version 4, `docs/sync-protocol.md`): the records waiting to go
//! up, and acknowledgements, which clear a marker only when the server holds exactly the version it
//! waits for and remember what the server holds (`sync_known`). The markers themselves are written
//! by each save ([`super::sync_marking`]).

use super::records::{completion, failure, json, request_result, RecordDatabase};
use super::stores::{SYNC_KNOWN_STORE, SYNC_PENDING_STORE};
use super::sync_marking::MARKING_STORES;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::ledger::{KnownCopy, StoredMarker};
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::IdbTransactionMode;

impl RecordDatabase {
    /// Every record waiting to go up, with its marker, by document `_id`.
    pub async fn load_pending(&self) -> Result<Vec<(String, StoredMarker)>, StorageFailure> {
        let transaction = self.transaction(&[SYNC_PENDING_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let keys = store.get_all_keys().map_err(failure)?;
        let values = store.get_all().map_err(failure)?;
        let keys: Array = request_result(&keys)
            .await
            .map_err(failure)?
            .unchecked_into();
        let values: Array = request_result(&values)
            .await
            .map_err(failure)?
            .unchecked_into();
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
        let transaction = self.transaction(&MARKING_STORES, IdbTransactionMode::Readwrite)?;
        let key = JsValue::from_str(doc_id);
        let pending = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let known = transaction
            .object_store(SYNC_KNOWN_STORE)
            .map_err(failure)?;
        known
            .put_with_key(&JsValue::from_str(&json(copy)?), &key)
            .map_err(failure)?;
        let read = pending.get(&key).map_err(failure)?;
        let cleared = std::rc::Rc::new(std::cell::Cell::new(false));
        let (clearing, reading, version) = (cleared.clone(), read.clone(), copy.version);
        let on_read = Closure::<dyn FnMut()>::once(move || {
            let marker = reading
                .result()
                .ok()
                .and_then(|value| value.as_string())
                .and_then(|text| serde_json::from_str::<StoredMarker>(&text).ok());
            if marker.is_some_and(|m| m.marker.version == version) && pending.delete(&key).is_ok() {
                clearing.set(true);
            }
        });
        read.set_onsuccess(Some(on_read.as_ref().unchecked_ref()));
        let committed = completion(&transaction).await;
        read.set_onsuccess(None);
        drop(on_read);
        committed.map_err(failure)?;
        Ok(cleared.get())
    }
}
