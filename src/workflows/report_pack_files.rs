//! Builds the report pack (or the backup pack) in the browser: the export files from
//! [`export_from`], the photos' images straight from storage as `Blob`s, and the ZIP headers
//! laid out around them by [`zip_members`], so no photo is copied into wasm memory to build it.

use crate::domain::exchange::report_pack::{
    captions_csv, event_photos_file_name, manifest_photos, photos_to_pack, videos_csv,
    PackManifest, PackPhotos, PackedPhoto, CAPTIONS_FILE, PACK_FORMAT, PACK_FORMAT_VERSION,
    PACK_MANIFEST, VIDEOS_FILE,
};
use crate::domain::plan::campaign::Campaign;
use crate::domain::records::event_record::EventRecord;
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::csv_words;
use crate::state::event_records::EventRecords;
use crate::storage::records::RecordDatabase;
use crate::workflows::export_files::{
    export_from, file_name, ExportChoice, ExportContext, ExportOptions, ExportRecords,
};
use crate::workflows::sync_image_fetch::image_here_or_fetched;
use crate::workflows::zip_members::{self, AnyImage, Member};
use chrono::{DateTime, Utc};
use js_sys::Array;

/// A pack ready to hand over.
#[derive(Debug, Clone)]
pub struct BuiltPack {
    /// Its file name.
    pub name: String,
    /// Its parts, in order (`Uint8Array`s of headers and small files, photo `Blob`s).
    pub parts: Array,
    /// Stored records that could not go in.
    pub left_out: usize,
    /// The events it holds.
    pub events: Vec<crate::domain::ids::EventId>,
    /// Photos it holds.
    pub photos: usize,
    /// Photos whose image is no longer stored on this device, left out.
    pub missing_images: usize,
}

/// Why a pack could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackFailure {
    /// The records or photos could not be read.
    Storage(StorageFailure),
    /// Over 4 GB or 65,535 files.
    TooLarge,
}

impl From<StorageFailure> for PackFailure {
    fn from(failure: StorageFailure) -> Self {
        Self::Storage(failure)
    }
}

/// The archive of `members`, as the parts of one `File`.
fn assemble(members: &[Member], now: DateTime<Utc>) -> Result<Array, PackFailure> {
    zip_members::assemble(members, now).map_err(|_| PackFailure::TooLarge)
}

/// The packed photos whose images are stored and readable, as members (each read in slices for
/// its checksum); with how many were not.
async fn photo_members<'a>(
    database: &RecordDatabase,
    packed: Vec<(&'a EventRecord, PackedPhoto)>,
) -> Result<(Vec<Member>, Vec<(&'a EventRecord, PackedPhoto)>, usize), StorageFailure> {
    let (mut members, mut included, mut missing) = (Vec::new(), Vec::new(), 0);
    for (event, photo) in packed {
        let member = match image_here_or_fetched(database, &photo.record).await? {
            Some(image) => Member::image(&photo.file, image, AnyImage)
                .await
                .map(|(member, ())| member),
            None => None,
        };
        match member {
            Some(member) => {
                members.push(member);
                included.push((event, photo));
            }
            None => missing += 1,
        }
    }
    Ok((members, included, missing))
}

/// Builds `choice`'s pack ([`ExportChoice::ReportPack`] or [`ExportChoice::BackupPack`]) from
/// one reading of the stored records, so its export, tables and manifest agree.
pub async fn build_pack(
    records: EventRecords,
    choice: ExportChoice,
    options: ExportOptions,
    context: ExportContext<'_>,
) -> Result<BuiltPack, PackFailure> {
    let (json_choice, which) = match choice {
        ExportChoice::BackupPack => (ExportChoice::Backup, PackPhotos::All),
        _ => (ExportChoice::Report, PackPhotos::Selected),
    };
    let loaded = ExportRecords::load(records, true).await?;
    let database = records.database()?;
    let photos = database.load_all_photos().await?.records;
    let json = export_from(&loaded, json_choice, options, context);
    let (left_out, events) = (json.left_out, json.events.clone());
    let export_file = json.name.clone();
    let mut members = vec![Member::bytes(&json.name, json.bytes)];
    for table in [
        ExportChoice::EventsCsv,
        ExportChoice::RosterCsv,
        ExportChoice::SummaryCsv,
    ] {
        let file = export_from(&loaded, table, options, context);
        members.push(Member::bytes(&file.name, file.bytes));
    }
    let stored_events = loaded.events();
    let packed = photos_to_pack(context.campaign, stored_events, &photos, which);
    let (images, included, missing_images) = photo_members(&database, packed).await?;
    members.extend(images);
    let words = csv_words(options.csv_language);
    let captions = captions_csv(context.campaign, &included, &words);
    members.push(Member::bytes(CAPTIONS_FILE, captions));
    let videos = videos_csv(context.campaign, stored_events, &words);
    members.push(Member::bytes(VIDEOS_FILE, videos));
    let packed: Vec<PackedPhoto> = included.iter().map(|(_, p)| p.clone()).collect();
    let manifest = PackManifest {
        format: PACK_FORMAT.to_owned(),
        format_version: PACK_FORMAT_VERSION,
        export_file,
        photos: manifest_photos(stored_events, &photos, &packed, context.campaign),
    };
    let manifest = serde_json::to_vec(&manifest).unwrap_or_default();
    members.push(Member::bytes(PACK_MANIFEST, manifest));
    Ok(BuiltPack {
        name: file_name(context.campaign, context.device, context.today, choice),
        parts: assemble(&members, context.now)?,
        left_out,
        events,
        photos: included.len(),
        missing_images,
    })
}

/// One event's photos in a ZIP (their images and `captions.csv`), to keep before the event is
/// deleted: `<campaign>_<unit>_<activity>_<day>_photos.zip`.
pub async fn build_event_photos(
    records: EventRecords,
    event: &EventRecord,
    campaign: &Campaign,
    now: DateTime<Utc>,
) -> Result<(String, Array), PackFailure> {
    let database = records.database()?;
    let photos = database.load_photos(event.id).await?.records;
    let events = std::slice::from_ref(event);
    let packed = photos_to_pack(campaign, events, &photos, PackPhotos::All);
    let (mut members, included, _) = photo_members(&database, packed).await?;
    let words = csv_words(crate::i18n::Language::ZhCn);
    members.push(Member::bytes(
        CAPTIONS_FILE,
        captions_csv(campaign, &included, &words),
    ));
    Ok((
        event_photos_file_name(campaign, event),
        assemble(&members, now)?,
    ))
}
