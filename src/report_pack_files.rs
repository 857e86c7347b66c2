//! Builds the report pack (or the backup pack) in the browser: the export files from
//! [`build_export`], the photos' images straight from storage as `Blob`s, and the ZIP headers
//! laid out around them by the domain ([`archive_layout`]). The pack is handed over as one `File`
//! made of those parts, so no photo is copied into wasm memory to build it; each is read once,
//! alone, for its checksum.

use crate::domain::china_time::china_offset;
use crate::domain::report_pack::{
    captions_csv, manifest_photos, photos_to_pack, videos_csv, PackManifest, PackPhotos,
    CAPTIONS_FILE, PACK_FORMAT, PACK_FORMAT_VERSION, PACK_MANIFEST, VIDEOS_FILE,
};
use crate::domain::zip_archive::{archive_layout, ArchivePart, Crc32, MemberToWrite};
use crate::event_records::EventRecords;
use crate::export_files::{build_export, file_name, ExportChoice, ExportContext, ExportOptions};
use crate::i18n::csv_words;
use crate::storage::StorageFailure;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

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

/// One member's content: bytes built here, or a stored image.
enum Content {
    Bytes(Vec<u8>),
    Image(Blob),
}

async fn crc_of(blob: &Blob) -> Option<u32> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Crc32::of(&Uint8Array::new(&buffer).to_vec()))
}

/// Builds `choice`'s pack ([`ExportChoice::ReportPack`] or [`ExportChoice::BackupPack`]).
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
    let mut members: Vec<(String, Content)> = Vec::new();
    let json = build_export(records, json_choice, options, context).await?;
    let export_file = json.name.clone();
    let (left_out, events) = (json.left_out, json.events.clone());
    members.push((json.name, Content::Bytes(json.bytes)));
    for table in [
        ExportChoice::EventsCsv,
        ExportChoice::RosterCsv,
        ExportChoice::SummaryCsv,
    ] {
        let file = build_export(records, table, options, context).await?;
        members.push((file.name, Content::Bytes(file.bytes)));
    }

    let database = records.database()?;
    let stored_events = records.load_stored_events().await?.records;
    let photos = database.load_all_photos().await?.records;
    let packed = photos_to_pack(context.campaign, &stored_events, &photos, which);
    let mut included = Vec::new();
    let mut missing_images = 0;
    for (event, photo) in &packed {
        match database.load_image(photo.record.id).await? {
            Some(image) => {
                members.push((photo.file.clone(), Content::Image(image)));
                included.push((*event, photo.clone()));
            }
            None => missing_images += 1,
        }
    }
    let words = csv_words(options.csv_language);
    let captions = captions_csv(context.campaign, &included, &words.captions_header);
    members.push((CAPTIONS_FILE.to_owned(), Content::Bytes(captions)));
    let videos = videos_csv(context.campaign, &stored_events, &words.videos_header);
    members.push((VIDEOS_FILE.to_owned(), Content::Bytes(videos)));
    let manifest = PackManifest {
        format: PACK_FORMAT.to_owned(),
        format_version: PACK_FORMAT_VERSION,
        export_file,
        photos: manifest_photos(
            &stored_events,
            &photos,
            &included.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>(),
            context.campaign,
        ),
    };
    let manifest = serde_json::to_vec(&manifest).unwrap_or_default();
    members.push((PACK_MANIFEST.to_owned(), Content::Bytes(manifest)));

    let mut listed = Vec::with_capacity(members.len());
    for (name, content) in &members {
        let (size, crc32) = match content {
            Content::Bytes(bytes) => (bytes.len() as u64, Crc32::of(bytes)),
            Content::Image(blob) => (
                blob.size() as u64,
                crc_of(blob).await.ok_or(StorageFailure::Unreadable)?,
            ),
        };
        listed.push(MemberToWrite {
            name: name.clone(),
            size,
            crc32,
        });
    }
    let local_time = context.now.with_timezone(&china_offset()).naive_local();
    let layout = archive_layout(&listed, local_time).map_err(|_| PackFailure::TooLarge)?;
    let parts = Array::new();
    for part in layout {
        let value: JsValue = match part {
            ArchivePart::Headers(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            ArchivePart::Member(index) => match &members[index].1 {
                Content::Bytes(bytes) => Uint8Array::from(bytes.as_slice()).into(),
                Content::Image(blob) => blob.into(),
            },
        };
        parts.push(&value);
    }
    Ok(BuiltPack {
        name: file_name(context.campaign, context.device, context.today, choice),
        parts,
        left_out,
        events,
        photos: included.len(),
        missing_images,
    })
}
