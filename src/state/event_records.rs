//! The tablet's event records in memory, loaded from and saved through the storage adapter.
//!
//! Every save goes to IndexedDB first; only when its transaction has completed does the record
//! enter the in-memory map the screens read, so nothing is shown as saved that is not on disk.

use crate::domain::exchange::export_journal::ExportJournal;
use crate::domain::ids::{CampaignId, EventId};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::{SavedThing, StorageFailure};
use crate::state::StorageNotice;
use crate::storage::preferences;
use crate::storage::records::{LoadedRecords, RecordDatabase};
use chrono::{DateTime, Utc};
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

/// How a sign-in is written: one made just now (a new ID, never stored: only the event's last
/// page is read and rewritten), or a change to a stored one (a removal, a purge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInWrite {
    /// A sign-in made just now.
    New,
    /// A change to a stored sign-in.
    Change,
}

/// Every event record of this tablet (tombstones included), by ID.
#[derive(Debug, Clone, Copy)]
pub struct EventRecords {
    /// The records as stored.
    pub all: RwSignal<HashMap<EventId, EventRecord>>,
    /// Live sign-ins per event (read from storage keys at start-up, kept in step on each save).
    pub roster_counts: RwSignal<HashMap<EventId, usize>>,
    /// Loading progress.
    pub load: RwSignal<LoadState>,
    /// The events changed since the last JSON export (kept in localStorage, in step with other
    /// tabs).
    pub journal: RwSignal<ExportJournal>,
    database: StoredValue<Option<RecordDatabase>, LocalStorage>,
    /// Who waits for loading to end ([`EventRecords::loaded_database`]).
    waiting_for_load: StoredValue<Vec<js_sys::Function>, LocalStorage>,
    notice: StorageNotice,
}

impl EventRecords {
    /// Starts empty and loads the stored records in the background; storage failures after
    /// loading (of the export journal) go to `notice`.
    pub fn load(notice: StorageNotice) -> Self {
        let records = Self {
            all: RwSignal::new(HashMap::new()),
            roster_counts: RwSignal::new(HashMap::new()),
            load: RwSignal::new(LoadState::Loading),
            journal: RwSignal::new(ExportJournal::default()),
            database: StoredValue::new_local(None),
            waiting_for_load: StoredValue::new_local(Vec::new()),
            notice,
        };
        records.follow_journal_of_other_tabs();
        leptos::task::spawn_local(async move {
            let opened = match RecordDatabase::open().await {
                Ok(database) => database,
                Err(failure) => return records.end_loading(LoadState::Failed(failure)),
            };
            let counts = match opened.load_roster_counts().await {
                Ok(counts) => counts,
                Err(failure) => return records.end_loading(LoadState::Failed(failure)),
            };
            match opened.load_events().await {
                Ok(loaded) => {
                    records.roster_counts.set(counts);
                    let map: HashMap<EventId, EventRecord> =
                        loaded.records.into_iter().map(|r| (r.id, r)).collect();
                    records.start_journal(map.keys().copied());
                    records.all.set(map);
                    records.database.set_value(Some(opened));
                    records.end_loading(LoadState::Ready {
                        newer: loaded.newer,
                        unreadable: loaded.unreadable,
                    });
                }
                Err(failure) => records.end_loading(LoadState::Failed(failure)),
            }
        });
        records
    }

    /// Says loading has ended, and lets everyone waiting for it go on.
    fn end_loading(self, state: LoadState) {
        self.load.set(state);
        for resolve in self
            .waiting_for_load
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// The open database once the stored records have been read (waiting for that if it is
    /// still going on: a tablet with 100,000 sign-ins takes a while), for work that must not
    /// fail only because it started early, such as turning sync on or a sync round.
    pub(crate) async fn loaded_database(self) -> Result<RecordDatabase, StorageFailure> {
        if self.load.get_untracked() == LoadState::Loading {
            let waiting = self.waiting_for_load;
            let ended = js_sys::Promise::new(&mut |resolve, _reject| {
                waiting.update_value(|all| all.push(resolve));
            });
            let _ = wasm_bindgen_futures::JsFuture::from(ended).await;
        }
        self.database()
    }

    /// The open database, for the import code's batches.
    pub(crate) fn database(self) -> Result<RecordDatabase, StorageFailure> {
        self.database
            .get_value()
            .ok_or(match self.load.get_untracked() {
                LoadState::Failed(failure) => failure,
                _ => StorageFailure::Blocked,
            })
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
        // Counted before the write: a change counted and then not saved errs on the safe side.
        self.note_change(record.id);
        database.put_event(&record).await?;
        self.all.update(|all| {
            all.insert(record.id, record);
        });
        Ok(())
    }

    /// Reads the export journal, or starts one that counts every stored event as not exported
    /// (a tablet whose records predate the journal, or whose journal was lost).
    fn start_journal(self, stored: impl Iterator<Item = EventId>) {
        match preferences::load_export_journal() {
            Ok(Some(journal)) => self.journal.set(journal),
            Ok(None) => {
                let journal = ExportJournal::never_exported(stored);
                if let Err(failure) = preferences::save_export_journal(&journal) {
                    self.notice.show(SavedThing::ExportJournal, failure);
                }
                self.journal.set(journal);
            }
            Err(failure) => {
                self.notice.show(SavedThing::ExportJournal, failure);
                self.journal.set(ExportJournal::never_exported(stored));
            }
        }
    }

    /// Another tab's saves and exports change the journal in localStorage: follow them, so
    /// this tab neither shows a stale count nor skips noting a change.
    fn follow_journal_of_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(crate::storage::keys::EXPORT_JOURNAL) {
                return;
            }
            if let Ok(Some(stored)) = preferences::load_export_journal() {
                self.journal
                    .update(|journal| journal.follow_stored(&stored));
            }
        });
        on_cleanup(move || listener.remove());
    }

    fn write_journal(self) {
        let written = self
            .journal
            .with_untracked(preferences::save_export_journal);
        if let Err(failure) = written {
            self.notice.show(SavedThing::ExportJournal, failure);
        }
    }

    /// Notes, before its save, that `event` (or one of its sign-ins) changes.
    fn note_change(self, event: EventId) {
        let mut changed = false;
        self.journal.maybe_update(|journal| {
            changed = journal.note_change(event);
            changed
        });
        if changed {
            self.write_journal();
        }
    }

    /// Marks the start of an export: the records are about to be read.
    pub fn begin_export(self) {
        self.journal.update_untracked(ExportJournal::begin_export);
    }

    /// Marks the export of `campaign` begun last as handed over at `now`, holding the
    /// `exported` events.
    pub fn finish_export(
        self,
        campaign: &crate::domain::ids::CampaignId,
        exported: Vec<EventId>,
        now: DateTime<Utc>,
    ) {
        self.journal
            .update(|journal| journal.finish_export(campaign, exported, now));
        self.write_journal();
    }

    /// Forgets an export that was cancelled or failed.
    pub fn abandon_export(self) {
        self.journal.update_untracked(ExportJournal::abandon_export);
    }

    /// Notes, before a batch write, that these events (or their sign-ins) change.
    pub(crate) fn note_changes(self, changed: impl IntoIterator<Item = EventId>) {
        let mut any = false;
        self.journal.maybe_update(|journal| {
            for event in changed {
                any |= journal.note_change(event);
            }
            any
        });
        if any {
            self.write_journal();
        }
    }

    /// Shows events a batch has just stored durably, and reads the live sign-in counts again
    /// (from keys alone), without reading every event back.
    pub async fn show_stored(self, events: Vec<EventRecord>) -> Result<(), StorageFailure> {
        let counts = self.database()?.load_roster_counts().await?;
        self.roster_counts.set(counts);
        self.show_events(events);
        Ok(())
    }

    /// Shows events and sign-ins a sync page has just stored durably, counting again the live
    /// sign-ins of `roster_of` only.
    pub async fn show_synced(
        self,
        events: Vec<EventRecord>,
        roster_of: &[EventId],
    ) -> Result<(), StorageFailure> {
        if !roster_of.is_empty() {
            let counts = self.database()?.load_roster_counts_of(roster_of).await?;
            self.roster_counts.update(|all| {
                for (event, count) in counts {
                    if count == 0 {
                        all.remove(&event);
                    } else {
                        all.insert(event, count);
                    }
                }
            });
        }
        self.show_events(events);
        Ok(())
    }

    fn show_events(self, events: Vec<EventRecord>) {
        if events.is_empty() {
            return;
        }
        self.all.update(|all| {
            for event in events {
                all.insert(event.id, event);
            }
        });
    }

    /// Reads every event and the live sign-in counts again after an import, undo or removal
    /// wrote many at once.
    pub async fn reload(self) -> Result<(), StorageFailure> {
        let database = self.database()?;
        let counts = database.load_roster_counts().await?;
        let loaded = database.load_events().await?;
        self.roster_counts.set(counts);
        self.all
            .set(loaded.records.into_iter().map(|r| (r.id, r)).collect());
        Ok(())
    }

    /// Every event record as stored now (another tab may have saved since this one loaded).
    pub async fn load_stored_events(self) -> Result<LoadedRecords<EventRecord>, StorageFailure> {
        self.database()?.load_events().await
    }

    /// Live sign-ins per event as stored now.
    pub async fn load_stored_roster_counts(
        self,
    ) -> Result<HashMap<EventId, usize>, StorageFailure> {
        self.database()?.load_roster_counts().await
    }

    /// Every event record and every roster entry (removed ones included), as stored now.
    pub async fn load_stored_events_and_roster(
        self,
    ) -> Result<(LoadedRecords<EventRecord>, LoadedRecords<RosterEntry>), StorageFailure> {
        self.database()?.load_events_and_roster().await
    }

    /// The live sign-ins of `event`, read from storage.
    pub async fn load_roster(
        self,
        event: EventId,
    ) -> Result<LoadedRecords<RosterEntry>, StorageFailure> {
        self.database()?.load_roster(event).await
    }

    /// Stores a roster entry durably; `live_count` is the event's live sign-ins afterwards, shown
    /// in every person-times figure once the write has completed.
    pub async fn save_roster_entry(
        self,
        entry: &RosterEntry,
        live_count: usize,
        write: SignInWrite,
    ) -> Result<(), StorageFailure> {
        self.note_change(entry.event_id);
        let database = self.database()?;
        match write {
            SignInWrite::New => database.add_roster_entry(entry).await?,
            SignInWrite::Change => database.put_roster_entry(entry).await?,
        }
        self.roster_counts.update(|counts| {
            counts.insert(entry.event_id, live_count);
        });
        Ok(())
    }

    /// Purges the names, phones and affiliations of every live sign-in at `campaign`'s events,
    /// each as a new revision written durably, an event's sign-ins in one transaction that reads
    /// them as stored then (`RecordDatabase::purge_roster`); returns how many entries were
    /// purged. Stops at the first failure (events purged until then stay purged).
    pub async fn purge_personal_data(
        self,
        campaign: &CampaignId,
        now: DateTime<Utc>,
    ) -> Result<usize, StorageFailure> {
        let events: Vec<EventId> = self.all.with_untracked(|all| {
            all.values()
                .filter(|r| &r.campaign_id == campaign)
                .map(|r| r.id)
                .collect()
        });
        let database = self.database()?;
        let mut purged = 0;
        for event in events {
            // Noted before the write, as every save here does: an event whose sign-ins turn out
            // to need nothing is only checked again at the next export.
            let roster = database.load_roster(event).await?.records;
            if roster.iter().all(|entry| entry.purged) {
                continue;
            }
            self.note_change(event);
            purged += database.purge_roster(event, now).await?;
        }
        Ok(purged)
    }

    /// Live sign-ins of `event`, as last stored.
    pub fn roster_count(self, event: EventId) -> usize {
        self.roster_counts
            .with(|counts| counts.get(&event).copied().unwrap_or(0))
    }

    /// The stored record with `id`, if any (deleted ones included). Untracked: reading it does
    /// not make the caller re-run on every save (views that must follow a record read `all`).
    pub fn get(self, id: EventId) -> Option<EventRecord> {
        self.all.with_untracked(|all| all.get(&id).cloned())
    }

    /// Whether `id` is stored and not deleted; a tracked read that changes only when that does.
    pub fn exists(self, id: EventId) -> Memo<bool> {
        Memo::new(move |_| {
            self.all
                .with(|all| all.get(&id).is_some_and(|r| !r.deleted))
        })
    }
}
