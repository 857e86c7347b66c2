//! Imports export files on the Quality Section's device: the glue between the browser's files,
//! the domain's reading and merge planning, and the storage adapter's batches.
//!
//! Nothing is stored until the user confirms the preview; then the merged records, the snapshot
//! of what they replace, the received files and the conflicts go in one transaction.

use crate::domain::campaign::Campaign;
use crate::domain::event_record::EventRecord;
use crate::domain::export::ExportFile;
use crate::domain::ids::{EventId, ReceivedFileId, RosterEntryId};
use crate::domain::import::{
    plan_import, read_export_file, starts_like_json_object, without_file, FileProblem, ImportPlan,
    IncomingFile, MAX_IMPORT_BYTES,
};
use crate::domain::merge::{choose, content_hash, Mergeable};
use crate::domain::received::{
    ConflictVersion, EventBefore, ImportSnapshot, ReceivedFile, ReceivedRecords, RosterBefore,
};
use crate::domain::roster::RosterEntry;
use crate::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::storage::StorageFailure;
use chrono::{DateTime, Utc};
use js_sys::{Promise, Uint8Array};
use std::collections::{HashMap, HashSet};
use wasm_bindgen_futures::JsFuture;

/// One chosen file, read and judged.
#[derive(Debug, Clone)]
pub struct ChosenFile {
    /// The ID it will be received under.
    pub id: ReceivedFileId,
    /// Its name.
    pub name: String,
    /// Its size and content hash.
    pub size: (u64, u64),
    /// Its contents, or why they cannot be imported.
    pub verdict: Result<ExportFile, FileProblem>,
    /// An earlier received file with the same bytes, if any: importing it again changes nothing
    /// and it is not listed twice.
    pub already_received: Option<ReceivedFile>,
}

/// Yields to the browser so the page can paint progress between two pieces of work.
pub async fn next_frame() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Reads `file` and judges it against `campaign`. Junk and oversized files are refused from their
/// size and first bytes, without reading them whole.
pub async fn read_chosen_file(
    file: &web_sys::File,
    id: ReceivedFileId,
    campaign: &Campaign,
    received: &[ReceivedFile],
) -> ChosenFile {
    let size = file.size() as u64;
    let mut chosen = ChosenFile {
        id,
        name: file.name(),
        size: (size, 0),
        verdict: Err(FileProblem::Empty),
        already_received: None,
    };
    if size > MAX_IMPORT_BYTES {
        chosen.verdict = Err(FileProblem::TooLarge { bytes: size });
        return chosen;
    }
    let head = match file.slice_with_f64_and_f64(0.0, 64.0) {
        Ok(head) => bytes_of(&head).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    if head.iter().all(u8::is_ascii_whitespace) {
        return chosen;
    }
    if !starts_like_json_object(&head) {
        chosen.verdict = Err(FileProblem::NotJson);
        return chosen;
    }
    let Some(bytes) = bytes_of(file).await else {
        chosen.verdict = Err(FileProblem::NotJson);
        return chosen;
    };
    let hash = content_hash(&bytes);
    chosen.size = (size, hash);
    chosen.already_received = received.iter().find(|r| r.content_hash == hash).cloned();
    chosen.verdict = read_export_file(&bytes, campaign);
    chosen
}

/// What confirming the import would do, worked out against storage as it stands.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    /// Every chosen file, good or bad.
    pub files: Vec<ChosenFile>,
    /// The merge of the good ones.
    pub plan: ImportPlan,
}

impl ImportPreview {
    /// Whether there is anything to confirm.
    pub fn has_good_files(&self) -> bool {
        self.files.iter().any(|file| file.verdict.is_ok())
    }
}

/// Plans the merge of the good files among `files` over the stored records.
pub async fn preview_import(
    records: EventRecords,
    files: Vec<ChosenFile>,
) -> Result<ImportPreview, StorageFailure> {
    let events: HashMap<EventId, EventRecord> = records
        .load_stored_events()
        .await?
        .records
        .into_iter()
        .map(|event| (event.id, event))
        .collect();
    let roster: HashMap<RosterEntryId, RosterEntry> = records
        .load_all_roster()
        .await?
        .records
        .into_iter()
        .map(|entry| (entry.id, entry))
        .collect();
    let incoming: Vec<IncomingFile<'_>> = files
        .iter()
        .filter_map(|file| {
            file.verdict.as_ref().ok().map(|export| IncomingFile {
                id: file.id,
                export,
            })
        })
        .collect();
    let plan = plan_import(&events, &roster, &incoming);
    Ok(ImportPreview { files, plan })
}

/// Stores the previewed import with its snapshot, in one transaction, then shows the merged
/// records. Returns the import's snapshot.
pub async fn confirm_import(
    records: EventRecords,
    preview: &ImportPreview,
    import_id: crate::domain::ids::ImportId,
    now: DateTime<Utc>,
) -> Result<ImportSnapshot, StorageFailure> {
    let mut batch = RecordBatch::default();
    let plan = &preview.plan;
    for (_, after) in &plan.events.changes {
        batch.put_event(after)?;
    }
    for (_, after) in &plan.roster.changes {
        batch.put_roster_entry(after)?;
    }
    let mut files = Vec::new();
    let mut seen_hashes = HashSet::new();
    for file in &preview.files {
        let Ok(export) = &file.verdict else { continue };
        if file.already_received.is_some() || !seen_hashes.insert(file.size.1) {
            continue;
        }
        let entry = ReceivedFile::new(file.id, import_id, &file.name, file.size, export, now);
        let mut carried = ReceivedRecords {
            events: export.events.clone(),
            roster: export.roster.clone(),
        };
        let mark = crate::domain::merge::RecordOrigin {
            file_id: file.id,
            device_id: export.device.id,
        };
        carried
            .events
            .iter_mut()
            .for_each(|e| e.origin = Some(mark.clone()));
        carried
            .roster
            .iter_mut()
            .for_each(|e| e.origin = Some(mark.clone()));
        batch.put_received_file(&entry, &carried)?;
        files.push(file.id);
    }
    let snapshot = ImportSnapshot {
        id: import_id,
        imported_at: now,
        files,
        events: plan
            .events
            .changes
            .iter()
            .map(|(before, after)| EventBefore {
                id: after.id,
                stored: before.clone(),
            })
            .collect(),
        roster: plan
            .roster
            .changes
            .iter()
            .map(|(before, after)| RosterBefore {
                id: after.id,
                event_id: after.event_id,
                stored: before.clone(),
            })
            .collect(),
    };
    batch.put_snapshot(&snapshot)?;
    for conflict in &plan.events.conflicts {
        batch.put_conflict(&ConflictVersion::from(conflict.clone()))?;
    }
    for conflict in &plan.roster.conflicts {
        batch.put_conflict(&ConflictVersion::from(conflict.clone()))?;
    }
    records.note_changes(changed_events(plan));
    records.database()?.commit(batch).await?;
    let merged = plan.events.changes.iter().map(|(_, after)| after.clone());
    records.show_stored(merged.collect()).await?;
    Ok(snapshot)
}

fn changed_events(plan: &ImportPlan) -> HashSet<EventId> {
    plan.events
        .changes
        .iter()
        .map(|(_, after)| after.id)
        .chain(plan.roster.changes.iter().map(|(_, after)| after.event_id))
        .collect()
}

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
    let events: HashMap<EventId, EventRecord> = records
        .load_stored_events()
        .await?
        .records
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let roster: HashMap<RosterEntryId, RosterEntry> = records
        .load_all_roster()
        .await?
        .records
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
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
    let events: HashMap<EventId, EventRecord> = records
        .load_stored_events()
        .await?
        .records
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let roster: HashMap<RosterEntryId, RosterEntry> = records
        .load_all_roster()
        .await?
        .records
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
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

/// Casts the files of a drop or a file input.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}
