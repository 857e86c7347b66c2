//! The spreadsheet exports: events, roster and summary as CSV files that Excel and WPS open
//! correctly by double-click.
//!
//! Every file is UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), has
//! CRLF line ends and RFC 4180 quoting (done by the `csv` crate), a fixed column order, ISO dates
//! (`2021-09-15`) and China Standard Time clock readings (`2021-09-15 09:30:00`). Headers and the
//! few words the app itself writes come from a [`CsvWords`] the caller builds in the interface
//! language. Phones are masked unless the caller includes them.
//!
//! No cell can run as a spreadsheet formula: a cell starting with `=`, `+`, `-`, `@`, TAB or CR is
//! prefixed with an apostrophe ([`spreadsheet_safe`]), so `=HYPERLINK(…)` typed as a place comes
//! out as the text `'=HYPERLINK(…)`.

pub use super::csv_file::spreadsheet_safe;
use super::csv_file::CsvFile;
use super::export::{sort_events, sort_roster};
use crate::domain::china_time::{china_date_time, hour_minute};
use crate::domain::figures::statistics::{ActivityKey, CampaignStatistics, Figures, UnitKey};
use crate::domain::ids::EventId;
use crate::domain::plan::campaign::{Campaign, LocalizedText};
use crate::domain::records::event_record::{ActivityChoice, Attendance, EventRecord};
use crate::domain::records::roster::{mask_phone, phone_for_spreadsheet, RosterEntry};
use std::borrow::Cow;
use std::collections::HashMap;

/// Columns of the events file.
pub const EVENT_COLUMNS: usize = 23;
/// Columns of the roster file.
pub const ROSTER_COLUMNS: usize = 11;
/// Columns of the summary file.
pub const SUMMARY_COLUMNS: usize = 7;

/// The header of the report pack's `captions.csv`: file, unit, activity, caption, width, height.
pub type CaptionsHeader = [&'static str; 6];

/// The header of the report pack's `videos.csv`: unit, activity, date, place, videos, file names.
pub type VideosHeader = [&'static str; 6];

/// The header texts and the app's own words in one language.
#[derive(Debug, Clone, Copy)]
pub struct CsvWords {
    /// Use the plan's English names where it has them (Chinese otherwise).
    pub english: bool,
    /// Events file header: record ID, activity no., activity, organising unit, start date, end
    /// date, start time, end time, format, place or platform, heads counted, signed in,
    /// person-times, publicity minutes, publicity reports, materials, other figures, summary
    /// direction, recorder, notes, device ID, revision, last changed.
    pub event_header: [&'static str; EVENT_COLUMNS],
    /// Roster file header: sign-in ID, record ID, activity no., activity, event date,
    /// organising unit, name, phone, community or company, signed in at, personal data purged.
    pub roster_header: [&'static str; ROSTER_COLUMNS],
    /// Summary file header: grouping, no., name, events, person-times, publicity minutes,
    /// publicity reports.
    pub summary_header: [&'static str; SUMMARY_COLUMNS],
    /// "In person".
    pub offline: &'static str,
    /// "Online".
    pub online: &'static str,
    /// The label of events outside the plan.
    pub other_activity: &'static str,
    /// Summary grouping: per activity.
    pub by_activity: &'static str,
    /// Summary grouping: per unit.
    pub by_unit: &'static str,
    /// Summary grouping: the whole campaign.
    pub total: &'static str,
    /// "Yes", for the purged column.
    pub yes: &'static str,
    /// Between "other events" and the event's own title: `：` or `: `.
    pub colon: &'static str,
    /// Between an activity's own figures: `；` or `; `.
    pub list_separator: &'static str,
    /// Between a figure and its measure word: none in Chinese (`100台`), a space in English.
    pub before_unit: &'static str,
    /// The report pack's `captions.csv` header: file, unit, activity, caption, width, height.
    pub captions_header: CaptionsHeader,
    /// The report pack's `videos.csv` header: unit, activity, date, place, videos, file names.
    pub videos_header: VideosHeader,
}

impl CsvWords {
    /// The plan's English name where it has one and the file is in English; Chinese otherwise.
    pub(super) fn pick<'a>(&self, text: &'a LocalizedText) -> &'a str {
        match (&text.en, self.english) {
            (Some(en), true) => en,
            _ => &text.zh,
        }
    }
}

fn owned(text: String) -> Cow<'static, str> {
    Cow::Owned(text)
}

fn number(value: impl ToString) -> Cow<'static, str> {
    Cow::Owned(value.to_string())
}

/// The names the files show for a record's activity and unit.
pub(super) struct Names<'a> {
    pub(super) campaign: &'a Campaign,
    pub(super) words: &'a CsvWords,
}

impl<'a> Names<'a> {
    /// Activity number (blank outside the plan) and name.
    pub(super) fn activity(&self, record: &'a EventRecord) -> (Cow<'a, str>, Cow<'a, str>) {
        match &record.activity {
            ActivityChoice::Planned { activity_id } => match self.campaign.activity(activity_id) {
                Some(planned) => (
                    number(planned.number),
                    Cow::Borrowed(self.words.pick(&planned.short_title)),
                ),
                None => (Cow::Borrowed(""), Cow::Borrowed(activity_id.as_str())),
            },
            ActivityChoice::Other { title } => (
                Cow::Borrowed(""),
                owned(format!(
                    "{}{}{title}",
                    self.words.other_activity, self.words.colon
                )),
            ),
        }
    }

    fn unit_key(&self, key: &'a UnitKey) -> (Cow<'a, str>, Cow<'a, str>) {
        match key {
            UnitKey::Office(name) => (Cow::Borrowed(""), Cow::Borrowed(name)),
            UnitKey::Unit(id) => (
                Cow::Borrowed(id.as_str()),
                Cow::Borrowed(
                    self.campaign
                        .unit(id)
                        .map_or(id.as_str(), |unit| self.words.pick(&unit.name)),
                ),
            ),
        }
    }

    /// The unit an event counts for: the office's own name, or the plan unit's name.
    pub(super) fn unit(&self, record: &'a EventRecord) -> Cow<'a, str> {
        match record
            .office_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(office) => Cow::Borrowed(office),
            None => Cow::Borrowed(
                self.campaign
                    .unit(&record.organising_unit_id)
                    .map_or(record.organising_unit_id.as_str(), |unit| {
                        self.words.pick(&unit.name)
                    }),
            ),
        }
    }

    /// The activity's own counters that were filled in, e.g. `检测调试血压计 100台`.
    fn extra_counts(&self, record: &EventRecord) -> String {
        let planned = match &record.activity {
            ActivityChoice::Planned { activity_id } => self.campaign.activity(activity_id),
            ActivityChoice::Other { .. } => None,
        };
        record
            .extra_counts
            .iter()
            .map(|(counter, value)| {
                let known =
                    planned.and_then(|p| p.extra_counters.iter().find(|c| &c.id == counter));
                match known {
                    Some(c) => format!(
                        "{} {value}{}{}",
                        self.words.pick(&c.name),
                        self.words.before_unit,
                        self.words.pick(&c.unit)
                    ),
                    None => format!("{counter} {value}"),
                }
            })
            .collect::<Vec<_>>()
            .join(self.words.list_separator)
    }
}

/// Live (not deleted) events of `campaign` in the order the files list them: start day,
/// creation time, ID.
fn live_events<'a>(
    campaign: &Campaign,
    events: impl IntoIterator<Item = &'a EventRecord>,
) -> Vec<&'a EventRecord> {
    let mut live: Vec<&EventRecord> = events
        .into_iter()
        .filter(|e| !e.deleted && e.campaign_id == campaign.id)
        .collect();
    sort_events(&mut live);
    live
}

/// The events file: one row per live event of `campaign`, with its live sign-ins from
/// `sign_ins` (as the statistics count them).
pub fn events_csv<'a>(
    campaign: &Campaign,
    events: impl IntoIterator<Item = &'a EventRecord>,
    sign_ins: &HashMap<EventId, usize>,
    words: &CsvWords,
) -> Vec<u8> {
    let names = Names { campaign, words };
    let mut file = CsvFile::new(&words.event_header);
    for record in live_events(campaign, events) {
        let signed_in = sign_ins.get(&record.id).copied().unwrap_or(0);
        let (activity_number, activity) = names.activity(record);
        let direction = campaign
            .direction(&record.direction_id)
            .map_or(record.direction_id.as_str(), |d| words.pick(&d.name));
        let optional = |value: Option<String>| owned(value.unwrap_or_default());
        file.row([
            owned(record.id.to_string()),
            activity_number,
            activity,
            names.unit(record),
            owned(record.start_date.to_string()),
            optional(record.end_date.map(|d| d.to_string())),
            optional(record.start_time.map(hour_minute)),
            optional(record.end_time.map(hour_minute)),
            Cow::Borrowed(match record.attendance {
                Attendance::Offline => words.offline,
                Attendance::Online => words.online,
            }),
            Cow::Borrowed(record.place.as_str()),
            number(record.head_count),
            number(signed_in),
            number(u64::from(record.head_count) + signed_in as u64),
            number(record.publicity_minutes),
            number(record.publicity_reports),
            number(record.materials_handed_out),
            owned(names.extra_counts(record)),
            Cow::Borrowed(direction),
            Cow::Borrowed(record.recorder.as_str()),
            Cow::Borrowed(record.notes.as_str()),
            owned(record.device_id.to_string()),
            number(record.revision),
            owned(china_date_time(record.updated_at)),
        ]);
    }
    file.finish()
}

/// The roster file: one row per live sign-in at a live event of `campaign`, in event order, then
/// by sign-in time. Phones are masked (`138****5678`) unless `include_phones`, and then grouped
/// so spreadsheets keep them as text ([`phone_for_spreadsheet`]).
pub fn roster_csv<'a>(
    campaign: &Campaign,
    events: impl IntoIterator<Item = &'a EventRecord>,
    roster: impl IntoIterator<Item = &'a RosterEntry>,
    include_phones: bool,
    words: &CsvWords,
) -> Vec<u8> {
    let names = Names { campaign, words };
    let events = live_events(campaign, events);
    let mut by_event: HashMap<EventId, Vec<&RosterEntry>> = HashMap::new();
    for entry in roster.into_iter().filter(|e| !e.deleted) {
        by_event.entry(entry.event_id).or_default().push(entry);
    }
    let mut file = CsvFile::new(&words.roster_header);
    for record in events {
        let Some(entries) = by_event.get_mut(&record.id) else {
            continue;
        };
        // All of one event: in sign-in order, then by ID.
        sort_roster(entries);
        let (activity_number, activity) = names.activity(record);
        let unit = names.unit(record);
        let event_id = record.id.to_string();
        let start = record.start_date.to_string();
        for entry in entries.iter() {
            let phone = match entry.phone.as_deref() {
                Some(phone) if include_phones => owned(phone_for_spreadsheet(phone)),
                Some(phone) => owned(mask_phone(phone)),
                None => Cow::Borrowed(""),
            };
            file.row([
                owned(entry.id.to_string()),
                Cow::Borrowed(event_id.as_str()),
                activity_number.clone(),
                activity.clone(),
                Cow::Borrowed(start.as_str()),
                unit.clone(),
                Cow::Borrowed(entry.name.as_str()),
                phone,
                Cow::Borrowed(entry.affiliation.as_deref().unwrap_or("")),
                owned(china_date_time(entry.signed_in_at)),
                Cow::Borrowed(if entry.purged { words.yes } else { "" }),
            ]);
        }
    }
    file.finish()
}

/// The summary file: the four figures of every planned activity (and the events outside the
/// plan), of every unit with events, and of the whole campaign, from `statistics`.
pub fn summary_csv(
    campaign: &Campaign,
    statistics: &CampaignStatistics,
    words: &CsvWords,
) -> Vec<u8> {
    let names = Names { campaign, words };
    let mut file = CsvFile::new(&words.summary_header);
    let mut row = |grouping: &'static str, code: Cow<'_, str>, name: Cow<'_, str>, f: &Figures| {
        file.row([
            Cow::Borrowed(grouping),
            code,
            name,
            number(f.events),
            number(f.person_times),
            number(f.publicity_minutes),
            number(f.publicity_reports),
        ]);
    };
    for (key, figures) in &statistics.per_activity {
        let (code, name) = match key {
            ActivityKey::Planned(id) => campaign
                .activity(id)
                .map_or((Cow::Borrowed(""), Cow::Borrowed(id.as_str())), |a| {
                    (number(a.number), Cow::Borrowed(words.pick(&a.short_title)))
                }),
            ActivityKey::Other => (Cow::Borrowed(""), Cow::Borrowed(words.other_activity)),
        };
        row(words.by_activity, code, name, figures);
    }
    for (key, figures) in &statistics.per_unit {
        let (code, name) = names.unit_key(key);
        row(words.by_unit, code, name, figures);
    }
    row(
        words.total,
        Cow::Borrowed(""),
        Cow::Borrowed(words.pick(&campaign.title)),
        &statistics.total,
    );
    file.finish()
}
