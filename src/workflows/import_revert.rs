//! Undoing and correcting imports on the Quality Section's device: undo the last import from its
//! snapshot, or take one received file's contribution away (photos of report packs included).
//! Each writes one batch in one transaction, like the import itself. Conflicts are settled in
//! `import_conflicts`.

use crate::domain::ids::{EventId, PhotoId, ReceivedFileId, RosterEntryId};
use crate::domain::incoming::import::{without_file, Reverted};
use crate::domain::incoming::received::{
    still_as_written, ConflictVersion, ReceivedFile, ReceivedRecords,
};
use crate::domain::records::merge::{join, same_state, Mergeable};
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::StorageFailure;
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::workflows::import_files::stored_records;
use std::collections::{HashMap, HashSet};

/// Undoes the last import still standing: its snapshot's records go back, except those changed
/// since; its files and conflicts are forgotten. An event the import added stays if sign-ins
/// were added to it here afterwards. `None`: there is no import to undo.
pub async fn undo_last_import(records: EventRecords) -> Result<Option<Reverted>, StorageFailure> {
    let database = records.database()?;
    let Some(snapshot) = database.load_last_snapshot().await? else {
        return Ok(None);
    };
    let (events, roster) = stored_records(records).await?;
    let mut batch = RecordBatch::default();
    let mut reverted = Reverted::default();
    let mut changed = HashSet::new();
    let mut going = HashSet::new();
    for before in &snapshot.roster {
        let current = roster.get(&before.id);
        if !current.is_some_and(|c| still_as_written(before.written, c)) {
            reverted.kept += 1;
            continue;
        }
        match &before.stored {
            Some(stored) => batch.put_roster_entry(stored)?,
            None => {
                batch.delete_roster_entry(before.event_id, before.id);
                going.insert(before.id);
            }
        }
        changed.insert(before.event_id);
        reverted.restored += 1;
    }
    let mut signed_in_since = events_with_sign_ins(&roster, &going);
    // Photos go back like records; an event the import added stays while it has photos.
    let photos = database.photos_by_id().await?;
    let mut photo_going = HashSet::new();
    for before in &snapshot.photos {
        let current = photos.get(&before.id);
        if !current.is_some_and(|c| still_as_written(before.written, c)) {
            reverted.kept += 1;
            continue;
        }
        match &before.stored {
            Some(stored) => {
                batch.put_photo(stored, None)?;
                // Removed before the import brought it back: the image it brought goes again.
                if stored.deleted && current.is_some_and(|c| !c.deleted) {
                    batch.delete_photo_images(stored.id);
                }
            }
            None => {
                batch.delete_photo(before.event_id, before.id);
                photo_going.insert(before.id);
            }
        }
        reverted.restored += 1;
    }
    signed_in_since.extend(events_with_photos(&photos, &photo_going));
    for before in &snapshot.events {
        let current = events.get(&before.id);
        let as_written = current.is_some_and(|c| still_as_written(before.written, c));
        if !as_written || (before.stored.is_none() && signed_in_since.contains(&before.id)) {
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

/// The events that still have live photos once the photos in `going` are gone: an event they
/// show is kept, like one with sign-ins.
fn events_with_photos<'a>(
    photos: &'a HashMap<PhotoId, PhotoRecord>,
    going: &'a HashSet<PhotoId>,
) -> impl Iterator<Item = EventId> + 'a {
    photos
        .values()
        .filter(move |photo| !photo.deleted && !going.contains(&photo.id))
        .map(|photo| photo.event_id)
}

/// The events that still have roster entries once the entries in `going` are gone.
fn events_with_sign_ins(
    roster: &HashMap<RosterEntryId, RosterEntry>,
    going: &HashSet<RosterEntryId>,
) -> HashSet<EventId> {
    roster
        .values()
        .filter(|entry| !going.contains(&entry.id))
        .map(|entry| entry.event_id)
        .collect()
}

fn forget_conflicts_of(
    batch: &mut RecordBatch,
    conflicts: &[ConflictVersion],
    files: &[ReceivedFileId],
) {
    for conflict in conflicts.iter().filter(|c| c.involves(files)) {
        batch.delete_conflict(conflict.key());
    }
}

/// The versions this device made itself that imports replaced, from every snapshot still kept,
/// merged per record: removing a file falls back on them.
fn local_versions<R: Mergeable>(befores: impl Iterator<Item = R>) -> HashMap<R::Id, R> {
    let mut local: HashMap<R::Id, R> = HashMap::new();
    for version in befores.filter(|r| r.origin().is_none()) {
        let merged = match local.get(&version.record_id()) {
            Some(known) => join(known, &version),
            None => version,
        };
        local.insert(merged.record_id(), merged);
    }
    local
}

/// Takes one received file's contribution away, keeping every other import: each record it
/// touched is merged again from the other files still received, the current version if it came
/// from elsewhere, and the versions this device made itself. An event stays while sign-ins of it
/// do.
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
            others.photos.extend(carried.photos);
        }
    }
    let snapshots = database.load_snapshots().await?;
    let local_events = local_versions(
        snapshots
            .iter()
            .flat_map(|s| s.events.iter().filter_map(|b| b.stored.clone())),
    );
    let local_roster = local_versions(
        snapshots
            .iter()
            .flat_map(|s| s.roster.iter().filter_map(|b| b.stored.clone())),
    );
    let local_photos = local_versions(
        snapshots
            .iter()
            .flat_map(|s| s.photos.iter().filter_map(|b| b.stored.clone())),
    );
    let (events, roster) = stored_records(records).await?;
    let photos = database.photos_by_id().await?;
    let mut batch = RecordBatch::default();
    let mut reverted = Reverted::default();
    let mut changed = HashSet::new();
    let mut going = HashSet::new();
    let mut photos_going = HashSet::new();
    for photo in &removed.photos {
        match recomputed(
            file.id,
            photos.get(&photo.id),
            &others.photos,
            &local_photos,
        ) {
            Recomputed::Same => continue,
            Recomputed::Put(record) => {
                batch.put_photo(&record, None)?;
                if record.deleted {
                    batch.delete_photo_images(record.id);
                    photos_going.insert(record.id);
                }
            }
            Recomputed::Delete => {
                batch.delete_photo(photo.event_id, photo.id);
                photos_going.insert(photo.id);
            }
        }
        reverted.restored += 1;
    }
    for entry in &removed.roster {
        let rest = recomputed(
            file.id,
            roster.get(&entry.id),
            &others.roster,
            &local_roster,
        );
        match rest {
            Recomputed::Same => continue,
            Recomputed::Put(record) => batch.put_roster_entry(&record)?,
            Recomputed::Delete => {
                batch.delete_roster_entry(entry.event_id, entry.id);
                going.insert(entry.id);
            }
        }
        changed.insert(entry.event_id);
        reverted.restored += 1;
    }
    let mut signed_in = events_with_sign_ins(&roster, &going);
    // Photos from elsewhere still show it: keep it too.
    signed_in.extend(events_with_photos(&photos, &photos_going));
    for event in &removed.events {
        let rest = recomputed(
            file.id,
            events.get(&event.id),
            &others.events,
            &local_events,
        );
        match rest {
            Recomputed::Same => continue,
            Recomputed::Put(record) => batch.put_event(&record)?,
            // Sign-ins from elsewhere still point at it: keep it rather than orphan them.
            Recomputed::Delete if signed_in.contains(&event.id) => {
                reverted.kept += 1;
                continue;
            }
            Recomputed::Delete => batch.delete_event(event.id),
        }
        changed.insert(event.id);
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
    local: &HashMap<R::Id, R>,
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
    let from_removed = current.origin().is_some_and(|o| o.file_id == removed);
    match without_file(removed, stored, &others, local.get(&id)) {
        // The same content, but its origin must move off the removed file.
        Some(rest) if same_state(&rest, current) && !from_removed => Recomputed::Same,
        Some(rest) => Recomputed::Put(rest),
        None => Recomputed::Delete,
    }
}
