//! An event held on the ground or online: what, who organised it, when, where and how many came.

use super::record_version::RecordOrigin;
use super::record_version::EVENT_SCHEMA_VERSION;
use crate::domain::ids::{
    ActivityId, CampaignId, CounterId, DeviceId, DirectionId, EventId, UnitId,
};
use crate::domain::plan::campaign::Campaign;
use crate::domain::validation::{
    ErrorList, Field, FieldError, Problem, NOTES_MAX_CHARS, OFFICE_NAME_MAX_CHARS,
    PERSON_NAME_MAX_CHARS, PLACE_MAX_CHARS, TITLE_MAX_CHARS, VIDEO_FILE_NAME_MAX_CHARS,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which activity an event belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityChoice {
    /// One of the campaign's planned activities.
    Planned {
        /// The planned activity.
        activity_id: ActivityId,
    },
    /// An event outside the plan, with its own title.
    Other {
        /// What the event was.
        title: String,
    },
}

/// Whether an event took place in person or online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    /// In person: `place` is a location.
    Offline,
    /// Online: `place` is the platform (WeChat live stream, …).
    Online,
}

/// One event as recorded on a tablet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// UUID, fixed when the record is first made.
    pub id: EventId,
    /// The campaign it counts towards.
    pub campaign_id: CampaignId,
    /// The planned activity, or "other".
    pub activity: ActivityChoice,
    /// The tablet the record was first made on.
    pub device_id: DeviceId,
    /// The unit that held the event.
    pub organising_unit_id: UnitId,
    /// The office's own name when the unit is the "各市场监管所" placeholder: each office counts
    /// as its own unit in the statistics.
    #[serde(default)]
    pub office_name: Option<String>,
    /// First day (China calendar day).
    pub start_date: NaiveDate,
    /// Last day, for events that run several days (publicity weeks).
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// Start time, local China time.
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    /// End time, local China time.
    #[serde(default)]
    pub end_time: Option<NaiveTime>,
    /// In person or online.
    pub attendance: Attendance,
    /// Place, or platform for online events.
    pub place: String,
    /// Who recorded the event.
    pub recorder: String,
    /// 参加活动人次: participants in person-times.
    pub head_count: u32,
    /// 宣传时长 in minutes.
    pub publicity_minutes: u32,
    /// 宣传报道数量: news items, posts and the like.
    pub publicity_reports: u32,
    /// Leaflets and other materials handed out.
    pub materials_handed_out: u32,
    /// The activity's extra counters that were filled in.
    #[serde(default)]
    pub extra_counts: BTreeMap<CounterId, u32>,
    /// How many videos were taken. Videos are not stored (too large for a tablet's browser
    /// storage); the report pack lists them. Left out of the record's JSON when 0, so records
    /// saved before videos were counted keep their exact stored form (and content hash).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub video_count: u32,
    /// The videos' file names, as far as known (at most `video_count` of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub video_files: Vec<String>,
    /// Summary direction the event is reported under.
    pub direction_id: DirectionId,
    /// Free-text notes.
    #[serde(default)]
    pub notes: String,
    /// When the record was first saved.
    #[serde(deserialize_with = "crate::domain::instant::deserialize")]
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    #[serde(deserialize_with = "crate::domain::instant::deserialize")]
    pub updated_at: DateTime<Utc>,
    /// Starts at 1, grows by one with every saved change; merging keeps the higher revision.
    pub revision: u32,
    /// Deleted records are kept (as tombstones) so a merge does not bring them back.
    #[serde(default)]
    pub deleted: bool,
    /// Version of this record's layout, for migrations.
    pub schema_version: u32,
    /// The received file and device this version came from; `None` for a version made on this
    /// device. Not part of the record's content: merging ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<RecordOrigin>,
}

impl EventRecord {
    /// A new record with the plan's defaults: the activity's default direction, zero counts,
    /// revision 1, created and updated at `now`.
    pub fn new(
        id: EventId,
        campaign: &Campaign,
        device_id: DeviceId,
        activity: ActivityChoice,
        organising_unit_id: UnitId,
        start_date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Self {
        let direction_id = match &activity {
            ActivityChoice::Planned { activity_id } => campaign
                .activity(activity_id)
                .map(|planned| planned.default_direction_id.clone()),
            ActivityChoice::Other { .. } => None,
        }
        .or_else(|| campaign.directions.first().map(|d| d.id.clone()))
        .unwrap_or_else(|| DirectionId::new(""));
        Self {
            id,
            campaign_id: campaign.id.clone(),
            activity,
            device_id,
            organising_unit_id,
            office_name: None,
            start_date,
            end_date: None,
            start_time: None,
            end_time: None,
            attendance: Attendance::Offline,
            place: String::new(),
            recorder: String::new(),
            head_count: 0,
            publicity_minutes: 0,
            publicity_reports: 0,
            materials_handed_out: 0,
            extra_counts: BTreeMap::new(),
            video_count: 0,
            video_files: Vec::new(),
            direction_id,
            notes: String::new(),
            created_at: now,
            updated_at: now,
            revision: 1,
            deleted: false,
            schema_version: 1,
            origin: None,
        }
    }

    /// The lowest layout version that holds this record: 2 if it counts videos (version 2 added
    /// them), else 1. Records are written in it, so a build that knows only version 1 still
    /// reads every record without videos, and refuses one with videos ("written by a newer
    /// version") rather than dropping them unseen when it saves or exports the record again.
    pub fn layout_version(&self) -> u32 {
        match self.video_count > 0 || !self.video_files.is_empty() {
            true => 2,
            false => 1,
        }
    }

    /// The next revision of this record, changed at `now`: revision + 1, and `updated_at` never
    /// going backwards even if the tablet's clock does, so the newer copy always wins a merge.
    /// The new version is made here, so it has no origin.
    pub fn next_revision(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.clone();
        (next.revision, next.updated_at) =
            super::record_version::next_revision_stamp(self.revision, self.updated_at, now);
        next.origin = None;
        next
    }

    /// The record deleted at `now`: a tombstone with a higher revision.
    pub fn deleted_at(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.next_revision(now);
        next.deleted = true;
        next
    }

    /// The record brought back at `now` after a delete: again a higher revision.
    pub fn restored_at(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.next_revision(now);
        next.deleted = false;
        next
    }

    /// The last day the event ran: the end date, or the start date for one-day events.
    pub fn last_day(&self) -> NaiveDate {
        self.end_date.unwrap_or(self.start_date)
    }

    /// Checks every field against the campaign plan; all problems are returned at once.
    pub fn validate(&self, campaign: &Campaign) -> Result<(), Vec<FieldError>> {
        let mut errors = ErrorList::default();
        if !(self.layout_version()..=EVENT_SCHEMA_VERSION).contains(&self.schema_version) {
            errors.push(
                Field::SchemaVersion,
                Problem::UnsupportedVersion(self.schema_version),
            );
        }
        if self.campaign_id != campaign.id {
            errors.push(Field::Campaign, Problem::NotInPlan);
        }
        let planned = match &self.activity {
            ActivityChoice::Planned { activity_id } => {
                let planned = campaign.activity(activity_id);
                if planned.is_none() {
                    errors.push(Field::Activity, Problem::NotInPlan);
                }
                planned
            }
            ActivityChoice::Other { title } => {
                errors.required_text(Field::OtherTitle, title, TITLE_MAX_CHARS);
                None
            }
        };
        if campaign.unit(&self.organising_unit_id).is_none() {
            errors.push(Field::OrganisingUnit, Problem::NotInPlan);
        } else if campaign.names_offices(self.organising_unit_id.as_str()) {
            let office = self.office_name.as_deref().unwrap_or("");
            errors.required_text(Field::OfficeName, office, OFFICE_NAME_MAX_CHARS);
        }
        if self.end_date.is_some_and(|end| end < self.start_date) {
            errors.push(Field::EndDate, Problem::BeforeStart);
        }
        if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            // Only a one-day event can end before it starts; a multi-day one ends on a later day.
            if self.end_date.is_none_or(|day| day == self.start_date) && end < start {
                errors.push(Field::EndTime, Problem::BeforeStart);
            }
        }
        let place_field = match self.attendance {
            Attendance::Offline => Field::Place,
            Attendance::Online => Field::Platform,
        };
        errors.required_text(place_field, &self.place, PLACE_MAX_CHARS);
        errors.required_text(Field::Recorder, &self.recorder, PERSON_NAME_MAX_CHARS);
        errors.count(Field::HeadCount, self.head_count);
        errors.count(Field::PublicityMinutes, self.publicity_minutes);
        errors.count(Field::PublicityReports, self.publicity_reports);
        errors.count(Field::MaterialsHandedOut, self.materials_handed_out);
        for (counter, value) in &self.extra_counts {
            let field = Field::ExtraCounter(counter.clone());
            let known = planned.is_some_and(|p| p.extra_counters.iter().any(|c| &c.id == counter));
            if known {
                errors.count(field, *value);
            } else {
                errors.push(field, Problem::NotInPlan);
            }
        }
        errors.count(Field::VideoCount, self.video_count);
        if self.video_files.len() > self.video_count as usize {
            errors.push(
                Field::VideoCount,
                Problem::FewerThanListed(self.video_files.len()),
            );
        }
        for name in &self.video_files {
            errors.required_text(Field::VideoFiles, name, VIDEO_FILE_NAME_MAX_CHARS);
        }
        if campaign.direction(&self.direction_id).is_none() {
            errors.push(Field::Direction, Problem::NotInPlan);
        }
        errors.optional_text(Field::Notes, &self.notes, NOTES_MAX_CHARS);
        errors.into_result()
    }
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}
