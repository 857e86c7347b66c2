//! Photos attached to events: what the plan asks of a report photo (JPG, at least 1024×768 pixels,
//! a caption of at most 50 characters), and the record kept for each photo. The image itself is a
//! blob stored beside the record, never inside it.

use crate::domain::ids::{EventId, PhotoId};
use crate::domain::validation::{ErrorList, Field, FieldError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest caption the plan allows, in characters (a Chinese character counts as one).
pub const CAPTION_MAX_CHARS: usize = 50;
/// The plan's smallest report photo: 1024×768 pixels, either way round.
pub const REPORT_MIN_LONG_SIDE: u32 = 1024;
/// See [`REPORT_MIN_LONG_SIDE`].
pub const REPORT_MIN_SHORT_SIDE: u32 = 768;
/// The long side very large photos are shrunk to unless the user chooses otherwise.
pub const DEFAULT_LONG_SIDE: u32 = 2560;
/// The long sides offered (`0`: never shrink).
pub const LONG_SIDE_CHOICES: [u32; 4] = [0, 3200, 2560, 1920];
/// Current layout version of [`PhotoRecord`].
pub const PHOTO_SCHEMA_VERSION: u32 = 1;

/// One photo of an event, as stored (the pixels are a separate blob under the same ID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRecord {
    /// UUID, drawn when the photo is attached.
    pub id: PhotoId,
    /// The event it shows.
    pub event_id: EventId,
    /// The file name the camera or gallery gave it.
    pub file_name: String,
    /// Its media type as read from the file (`image/jpeg`, `image/png`…).
    pub media_type: String,
    /// Width in pixels, as shown (after the camera's orientation is applied).
    pub width: u32,
    /// Height in pixels, as shown.
    pub height: u32,
    /// Size of the stored image in bytes.
    pub bytes: u64,
    /// The caption, at most [`CAPTION_MAX_CHARS`] characters.
    #[serde(default)]
    pub caption: String,
    /// Chosen for the report to the Quality Section.
    #[serde(default)]
    pub selected: bool,
    /// When it was attached.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// Starts at 1, grows by one with every saved change.
    pub revision: u32,
    /// Removed photos are kept as tombstones (their image is deleted).
    #[serde(default)]
    pub deleted: bool,
    /// Version of this record's layout.
    pub schema_version: u32,
    /// The received pack this version came from; `None` for a photo attached on this device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<super::record_version::RecordOrigin>,
}

/// Why a photo does not meet the plan's rule for report photos.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoProblem {
    /// Not a JPG.
    NotJpeg,
    /// Smaller than 1024×768.
    TooSmall {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
}

/// Whether a media type is JPEG (`image/jpeg`, or the old `image/jpg`).
pub fn is_jpeg(media_type: &str) -> bool {
    matches!(
        media_type.trim().to_ascii_lowercase().as_str(),
        "image/jpeg" | "image/jpg" | "image/pjpeg"
    )
}

/// Every reason a photo of this type and size cannot go into the report; empty if it can.
/// Portrait photos count too: the long side must reach 1024 and the short side 768.
pub fn report_problems(media_type: &str, width: u32, height: u32) -> Vec<PhotoProblem> {
    let mut problems = Vec::new();
    if !is_jpeg(media_type) {
        problems.push(PhotoProblem::NotJpeg);
    }
    let (long, short) = (width.max(height), width.min(height));
    if long < REPORT_MIN_LONG_SIDE || short < REPORT_MIN_SHORT_SIDE {
        problems.push(PhotoProblem::TooSmall { width, height });
    }
    problems
}

/// Checks a caption: at most [`CAPTION_MAX_CHARS`] characters, counted as characters, not bytes.
pub fn check_caption(caption: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = ErrorList::default();
    errors.optional_text(Field::Caption, caption, CAPTION_MAX_CHARS);
    errors.into_result()
}

impl PhotoRecord {
    /// Whether the photo meets the report rule.
    pub fn meets_report_rule(&self) -> bool {
        report_problems(&self.media_type, self.width, self.height).is_empty()
    }

    /// The next revision, changed at `now` (revision + 1, time never backwards).
    pub fn next_revision(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.clone();
        (next.revision, next.updated_at) =
            super::record_version::next_revision_stamp(self.revision, self.updated_at, now);
        next.origin = None;
        next
    }
}

/// The size to shrink a `width`×`height` photo to so its long side is at most `long_side`,
/// never below the report minimum (1024×768) when the photo met it; `None` when it is small
/// enough already.
pub fn shrunk_size(width: u32, height: u32, long_side: u32) -> Option<(u32, u32)> {
    let long = width.max(height);
    if long <= long_side || long == 0 {
        return None;
    }
    let short = width.min(height);
    // The smallest scale that still keeps a report-sized photo report-sized.
    let keep_long = f64::from(REPORT_MIN_LONG_SIDE) / f64::from(long);
    let keep_short = f64::from(REPORT_MIN_SHORT_SIDE) / f64::from(short.max(1));
    let floor = if report_problems("image/jpeg", width, height).is_empty() {
        keep_long.max(keep_short)
    } else {
        0.0
    };
    let scale = (f64::from(long_side) / f64::from(long)).max(floor);
    if scale >= 1.0 {
        return None;
    }
    let size = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    Some((size(width), size(height)))
}

/// Where a unit stands with the plan's 1–2 selected report photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitSelection {
    /// None selected yet.
    NoneYet,
    /// One or two: as the plan asks.
    Enough(usize),
    /// More than two.
    TooMany(usize),
}

impl UnitSelection {
    /// The status for `selected` photos of one unit.
    pub fn of(selected: usize) -> Self {
        match selected {
            0 => Self::NoneYet,
            1 | 2 => Self::Enough(selected),
            more => Self::TooMany(more),
        }
    }
}
