//! The ZIP container of the report pack: written with the "stored" method (photos are JPEG
//! already, and every unzip tool reads stored members), read back when a pack is imported.
//!
//! Only the headers are built and parsed here. The members' bytes stay where they are (photo
//! blobs in the browser's storage): the writer lays the headers out around them, the reader says
//! where each member's bytes lie, so a pack of a hundred photos never passes through wasm memory
//! whole. Names are UTF-8 and flagged so (general-purpose bit 11), so Chinese file names show in
//! Windows Explorer, macOS Archive Utility and `unzip` alike.

use chrono::{Datelike, NaiveDateTime, Timelike};

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_RECORD: u32 = 0x0605_4b50;
const LOCAL_HEADER_LEN: usize = 30;
const CENTRAL_HEADER_LEN: usize = 46;
const END_RECORD_LEN: usize = 22;
/// The longest tail an end record can sit in: itself and a comment of up to 65,535 bytes.
pub const END_SEARCH_LEN: u64 = (END_RECORD_LEN + u16::MAX as usize) as u64;
const UTF8_NAMES: u16 = 1 << 11;
const VERSION_20: u16 = 20;
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

/// Why an archive cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveProblem {
    /// No end record: not a ZIP file, or cut short.
    NotAnArchive,
    /// A header points outside the file or does not carry its signature.
    Damaged,
    /// ZIP64, split or encrypted archives, which report packs never are.
    Unsupported,
}

/// Where the central directory lies, from the end record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CentralDirectory {
    /// Its offset in the file.
    pub offset: u64,
    /// Its length.
    pub len: u64,
    /// How many members it lists.
    pub members: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Finds the end record in `tail`, the last bytes of a file of `file_len` bytes (at most
/// [`END_SEARCH_LEN`] of them are needed), and says where the central directory is.
pub fn find_central_directory(
    tail: &[u8],
    file_len: u64,
) -> Result<CentralDirectory, ArchiveProblem> {
    let tail_start = file_len
        .checked_sub(tail.len() as u64)
        .ok_or(ArchiveProblem::NotAnArchive)?;
    let last = tail
        .len()
        .checked_sub(END_RECORD_LEN)
        .ok_or(ArchiveProblem::NotAnArchive)?;
    // The last signature whose comment runs exactly to the end of the file.
    let at = (0..=last)
        .rev()
        .find(|&at| {
            u32_at(tail, at) == Some(END_RECORD)
                && u16_at(tail, at + 20).map(usize::from) == Some(tail.len() - at - END_RECORD_LEN)
        })
        .ok_or(ArchiveProblem::NotAnArchive)?;
    let field = |offset| u16_at(tail, at + offset).unwrap_or(0);
    let (disk, central_disk, on_disk, total) = (field(4), field(6), field(8), field(10));
    let len = u64::from(u32_at(tail, at + 12).unwrap_or(0));
    let offset = u64::from(u32_at(tail, at + 16).unwrap_or(0));
    if disk != 0 || central_disk != 0 || on_disk != total {
        return Err(ArchiveProblem::Unsupported);
    }
    if total == u16::MAX || offset == u64::from(u32::MAX) || len == u64::from(u32::MAX) {
        return Err(ArchiveProblem::Unsupported);
    }
    if offset + len > tail_start + at as u64 {
        return Err(ArchiveProblem::Damaged);
    }
    Ok(CentralDirectory {
        offset,
        len,
        members: usize::from(total),
    })
}

/// One member as the central directory lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveMember {
    /// Its path in the archive.
    pub name: String,
    /// How it is stored: [`STORED`] or [`DEFLATED`] are read.
    pub method: u16,
    /// CRC-32 of its uncompressed bytes.
    pub crc32: u32,
    /// Its length in the file.
    pub compressed_len: u64,
    /// Its length unpacked.
    pub len: u64,
    /// Where its local header starts.
    pub header_offset: u64,
}

impl ArchiveMember {
    /// Whether it is a folder entry rather than a file.
    pub fn is_folder(&self) -> bool {
        self.name.ends_with('/')
    }

    /// Its file name without folders.
    pub fn base_name(&self) -> &str {
        self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name)
    }
}

/// Reads the members listed in `directory`, the bytes of the central directory found by
/// [`find_central_directory`], in a file of `file_len` bytes.
pub fn read_members(
    directory: &[u8],
    expected: usize,
    file_len: u64,
) -> Result<Vec<ArchiveMember>, ArchiveProblem> {
    let mut members = Vec::with_capacity(expected.min(4096));
    let mut at = 0;
    for _ in 0..expected {
        if u32_at(directory, at) != Some(CENTRAL_HEADER) {
            return Err(ArchiveProblem::Damaged);
        }
        let half = |offset| u16_at(directory, at + offset).ok_or(ArchiveProblem::Damaged);
        let word = |offset| u32_at(directory, at + offset).ok_or(ArchiveProblem::Damaged);
        let flags = half(8)?;
        let method = half(10)?;
        let crc32 = word(16)?;
        let compressed_len = u64::from(word(20)?);
        let len = u64::from(word(24)?);
        let name_len = usize::from(half(28)?);
        let extra_len = usize::from(half(30)?);
        let comment_len = usize::from(half(32)?);
        let header_offset = u64::from(word(42)?);
        if flags & 1 != 0 || [compressed_len, len, header_offset].contains(&u64::from(u32::MAX)) {
            return Err(ArchiveProblem::Unsupported);
        }
        let name_start = at + CENTRAL_HEADER_LEN;
        let name = directory
            .get(name_start..name_start + name_len)
            .ok_or(ArchiveProblem::Damaged)?;
        // Names not flagged UTF-8 are usually UTF-8 anyway; anything else is shown lossily.
        let name = String::from_utf8_lossy(name).into_owned();
        if header_offset + compressed_len > file_len {
            return Err(ArchiveProblem::Damaged);
        }
        members.push(ArchiveMember {
            name,
            method,
            crc32,
            compressed_len,
            len,
            header_offset,
        });
        at = name_start + name_len + extra_len + comment_len;
    }
    Ok(members)
}

/// How many bytes a local header takes (its fixed part, name and extra field): the member's
/// bytes start that far after [`ArchiveMember::header_offset`]. `header` is the header's
/// first 30 bytes.
pub fn local_header_len(header: &[u8]) -> Result<u64, ArchiveProblem> {
    if u32_at(header, 0) != Some(LOCAL_HEADER) {
        return Err(ArchiveProblem::Damaged);
    }
    let name_len = u16_at(header, 26).ok_or(ArchiveProblem::Damaged)?;
    let extra_len = u16_at(header, 28).ok_or(ArchiveProblem::Damaged)?;
    Ok(LOCAL_HEADER_LEN as u64 + u64::from(name_len) + u64::from(extra_len))
}

/// The length of a local header's fixed part: read this many bytes at a member's header offset
/// for [`local_header_len`].
pub const LOCAL_HEADER_FIXED_LEN: u64 = LOCAL_HEADER_LEN as u64;

/// Whether `head`, a file's first bytes, starts like a ZIP archive.
pub fn starts_like_archive(head: &[u8]) -> bool {
    head.starts_with(&LOCAL_HEADER.to_le_bytes()) || head.starts_with(&END_RECORD.to_le_bytes())
}

/// Every member of an archive held whole in memory, with its bytes, stored members only
/// (tests and small archives).
pub fn read_archive_bytes(bytes: &[u8]) -> Result<Vec<(ArchiveMember, &[u8])>, ArchiveProblem> {
    let len = bytes.len() as u64;
    let tail_len = END_SEARCH_LEN.min(len) as usize;
    let directory = find_central_directory(&bytes[bytes.len() - tail_len..], len)?;
    let slice = |from: u64, len: u64| {
        let from = usize::try_from(from).map_err(|_| ArchiveProblem::Damaged)?;
        let to = from
            .checked_add(usize::try_from(len).map_err(|_| ArchiveProblem::Damaged)?)
            .ok_or(ArchiveProblem::Damaged)?;
        bytes.get(from..to).ok_or(ArchiveProblem::Damaged)
    };
    let listed = slice(directory.offset, directory.len)?;
    let members = read_members(listed, directory.members, len)?;
    let mut out = Vec::with_capacity(members.len());
    for member in members {
        let header = slice(member.header_offset, LOCAL_HEADER_FIXED_LEN)?;
        let start = member.header_offset + local_header_len(header)?;
        let data = slice(start, member.compressed_len)?;
        if member.method != STORED {
            return Err(ArchiveProblem::Unsupported);
        }
        if Crc32::of(data) != member.crc32 {
            return Err(ArchiveProblem::Damaged);
        }
        out.push((member, data));
    }
    Ok(out)
}
