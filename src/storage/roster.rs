//! Sign-ins in IndexedDB (version 5): each event's sign-ins in pages of text
//! ([`roster_pages`](crate::domain::records::roster_pages)), keyed `<event>/<page>`, and each
//! event's live count beside them, so the event list counts without reading a sign-in.
//!
//! Every change to a page is read, changed and written inside one `strict` transaction, with
//! the live count, in request callbacks (the transaction stays open only while requests are
//! pending): another tab's save cannot slip in between, and a failure writes nothing. This file
//! writes; `roster_reads` reads, `roster_purge` purges personal data, `roster_upgrade` moves the
//! layout before pages.

use super::records::RecordDatabase;
use super::stores::{ROSTER_LIVE_STORE, ROSTER_PAGES_STORE};
use super::sync_marking::{marking_owner, with_marking, MarkerWrites};
use super::values::{failure, json};
use super::waiting::completion;
pub(super) use super::waiting::Callbacks;
use crate::domain::ids::{EventId, RosterEntryId};
use crate::domain::records::roster::RosterEntry;
use crate::domain::records::roster_pages::{
    append, event_range, page_key, parse_page_key, EventPages,
};
use crate::domain::storage_failure::StorageFailure;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbKeyRange, IdbTransaction, IdbTransactionMode};

/// The stores a sign-in's transaction covers.
pub(super) const ROSTER_STORES: [&str; 2] = [ROSTER_PAGES_STORE, ROSTER_LIVE_STORE];

/// A change to one sign-in, as a batch makes it.
#[derive(Debug, Clone)]
pub(super) enum RosterChange {
    /// Store this text as the entry (in place of its line, or added).
    Put(RosterEntryId, String),
    /// Take the entry out.
    Remove(RosterEntryId),
}

/// The key range of `event`'s pages.
pub(super) fn pages_of(event: EventId) -> Result<JsValue, StorageFailure> {
    let (lower, upper) = event_range(event);
    IdbKeyRange::bound_with_lower_open_and_upper_open(
        &JsValue::from_str(&lower),
        &JsValue::from_str(&upper),
        false,
        true,
    )
    .map(JsValue::from)
    .map_err(failure)
}

/// Pages as read by a `getAllKeys` and a `getAll` of the same range: number and text.
pub(super) fn read_pages(keys: &JsValue, values: &JsValue) -> Vec<(u32, Option<String>)> {
    let (keys, values): (&Array, &Array) = (keys.unchecked_ref(), values.unchecked_ref());
    keys.iter()
        .zip(values.iter())
        .filter_map(|(key, value)| {
            let key = key.as_string()?;
            let (_, number) = parse_page_key(&key)?;
            Some((number, value.as_string()))
        })
        .collect()
}

/// Queues, in `transaction` (covering [`ROSTER_STORES`]), `changes` to `event`'s sign-ins: its
/// pages and live count are read, the pages changed, and the changed pages and the new count
/// written once read. Any failure aborts the transaction. The callback goes into `keep`.
pub(super) fn queue_event_changes(
    transaction: &IdbTransaction,
    event: EventId,
    changes: Vec<RosterChange>,
    keep: &Callbacks,
) -> Result<(), StorageFailure> {
    let change: PageChange = Box::new(move |_, stored| {
        for change in changes {
            match change {
                RosterChange::Put(id, line) => stored.put(id, line),
                RosterChange::Remove(id) => stored.remove(id),
            }
        }
        Ok(())
    });
    queue_page_change(transaction, event, change, keep)
}

/// What a change does to an event's pages once they are read, in their transaction (which it
/// may add requests to while it runs).
pub(super) type PageChange =
    Box<dyn FnOnce(&IdbTransaction, &mut EventPages) -> Result<(), JsValue>>;

/// Queues, in `transaction` (covering [`ROSTER_STORES`]), `change` to `event`'s pages: they and
/// the live count are read, changed, and the changed pages and the new count written. Any
/// failure aborts the transaction. The callback goes into `keep`.
pub(super) fn queue_page_change(
    transaction: &IdbTransaction,
    event: EventId,
    change: PageChange,
    keep: &Callbacks,
) -> Result<(), StorageFailure> {
    let pages = transaction
        .object_store(ROSTER_PAGES_STORE)
        .map_err(failure)?;
    let range = pages_of(event)?;
    let keys = pages.get_all_keys_with_key(&range).map_err(failure)?;
    let values = pages.get_all_with_key(&range).map_err(failure)?;
    let count = transaction
        .object_store(ROSTER_LIVE_STORE)
        .and_then(|live| live.get(&JsValue::from_str(&event.to_string())))
        .map_err(failure)?;
    let (writer, counted) = (transaction.clone(), count.clone());
    // Requests of one transaction succeed in order: once the count is read, the pages are too.
    let on_count = Closure::<dyn FnMut()>::once(move || {
        let written = (|| -> Result<(), JsValue> {
            let mut stored = EventPages::read(read_pages(&keys.result()?, &values.result()?));
            change(&writer, &mut stored)?;
            let known = counted.result()?.as_f64().map(|count| count as usize);
            write_pages(&writer, event, &stored, stored.live_count_after(known))
        })();
        if written.is_err() {
            let _ = writer.abort();
        }
    });
    count.set_onsuccess(Some(on_count.as_ref().unchecked_ref()));
    keep.borrow_mut().push(on_count);
    Ok(())
}

/// Writes `stored`'s changed pages (deleting emptied ones) and `event`'s live count.
fn write_pages(
    transaction: &IdbTransaction,
    event: EventId,
    stored: &EventPages,
    live_count: usize,
) -> Result<(), JsValue> {
    let pages = transaction.object_store(ROSTER_PAGES_STORE)?;
    let event_key = event.to_string();
    for (number, text) in stored.changes() {
        let key = JsValue::from_str(&page_key(&event_key, number));
        match text {
            Some(text) => pages.put_with_key(&JsValue::from_str(&text), &key)?,
            None => pages.delete(&key)?,
        };
    }
    transaction.object_store(ROSTER_LIVE_STORE)?.put_with_key(
        &JsValue::from_f64(live_count as f64),
        &JsValue::from_str(&event_key),
    )?;
    Ok(())
}

/// Queues, in `transaction`, a sign-in never stored before: the event's last page is read and
/// the entry added to it (or to a new page after it), with the live count. Should the entry be
/// on that page after all, or the event have pages but no count, the event's pages are read
/// whole instead ([`queue_event_changes`]).
fn queue_addition(
    transaction: &IdbTransaction,
    entry: &RosterEntry,
    line: String,
    keep: &Callbacks,
) -> Result<(), StorageFailure> {
    let pages = transaction
        .object_store(ROSTER_PAGES_STORE)
        .map_err(failure)?;
    let live = transaction
        .object_store(ROSTER_LIVE_STORE)
        .map_err(failure)?;
    let (event, id) = (entry.event_id, entry.id);
    let adds = f64::from(u8::from(!entry.deleted));
    let event_key = JsValue::from_str(&event.to_string());
    let keys = pages
        .get_all_keys_with_key(&pages_of(event)?)
        .map_err(failure)?;
    let count = live.get(&event_key).map_err(failure)?;
    let (writer, counted, later) = (transaction.clone(), count.clone(), keep.clone());
    let on_count = Closure::<dyn FnMut()>::once(move || {
        let queued = (|| -> Result<(), JsValue> {
            let keys: Array = keys.result()?.unchecked_into();
            let last = keys.iter().filter_map(|key| key.as_string()).next_back();
            let known = counted.result()?.as_f64();
            // Every page of the event, read whole.
            let whole = move |writer: &IdbTransaction, later: &Callbacks, line: String| {
                let changes = vec![RosterChange::Put(id, line)];
                queue_event_changes(writer, event, changes, later).map_err(|_| JsValue::NULL)
            };
            let (count, last) = match (known, last) {
                // The event's first sign-in.
                (_, None) => {
                    let key = JsValue::from_str(&page_key(&event.to_string(), 0));
                    pages.put_with_key(&JsValue::from_str(&line), &key)?;
                    live.put_with_key(&JsValue::from_f64(adds), &event_key)?;
                    return Ok(());
                }
                // Pages without a count (not written by this app): count them all.
                (None, Some(_)) => return whole(&writer, &later, line),
                (Some(count), Some(last)) => (count, last),
            };
            let read = pages.get(&JsValue::from_str(&last))?;
            let (reading, writer, later_still) = (read.clone(), writer.clone(), later.clone());
            let on_page = Closure::<dyn FnMut()>::once(move || {
                let written = (|| -> Result<(), JsValue> {
                    let number = parse_page_key(&last).ok_or(JsValue::NULL)?.1;
                    let text = reading.result()?.as_string();
                    let (number, text) = match text {
                        Some(text) if text.contains(&id.to_string()) => {
                            return whole(&writer, &later_still, line);
                        }
                        Some(text) => append(Some((number, &text)), &line),
                        // A last page that is not text (no build writes one) stays as it is.
                        None => (number + 1, line),
                    };
                    let key = JsValue::from_str(&page_key(&event.to_string(), number));
                    pages.put_with_key(&JsValue::from_str(&text), &key)?;
                    live.put_with_key(&JsValue::from_f64(count + adds), &event_key)?;
                    Ok(())
                })();
                if written.is_err() {
                    let _ = writer.abort();
                }
            });
            read.set_onsuccess(Some(on_page.as_ref().unchecked_ref()));
            later.borrow_mut().push(on_page);
            Ok(())
        })();
        if queued.is_err() {
            let _ = writer.abort();
        }
    });
    count.set_onsuccess(Some(on_count.as_ref().unchecked_ref()));
    keep.borrow_mut().push(on_count);
    Ok(())
}

/// Aborts `transaction` (a save whose requests could not all be queued) and gives `error` back.
pub(super) fn abandon(transaction: &IdbTransaction, error: StorageFailure) -> StorageFailure {
    let _ = transaction.abort();
    error
}

impl RecordDatabase {
    /// Writes one roster entry (new, edited or removed) and returns once it is durable. The
    /// event's pages are read and rewritten where they changed, with its live count, in one
    /// transaction.
    pub async fn put_roster_entry(&self, entry: &RosterEntry) -> Result<(), StorageFailure> {
        let changes = vec![RosterChange::Put(entry.id, json(entry)?)];
        self.save_roster_entry(entry, |transaction, keep| {
            queue_event_changes(transaction, entry.event_id, changes, keep)
        })
        .await
    }

    /// Adds a sign-in that has never been stored (its ID just made) and returns once it is
    /// durable. Only the event's last page is read and rewritten (or a new page begun), so a
    /// sign-in at an event with thousands costs what it costs at an empty one.
    pub async fn add_roster_entry(&self, entry: &RosterEntry) -> Result<(), StorageFailure> {
        let line = json(entry)?;
        self.save_roster_entry(entry, |transaction, keep| {
            queue_addition(transaction, entry, line, keep)
        })
        .await
    }

    /// Saves `entry` by the requests `queue` places, in one strict transaction with its sync
    /// marker while sync is on; returns once durable.
    async fn save_roster_entry(
        &self,
        entry: &RosterEntry,
        queue: impl FnOnce(&IdbTransaction, &Callbacks) -> Result<(), StorageFailure>,
    ) -> Result<(), StorageFailure> {
        let owner = marking_owner();
        let stores = with_marking(&ROSTER_STORES, owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let marks = MarkerWrites::for_save(&transaction, owner.as_ref(), entry)
            .map_err(|error| abandon(&transaction, error))?;
        let keep = Callbacks::default();
        if let Err(error) = queue(&transaction, &keep) {
            return Err(abandon(&transaction, error));
        }
        let committed = completion(&transaction).await;
        drop(marks);
        // The callbacks hold the list they are in (a read that queues another): emptied, so
        // nothing keeps the other alive, whether the transaction completed or was aborted.
        keep.borrow_mut().clear();
        committed.map(|_| ()).map_err(failure)
    }
}
