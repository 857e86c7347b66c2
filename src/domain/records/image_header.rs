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
