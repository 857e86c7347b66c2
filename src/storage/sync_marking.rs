//! Live sync's pending markers, written by each save (`docs/sync-protocol.md`): while sync is on,
//! every save of an event, sign-in or photo record queues, **in its own transaction**, the record's
//! marker (`sync_pending`), so a record is never saved without being marked, nor marked without
//! being saved.

use super::stores::{SYNC_KNOWN_STORE, SYNC_PENDING_STORE};
use super::values::{failure, json};
use crate::domain::ids::UnitId;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::VersionMark;
use crate::domain::sync::ledger::{marker_after_save, KnownCopy, StoredMarker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::IdbTransaction;

/// The stores a save's transaction adds when sync is on.
pub(super) const MARKING_STORES: [&str; 2] = [SYNC_PENDING_STORE, SYNC_KNOWN_STORE];

/// The owner new records get, when sync is on: saves then mark what they write. Read from the
/// settings at every save, so turning sync on or off takes effect at once.
pub(super) fn marking_owner() -> Option<UnitId> {
    super::preferences::load_sync_settings()
        .ok()
        .and_then(|settings| settings.marking_owner().cloned())
}

/// A save's stores, with the marking stores when sync is on.
pub(super) fn with_marking<'a>(stores: &[&'a str], marking: bool) -> Vec<&'a str> {
    let mut all = stores.to_vec();
    if marking {
        all.extend(MARKING_STORES);
    }
    all
}

/// The window event told when a save that queued markers is over (`detail`-less): live sync
/// starts a round on it, whichever page or path saved.
pub const MARKED_EVENT: &str = "field-ledger-marked";

/// Marker writes queued in a transaction: their callbacks, alive until the transaction ends.
/// Dropped when the save is over (its transaction completed or failed): if it queued any, the
/// window hears [`MARKED_EVENT`] (after a failure that only starts a round with nothing new).
#[derive(Default)]
pub(super) struct MarkerWrites {
    callbacks: Vec<Closure<dyn FnMut()>>,
}

impl Drop for MarkerWrites {
    fn drop(&mut self) {
        if self.callbacks.is_empty() {
            return;
        }
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(MARKED_EVENT)) {
            let _ = window.dispatch_event(&event);
        }
    }
}

impl MarkerWrites {
    /// The marker writes of one save of `record` in `transaction`: its marker queued while sync is
    /// on (an `owner` for new records), nothing when off.
    pub(super) fn for_save<R: crate::domain::sync::document::Synced>(
        transaction: &IdbTransaction,
        owner: Option<&UnitId>,
        record: &R,
    ) -> Result<Self, StorageFailure> {
        let mut marks = Self::default();
        if let Some(owner) = owner {
            marks.queue(
                transaction,
                &record.doc_id(),
                VersionMark::of(record),
                owner,
            )?;
        }
        Ok(marks)
    }

    /// Queues, in `transaction` (which covers [`MARKING_STORES`]), the marker of the record
    /// `doc_id` saved at version `saved`: its marker and known copy are read, and the new marker
    /// written, in the transaction, so another tab's save cannot slip in between. A failure aborts
    /// the transaction: the record is not saved unmarked.
    pub(super) fn queue(
        &mut self,
        transaction: &IdbTransaction,
        doc_id: &str,
        saved: VersionMark,
        owner: &UnitId,
    ) -> Result<(), StorageFailure> {
        let key = JsValue::from_str(doc_id);
        let pending = transaction
            .object_store(SYNC_PENDING_STORE)
            .map_err(failure)?;
        let marker_read = pending.get(&key).map_err(failure)?;
        let known_read = transaction
            .object_store(SYNC_KNOWN_STORE)
            .and_then(|store| store.get(&key))
            .map_err(failure)?;
        let (owner, writer, known) = (owner.clone(), transaction.clone(), known_read.clone());
        // Requests of one transaction succeed in the order they were made: once the known copy
        // is read, the marker has been too.
        let on_known = Closure::<dyn FnMut()>::once(move || {
            let read = |request: &web_sys::IdbRequest| {
                request.result().ok().and_then(|value| value.as_string())
            };
            let marker =
                read(&marker_read).and_then(|t| serde_json::from_str::<StoredMarker>(&t).ok());
            let known = read(&known).and_then(|t| serde_json::from_str::<KnownCopy>(&t).ok());
            let next = marker_after_save(marker, known, saved, &owner);
            let written = json(&next)
                .ok()
                .map(|text| pending.put_with_key(&JsValue::from_str(&text), &key));
            if !matches!(written, Some(Ok(_))) {
                let _ = writer.abort();
            }
        });
        known_read.set_onsuccess(Some(on_known.as_ref().unchecked_ref()));
        self.callbacks.push(on_known);
        Ok(())
    }
}
