//! Reads a report pack (ZIP) chosen for import: the central directory from the file's tail, then
//! `pack.json` and the JSON export it names, each checked against its CRC. Photos are sliced out
//! of the file as `Blob`s and checked one at a time; thumbnails are drawn only for the photos an
//! import stores ([`thumbnail_of`]).

use crate::browser::photos::read_photo;
use crate::domain::exchange::export::ExportFile;
use crate::domain::exchange::report_pack::{
    check_manifest, parse_manifest, PackProblem, MAX_PACK_BYTES, PACK_MANIFEST,
};
use crate::domain::exchange::zip_archive::{Crc32, END_SEARCH_LEN, STORED};
use crate::domain::exchange::zip_reader::{
    find_central_directory, local_header_len, read_members, ArchiveMember, LOCAL_HEADER_FIXED_LEN,
};
use crate::domain::incoming::import::{read_export_file_of, FileProblem, MAX_IMPORT_BYTES};
use crate::domain::plan::campaign::Campaign;
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::record_version::content_hash;
use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// A photo brought by a pack: its record, and its image (a slice of the pack file, typed) when
/// the pack carries it.
#[derive(Debug, Clone)]
pub struct PackedImage {
    /// Its record, as the pack carries it.
    pub record: PhotoRecord,
    /// Its image.
    pub image: Option<Blob>,
}

/// A thumbnail of an imported image, drawn as for a photo attached here; `None` if the browser
/// cannot decode it (the image is still stored).
pub async fn thumbnail_of(image: &Blob, media_type: &str) -> Option<Blob> {
    read_photo(image, media_type, 0)
        .await
        .map(|read| read.thumbnail)
}

/// A pack's contents once read.
#[derive(Debug, Clone)]
pub struct ReadPack {
    /// Its JSON export.
    pub export: ExportFile,
    /// Its photos.
    pub photos: Vec<PackedImage>,
    /// A hash of its export and manifest: the same pack received twice is recognised.
    pub content_hash: u64,
}

const DAMAGED: FileProblem = FileProblem::Pack(PackProblem::Damaged);

async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, FileProblem> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| DAMAGED)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn slice(file: &Blob, from: u64, to: u64) -> Result<Blob, FileProblem> {
    file.slice_with_f64_and_f64(from as f64, to as f64)
        .map_err(|_| DAMAGED)
}

/// Where `member`'s bytes lie in `file`, as a slice of it (stored members only).
async fn member_blob(file: &Blob, member: &ArchiveMember) -> Result<Blob, FileProblem> {
    if member.method != STORED || member.len != member.compressed_len {
        return Err(DAMAGED);
    }
    let header_end = member.header_offset + LOCAL_HEADER_FIXED_LEN;
    let header = bytes_of(&slice(file, member.header_offset, header_end)?).await?;
    let start = member.header_offset + local_header_len(&header).map_err(|_| DAMAGED)?;
    let end = start + member.compressed_len;
    if end > file.size() as u64 {
        return Err(DAMAGED);
    }
    slice(file, start, end)
}

/// The longest central directory read: a pack of thousands of photos has well under 1 MB.
const MAX_DIRECTORY_BYTES: u64 = 16 * 1024 * 1024;

/// The largest photo a pack may hold: far above any camera's (and a shrunk photo is a few MB), so
/// a hostile pack cannot make the app read gigabytes into memory to check one.
const MAX_PHOTO_BYTES: u64 = 100 * 1024 * 1024;

/// `member`'s bytes, checked against its CRC; refused unread when larger than the importer reads.
async fn member_bytes(file: &Blob, member: &ArchiveMember) -> Result<Vec<u8>, FileProblem> {
    if member.compressed_len > MAX_IMPORT_BYTES {
        return Err(FileProblem::TooLarge {
            bytes: member.compressed_len,
        });
    }
    let bytes = bytes_of(&member_blob(file, member).await?).await?;
    if Crc32::of(&bytes) != member.crc32 {
        return Err(DAMAGED);
    }
    Ok(bytes)
}

/// Reads the pack `file`, its export judged against the `known` campaigns.
pub async fn read_pack(file: &Blob, known: &[Campaign]) -> Result<ReadPack, FileProblem> {
    let size = file.size() as u64;
    if size > MAX_PACK_BYTES {
        return Err(FileProblem::Pack(PackProblem::TooLarge { bytes: size }));
    }
    let tail_start = size.saturating_sub(END_SEARCH_LEN);
    let tail = bytes_of(&slice(file, tail_start, size)?).await?;
    let directory = find_central_directory(&tail, size).map_err(|_| DAMAGED)?;
    if directory.len > MAX_DIRECTORY_BYTES {
        return Err(DAMAGED);
    }
    let listed = bytes_of(&slice(
        file,
        directory.offset,
        directory.offset + directory.len,
    )?)
    .await?;
    let members = read_members(&listed, directory.members, size).map_err(|_| DAMAGED)?;
    let find = |name: &str| members.iter().find(|m| m.name == name);
    let not_a_pack = FileProblem::Pack(PackProblem::NotAPack);
    let manifest_bytes = member_bytes(file, find(PACK_MANIFEST).ok_or(not_a_pack.clone())?).await?;
    let manifest = parse_manifest(&manifest_bytes).map_err(FileProblem::Pack)?;
    let export_member = find(&manifest.export_file).ok_or(not_a_pack)?;
    let export_bytes = member_bytes(file, export_member).await?;
    let export = read_export_file_of(&export_bytes, known)?;
    check_manifest(&manifest, &export).map_err(FileProblem::Pack)?;
    let mut photos = Vec::with_capacity(manifest.photos.len());
    for packed in manifest.photos {
        let damaged = || {
            FileProblem::Pack(PackProblem::PhotoDamaged {
                file: packed.file.clone(),
            })
        };
        if packed.file.is_empty() || packed.record.deleted {
            photos.push(PackedImage {
                record: packed.record,
                image: None,
            });
            continue;
        }
        let member = find(&packed.file)
            .filter(|member| member.compressed_len <= MAX_PHOTO_BYTES)
            .ok_or_else(damaged)?;
        let image = member_blob(file, member).await.map_err(|_| damaged())?;
        // Checked one at a time: only one photo is in wasm memory at once.
        if Crc32::of(&bytes_of(&image).await?) != member.crc32 {
            return Err(damaged());
        }
        let typed = image
            .slice_with_f64_and_f64_and_content_type(0.0, image.size(), &packed.record.media_type)
            .map_err(|_| damaged())?;
        photos.push(PackedImage {
            record: packed.record,
            image: Some(typed),
        });
    }
    let mut hashed = export_bytes;
    hashed.extend_from_slice(&manifest_bytes);
    Ok(ReadPack {
        export,
        photos,
        content_hash: content_hash(&hashed),
    })
}
