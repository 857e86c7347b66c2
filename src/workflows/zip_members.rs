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

    /// A stored image, read once in slices of [`SLICE_BYTES`] (never whole) for its CRC, each
    /// slice also handed to `check`; `None` if it cannot be read or `check` refuses it.
    pub async fn image<C: ImageInspector>(
        name: &str,
        image: Blob,
        mut check: C,
    ) -> Option<(Self, C::Found)> {
        let size = image.size() as u64;
        let mut crc = Crc32::default();
        let mut at = 0u64;
        while at < size {
            let end = (at + SLICE_BYTES).min(size);
            let slice = image.slice_with_f64_and_f64(at as f64, end as f64).ok()?;
            let buffer = JsFuture::from(slice.array_buffer()).await.ok()?;
            let piece = Uint8Array::new(&buffer).to_vec();
            crc.update(&piece);
            check.feed(&piece);
            at = end;
        }
        let found = check.finish()?;
        let member = Self {
            listed: MemberToWrite {
                name: name.to_owned(),
                size,
                crc32: crc.finish(),
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

/// The most of an image in wasm memory at once while it is read.
pub const SLICE_BYTES: u64 = 1024 * 1024;

/// Looks at an image's bytes as they are read, and says whether it goes in.
pub trait ImageInspector {
    /// What it finds in an image it accepts.
    type Found;
    /// The next piece of the image.
    fn feed(&mut self, piece: &[u8]);
    /// What it found, or `None` to leave the image out.
    fn finish(self) -> Option<Self::Found>;
}

/// Takes every image as it is (the report pack's photos).
pub struct AnyImage;

impl ImageInspector for AnyImage {
    type Found = ();
    fn feed(&mut self, _piece: &[u8]) {}
    fn finish(self) -> Option<()> {
        Some(())
    }
}

impl ImageInspector for crate::domain::records::image_header::ImageCheck {
    type Found = crate::domain::records::image_header::ImageHeader;
    fn feed(&mut self, piece: &[u8]) {
        crate::domain::records::image_header::ImageCheck::feed(self, piece);
    }
    fn finish(self) -> Option<Self::Found> {
        crate::domain::records::image_header::ImageCheck::finish(self)
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
