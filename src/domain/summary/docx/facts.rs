//! What the Word summary is written from and into: its words in one language, what became of
//! each selected photo, the facts it names, and the package's parts.

use crate::domain::figures::statistics::Figures;
use crate::domain::ids::DeviceId;
use crate::domain::plan::campaign::Period;
use crate::domain::records::image_header::ImageHeader;
use chrono::{NaiveDate, NaiveDateTime};

/// The words of the summary, in one language (filled in by the i18n layer).
#[derive(Debug, Clone)]
pub struct SummaryWords {
    /// "活动总结", after the campaign's name in the title.
    pub summary: &'static str,
    /// The district scope's name: "全区".
    pub district: &'static str,
    /// The line under the title: scope and period.
    pub scope_line: fn(scope: &str, period: &str) -> String,
    /// A campaign period as text.
    pub period: fn(Period) -> String,
    /// A day as text.
    pub date: fn(NaiveDate) -> String,
    /// A day within the campaign's year, for tables: "9月20日".
    pub short_date: fn(NaiveDate) -> String,
    /// First-level heading numbers: "一、", "二、"…
    pub numbers: [&'static str; 12],
    /// Second-level heading numbers: "（一）", "（二）"…
    pub sub_numbers: [&'static str; 3],
    /// First heading: the figures in total.
    pub overview: &'static str,
    /// The opening sentence: scope, period and the four figures.
    pub totals_sentence: fn(scope: &str, period: &str, figures: &Figures) -> String,
    /// A direction's opening sentence: its four figures.
    pub direction_sentence: fn(figures: &Figures) -> String,
    /// Heading of the table per planned activity.
    pub by_activity: &'static str,
    /// Heading of the table per unit.
    pub by_unit: &'static str,
    /// Heading of a direction's events (or figures).
    pub direction_events: &'static str,
    /// Heading of a direction's narrative.
    pub direction_narrative: &'static str,
    /// The marked paragraph where the user writes a direction's narrative.
    pub narrative_prompt: &'static str,
    /// A direction without events.
    pub empty_direction: &'static str,
    /// The four figures' column headers.
    pub figure_columns: [&'static str; 4],
    /// Column headers: no., activity, unit, date, place.
    pub number_column: &'static str,
    /// See `number_column`.
    pub activity_column: &'static str,
    /// See `number_column`.
    pub unit_column: &'static str,
    /// See `number_column`.
    pub date_column: &'static str,
    /// See `number_column`.
    pub place_column: &'static str,
    /// The total row.
    pub total: &'static str,
    /// Events outside the plan, together.
    pub other_activities: &'static str,
    /// Between a label and its value.
    pub colon: &'static str,
    /// Heading of the photos.
    pub photos: &'static str,
    /// No photo selected.
    pub no_photos: &'static str,
    /// A photo's label before its caption: "图1".
    pub photo_label: fn(n: usize) -> String,
    /// The note left where a photo could not go in.
    pub photo_gap: fn(file: &str, gap: PhotoGap) -> String,
    /// Heading of the videos.
    pub videos: &'static str,
    /// No videos recorded.
    pub no_videos: &'static str,
    /// One event's videos: day, activity, count, file names.
    pub video_line: fn(date: &str, activity: &str, count: u32, files: &str) -> String,
    /// Between items of a list.
    pub list_separator: &'static str,
    /// A device without a known label.
    pub unnamed_device: fn(id: &DeviceId) -> String,
    /// The closing line: events, devices, export time, app version.
    pub sources: fn(events: usize, devices: &str, time: &str, version: &str) -> String,
    /// A time of day (China time) as text.
    pub time: fn(NaiveDateTime) -> String,
    /// The app's name, as the document's author.
    pub app_name: &'static str,
}

/// Why a selected photo is not in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoGap {
    /// Its image is no longer stored on this device.
    Missing,
    /// Its stored image is damaged (not a readable JPEG or PNG).
    Damaged,
}

/// What became of one selected photo, in the outline's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSlot {
    /// Its stored image goes in as it is.
    Embedded(ImageHeader),
    /// It could not: the document says so where it would have been.
    Gap(PhotoGap),
}

/// Everything else the document names.
#[derive(Debug, Clone, Copy)]
pub struct DocumentFacts<'a> {
    /// The plan's issuing unit.
    pub issuing_unit: &'a str,
    /// The campaign's name for the title (e.g. 质量月2021).
    pub campaign_name: &'a str,
    /// The export time, China time.
    pub exported_at: NaiveDateTime,
    /// The app build.
    pub app_version: &'a str,
}

/// One part of the package, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxPart {
    /// An XML part: its name and bytes.
    Xml(String, Vec<u8>),
    /// Photo `n` of the outline: its name in the package; its bytes are the stored image's.
    Photo(String, usize),
}
