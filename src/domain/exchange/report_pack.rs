//! The report pack: one ZIP a tablet sends to the Quality Section, holding the JSON export, the
//! CSV tables, the selected photos (or every photo, for a full backup) named
//! `<unit>_<activity>_<n>.jpg`, `captions.csv` listing them, `videos.csv` listing the videos taken
//! (videos themselves are not stored), and `pack.json`, the manifest the importer reads to bring
//! the photos and their records along.
//!
//! Everything here is plain data: which photos go in, under which names, with which table rows.
//! The browser glue reads the blobs and lays the archive out with [`super::zip_archive`].

use super::csv_export::{CsvWords, Names};
use super::csv_file::CsvFile;
use super::export::{sort_events, ExportFile};
pub use super::photo_plan::{plan_photos, PhotoPlan};
use crate::domain::figures::statistics::UnitKey;
use crate::domain::ids::{EventId, PhotoId};
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::file_names::name_part;
use crate::domain::records::event_record::{ActivityChoice, EventRecord};
use crate::domain::records::photo::{check_caption, is_jpeg, PhotoRecord};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The `format` value of a pack's manifest.
pub const PACK_FORMAT: &str = "field-ledger.report-pack";
/// The manifest layout version this build writes and reads.
pub const PACK_FORMAT_VERSION: u32 = 1;
/// The manifest's name inside the pack.
pub const PACK_MANIFEST: &str = "pack.json";
/// The photo list's name inside the pack.
pub const CAPTIONS_FILE: &str = "captions.csv";
/// The video list's name inside the pack.
pub const VIDEOS_FILE: &str = "videos.csv";
/// The largest pack the importer opens: photos are sliced out of the file, never read whole.
pub const MAX_PACK_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Which photos a pack carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackPhotos {
    /// Those selected for the report (the plan's 1–2 per unit).
    Selected,
    /// Every photo: a full backup of the tablet.
    All,
}

/// One photo in a pack: its file name in the archive and its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedPhoto {
    /// Its name in the archive; empty for a photo whose record travels without its image (not
    /// selected, or removed), so that deselecting or deleting a photo reaches the Quality Section.
    #[serde(default)]
    pub file: String,
    /// Its record (caption, size, selection, revision).
    pub record: PhotoRecord,
}

/// `pack.json`: what the pack holds, for the importer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackManifest {
    /// Always [`PACK_FORMAT`].
    pub format: String,
    /// [`PACK_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The JSON export's name in the archive.
    pub export_file: String,
    /// Every photo record of the pack's events: with a file name for those whose image is in
    /// the archive.
    pub photos: Vec<PackedPhoto>,
}

/// The manifest's photo list: the packed photos with their files, then every other photo record
/// of the campaign's events (removed and unselected ones too) without a file.
pub fn manifest_photos(
    events: &[EventRecord],
    photos: &[PhotoRecord],
    packed: &[PackedPhoto],
    campaign: &Campaign,
) -> Vec<PackedPhoto> {
    let of_campaign: HashSet<EventId> = events
        .iter()
        .filter(|e| e.campaign_id == campaign.id)
        .map(|e| e.id)
        .collect();
    let named: HashSet<PhotoId> = packed.iter().map(|p| p.record.id).collect();
    let mut list = packed.to_vec();
    let mut rest: Vec<&PhotoRecord> = photos
        .iter()
        .filter(|p| of_campaign.contains(&p.event_id) && !named.contains(&p.id))
        .collect();
    crate::domain::sort::sort_by(&mut rest, attached_order);
    list.extend(rest.into_iter().map(|record| PackedPhoto {
        file: String::new(),
        record: record.clone(),
    }));
    list
}

/// Photos in the order attached. One named function for both sorts: each distinct closure
/// would instantiate the whole stable sort again (about 2.6 KB of wasm).
fn attached_order(a: &&PhotoRecord, b: &&PhotoRecord) -> std::cmp::Ordering {
    (a.created_at, a.id).cmp(&(b.created_at, b.id))
}

/// The unit an event counts for, by name (an office's own name, or the plan unit's Chinese
/// name): the first part of a photo's name and a column of `captions.csv`.
pub fn unit_name(campaign: &Campaign, event: &EventRecord) -> String {
    unit_key_name(campaign, &UnitKey::of(event))
}

/// A unit's name for file names: an office's own name, or the plan unit's Chinese name.
pub fn unit_key_name(campaign: &Campaign, unit: &UnitKey) -> String {
    match unit {
        UnitKey::Office(name) => name.clone(),
        UnitKey::Unit(id) => campaign
            .unit(id)
            .map_or_else(|| id.to_string(), |unit| unit.name.zh.clone()),
    }
}

/// The activity's short Chinese title, or the event's own title outside the plan.
pub fn activity_name(campaign: &Campaign, event: &EventRecord) -> String {
    match &event.activity {
        ActivityChoice::Planned { activity_id } => campaign
            .activity(activity_id)
            .map_or_else(|| activity_id.to_string(), |a| a.short_title.zh.clone()),
        ActivityChoice::Other { title } => title.clone(),
    }
}

fn extension(photo: &PhotoRecord) -> &'static str {
    match photo.media_type.trim().to_ascii_lowercase().as_str() {
        _ if is_jpeg(&photo.media_type) => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "image/gif" => "gif",
        "image/heic" => "heic",
        _ => "img",
    }
}

/// The photos of live `events` of `campaign` that go into a pack, with their names: events in
/// file order, each event's photos in the order attached, numbered per unit and activity from 1.
pub fn photos_to_pack<'a>(
    campaign: &Campaign,
    events: &'a [EventRecord],
    photos: &'a [PhotoRecord],
    which: PackPhotos,
) -> Vec<(&'a EventRecord, PackedPhoto)> {
    let mut live: Vec<&EventRecord> = events
        .iter()
        .filter(|e| !e.deleted && e.campaign_id == campaign.id)
        .collect();
    sort_events(&mut live);
    let mut by_event: HashMap<EventId, Vec<&PhotoRecord>> = HashMap::new();
    for photo in photos.iter().filter(|p| !p.deleted) {
        if which == PackPhotos::All || photo.selected {
            by_event.entry(photo.event_id).or_default().push(photo);
        }
    }
    // A list, not a map: a few hundred stems at most, and no new `HashMap<String, _>` in the wasm.
    let mut numbers: Vec<(String, usize)> = Vec::new();
    let mut packed = Vec::new();
    for event in live {
        let Some(event_photos) = by_event.get_mut(&event.id) else {
            continue;
        };
        crate::domain::sort::sort_by(event_photos, attached_order);
        let stem = format!(
            "{}_{}",
            name_part(&unit_name(campaign, event)),
            name_part(&activity_name(campaign, event))
        );
        for photo in event_photos.iter() {
            let n = match numbers.iter().position(|(s, _)| *s == stem) {
                Some(at) => &mut numbers[at].1,
                None => {
                    numbers.push((stem.clone(), 0));
                    &mut numbers.last_mut().expect("just pushed").1
                }
            };
            *n += 1;
            let file = format!("{stem}_{n}.{}", extension(photo));
            packed.push((
                event,
                PackedPhoto {
                    file,
                    record: (*photo).clone(),
                },
            ));
        }
    }
    packed
}

/// `captions.csv`: one row per photo in the pack.
pub fn captions_csv(
    campaign: &Campaign,
    packed: &[(&EventRecord, PackedPhoto)],
    words: &CsvWords,
) -> Vec<u8> {
    // Unit and activity named as the other tables name them, in the table's language.
    let names = Names { campaign, words };
    let mut file = CsvFile::new(&words.captions_header);
    for (event, photo) in packed {
        file.row([
            Cow::Borrowed(photo.file.as_str()),
            names.unit(event),
            names.activity(event).1,
            Cow::Borrowed(photo.record.caption.as_str()),
            Cow::Owned(photo.record.width.to_string()),
            Cow::Owned(photo.record.height.to_string()),
        ]);
    }
    file.finish()
}

/// The name of one event's photos downloaded before it is deleted:
/// `质量月2021_计量所_计量便民服务日_2021-09-15_photos.zip`.
pub fn event_photos_file_name(campaign: &Campaign, event: &EventRecord) -> String {
    let campaign_name = campaign.file_name_part();
    format!(
        "{}_{}_{}_{}_photos.zip",
        name_part(campaign_name),
        name_part(&unit_name(campaign, event)),
        name_part(&activity_name(campaign, event)),
        event.start_date
    )
}

/// `videos.csv`: one row per live event of `campaign` that took videos, with their count and
/// file names (separated as lists are in the table's language).
pub fn videos_csv(campaign: &Campaign, events: &[EventRecord], words: &CsvWords) -> Vec<u8> {
    let mut live: Vec<&EventRecord> = events
        .iter()
        .filter(|e| !e.deleted && e.campaign_id == campaign.id && e.video_count > 0)
        .collect();
    sort_events(&mut live);
    let names = Names { campaign, words };
    let mut file = CsvFile::new(&words.videos_header);
    for event in live {
        file.row([
            names.unit(event),
            names.activity(event).1,
            Cow::Owned(event.start_date.to_string()),
            Cow::Borrowed(event.place.as_str()),
            Cow::Owned(event.video_count.to_string()),
            Cow::Owned(event.video_files.join(words.list_separator)),
        ]);
    }
    file.finish()
}

/// Why a pack cannot be imported, beyond its JSON export's own problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackProblem {
    /// Not a ZIP archive the app can read, or a damaged one.
    Damaged,
    /// A ZIP, but without `pack.json` or the export it names: not a report pack.
    NotAPack,
    /// `pack.json` written by a newer version of the app.
    NewerFormat,
    /// `pack.json` unreadable.
    BadManifest,
    /// A photo the manifest lists is not in the archive, or its bytes are damaged.
    PhotoDamaged {
        /// Its name in the archive.
        file: String,
    },
    /// Larger than [`MAX_PACK_BYTES`].
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// A photo of an event the pack's export does not carry, listed twice, or with a caption
    /// over the limit.
    PhotoInvalid {
        /// Its name in the archive.
        file: String,
    },
}

/// Parses `pack.json` (once: a manifest that does not parse is then told apart as another
/// file, a newer format, or a damaged one).
pub fn parse_manifest(bytes: &[u8]) -> Result<PackManifest, PackProblem> {
    // Read as text: `from_slice` would instantiate a second (`SliceRead`) copy of the
    // PhotoRecord, EventId, DateTime... deserializers that `from_str` already has.
    let bytes = std::str::from_utf8(bytes).map_err(|_| PackProblem::BadManifest)?;
    // Told apart through `Value`, whose deserializer the migrations already have, rather than
    // one more struct deserializer.
    let classify = || match serde_json::from_str::<serde_json::Value>(bytes) {
        Ok(head) if head.get("format").and_then(|f| f.as_str()) != Some(PACK_FORMAT) => {
            PackProblem::NotAPack
        }
        Ok(head)
            if head
                .get("format_version")
                .and_then(serde_json::Value::as_u64)
                .is_some_and(|v| v > u64::from(PACK_FORMAT_VERSION)) =>
        {
            PackProblem::NewerFormat
        }
        _ => PackProblem::BadManifest,
    };
    let manifest: PackManifest = serde_json::from_str(bytes).map_err(|_| classify())?;
    if manifest.format != PACK_FORMAT {
        return Err(PackProblem::NotAPack);
    }
    if manifest.format_version > PACK_FORMAT_VERSION {
        return Err(PackProblem::NewerFormat);
    }
    Ok(manifest)
}

/// Checks a manifest's photos against the pack's `export`: each of an event the export carries,
/// listed once, with a valid caption and revision, and no two sharing a file.
pub fn check_manifest(manifest: &PackManifest, export: &ExportFile) -> Result<(), PackProblem> {
    let events: HashSet<EventId> = export.events.iter().map(|e| e.id).collect();
    let mut seen: HashSet<PhotoId> = HashSet::new();
    let mut files: HashSet<&str> = HashSet::new();
    for photo in &manifest.photos {
        let record = &photo.record;
        let valid = events.contains(&record.event_id)
            && (photo.file.is_empty() || files.insert(photo.file.as_str()))
            && seen.insert(record.id)
            && (record.deleted || check_caption(&record.caption).is_ok())
            && record.revision > 0;
        if !valid {
            let file = if photo.file.is_empty() {
                &record.file_name
            } else {
                &photo.file
            };
            return Err(PackProblem::PhotoInvalid { file: file.clone() });
        }
    }
    Ok(())
}

/// Parses `pack.json` and checks it against the pack's `export`.
pub fn read_manifest(bytes: &[u8], export: &ExportFile) -> Result<PackManifest, PackProblem> {
    let manifest = parse_manifest(bytes)?;
    check_manifest(&manifest, export)?;
    Ok(manifest)
}
