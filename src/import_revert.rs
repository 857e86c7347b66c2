//! Undoing and correcting imports on the Quality Section's device: undo the last import from its
//! snapshot, take one received file's contribution away, and settle a conflict. Each writes one
//! batch in one transaction, like the import itself.

use crate::domain::event_record::EventRecord;
use crate::domain::ids::{EventId, ReceivedFileId, RosterEntryId};
use crate::domain::import::without_file;
use crate::domain::merge::{choose, Mergeable};
use crate::domain::received::{ConflictVersion, ReceivedFile, ReceivedRecords};
use crate::domain::roster::RosterEntry;
use crate::event_records::EventRecords;
use crate::import_files::stored_records;
use crate::storage::imports::RecordBatch;
use crate::storage::StorageFailure;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// What an undo or a removal did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reverted {
    /// Records put back as they were (or removed, if the import had added them).
    pub restored: usize,
    /// Records changed since the import, left as they are.
    pub kept: usize,
}

/// Undoes the last import still standing: its snapshot's records go back, except those changed
/// since; its files and conflicts are forgotten. `None`: there is no import to undo.
pub async fn undo_last_import(records: EventRecords) -> Result<Option<Reverted>, StorageFailure> {
    let database = records.database()?;
    let Some(snapshot) = database.load_last_snapshot().await? else {
        return Ok(None);
    };
    let (events, roster) = stored_records(records).await?;
    let mut batch = RecordBatch::default();
    let mut reverted = Reverted::default();
    let mut changed = HashSet::new();
    for before in &snapshot.events {
        if !events.get(&before.id).is_some_and(|c| snapshot.wrote(c)) {
            reverted.kept += 1;
            continue;
        }
        match &before.stored {
            Some(stored) => batch.put_event(stored)?,
            None => batch.delete_event(before.id),
        }
        changed.insert(before.id);
        reverted.restored += 1;
    }
    for before in &snapshot.roster {
        if !roster.get(&before.id).is_some_and(|c| snapshot.wrote(c)) {
            reverted.kept += 1;
            continue;
        }
        match &before.stored {
            Some(stored) => batch.put_roster_entry(stored)?,
            None => batch.delete_roster_entry(before.event_id, before.id),
        }
        changed.insert(before.event_id);
        reverted.restored += 1;
    }
    for file in &snapshot.files {
        batch.delete_received_file(*file);
    }
    forget_conflicts_of(
        &mut batch,
        &database.load_conflicts().await?,
        &snapshot.files,
    );
    batch.delete_snapshot(&snapshot);
    records.note_changes(changed);
    database.commit(batch).await?;
    records.reload().await?;
    Ok(Some(reverted))
}

fn forget_conflicts_of(
    batch: &mut RecordBatch,
    conflicts: &[ConflictVersion],
    files: &[ReceivedFileId],
) {
    for conflict in conflicts {
        if conflict
            .other_file()
            .is_some_and(|file| files.contains(&file))
        {
            batch.delete_conflict(conflict.key());
        }
    }
}

/// Takes one received file's contribution away, keeping every other import: each record it
/// touched is merged again from the other files still received and the versions made here.
pub async fn remove_received_file(
    records: EventRecords,
    file: &ReceivedFile,
) -> Result<Reverted, StorageFailure> {
    let database = records.database()?;
    let removed = database.load_received_records(file.id).await?;
    let mut others = ReceivedRecords::default();
    for other in database.load_received_files().await?.records {
        if other.id != file.id && other.campaign_id == file.campaign_id {
            let carried = database.load_received_records(other.id).await?;
            others.events.extend(carried.events);
            others.roster.extend(carried.roster);
        }
    }
    let snapshot = database.load_snapshot_of(file).await?;
    let (events, roster) = stored_records(records).await?;
    let mut batch = RecordBatch::default();
    let mut reverted = Reverted::default();
    let mut changed = HashSet::new();
    let before_events: HashMap<EventId, Option<EventRecord>> = snapshot
        .iter()
        .flat_map(|s| s.events.iter().map(|b| (b.id, b.stored.clone())))
        .collect();
    for event in &removed.events {
        let rest = recomputed(
            file.id,
            events.get(&event.id),
            &others.events,
            before_events.get(&event.id).and_then(Option::as_ref),
        );
        match rest {
            Recomputed::Same => continue,
            Recomputed::Put(record) => batch.put_event(&record)?,
            Recomputed::Delete => batch.delete_event(event.id),
        }
        changed.insert(event.id);
        reverted.restored += 1;
    }
    let before_roster: HashMap<RosterEntryId, Option<RosterEntry>> = snapshot
        .iter()
        .flat_map(|s| s.roster.iter().map(|b| (b.id, b.stored.clone())))
        .collect();
    for entry in &removed.roster {
        let rest = recomputed(
            file.id,
            roster.get(&entry.id),
            &others.roster,
            before_roster.get(&entry.id).and_then(Option::as_ref),
        );
        match rest {
            Recomputed::Same => continue,
            Recomputed::Put(record) => batch.put_roster_entry(&record)?,
            Recomputed::Delete => batch.delete_roster_entry(entry.event_id, entry.id),
        }
        changed.insert(entry.event_id);
        reverted.restored += 1;
    }
    batch.delete_received_file(file.id);
    forget_conflicts_of(&mut batch, &database.load_conflicts().await?, &[file.id]);
    records.note_changes(changed);
    database.commit(batch).await?;
    records.reload().await?;
    Ok(reverted)
}

enum Recomputed<R> {
    Same,
    Put(R),
    Delete,
}

fn recomputed<R: Mergeable>(
    removed: ReceivedFileId,
    stored: Option<&R>,
    all_others: &[R],
    before_import: Option<&R>,
) -> Recomputed<R> {
    let Some(current) = stored else {
        return Recomputed::Same;
    };
    let id = current.record_id();
    let others: Vec<R> = all_others
        .iter()
        .filter(|r| r.record_id() == id)
        .cloned()
        .collect();
    match without_file(removed, stored, &others, before_import) {
        Some(rest) if crate::domain::merge::same_state(&rest, current) => Recomputed::Same,
        Some(rest) => Recomputed::Put(rest),
        None => Recomputed::Delete,
    }
}

/// Saves the chosen version of a conflict (the other one, or the current one) as a new revision
/// made here at `now`, and takes the conflict off the list.
async fn decide(
    records: EventRecords,
    conflict: &ConflictVersion,
    use_other: bool,
    now: DateTime<Utc>,
) -> Result<(), StorageFailure> {
    let database = records.database()?;
    let mut batch = RecordBatch::default();
    let event = match conflict {
        ConflictVersion::Event { kept, other } => {
            let current = records.get(kept.id).unwrap_or_else(|| kept.clone());
            let chosen = if use_other { other } else { &current };
            batch.put_event(&choose(&current, chosen, now))?;
            kept.id
        }
        ConflictVersion::RosterEntry { kept, other } => {
            let stored = database.load_all_roster().await?.records;
            let current = stored
                .into_iter()
                .find(|entry| entry.id == kept.id)
                .unwrap_or_else(|| kept.clone());
            let chosen = if use_other { other } else { &current };
            batch.put_roster_entry(&choose(&current, chosen, now))?;
            kept.event_id
        }
    };
    batch.delete_conflict(conflict.key());
    records.note_changes([event]);
    database.commit(batch).await?;
    records.reload().await
}

/// Keeps the merged version: confirmed as a new revision made here at `now`, so the other
/// version is plainly older from now on and merging the same files again does not list it again.
pub async fn keep_current_version(
    records: EventRecords,
    conflict: &ConflictVersion,
    now: DateTime<Utc>,
) -> Result<(), StorageFailure> {
    decide(records, conflict, false, now).await
}

/// Saves the other version of a conflict as a new revision, made here at `now`, and takes the
/// conflict off the list.
pub async fn use_other_version(
    records: EventRecords,
    conflict: &ConflictVersion,
    now: DateTime<Utc>,
) -> Result<(), StorageFailure> {
    decide(records, conflict, true, now).await
}
