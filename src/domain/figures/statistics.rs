//! The campaign's figures — 活动数量, 参加活动人次, 宣传时长, 宣传报道数量, materials and the
//! activities' own counters — for the whole campaign, per planned activity, per organising unit,
//! per day and per summary direction. Pure functions: records and "today" come in, figures go out,
//! identical on every tablet and in the Quality Section.

use crate::domain::china_time::{deadline_status, DeadlineStatus};
use crate::domain::ids::{ActivityId, CounterId, DirectionId, EventId, UnitId};
use crate::domain::plan::campaign::Campaign;
use crate::domain::records::event_record::{ActivityChoice, EventRecord};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The figures of a set of events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// 活动数量: events held.
    pub events: u32,
    /// 参加活动人次: counted heads plus named sign-ins.
    pub person_times: u64,
    /// 宣传时长 in minutes.
    pub publicity_minutes: u64,
    /// 宣传报道数量.
    pub publicity_reports: u64,
    /// Materials handed out.
    pub materials: u64,
    /// The activities' own counters, summed by counter ID.
    pub extra: BTreeMap<CounterId, u64>,
}

impl Figures {
    /// Counts one event with its `sign_ins` live sign-ins.
    pub fn add(&mut self, record: &EventRecord, sign_ins: usize) {
        self.events += 1;
        self.person_times += u64::from(record.head_count) + sign_ins as u64;
        self.publicity_minutes += u64::from(record.publicity_minutes);
        self.publicity_reports += u64::from(record.publicity_reports);
        self.materials += u64::from(record.materials_handed_out);
        for (counter, value) in &record.extra_counts {
            *self.extra.entry(counter.clone()).or_insert(0) += u64::from(*value);
        }
    }
}

/// An organising unit as the statistics count it: each market supervision office is its own
/// unit, named on its tablet, though the plan lists them together as "各市场监管所".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKey {
    /// A unit of the plan.
    Unit(UnitId),
    /// A market supervision office, by its name.
    Office(String),
}

impl UnitKey {
    /// The unit an event counts for.
    pub fn of(record: &EventRecord) -> Self {
        match record
            .office_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(office) => UnitKey::Office(office.to_owned()),
            None => UnitKey::Unit(record.organising_unit_id.clone()),
        }
    }
}

/// A planned activity, or the events outside the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityKey {
    /// A planned activity.
    Planned(ActivityId),
    /// Every "other" event.
    Other,
}

/// One day's events (counted on their first day) and the spans of those that ran longer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayFigures {
    /// The China calendar day the events started.
    pub day: NaiveDate,
    /// Their figures.
    pub figures: Figures,
    /// First and last day of each multi-day event starting that day.
    pub spans: Vec<(EventId, NaiveDate, NaiveDate)>,
}

/// Which events count: a range of start days (inclusive) and one organising unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatisticsFilter {
    /// First start day counted.
    pub from: Option<NaiveDate>,
    /// Last start day counted.
    pub to: Option<NaiveDate>,
    /// Only this unit's events.
    pub unit: Option<UnitKey>,
}

impl StatisticsFilter {
    fn admits(&self, record: &EventRecord) -> bool {
        self.from.is_none_or(|from| record.start_date >= from)
            && self.to.is_none_or(|to| record.start_date <= to)
            && self
                .unit
                .as_ref()
                .is_none_or(|unit| *unit == UnitKey::of(record))
    }
}

/// Every figure the statistics page and the printed summary show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignStatistics {
    /// The whole campaign.
    pub total: Figures,
    /// Every planned activity in plan order (those without events too, so coverage shows),
    /// then the events outside the plan.
    pub per_activity: Vec<(ActivityKey, Figures)>,
    /// Units with events: plan units in plan order, then offices by name.
    pub per_unit: Vec<(UnitKey, Figures)>,
    /// Days with events, in order.
    pub per_day: Vec<DayFigures>,
    /// Every summary direction in plan order.
    pub per_direction: Vec<(DirectionId, Figures)>,
    /// Days to (or since) the report deadline.
    pub deadline: DeadlineStatus,
}

/// The statistics of `campaign` over `events` (tombstones and other campaigns' events are
/// skipped), with `sign_ins` live roster entries per event, as of `today`.
pub fn campaign_statistics<'a>(
    campaign: &Campaign,
    events: impl IntoIterator<Item = &'a EventRecord>,
    sign_ins: &HashMap<EventId, usize>,
    filter: &StatisticsFilter,
    today: NaiveDate,
) -> CampaignStatistics {
    let mut total = Figures::default();
    let mut per_activity: HashMap<Option<ActivityId>, Figures> = HashMap::new();
    let mut per_unit: HashMap<UnitKey, Figures> = HashMap::new();
    let mut per_day: BTreeMap<NaiveDate, DayFigures> = BTreeMap::new();
    let mut per_direction: HashMap<DirectionId, Figures> = HashMap::new();
    let counted = events
        .into_iter()
        .filter(|r| !r.deleted && r.campaign_id == campaign.id && filter.admits(r));
    for record in counted {
        let roster = sign_ins.get(&record.id).copied().unwrap_or(0);
        total.add(record, roster);
        // An activity the plan does not know (an imported record) counts with the "other" events,
        // so every counted event appears in some row.
        let activity = match &record.activity {
            ActivityChoice::Planned { activity_id } if campaign.activity(activity_id).is_some() => {
                Some(activity_id.clone())
            }
            _ => None,
        };
        per_activity
            .entry(activity)
            .or_default()
            .add(record, roster);
        per_unit
            .entry(UnitKey::of(record))
            .or_default()
            .add(record, roster);
        per_direction
            .entry(record.direction_id.clone())
            .or_default()
            .add(record, roster);
        let day = per_day
            .entry(record.start_date)
            .or_insert_with(|| DayFigures {
                day: record.start_date,
                figures: Figures::default(),
                spans: Vec::new(),
            });
        day.figures.add(record, roster);
        if record.last_day() > record.start_date {
            day.spans
                .push((record.id, record.start_date, record.last_day()));
        }
    }

    let mut activities: Vec<(ActivityKey, Figures)> = campaign
        .activities
        .iter()
        .map(|a| {
            let figures = per_activity.remove(&Some(a.id.clone())).unwrap_or_default();
            (ActivityKey::Planned(a.id.clone()), figures)
        })
        .collect();
    activities.push((
        ActivityKey::Other,
        per_activity.remove(&None).unwrap_or_default(),
    ));

    // Plan units in plan order (unknown ones after them, by ID), then offices by name.
    let plan_position = |key: &UnitKey| match key {
        UnitKey::Unit(id) => {
            let position = campaign.units.iter().position(|u| &u.id == id);
            (0, position.unwrap_or(usize::MAX), id.to_string())
        }
        UnitKey::Office(name) => (1, 0, name.clone()),
    };
    let mut units: Vec<(UnitKey, Figures)> = per_unit.into_iter().collect();
    crate::domain::sort::sort_by_key(&mut units, |(key, _)| plan_position(key));

    let directions = campaign
        .directions
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                per_direction.remove(&d.id).unwrap_or_default(),
            )
        })
        .collect();

    CampaignStatistics {
        total,
        per_activity: activities,
        per_unit: units,
        per_day: per_day.into_values().collect(),
        per_direction: directions,
        deadline: deadline_status(campaign.report_deadline, today),
    }
}
