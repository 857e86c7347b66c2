//! Reading a ZIP archive's directory: where each member lies, without reading the members
//! (see [`super::zip_archive`] for the container as a whole).

use super::zip_archive::{
    Crc32, CENTRAL_HEADER, CENTRAL_HEADER_LEN, END_RECORD, END_RECORD_LEN, END_SEARCH_LEN,
    LOCAL_HEADER, LOCAL_HEADER_LEN, STORED,
};

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
    /// How it is stored: [`STORED`] or [`DEFLATED`](super::zip_archive::DEFLATED) are read.
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
