//! The tablet's list of events: filtering, newest-first order, recent places, person-times.

use super::event_record::{ActivityChoice, Attendance, EventRecord};
use crate::domain::ids::UnitId;
use std::cmp::Reverse;

/// What the list is narrowed to. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// A planned activity's ID, or [`super::event_draft::OTHER_ACTIVITY`]; empty for all.
    pub activity: String,
    /// The organising unit; `None` for all.
    pub unit: Option<UnitId>,
    /// Part of the place or platform, any case.
    pub place_query: String,
}

impl EventFilter {
    fn matches(&self, record: &EventRecord) -> bool {
        let activity_matches = match (&record.activity, self.activity.as_str()) {
            (_, "") => true,
            (ActivityChoice::Planned { activity_id }, wanted) => activity_id.as_str() == wanted,
            (ActivityChoice::Other { .. }, wanted) => wanted == super::event_draft::OTHER_ACTIVITY,
        };
        let unit_matches = self
            .unit
            .as_ref()
            .is_none_or(|u| *u == record.organising_unit_id);
        // ASCII case folding is enough for place names (Chinese has no case) and keeps
        // Unicode case tables out of the wasm.
        let query = self.place_query.trim().to_ascii_lowercase();
        let place_matches = query.is_empty() || record.place.to_ascii_lowercase().contains(&query);
        activity_matches && unit_matches && place_matches
    }
}

/// The events that are not deleted and match `filter`, newest first: by start day, then start
/// time, then when they were recorded.
pub fn matching_events<'a>(
    records: impl IntoIterator<Item = &'a EventRecord>,
    filter: &EventFilter,
) -> Vec<&'a EventRecord> {
    let mut matching: Vec<&EventRecord> = records
        .into_iter()
        .filter(|record| !record.deleted && filter.matches(record))
        .collect();
    crate::domain::sort::sort_by_key(&mut matching, |r| {
        Reverse((r.start_date, r.start_time, r.created_at, r.id))
    });
    matching
}

/// Up to `limit` distinct places (or platforms) of recent events, most recently used first, to
/// offer as one-tap choices.
pub fn recent_places<'a>(
    records: impl IntoIterator<Item = &'a EventRecord>,
    attendance: Attendance,
    limit: usize,
) -> Vec<String> {
    let mut used: Vec<&EventRecord> = records
        .into_iter()
        .filter(|r| !r.deleted && r.attendance == attendance && !r.place.trim().is_empty())
        .collect();
    crate::domain::sort::sort_by_key(&mut used, |r| Reverse(r.updated_at));
    let mut places: Vec<String> = Vec::new();
    for record in used {
        let place = record.place.trim();
        if !places.iter().any(|p| p == place) {
            places.push(place.to_owned());
            if places.len() == limit {
                break;
            }
        }
    }
    places
}

/// 参加活动人次 of an event: the counted heads plus the named sign-ins.
///
/// ```
/// # use field_ledger::domain::records::event_list::person_times;
/// assert_eq!(person_times(37, 3), 40);
/// ```
pub fn person_times(head_count: u32, roster_entries: usize) -> u64 {
    u64::from(head_count) + roster_entries as u64
}
