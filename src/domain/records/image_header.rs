//! What a stored image really is, read from its first bytes: JPEG or PNG, and its size in pixels.
//! A photo whose bytes do not say so (cut short, overwritten, not an image at all) is damaged,
//! whatever its record claims.

/// An image format a Word document can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// JPEG (JFIF or Exif).
    Jpeg,
    /// PNG.
    Png,
}

impl ImageKind {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
        }
    }
}

/// An image's format and its stored size in pixels (before any Exif orientation is applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageHeader {
    /// Its format.
    pub kind: ImageKind,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

impl ImageHeader {
    /// Reads the header of a JPEG or PNG; `None` for anything else, or for one too damaged to
    /// say its size (a size of zero counts as damaged).
    ///
    /// ```
    /// use field_ledger::domain::records::image_header::{ImageHeader, ImageKind};
    /// let jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0x03, 0x00, 0x04, 0x00, 3, 0, 0];
    /// let header = ImageHeader::read(&jpeg).unwrap();
    /// assert_eq!((header.kind, header.width, header.height), (ImageKind::Jpeg, 1024, 768));
    /// assert_eq!(ImageHeader::read(b"<html>blocked</html>"), None);
    /// ```
    pub fn read(bytes: &[u8]) -> Option<Self> {
        let header = if bytes.starts_with(&PNG_SIGNATURE) {
            png_header(bytes)
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg_header(bytes)
        } else {
            None
        }?;
        (header.width > 0 && header.height > 0).then_some(header)
    }
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([slice[0], slice[1], slice[2], slice[3]]))
}

/// PNG: the signature, then the IHDR chunk with width and height.
fn png_header(bytes: &[u8]) -> Option<ImageHeader> {
    (bytes.get(12..16)? == b"IHDR").then_some(())?;
    Some(ImageHeader {
        kind: ImageKind::Png,
        width: be_u32(bytes, 16)?,
        height: be_u32(bytes, 20)?,
    })
}

/// JPEG: walks the marker segments from SOI to the first start-of-frame, which holds the size.
fn jpeg_header(bytes: &[u8]) -> Option<ImageHeader> {
    let mut at = 2;
    loop {
        // Fill bytes (0xFF runs) may precede a marker.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        match marker {
            // Markers without a length: TEM, RSTn.
            0x01 | 0xD0..=0xD7 => at += 2,
            // End of image, or start of scan, before any frame header: damaged.
            0xD9 | 0xDA => return None,
            // SOFn (not DHT 0xC4, JPG 0xC8, DAC 0xCC): precision, height, width.
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return Some(ImageHeader {
                    kind: ImageKind::Jpeg,
                    height: u32::from(be_u16(bytes, at + 5)?),
                    width: u32::from(be_u16(bytes, at + 7)?),
                });
            }
            _ => {
                let length = usize::from(be_u16(bytes, at + 2)?);
                if length < 2 {
                    return None;
                }
                at += 2 + length;
            }
        }
    }
}

/// How much of an image's start [`ImageCheck`] keeps to read its header: the frame header follows
/// the Exif and other application segments, each at most 64 KB.
pub const HEADER_BYTES: usize = 1024 * 1024;

/// Checks a stored image fed piece by piece (as read from its `Blob`, never whole): its header
/// says JPEG or PNG with a size, and it is complete: a JPEG's entropy-coded data ends with an
/// end-of-image marker (data appended after it, as some cameras do, is fine), a PNG ends with its
/// `IEND` chunk. A photo cut short (a full disk while saving, a copy broken off) is damaged.
#[derive(Debug, Default)]
pub struct ImageCheck {
    head: Vec<u8>,
    /// Bytes fed so far.
    fed: usize,
    /// Where the first scan starts (JPEG), once the head has been read that far.
    scan_from: Option<usize>,
    /// A JPEG's end-of-image marker was seen after the first scan.
    jpeg_ended: bool,
    /// The last byte fed (a marker may straddle two pieces).
    last: Option<u8>,
    /// The last 12 bytes fed (a PNG's `IEND` chunk).
    tail: Vec<u8>,
}

impl ImageCheck {
    /// A check of nothing fed yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next piece of the image.
    pub fn feed(&mut self, piece: &[u8]) {
        if self.head.len() < HEADER_BYTES {
            let room = HEADER_BYTES - self.head.len();
            self.head.extend_from_slice(&piece[..piece.len().min(room)]);
            if self.scan_from.is_none() && self.head.starts_with(&[0xFF, 0xD8]) {
                self.scan_from = first_scan(&self.head);
            }
        }
        if let Some(scan_from) = self.scan_from.filter(|_| !self.jpeg_ended) {
            // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so
            // the first FF D9 after the first scan's start is the end of the image.
            let start = scan_from.saturating_sub(self.fed).min(piece.len());
            let mut previous = if start == 0 { self.last } else { None };
            for &byte in &piece[start..] {
                if previous == Some(0xFF) && byte == 0xD9 {
                    self.jpeg_ended = true;
                    break;
                }
                previous = Some(byte);
            }
        }
        self.fed += piece.len();
        self.last = piece.last().copied().or(self.last);
        self.tail
            .extend_from_slice(&piece[piece.len().saturating_sub(12)..]);
        let excess = self.tail.len().saturating_sub(12);
        self.tail.drain(..excess);
    }

    /// The image's header if it is a complete JPEG or PNG; `None` if damaged or something else.
    pub fn finish(self) -> Option<ImageHeader> {
        let header = ImageHeader::read(&self.head)?;
        let complete = match header.kind {
            ImageKind::Jpeg => self.jpeg_ended,
            ImageKind::Png => self.tail.len() == 12 && self.tail[4..8] == *b"IEND",
        };
        complete.then_some(header)
    }
}

/// Where a JPEG's first scan (after its SOS segment) starts, if `head` reaches it.
fn first_scan(head: &[u8]) -> Option<usize> {
    let mut at = 2;
    loop {
        while *head.get(at)? == 0xFF && *head.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *head.get(at)? != 0xFF {
            return None;
        }
        match *head.get(at + 1)? {
            0x01 | 0xD0..=0xD7 => at += 2,
            0xD9 => return None,
            marker => {
                let length = usize::from(be_u16(head, at + 2)?);
                if length < 2 {
                    return None;
                }
                at += 2 + length;
                if marker == 0xDA {
                    return Some(at);
                }
            }
        }
    }
}
