//! Imports export files on the Quality Section's device: the glue between the browser's files,
//! the domain's reading and merge planning, and the storage adapter's batches.
//!
//! Nothing is stored until the user confirms the preview; then the merged records, the snapshot
//! of what they replace, the received files and the conflicts go in one transaction.

use crate::domain::exchange::export::ExportFile;
use crate::domain::exchange::report_pack::{plan_photos, PhotoPlan};
use crate::domain::exchange::zip_reader::starts_like_archive;
use crate::domain::ids::{EventId, PhotoId, ReceivedFileId, RosterEntryId};
use crate::domain::incoming::import::{
    plan_import, read_export_file_of, starts_like_json_object, FileProblem, ImportPlan,
    IncomingFile, MAX_IMPORT_BYTES,
};
use crate::domain::incoming::received::{
    ConflictVersion, EventBefore, ImportSnapshot, PhotoBefore, ReceivedFile, RosterBefore,
};
use crate::domain::plan::campaign::Campaign;
use crate::domain::planning::plan_edit::{keep_named, NamedByRecords};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::merge::state_hash;
use crate::domain::records::record_version::{content_hash, RecordOrigin};
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::StorageFailure;
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::workflows::import_packs::{read_pack, thumbnail_of, PackedImage};
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
    /// The photos a report pack brought (none for a JSON file).
    pub photos: Vec<PackedImage>,
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

/// Reads `file` and judges it against the `known` campaigns (a file of another campaign brings
/// its plan). Junk and oversized files are refused from their size and first bytes, without
/// reading them whole.
pub async fn read_chosen_file(
    file: &web_sys::File,
    id: ReceivedFileId,
    known: &[Campaign],
    received: &[ReceivedFile],
) -> ChosenFile {
    let size = file.size() as u64;
    let mut chosen = ChosenFile {
        id,
        name: file.name(),
        size: (size, 0),
        verdict: Err(FileProblem::Empty),
        already_received: None,
        photos: Vec::new(),
    };
    let head = match file.slice_with_f64_and_f64(0.0, 64.0) {
        Ok(head) => bytes_of(&head).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    if starts_like_archive(&head) {
        match read_pack(file, known).await {
            Ok(pack) => {
                chosen.size = (size, pack.content_hash);
                chosen.already_received = received
                    .iter()
                    .find(|r| r.content_hash == pack.content_hash)
                    .cloned();
                chosen.verdict = Ok(pack.export);
                chosen.photos = pack.photos;
            }
            Err(problem) => chosen.verdict = Err(problem),
        }
        return chosen;
    }
    if size > MAX_IMPORT_BYTES {
        chosen.verdict = Err(FileProblem::TooLarge { bytes: size });
        return chosen;
    }
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
    chosen.verdict = read_export_file_of(&bytes, known);
    chosen
}

/// What confirming the import would do, worked out against storage as it stands.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    /// Every chosen file, good or bad.
    pub files: Vec<ChosenFile>,
    /// The merge of the good ones.
    pub plan: ImportPlan,
    /// The merge of their photos.
    pub photos: PhotoPlan,
}

impl ImportPreview {
    /// Whether there is anything to confirm.
    pub fn has_good_files(&self) -> bool {
        self.files.iter().any(|file| file.verdict.is_ok())
    }
}

/// Every stored event and roster entry, by ID, as storage holds them now.
pub(crate) async fn stored_records(records: EventRecords) -> Result<StoredRecords, StorageFailure> {
    // A record this build cannot read would be planned as new and overwritten: refuse instead.
    let (events, roster) = records.load_stored_events_and_roster().await?;
    let (events, roster) = (readable(events)?, readable(roster)?);
    Ok((
        events.into_iter().map(|event| (event.id, event)).collect(),
        roster.into_iter().map(|entry| (entry.id, entry)).collect(),
    ))
}

fn readable<T>(
    loaded: crate::storage::records::LoadedRecords<T>,
) -> Result<Vec<T>, StorageFailure> {
    if loaded.newer > 0 {
        return Err(StorageFailure::NewerVersion);
    }
    if loaded.unreadable > 0 {
        return Err(StorageFailure::Unreadable);
    }
    Ok(loaded.records)
}

/// Stored events and roster entries, by ID.
pub(crate) type StoredRecords = (
    HashMap<EventId, EventRecord>,
    HashMap<RosterEntryId, RosterEntry>,
);

/// Plans the merge of the good files among `files` over the stored records.
pub async fn preview_import(
    records: EventRecords,
    files: Vec<ChosenFile>,
) -> Result<ImportPreview, StorageFailure> {
    let (events, roster) = stored_records(records).await?;
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
    let stored_photos = records.database()?.photos_by_id().await?;
    let mut with_image = HashSet::new();
    let mut arriving = Vec::new();
    for file in files.iter().filter(|file| file.verdict.is_ok()) {
        let device_id = file.verdict.as_ref().map(|e| e.device.id).ok();
        for packed in &file.photos {
            let mut record = packed.record.clone();
            record.origin = device_id.map(|device_id| RecordOrigin {
                file_id: file.id,
                device_id,
            });
            if packed.image.is_some() {
                with_image.insert(record.id);
            }
            arriving.push(record);
        }
    }
    let photos = plan_photos(&stored_photos, arriving, &with_image);
    Ok(ImportPreview {
        files,
        plan,
        photos,
    })
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
    for (before, after) in &preview.photos.changes {
        if !PhotoPlan::needs_image(before.as_ref(), after) {
            batch.put_photo(after, None)?;
            continue;
        }
        // Planned only when some pack carries the image; never stored without it.
        let Some(image) = image_of(preview, after.id) else {
            continue;
        };
        let thumbnail = thumbnail_of(&image, &after.media_type).await;
        batch.put_photo(after, Some((&image, thumbnail.as_ref())))?;
    }
    let mut files = Vec::new();
    let mut seen_hashes = HashSet::new();
    for file in &preview.files {
        let Ok(export) = &file.verdict else { continue };
        if file.already_received.is_some() || !seen_hashes.insert(file.size.1) {
            continue;
        }
        let entry = ReceivedFile::new(file.id, import_id, &file.name, file.size, export, now);
        let mut carried = IncomingFile {
            id: file.id,
            export,
        }
        .records();
        carried.photos = file
            .photos
            .iter()
            .map(|packed| {
                let mut record = packed.record.clone();
                record.origin = Some(RecordOrigin {
                    file_id: file.id,
                    device_id: export.device.id,
                });
                record
            })
            .collect();
        batch.put_received_file(&entry, &carried)?;
        files.push(file.id);
    }
    let database = records.database()?;
    let snapshot = ImportSnapshot {
        id: import_id,
        sequence: database.next_snapshot_sequence().await?,
        imported_at: now,
        files,
        events: plan
            .events
            .changes
            .iter()
            .map(|(before, after)| EventBefore {
                id: after.id,
                stored: before.clone(),
                written: state_hash(after),
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
                written: state_hash(after),
            })
            .collect(),
        photos: preview
            .photos
            .changes
            .iter()
            .map(|(before, after)| PhotoBefore {
                id: after.id,
                event_id: after.event_id,
                stored: before.clone(),
                written: state_hash(after),
            })
            .collect(),
    };
    // Nothing changed and no new file: nothing to undo, so no snapshot (undo would do nothing).
    if !snapshot.files.is_empty()
        || !snapshot.events.is_empty()
        || !snapshot.roster.is_empty()
        || !snapshot.photos.is_empty()
    {
        batch.put_snapshot(&snapshot)?;
    }
    for conflict in &plan.events.conflicts {
        batch.put_conflict(&ConflictVersion::from(conflict.clone()))?;
    }
    for conflict in &plan.roster.conflicts {
        batch.put_conflict(&ConflictVersion::from(conflict.clone()))?;
    }
    records.note_changes(changed_events(plan));
    database.commit(batch).await?;
    let merged = plan.events.changes.iter().map(|(_, after)| after.clone());
    records.show_stored(merged.collect()).await?;
    Ok(snapshot)
}

/// The image any chosen pack brought for `photo` (one pack may carry only its record).
fn image_of(preview: &ImportPreview, photo: PhotoId) -> Option<web_sys::Blob> {
    preview
        .files
        .iter()
        .filter(|file| file.verdict.is_ok())
        .flat_map(|file| &file.photos)
        .find_map(|packed| (packed.record.id == photo).then(|| packed.image.clone())?)
}

fn changed_events(plan: &ImportPlan) -> HashSet<EventId> {
    plan.events
        .changes
        .iter()
        .map(|(_, after)| after.id)
        .chain(plan.roster.changes.iter().map(|(_, after)| after.event_id))
        .collect()
}

/// Casts the files of a drop or a file input.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// The campaigns of the preview's good files that `list` does not have yet, each once: the plan
/// of the most recently exported file of it, keeping whatever the other files' records name
/// that it lacks (files sent before and after a plan change).
pub fn new_campaigns(
    list: &crate::domain::planning::campaign_list::CampaignList,
    preview: &ImportPreview,
) -> Vec<Campaign> {
    let mut exports: Vec<&ExportFile> = preview
        .files
        .iter()
        .filter_map(|f| f.verdict.as_ref().ok())
        .filter(|export| list.find(&export.campaign.id).is_none())
        .collect();
    crate::domain::sort::sort_by_key(&mut exports, |export| std::cmp::Reverse(export.exported_at));
    let mut plans: Vec<Campaign> = Vec::new();
    for export in exports {
        let id = &export.campaign.id;
        match plans.iter_mut().find(|p| &p.id == id) {
            None => plans.push(export.campaign.clone()),
            Some(newest) => {
                let named = NamedByRecords::of(id, &export.events);
                keep_named(newest, &export.campaign, &named);
            }
        }
    }
    plans
}
