//! The ZIP container of the report pack: written with the "stored" method (photos are JPEG
//! already, and every unzip tool reads stored members), read back when a pack is imported.
//!
//! Only the headers are built and parsed here. The members' bytes stay where they are (photo
//! blobs in the browser's storage): the writer lays the headers out around them, the reader says
//! where each member's bytes lie, so a pack of a hundred photos never passes through wasm memory
//! whole. Names are UTF-8 and flagged so (general-purpose bit 11), so Chinese file names show in
//! Windows Explorer, macOS Archive Utility and `unzip` alike.
//!
//! Hand-written, with `zip_reader.rs`, for that reason (and kept to these two files): a ZIP crate
//! writes through `std::io::Write`, so every photo would be copied into wasm memory to build a
//! pack (a hundred 3 MB photos: 300 MB on a tablet), and it adds its own code to the app shell.
//! The real `zip` crate checks both directions in `tests/domain_zip.rs`. How to undo: build the
//! pack with `zip::ZipWriter` over a `Vec<u8>` in `workflows::report_pack_files` and read it with
//! `zip::ZipArchive`, accepting the copies.

use chrono::{Datelike, NaiveDateTime, Timelike};

pub(super) const LOCAL_HEADER: u32 = 0x0403_4b50;
pub(super) const CENTRAL_HEADER: u32 = 0x0201_4b50;
pub(super) const END_RECORD: u32 = 0x0605_4b50;
pub(super) const LOCAL_HEADER_LEN: usize = 30;
pub(super) const CENTRAL_HEADER_LEN: usize = 46;
pub(super) const END_RECORD_LEN: usize = 22;
/// The longest tail an end record can sit in: itself and a comment of up to 65,535 bytes.
pub const END_SEARCH_LEN: u64 = (END_RECORD_LEN + u16::MAX as usize) as u64;
pub(super) const UTF8_NAMES: u16 = 1 << 11;
pub(super) const VERSION_20: u16 = 20;
/// Method 0: stored as is.
pub const STORED: u16 = 0;
/// Method 8: deflated.
pub const DEFLATED: u16 = 8;

/// CRC-32 (IEEE) table, built when a checksum starts (2,048 shifts, nothing next to a photo's
/// bytes) rather than stored: 1 KB of hardly compressible data the app shell need not carry.
fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    for (n, entry) in (0u32..).zip(table.iter_mut()) {
        let mut c = n;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *entry = c;
    }
    table
}

/// A running CRC-32 of a member's bytes, fed piece by piece.
#[derive(Debug, Clone, Copy)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Self(0xFFFF_FFFF)
    }
}

impl Crc32 {
    /// Adds `bytes`.
    pub fn update(&mut self, bytes: &[u8]) {
        let table = crc_table();
        let mut c = self.0;
        for &byte in bytes {
            c = table[((c ^ u32::from(byte)) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    /// The checksum of everything added.
    pub fn finish(self) -> u32 {
        self.0 ^ 0xFFFF_FFFF
    }

    /// The checksum of `bytes`.
    pub fn of(bytes: &[u8]) -> u32 {
        let mut crc = Self::default();
        crc.update(bytes);
        crc.finish()
    }
}

/// One member to write: its name in the archive, its size and checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberToWrite {
    /// Its path in the archive (`/` between folders).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// [`Crc32`] of its bytes.
    pub crc32: u32,
}

/// A piece of the archive, in order: header bytes built here, or member `n`'s own bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchivePart {
    /// Bytes of headers.
    Headers(Vec<u8>),
    /// The bytes of member `n` of the list written.
    Member(usize),
}

/// Why an archive cannot be written: it would need ZIP64 (over 4 GB or 65,535 members), which
/// some unzip tools still misread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveTooLarge;

/// MS-DOS date and time, the only time a plain ZIP header holds (local time, 2-second steps).
fn dos_stamp(time: NaiveDateTime) -> (u16, u16) {
    let year = time.year().clamp(1980, 2107) as u16;
    let date = ((year - 1980) << 9) | ((time.month() as u16) << 5) | time.day() as u16;
    let clock =
        ((time.hour() as u16) << 11) | ((time.minute() as u16) << 5) | (time.second() as u16 / 2);
    (clock, date)
}

/// A count or length that fits a 16-bit field without being `0xFFFF`, which marks ZIP64.
fn u16_of(value: usize) -> Result<u16, ArchiveTooLarge> {
    match u16::try_from(value) {
        Ok(value) if value != u16::MAX => Ok(value),
        _ => Err(ArchiveTooLarge),
    }
}

fn u32_of(value: u64) -> Result<u32, ArchiveTooLarge> {
    match u32::try_from(value) {
        Ok(value) if value != u32::MAX => Ok(value),
        _ => Err(ArchiveTooLarge),
    }
}

/// Lays out a stored archive of `members`, stamped with `modified` (local time): the parts to
/// concatenate, in order.
pub fn archive_layout(
    members: &[MemberToWrite],
    modified: NaiveDateTime,
) -> Result<Vec<ArchivePart>, ArchiveTooLarge> {
    let (clock, date) = dos_stamp(modified);
    let mut parts = Vec::with_capacity(members.len() * 2 + 1);
    let mut central = Vec::new();
    let mut offset: u64 = 0;
    for (index, member) in members.iter().enumerate() {
        let name = member.name.as_bytes();
        let name_len = u16_of(name.len())?;
        let size = u32_of(member.size)?;
        let header_offset = u32_of(offset)?;
        let common = |out: &mut Vec<u8>| {
            for half in [VERSION_20, UTF8_NAMES, STORED, clock, date] {
                out.extend_from_slice(&half.to_le_bytes());
            }
            for word in [member.crc32, size, size] {
                out.extend_from_slice(&word.to_le_bytes());
            }
            out.extend_from_slice(&name_len.to_le_bytes());
        };
        let mut local = Vec::with_capacity(LOCAL_HEADER_LEN + name.len());
        local.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
        common(&mut local);
        local.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        local.extend_from_slice(name);
        offset += local.len() as u64 + member.size;
        parts.push(ArchivePart::Headers(local));
        parts.push(ArchivePart::Member(index));

        central.extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
        central.extend_from_slice(&VERSION_20.to_le_bytes()); // made by: MS-DOS, 2.0
        common(&mut central);
        // Extra, comment, disk, internal and external attributes.
        central.extend_from_slice(&[0; 4 * 2 + 4]);
        central.extend_from_slice(&header_offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let count = u16_of(members.len())?;
    let central_offset = u32_of(offset)?;
    let central_len = u32_of(central.len() as u64)?;
    u32_of(offset + central.len() as u64)?;
    central.extend_from_slice(&END_RECORD.to_le_bytes());
    central.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
    central.extend_from_slice(&count.to_le_bytes());
    central.extend_from_slice(&count.to_le_bytes());
    central.extend_from_slice(&central_len.to_le_bytes());
    central.extend_from_slice(&central_offset.to_le_bytes());
    central.extend_from_slice(&0u16.to_le_bytes()); // comment length
    parts.push(ArchivePart::Headers(central));
    Ok(parts)
}

/// A whole archive of `(name, bytes)` members in memory (small archives and tests).
pub fn archive_bytes(
    members: &[(&str, &[u8])],
    modified: NaiveDateTime,
) -> Result<Vec<u8>, ArchiveTooLarge> {
    let listed: Vec<MemberToWrite> = members
        .iter()
        .map(|(name, bytes)| MemberToWrite {
            name: (*name).to_owned(),
            size: bytes.len() as u64,
            crc32: Crc32::of(bytes),
        })
        .collect();
    let mut out = Vec::new();
    for part in archive_layout(&listed, modified)? {
        match part {
            ArchivePart::Headers(bytes) => out.extend_from_slice(&bytes),
            ArchivePart::Member(index) => out.extend_from_slice(members[index].1),
        }
    }
    Ok(out)
}
