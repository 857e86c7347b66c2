//! The report pack: one ZIP a tablet sends to the Quality Section, holding the JSON export, the
//! CSV tables, the selected photos (or every photo, for a full backup) named
//! `<unit>_<activity>_<n>.jpg`, `captions.csv` listing them, `videos.csv` listing the videos taken
//! (videos themselves are not stored), and `pack.json`, the manifest the importer reads to bring
//! the photos and their records along.
//!
//! Everything here is plain data: which photos go in, under which names, with which table rows.
//! The browser glue reads the blobs and lays the archive out with [`super::zip_archive`].

use super::campaign::Campaign;
use super::csv_file::CsvFile;
use super::event_record::{ActivityChoice, EventRecord};
use super::export::{sort_events, ExportFile};
use super::file_names::name_part;
use super::ids::{EventId, PhotoId};
use super::photo::{check_caption, is_jpeg, PhotoRecord};
use super::statistics::UnitKey;
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
    rest.sort_by_key(|p| (p.created_at, p.id));
    list.extend(rest.into_iter().map(|record| PackedPhoto {
        file: String::new(),
        record: record.clone(),
    }));
    list
}

/// The unit an event counts for, by name (an office's own name, or the plan unit's Chinese
/// name): the first part of a photo's name and a column of `captions.csv`.
pub fn unit_name(campaign: &Campaign, event: &EventRecord) -> String {
    match UnitKey::of(event) {
        UnitKey::Office(name) => name,
        UnitKey::Unit(id) => campaign
            .unit(&id)
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
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut packed = Vec::new();
    for event in live {
        let Some(event_photos) = by_event.get_mut(&event.id) else {
            continue;
        };
        event_photos.sort_by_key(|p| (p.created_at, p.id));
        let stem = format!(
            "{}_{}",
            name_part(&unit_name(campaign, event)),
            name_part(&activity_name(campaign, event))
        );
        for photo in event_photos.iter() {
            let n = numbers.entry(stem.clone()).or_insert(0);
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

/// The header of `captions.csv`: file, unit, activity, caption, width, height.
pub type CaptionsHeader = [&'static str; 6];

/// `captions.csv`: one row per photo in the pack.
pub fn captions_csv(
    campaign: &Campaign,
    packed: &[(&EventRecord, PackedPhoto)],
    header: &CaptionsHeader,
) -> Vec<u8> {
    let mut file = CsvFile::new(header);
    for (event, photo) in packed {
        file.row([
            Cow::Borrowed(photo.file.as_str()),
            Cow::Owned(unit_name(campaign, event)),
            Cow::Owned(activity_name(campaign, event)),
            Cow::Borrowed(photo.record.caption.as_str()),
            Cow::Owned(photo.record.width.to_string()),
            Cow::Owned(photo.record.height.to_string()),
        ]);
    }
    file.finish()
}

/// The header of `videos.csv`: unit, activity, date, place, videos, file names.
pub type VideosHeader = [&'static str; 6];

/// `videos.csv`: one row per live event of `campaign` that took videos, with their count and
/// file names (`；`-separated).
pub fn videos_csv(campaign: &Campaign, events: &[EventRecord], header: &VideosHeader) -> Vec<u8> {
    let mut live: Vec<&EventRecord> = events
        .iter()
        .filter(|e| !e.deleted && e.campaign_id == campaign.id && e.video_count > 0)
        .collect();
    sort_events(&mut live);
    let mut file = CsvFile::new(header);
    for event in live {
        file.row([
            Cow::Owned(unit_name(campaign, event)),
            Cow::Owned(activity_name(campaign, event)),
            Cow::Owned(event.start_date.to_string()),
            Cow::Borrowed(event.place.as_str()),
            Cow::Owned(event.video_count.to_string()),
            Cow::Owned(event.video_files.join("；")),
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
    /// A photo of an event the pack's export does not carry, or with a caption over the limit.
    PhotoInvalid {
        /// Its name in the archive.
        file: String,
    },
}

/// Reads `pack.json` and checks its photos against the pack's `export`.
pub fn read_manifest(bytes: &[u8], export: &ExportFile) -> Result<PackManifest, PackProblem> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        format_version: u32,
    }
    let head: Head = serde_json::from_slice(bytes).map_err(|_| PackProblem::BadManifest)?;
    if head.format != PACK_FORMAT {
        return Err(PackProblem::NotAPack);
    }
    if head.format_version > PACK_FORMAT_VERSION {
        return Err(PackProblem::NewerFormat);
    }
    let manifest: PackManifest =
        serde_json::from_slice(bytes).map_err(|_| PackProblem::BadManifest)?;
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
            return Err(PackProblem::PhotoInvalid {
                file: photo.file.clone(),
            });
        }
    }
    Ok(manifest)
}

/// What importing packs would change among the stored photos.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoPlan {
    /// Each photo that changes: its stored version (if any) and the merged one.
    pub changes: Vec<(Option<PhotoRecord>, PhotoRecord)>,
    /// Distinct photos the packs carried.
    pub arriving: usize,
    /// Photos left out because they are not here and no pack carried their image (records of
    /// unselected photos in a report pack).
    pub without_image: usize,
}

impl PhotoPlan {
    /// Photos that are new here.
    pub fn added(&self) -> usize {
        self.changes
            .iter()
            .filter(|(before, after)| before.is_none() && !after.deleted)
            .count()
    }

    /// Whether the preview has a photo row: some pack brought a photo this device has or takes.
    pub fn has_photos(&self) -> bool {
        self.arriving > self.without_image
    }

    /// Photos already here whose caption or selection changes.
    pub fn updated(&self) -> usize {
        self.tally().updated
    }

    /// The preview's counts: new, updated, unchanged, deleted (never conflicting: photos are
    /// merged by rank alone).
    pub fn tally(&self) -> super::import::Tally {
        let mut tally = super::import::Tally {
            unchanged: self.arriving - self.changes.len() - self.without_image,
            ..Default::default()
        };
        for (before, after) in &self.changes {
            match (before, after.deleted) {
                (Some(b), true) if b.deleted => tally.updated += 1,
                (_, true) => tally.deleted += 1,
                (None, false) => tally.new += 1,
                (Some(_), false) => tally.updated += 1,
            }
        }
        tally
    }

    /// Whether the merged photo needs its image from the pack: it is live, and no image is
    /// stored for it yet (new here, or stored only as a tombstone).
    pub fn needs_image(before: Option<&PhotoRecord>, after: &PhotoRecord) -> bool {
        !after.deleted && before.is_none_or(|b| b.deleted)
    }
}

/// Merges the photos of the packs being imported (`incoming`, with their origin set) over the
/// stored ones by the same rules as events: the higher revision wins, then the later change,
/// then the content. Only photos whose stored state changes are planned. A photo that would need
/// its image but whose image no pack carries (`with_image`) is left out: a record travels without
/// its image only to update a photo already here.
pub fn plan_photos(
    stored: &HashMap<PhotoId, PhotoRecord>,
    incoming: impl IntoIterator<Item = PhotoRecord>,
    with_image: &HashSet<PhotoId>,
) -> PhotoPlan {
    let mut merged: std::collections::BTreeMap<PhotoId, PhotoRecord> = Default::default();
    for photo in incoming {
        let joined = match merged.get(&photo.id) {
            Some(other) => super::merge::join(other, &photo),
            None => photo,
        };
        merged.insert(joined.id, joined);
    }
    let mut plan = PhotoPlan {
        arriving: merged.len(),
        ..PhotoPlan::default()
    };
    for (id, arriving) in merged {
        let before = stored.get(&id);
        let after = match before {
            Some(before) => super::merge::join(before, &arriving),
            None => arriving,
        };
        if PhotoPlan::needs_image(before, &after) && !with_image.contains(&id) {
            plan.without_image += 1;
            continue;
        }
        if before.is_none_or(|b| !super::merge::same_state(b, &after)) {
            plan.changes.push((before.cloned(), after));
        }
    }
    plan
}
