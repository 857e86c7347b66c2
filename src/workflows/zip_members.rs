//! The members of a ZIP the app hands over (the report packs, the Word summary): small files built
//! in memory, and stored images kept as the browser's `Blob`s. The domain lays the headers out
//! ([`archive_layout`]); the archive is handed over as the parts of one `File`, so no image is
//! copied into wasm memory to build it: each is read once, alone, for its checksum.

use crate::domain::china_time::china_offset;
use crate::domain::exchange::zip_archive::{archive_layout, ArchivePart, Crc32, MemberToWrite};
use chrono::{DateTime, Utc};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// One member's content: bytes built here, or a stored image.
enum Content {
    Bytes(Vec<u8>),
    Image(Blob),
}

/// A member with its size and CRC, ready to lay out.
pub struct Member {
    listed: MemberToWrite,
    content: Content,
}

impl Member {
    /// A member of `bytes` built here.
    pub fn bytes(name: &str, bytes: Vec<u8>) -> Self {
        Self {
            listed: MemberToWrite {
                name: name.to_owned(),
                size: bytes.len() as u64,
                crc32: Crc32::of(&bytes),
            },
            content: Content::Bytes(bytes),
        }
    }

    /// A stored image, read once (alone) for its CRC and handed to `inspect` (which sees its
    /// bytes and may refuse it); `None` if it cannot be read or `inspect` refuses it.
    pub async fn image<T>(
        name: &str,
        image: Blob,
        inspect: impl FnOnce(&[u8]) -> Option<T>,
    ) -> Option<(Self, T)> {
        let buffer = JsFuture::from(image.array_buffer()).await.ok()?;
        let bytes = Uint8Array::new(&buffer).to_vec();
        let found = inspect(&bytes)?;
        let crc32 = Crc32::of(&bytes);
        let member = Self {
            listed: MemberToWrite {
                name: name.to_owned(),
                size: image.size() as u64,
                crc32,
            },
            content: Content::Image(image),
        };
        Some((member, found))
    }

    /// The same member under another name.
    pub fn renamed(mut self, name: &str) -> Self {
        self.listed.name = name.to_owned();
        self
    }
}

/// The archive would be over 4 GB or 65,535 members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveTooLarge;

/// The stored archive of `members`, stamped `now` in China time, as the parts of one `File`.
pub fn assemble(members: &[Member], now: DateTime<Utc>) -> Result<Array, ArchiveTooLarge> {
    let listed: Vec<MemberToWrite> = members.iter().map(|m| m.listed.clone()).collect();
    let local_time = now.with_timezone(&china_offset()).naive_local();
    let layout = archive_layout(&listed, local_time).map_err(|_| ArchiveTooLarge)?;
    let parts = Array::new();
    for part in layout {
        let value: JsValue = match part {
            ArchivePart::Headers(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            ArchivePart::Member(index) => match &members[index].content {
                Content::Bytes(bytes) => Uint8Array::from(bytes.as_slice()).into(),
                Content::Image(blob) => blob.into(),
            },
        };
        parts.push(&value);
    }
    Ok(parts)
}
