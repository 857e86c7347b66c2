//! The JSON export file: everything a tablet knows about one campaign, in one self-describing
//! file the Quality Section imports and merges.
//!
//! A file says what it is (`format`, `format_version`, `kind`), which app and device wrote it and
//! when, carries the campaign's full plan (so a receiving device knows it), and every event and
//! roster entry of the campaign, tombstones included, so a merge cannot bring deleted records
//! back. Its layout is documented by `schemas/field-ledger-export.schema.json`.
//!
//! Two kinds exist. A **backup** is complete and importing it back loses nothing. A **report**,
//! the file sent to the Quality Section, withholds phone numbers unless the user includes them:
//! each such entry has no `phone` and lists `"phone"` in `withheld`, so it can never overwrite a
//! real number when merged.

use crate::domain::ids::{DeviceId, EventId, UnitId};
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::records::schema::{decode_event, decode_roster_entry, MigrationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::HashSet;

/// The `format` value every export file carries.
pub const EXPORT_FORMAT: &str = "field-ledger.export";
/// The newest export format version this build writes and reads.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// Which kind of export a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// Complete, phones included: for restoring this tablet or moving to a new one.
    Backup,
    /// For the Quality Section: phones withheld unless the user chose to include them.
    Report,
}

/// The device that wrote a file, as the receiving side needs to tell files apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedDevice {
    /// The device's UUID.
    pub id: DeviceId,
    /// Its label, e.g. 平板3.
    pub label: String,
    /// The unit that owns it.
    pub unit_id: UnitId,
    /// The office's own name when the unit is the offices' placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_name: Option<String>,
}

impl From<&DeviceProfile> for ExportedDevice {
    fn from(profile: &DeviceProfile) -> Self {
        Self {
            id: profile.id,
            label: profile.label.clone(),
            unit_id: profile.unit_id.clone(),
            office_name: profile.office_name.clone(),
        }
    }
}

/// One export file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportFile {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The layout version, [`EXPORT_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// Backup or report.
    pub kind: ExportKind,
    /// Whether the roster's phones are withheld (each such entry also says so).
    pub phones_withheld: bool,
    /// The app build that wrote the file, e.g. `0.1.0+a1b2c3d`.
    pub app_version: String,
    /// When the file was written.
    pub exported_at: DateTime<Utc>,
    /// The device that wrote it.
    pub device: ExportedDevice,
    /// The campaign's whole plan.
    pub campaign: Campaign,
    /// Every event of the campaign, tombstones included, ordered by start day, creation and ID.
    pub events: Vec<EventRecord>,
    /// Every roster entry of those events, removed ones included, ordered by event, sign-in and ID.
    pub roster: Vec<RosterEntry>,
}

/// Puts events in file order: start day, creation time, ID. The export and the CSV files share
/// this one function (and so one instance of the sort in the wasm).
pub(crate) fn sort_events(events: &mut [&EventRecord]) {
    crate::domain::sort::sort_by(events, |a, b| {
        (a.start_date, a.created_at, a.id).cmp(&(b.start_date, b.created_at, b.id))
    });
}

/// Puts roster entries in file order: event, sign-in time, ID. Shared like [`sort_events`].
pub(crate) fn sort_roster(roster: &mut [&RosterEntry]) {
    crate::domain::sort::sort_by(roster, |a, b| {
        (a.event_id, a.signed_in_at, a.id).cmp(&(b.event_id, b.signed_in_at, b.id))
    });
}

/// What goes into an export besides the records.
#[derive(Debug, Clone, Copy)]
pub struct ExportRequest<'a> {
    /// Backup or report.
    pub kind: ExportKind,
    /// For a report: whether phones are included (a backup always includes them).
    pub include_phones: bool,
    /// The running build's version stamp.
    pub app_version: &'a str,
    /// The export time.
    pub now: DateTime<Utc>,
    /// This tablet.
    pub device: &'a DeviceProfile,
    /// The campaign exported.
    pub campaign: &'a Campaign,
}

impl ExportRequest<'_> {
    /// Whether the file carries phone numbers.
    pub fn carries_phones(&self) -> bool {
        self.kind == ExportKind::Backup || self.include_phones
    }
}

impl ExportFile {
    /// The export of `request.campaign`'s records among `events` and `roster` (other campaigns'
    /// records are left out), in a fixed order so the same data always gives the same file.
    pub fn build<'r>(
        request: &ExportRequest<'_>,
        events: impl IntoIterator<Item = &'r EventRecord>,
        roster: impl IntoIterator<Item = &'r RosterEntry>,
    ) -> Self {
        let mut events: Vec<&EventRecord> = events
            .into_iter()
            .filter(|e| e.campaign_id == request.campaign.id)
            .collect();
        sort_events(&mut events);
        let exported: HashSet<EventId> = events.iter().map(|e| e.id).collect();
        let carries_phones = request.carries_phones();
        let mut roster: Vec<&RosterEntry> = roster
            .into_iter()
            .filter(|entry| exported.contains(&entry.event_id))
            .collect();
        sort_roster(&mut roster);
        let events = events.into_iter().cloned().collect();
        let roster = roster
            .into_iter()
            .map(|entry| {
                if carries_phones {
                    entry.clone()
                } else {
                    entry.with_phone_withheld()
                }
            })
            .collect();
        Self {
            format: EXPORT_FORMAT.to_owned(),
            format_version: EXPORT_FORMAT_VERSION,
            kind: request.kind,
            phones_withheld: !carries_phones,
            app_version: request.app_version.to_owned(),
            exported_at: request.now,
            device: request.device.into(),
            campaign: request.campaign.clone(),
            events,
            roster,
        }
    }

    /// The file's text: compact JSON, UTF-8, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads an export file, checking what it is before reading its records, so a wrong file
    /// gets a precise message. Records of older layouts are lifted like stored ones.
    pub fn from_json(text: &str) -> Result<Self, ExportReadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let header: Header = serde_json::from_str(text).map_err(|error| {
            // Well-formed JSON of another shape (an array, a number) is some other file.
            if error.classify() == serde_json::error::Category::Data {
                ExportReadError::NotAnExport
            } else {
                syntax(error)
            }
        })?;
        if header.format.as_deref() != Some(EXPORT_FORMAT) {
            return Err(ExportReadError::NotAnExport);
        }
        match header.format_version {
            Some(version) if version > u64::from(EXPORT_FORMAT_VERSION) => {
                return Err(ExportReadError::NewerFormat(version))
            }
            Some(_) => {}
            None => return Err(ExportReadError::NotAnExport),
        }
        let body: Body = serde_json::from_str(text).map_err(syntax)?;
        let campaign = Campaign::from_json(body.campaign.get())
            .map_err(|error| ExportReadError::Campaign(format!("{error:?}")))?;
        let events = decode_each(&body.events, decode_event, RecordKind::Event)?;
        let roster = decode_each(&body.roster, decode_roster_entry, RecordKind::RosterEntry)?;
        Ok(Self {
            format: EXPORT_FORMAT.to_owned(),
            format_version: EXPORT_FORMAT_VERSION,
            kind: body.kind,
            phones_withheld: body.phones_withheld,
            app_version: body.app_version,
            exported_at: body.exported_at,
            device: body.device,
            campaign,
            events,
            roster,
        })
    }
}

/// Which list of a file a record sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// `events`.
    Event,
    /// `roster`.
    RosterEntry,
}

/// Why an export file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReadError {
    /// Not JSON, cut short, or a field of the wrong shape.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Whether the text simply ends too early (a truncated file).
        truncated: bool,
    },
    /// JSON, but not a Field Ledger export.
    NotAnExport,
    /// Written by a newer app version.
    NewerFormat(u64),
    /// The plan inside is not valid; the detail is for diagnostics.
    Campaign(String),
    /// A record cannot be read.
    Record {
        /// Its list.
        kind: RecordKind,
        /// Its 1-based position in that list.
        position: usize,
        /// Why.
        problem: MigrationError,
    },
}

fn syntax(error: serde_json::Error) -> ExportReadError {
    ExportReadError::Syntax {
        line: error.line(),
        column: error.column(),
        truncated: error.is_eof(),
    }
}

fn decode_each<T>(
    raw: &[&RawValue],
    decode: fn(&str) -> Result<T, MigrationError>,
    kind: RecordKind,
) -> Result<Vec<T>, ExportReadError> {
    raw.iter()
        .enumerate()
        .map(|(index, value)| {
            decode(value.get()).map_err(|problem| ExportReadError::Record {
                kind,
                position: index + 1,
                problem,
            })
        })
        .collect()
}

/// The fields read first, to say what a file is before reading the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u64>,
}

/// The rest of the file, records kept as raw text for [`decode_event`] and friends.
#[derive(Deserialize)]
struct Body<'a> {
    kind: ExportKind,
    phones_withheld: bool,
    app_version: String,
    exported_at: DateTime<Utc>,
    device: ExportedDevice,
    #[serde(borrow)]
    campaign: &'a RawValue,
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
    #[serde(borrow)]
    roster: Vec<&'a RawValue>,
}
