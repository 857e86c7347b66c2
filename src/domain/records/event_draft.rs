//! The event form as typed: every field kept as text until it is saved.
//!
//! A draft survives reloads (it is stored apart from the records) and becomes a record only when
//! [`EventDraft::to_record`] finds nothing wrong with it: invalid data is never stored as a record.

use super::event_record::{ActivityChoice, Attendance, EventRecord};
use crate::domain::china_time::hour_minute;
use crate::domain::form_input::{
    parse_count, parse_date, parse_optional, parse_required_date, parse_time,
};
use crate::domain::ids::{ActivityId, CounterId, DirectionId, EventId, UnitId};
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::validation::{Field, FieldError, Problem};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The activity choice meaning "an event outside the plan".
pub const OTHER_ACTIVITY: &str = "other";

/// Every field of the event form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventDraft {
    /// The record being edited, or `None` for a new event.
    pub editing: Option<EventId>,
    /// The ID a new event will be saved under, fixed when the form opens: saving the same draft
    /// twice (a retry after a crash) replaces one record instead of making two.
    pub new_id: Option<EventId>,
    /// A planned activity's ID, [`OTHER_ACTIVITY`], or empty (not chosen yet).
    pub activity: String,
    /// Title of an "other" event.
    pub other_title: String,
    /// Organising unit ID.
    pub organising_unit: String,
    /// Office name for the "各市场监管所" placeholder unit.
    pub office_name: String,
    /// Summary direction ID.
    pub direction: String,
    /// `YYYY-MM-DD`, as a date input gives it.
    pub start_date: String,
    /// `YYYY-MM-DD` or empty.
    pub end_date: String,
    /// `HH:MM` or empty.
    pub start_time: String,
    /// `HH:MM` or empty.
    pub end_time: String,
    /// Held online.
    pub online: bool,
    /// Place of an in-person event.
    pub place: String,
    /// Platform of an online event.
    pub platform: String,
    /// Who records it.
    pub recorder: String,
    /// 宣传时长 in minutes.
    pub publicity_minutes: String,
    /// 宣传报道数量.
    pub publicity_reports: String,
    /// Materials handed out.
    pub materials: String,
    /// The activity's extra counters.
    pub extra_counts: BTreeMap<CounterId, String>,
    /// How many videos were taken.
    pub video_count: String,
    /// The videos' file names, one per line.
    pub video_files: String,
    /// Free-text notes.
    pub notes: String,
}

/// Something worth a second look that does not stop saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftWarning {
    /// The event's dates fall (partly) outside the campaign period.
    OutsideCampaignPeriod,
}

/// What saving a draft needs besides the draft itself.
#[derive(Debug, Clone, Copy)]
pub struct SaveContext<'a> {
    /// The campaign recorded for.
    pub campaign: &'a Campaign,
    /// This tablet.
    pub device: &'a DeviceProfile,
    /// The ID a new record gets if the draft carries none (unused when editing).
    pub new_id: EventId,
    /// The moment of saving.
    pub now: DateTime<Utc>,
    /// The stored record being edited, if any.
    pub existing: Option<&'a EventRecord>,
}

impl EventDraft {
    /// A fresh form on `today` for a new event `new_id`: the device's unit and office, the
    /// remembered recorder.
    pub fn blank(
        new_id: EventId,
        device: &DeviceProfile,
        recorder: &str,
        today: NaiveDate,
    ) -> Self {
        Self {
            new_id: Some(new_id),
            organising_unit: device.unit_id.to_string(),
            office_name: device.office_name.clone().unwrap_or_default(),
            start_date: today.to_string(),
            recorder: recorder.to_owned(),
            ..Self::default()
        }
    }

    /// The form filled from a stored record, for editing.
    pub fn from_record(record: &EventRecord) -> Self {
        let (activity, other_title) = match &record.activity {
            ActivityChoice::Planned { activity_id } => (activity_id.to_string(), String::new()),
            ActivityChoice::Other { title } => (OTHER_ACTIVITY.to_owned(), title.clone()),
        };
        let online = record.attendance == Attendance::Online;
        let count = |n: u32| if n == 0 { String::new() } else { n.to_string() };
        Self {
            editing: Some(record.id),
            new_id: None,
            activity,
            other_title,
            organising_unit: record.organising_unit_id.to_string(),
            office_name: record.office_name.clone().unwrap_or_default(),
            direction: record.direction_id.to_string(),
            start_date: record.start_date.to_string(),
            end_date: record.end_date.map(|d| d.to_string()).unwrap_or_default(),
            start_time: record.start_time.map(hour_minute).unwrap_or_default(),
            end_time: record.end_time.map(hour_minute).unwrap_or_default(),
            online,
            place: if online {
                String::new()
            } else {
                record.place.clone()
            },
            platform: if online {
                record.place.clone()
            } else {
                String::new()
            },
            recorder: record.recorder.clone(),
            publicity_minutes: count(record.publicity_minutes),
            publicity_reports: count(record.publicity_reports),
            materials: count(record.materials_handed_out),
            extra_counts: record
                .extra_counts
                .iter()
                .map(|(id, n)| (id.clone(), n.to_string()))
                .collect(),
            video_count: count(record.video_count),
            video_files: record.video_files.join("\n"),
            notes: record.notes.clone(),
        }
    }

    /// Chooses an activity and pre-fills what follows from it: the organising unit (the device's
    /// own unit when it leads the activity, else the first lead unit) and the default direction.
    /// Counters the new activity does not have are dropped.
    pub fn choose_activity(&mut self, campaign: &Campaign, device: &DeviceProfile, choice: &str) {
        self.activity = choice.to_owned();
        let Some(planned) = campaign.activity(&ActivityId::new(choice)) else {
            // An event outside the plan keeps a direction already chosen, else the plan's first,
            // so the direction shown is always the one saved.
            if campaign
                .direction(&DirectionId::new(self.direction.as_str()))
                .is_none()
            {
                if let Some(first) = campaign.directions.first() {
                    self.direction = first.id.to_string();
                }
            }
            self.extra_counts.clear();
            return;
        };
        let leads = &planned.lead_unit_ids;
        if let Some(unit) = leads
            .iter()
            .find(|u| **u == device.unit_id)
            .or(leads.first())
        {
            self.organising_unit = unit.to_string();
        }
        self.direction = planned.default_direction_id.to_string();
        self.extra_counts
            .retain(|id, _| planned.extra_counters.iter().any(|c| &c.id == id));
    }

    /// Whether the dates typed so far fall outside `period` (only parseable dates count), for a
    /// warning while the form is filled in.
    pub fn dates_outside(&self, period: crate::domain::plan::campaign::Period) -> bool {
        [&self.start_date, &self.end_date]
            .into_iter()
            .filter_map(|text| parse_date(text).ok())
            .any(|day| !period.contains(day))
    }

    /// Turns the draft into a record, or lists every field that is wrong, in form order.
    pub fn to_record(
        &self,
        context: SaveContext<'_>,
    ) -> Result<(EventRecord, Vec<DraftWarning>), Vec<FieldError>> {
        let mut parse_errors = ParseErrors::default();
        let activity = match self.activity.as_str() {
            "" => parse_errors.check(Field::Activity, Err::<ActivityChoice, _>(Problem::Required)),
            OTHER_ACTIVITY => Some(ActivityChoice::Other {
                title: self.other_title.trim().to_owned(),
            }),
            id => Some(ActivityChoice::Planned {
                activity_id: ActivityId::new(id),
            }),
        };
        let start_date =
            parse_errors.check(Field::StartDate, parse_required_date(&self.start_date));
        let end_date = parse_errors
            .check(Field::EndDate, parse_optional(&self.end_date, parse_date))
            .flatten();
        let start_time = parse_errors
            .check(
                Field::StartTime,
                parse_optional(&self.start_time, parse_time),
            )
            .flatten();
        let end_time = parse_errors
            .check(Field::EndTime, parse_optional(&self.end_time, parse_time))
            .flatten();
        let minutes = parse_errors.check(
            Field::PublicityMinutes,
            parse_count(&self.publicity_minutes),
        );
        let reports = parse_errors.check(
            Field::PublicityReports,
            parse_count(&self.publicity_reports),
        );
        let materials = parse_errors.check(Field::MaterialsHandedOut, parse_count(&self.materials));
        let videos = parse_errors.check(Field::VideoCount, parse_count(&self.video_count));
        let mut extra_counts = BTreeMap::new();
        for (id, text) in &self.extra_counts {
            if let Some(value) =
                parse_errors.check(Field::ExtraCounter(id.clone()), parse_count(text))
            {
                if value > 0 {
                    extra_counts.insert(id.clone(), value);
                }
            }
        }

        // Build a record even from a partly broken draft, so the record's own checks report the
        // remaining fields too; placeholders stand in for what did not parse.
        let placeholder_day = end_date.unwrap_or(NaiveDate::MIN);
        let mut record = match context.existing {
            Some(existing) => existing.next_revision(context.now),
            None => EventRecord::new(
                self.new_id.unwrap_or(context.new_id),
                context.campaign,
                context.device.id,
                ActivityChoice::Other {
                    title: String::new(),
                },
                UnitId::new(""),
                placeholder_day,
                context.now,
            ),
        };
        record.activity = activity.unwrap_or(ActivityChoice::Other { title: "-".into() });
        record.organising_unit_id = UnitId::new(self.organising_unit.trim());
        record.office_name = context
            .campaign
            .names_offices(record.organising_unit_id.as_str())
            .then(|| self.office_name.trim().to_owned());
        record.direction_id = DirectionId::new(self.direction.trim());
        record.start_date = start_date.unwrap_or(placeholder_day);
        record.end_date = end_date.filter(|end| Some(*end) != start_date);
        record.start_time = start_time;
        record.end_time = end_time;
        record.attendance = if self.online {
            Attendance::Online
        } else {
            Attendance::Offline
        };
        record.place = if self.online {
            &self.platform
        } else {
            &self.place
        }
        .trim()
        .to_owned();
        record.recorder = self.recorder.trim().to_owned();
        record.publicity_minutes = minutes.unwrap_or(0);
        record.publicity_reports = reports.unwrap_or(0);
        record.materials_handed_out = materials.unwrap_or(0);
        record.extra_counts = extra_counts;
        record.video_files = self
            .video_files
            .lines()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect();
        // Listing names without a count counts them.
        record.video_count = match videos {
            Some(0) | None if self.video_count.trim().is_empty() => record.video_files.len() as u32,
            Some(count) => count,
            None => 0,
        };
        record.notes = self.notes.trim().to_owned();
        record.schema_version = record.layout_version();

        let mut errors = parse_errors.0;
        if let Err(record_errors) = record.validate(context.campaign) {
            for error in record_errors {
                if !errors.iter().any(|e| e.field == error.field) {
                    errors.push(error);
                }
            }
        }
        if !errors.is_empty() {
            crate::domain::sort::sort_by_key(&mut errors, |error| form_position(&error.field));
            return Err(errors);
        }
        let period = context.campaign.period;
        let warnings = if period.contains(record.start_date) && period.contains(record.last_day()) {
            Vec::new()
        } else {
            vec![DraftWarning::OutsideCampaignPeriod]
        };
        Ok((record, warnings))
    }
}

/// Fields that did not parse, collected while the rest of the draft is read.
#[derive(Default)]
struct ParseErrors(Vec<FieldError>);

impl ParseErrors {
    fn check<T>(&mut self, field: Field, result: Result<T, Problem>) -> Option<T> {
        result
            .map_err(|problem| self.0.push(FieldError::new(field, problem)))
            .ok()
    }
}

/// Where a field sits on the form, so errors are listed (and focus moves) top to bottom.
fn form_position(field: &Field) -> usize {
    const ORDER: [Field; 19] = [
        Field::Activity,
        Field::OtherTitle,
        Field::OrganisingUnit,
        Field::OfficeName,
        Field::Direction,
        Field::StartDate,
        Field::EndDate,
        Field::StartTime,
        Field::EndTime,
        Field::Place,
        Field::Platform,
        Field::Recorder,
        Field::PublicityMinutes,
        Field::PublicityReports,
        Field::MaterialsHandedOut,
        Field::HeadCount,
        Field::VideoCount,
        Field::VideoFiles,
        Field::Notes,
    ];
    match field {
        Field::ExtraCounter(_) => ORDER.len(),
        other => ORDER
            .iter()
            .position(|f| f == other)
            .unwrap_or(ORDER.len() + 1),
    }
}
