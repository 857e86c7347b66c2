//! Purging sign-ins' personal data in storage: each event's live sign-ins that still hold a name
//! become new revisions without name, phone and affiliation, decided on the entries as stored
//! when the event's pages are read, inside the transaction that writes them (with their sync
//! markers). A sign-in another tab or a sync pull changed meanwhile is purged as it now is,
//! never overwritten by the copy a page read earlier.

use super::records::RecordDatabase;
use super::roster::{abandon, queue_page_change, Callbacks, PageChange, ROSTER_STORES};
use super::sync_marking::{marking_owner, with_marking, MarkerWrites};
use super::values::{failure, json};
use super::waiting::completion;
use crate::domain::ids::EventId;
use crate::domain::records::schema::decode_roster_entry;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::{Synced, VersionMark};
use chrono::{DateTime, Utc};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

impl RecordDatabase {
    /// Purges every live, not yet purged sign-in of `event` at `now`, in one strict transaction;
    /// returns how many, once durable.
    pub async fn purge_roster(
        &self,
        event: EventId,
        now: DateTime<Utc>,
    ) -> Result<usize, StorageFailure> {
        let owner = marking_owner();
        let stores = with_marking(&ROSTER_STORES, owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let marks = Rc::new(RefCell::new(MarkerWrites::default()));
        let purged = Rc::new(Cell::new(0usize));
        let (marking, counting) = (marks.clone(), purged.clone());
        let change: PageChange = Box::new(move |transaction, stored| {
            let lines: Vec<String> = stored.lines().map(str::to_owned).collect();
            for line in lines {
                // A line this build cannot read is left as it is.
                let Ok(entry) = decode_roster_entry(&line) else {
                    continue;
                };
                if entry.deleted || entry.purged {
                    continue;
                }
                let next = entry.purged_at(now);
                let text = json(&next).map_err(|_| JsValue::NULL)?;
                if let Some(owner) = &owner {
                    let version = VersionMark::of(&next);
                    marking
                        .borrow_mut()
                        .queue(transaction, &next.doc_id(), version, owner)
                        .map_err(|_| JsValue::NULL)?;
                }
                stored.put(next.id, text);
                counting.set(counting.get() + 1);
            }
            Ok(())
        });
        let keep = Callbacks::default();
        if let Err(error) = queue_page_change(&transaction, event, change, &keep) {
            return Err(abandon(&transaction, error));
        }
        let committed = completion(&transaction).await;
        // The change (holding the markers) goes first; the markers' own callbacks last, which
        // tells live sync that records wait, if any were marked.
        keep.borrow_mut().clear();
        drop(marks);
        committed.map_err(failure)?;
        Ok(purged.get())
    }
}
