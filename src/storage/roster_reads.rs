//! Reading sign-ins from their pages (`super::roster` writes them): one event's live ones, all
//! of them with the events for exports, the live counts, and single entries (with their events)
//! for sync.

use super::records::{decode_all, LoadedRecords, RecordDatabase};
use super::roster::{pages_of, read_pages, ROSTER_STORES};
use super::stores::{EVENTS_STORE, ROSTER_LIVE_STORE, ROSTER_PAGES_STORE};
use super::values::failure;
use super::waiting::{request_result, request_settled};
use crate::domain::ids::{EventId, RosterEntryId};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::records::roster_pages::{line_is_removed, page_lines, EventPages};
use crate::domain::records::schema::{decode_event, decode_roster_entry, MigrationError};
use crate::domain::storage_failure::StorageFailure;
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// Reads the lines of stored pages into entries; with `live_only`, removed sign-ins are left
/// out (and not counted when unreadable, as a removed line that says so is not shown).
fn decode_lines(values: &Array, live_only: bool) -> LoadedRecords<RosterEntry> {
    let mut loaded = LoadedRecords::default();
    for value in values.iter() {
        let Some(text) = value.as_string() else {
            loaded.unreadable += 1;
            continue;
        };
        for line in page_lines(&text) {
            match decode_roster_entry(line) {
                Ok(entry) if live_only && entry.deleted => {}
                Ok(entry) => loaded.records.push(entry),
                Err(_) if live_only && line_is_removed(line) => {}
                Err(MigrationError::NewerVersion(_)) => loaded.newer += 1,
                Err(_) => loaded.unreadable += 1,
            }
        }
    }
    loaded
}

impl RecordDatabase {
    fn roster_transaction(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), StorageFailure> {
        let transaction = self.transaction(&ROSTER_STORES, mode)?;
        let pages = transaction
            .object_store(ROSTER_PAGES_STORE)
            .map_err(failure)?;
        Ok((transaction, pages))
    }

    /// The live (not removed) sign-ins of one event.
    pub async fn load_roster(
        &self,
        event: EventId,
    ) -> Result<LoadedRecords<RosterEntry>, StorageFailure> {
        let (_transaction, pages) = self.roster_transaction(IdbTransactionMode::Readonly)?;
        let request = pages.get_all_with_key(&pages_of(event)?).map_err(failure)?;
        let values = request_result(&request).await.map_err(failure)?;
        Ok(decode_lines(values.unchecked_ref(), true))
    }

    /// Every event record and every sign-in (live and removed), read in one transaction: the
    /// sign-ins are read while the events are decoded (an export of 100,000 waits for both).
    pub async fn load_events_and_roster(
        &self,
    ) -> Result<(LoadedRecords<EventRecord>, LoadedRecords<RosterEntry>), StorageFailure> {
        let transaction = self.transaction(
            &[EVENTS_STORE, ROSTER_PAGES_STORE],
            IdbTransactionMode::Readonly,
        )?;
        let events = transaction
            .object_store(EVENTS_STORE)
            .and_then(|store| store.get_all())
            .map(|request| request_settled(&request))
            .map_err(failure)?;
        let pages = transaction
            .object_store(ROSTER_PAGES_STORE)
            .and_then(|store| store.get_all())
            .map(|request| request_settled(&request))
            .map_err(failure)?;
        let events: Array = events.await.map_err(failure)?.unchecked_into();
        let events = decode_all(&events, decode_event);
        let pages = pages.await.map_err(failure)?;
        Ok((events, decode_lines(pages.unchecked_ref(), false)))
    }

    /// How many live sign-ins each event has (no sign-in read).
    pub async fn load_roster_counts(&self) -> Result<HashMap<EventId, usize>, StorageFailure> {
        let transaction = self.transaction(&[ROSTER_LIVE_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(ROSTER_LIVE_STORE)
            .map_err(failure)?;
        let keys = request_settled(&store.get_all_keys().map_err(failure)?);
        let values = request_settled(&store.get_all().map_err(failure)?);
        let keys: Array = keys.await.map_err(failure)?.unchecked_into();
        let values: Array = values.await.map_err(failure)?.unchecked_into();
        let mut counts = HashMap::with_capacity(keys.length() as usize);
        for (key, value) in keys.iter().zip(values.iter()) {
            let event = key.as_string().and_then(|key| EventId::parse(&key));
            if let (Some(event), Some(count)) = (event, value.as_f64()) {
                counts.insert(event, count as usize);
            }
        }
        Ok(counts)
    }

    /// Live sign-ins of `events` only, in one transaction (a sync page that brought a few
    /// hundred sign-ins does not count 100,000 again).
    pub async fn load_roster_counts_of(
        &self,
        events: &[EventId],
    ) -> Result<HashMap<EventId, usize>, StorageFailure> {
        let transaction = self.transaction(&[ROSTER_LIVE_STORE], IdbTransactionMode::Readonly)?;
        let store = transaction
            .object_store(ROSTER_LIVE_STORE)
            .map_err(failure)?;
        let mut reads = Vec::with_capacity(events.len());
        for event in events {
            let request = store
                .get(&JsValue::from_str(&event.to_string()))
                .map_err(failure)?;
            reads.push(request_settled(&request));
        }
        let mut counts = HashMap::with_capacity(events.len());
        for (event, read) in events.iter().zip(reads) {
            let count = read.await.map_err(failure)?.as_f64().unwrap_or(0.0) as usize;
            counts.insert(*event, count);
        }
        Ok(counts)
    }

    /// Stored sign-ins by event and ID (live or removed), read in one transaction with every
    /// request placed before any is awaited; missing ones are left out. An entry that cannot be
    /// read fails the whole read.
    pub async fn load_roster_entries(
        &self,
        wanted: &[(EventId, RosterEntryId)],
    ) -> Result<Vec<RosterEntry>, StorageFailure> {
        let (_transaction, pages) = self.roster_transaction(IdbTransactionMode::Readonly)?;
        let mut by_event: Vec<(EventId, Vec<RosterEntryId>)> = Vec::new();
        let mut at: HashMap<EventId, usize> = HashMap::new();
        for (event, id) in wanted {
            match at.get(event) {
                Some(&i) => by_event[i].1.push(*id),
                None => {
                    at.insert(*event, by_event.len());
                    by_event.push((*event, vec![*id]));
                }
            }
        }
        let mut reads = Vec::with_capacity(by_event.len());
        for (event, _) in &by_event {
            let range = pages_of(*event)?;
            let keys = pages.get_all_keys_with_key(&range).map_err(failure)?;
            let values = pages.get_all_with_key(&range).map_err(failure)?;
            reads.push((request_settled(&keys), request_settled(&values)));
        }
        let mut found = Vec::with_capacity(wanted.len());
        for ((_, ids), (keys, values)) in by_event.iter().zip(reads) {
            let keys = keys.await.map_err(failure)?;
            let values = values.await.map_err(failure)?;
            let stored = EventPages::read(read_pages(&keys, &values));
            for id in ids {
                if let Some(line) = stored.find(*id) {
                    found.push(decode_roster_entry(line).map_err(|_| StorageFailure::Unreadable)?);
                }
            }
        }
        Ok(found)
    }

    /// One roster entry, live or removed.
    pub async fn load_roster_entry(
        &self,
        event: EventId,
        entry: RosterEntryId,
    ) -> Result<Option<RosterEntry>, StorageFailure> {
        Ok(self
            .load_roster_entries(&[(event, entry)])
            .await?
            .into_iter()
            .next())
    }

    /// The stored `events` and sign-ins `roster` (live or removed), each kind read in one
    /// transaction with every request placed before any is awaited: a first sync reads 100,000
    /// sign-ins in batches, not one transaction each. Missing records are left out.
    pub async fn load_for_sync(
        &self,
        events: &[EventId],
        roster: &[(EventId, RosterEntryId)],
    ) -> Result<(Vec<EventRecord>, Vec<RosterEntry>), StorageFailure> {
        // Placed before the roster's requests are awaited.
        let transaction = self.transaction(&[EVENTS_STORE], IdbTransactionMode::Readonly)?;
        let event_store = transaction.object_store(EVENTS_STORE).map_err(failure)?;
        let mut event_reads = Vec::with_capacity(events.len());
        for id in events {
            let request = event_store
                .get(&JsValue::from_str(&id.to_string()))
                .map_err(failure)?;
            event_reads.push(request_settled(&request));
        }
        let found_roster = self.load_roster_entries(roster).await?;
        let mut found_events = Vec::with_capacity(events.len());
        for read in event_reads {
            if let Some(text) = read.await.map_err(failure)?.as_string() {
                found_events.push(decode_event(&text).map_err(|_| StorageFailure::Unreadable)?);
            }
        }
        Ok((found_events, found_roster))
    }
}
