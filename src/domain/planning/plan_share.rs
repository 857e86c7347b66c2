//! Plans shared between devices: a new version of a plan arriving as a file must never detach
//! the records that name what it dropped.

use crate::domain::ids::CampaignId;
use crate::domain::plan::campaign::Campaign;
use std::collections::HashSet;

/// What records on this device name in a campaign: a plan replacing it must keep these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedByRecords {
    /// Activities events name.
    pub activities: HashSet<crate::domain::ids::ActivityId>,
    /// Units events name.
    pub units: HashSet<crate::domain::ids::UnitId>,
    /// Directions events name.
    pub directions: HashSet<crate::domain::ids::DirectionId>,
    /// Activities' own figures events count.
    pub counters: HashSet<(
        crate::domain::ids::ActivityId,
        crate::domain::ids::CounterId,
    )>,
}

impl NamedByRecords {
    /// What `events` of `campaign` name.
    pub fn of<'a>(
        campaign: &CampaignId,
        events: impl IntoIterator<Item = &'a crate::domain::records::event_record::EventRecord>,
    ) -> Self {
        let mut named = Self::default();
        for event in events.into_iter().filter(|e| &e.campaign_id == campaign) {
            if let crate::domain::records::event_record::ActivityChoice::Planned { activity_id } =
                &event.activity
            {
                named.activities.insert(activity_id.clone());
                for counter in event.extra_counts.keys() {
                    named
                        .counters
                        .insert((activity_id.clone(), counter.clone()));
                }
            }
            named.units.insert(event.organising_unit_id.clone());
            named.directions.insert(event.direction_id.clone());
        }
        named
    }

    /// Every unit, direction, activity and activity figure of `plan`, as if records named
    /// them all: for edits that must not drop anything `plan` holds.
    pub fn everything_in(plan: &Campaign) -> Self {
        let mut named = Self::default();
        for unit in &plan.units {
            named.units.insert(unit.id.clone());
        }
        for direction in &plan.directions {
            named.directions.insert(direction.id.clone());
        }
        for activity in &plan.activities {
            named.activities.insert(activity.id.clone());
            for counter in &activity.extra_counters {
                named
                    .counters
                    .insert((activity.id.clone(), counter.id.clone()));
            }
        }
        named
    }
}

/// `incoming`, a new version of `current` (same ID) arriving as a plan file, with every unit,
/// direction, activity and activity figure of `current` that records here name but `incoming`
/// dropped put back (units and activities retired): a shared plan never detaches records. A
/// unit keeps its "offices" flag as it is here, since records and devices depend on it. Returns
/// how many entries were kept.
pub fn keep_named(incoming: &mut Campaign, current: &Campaign, named: &NamedByRecords) -> usize {
    let mut kept = 0;
    for unit in &mut incoming.units {
        if let Some(here) = current.unit(&unit.id) {
            unit.placeholder = here.placeholder;
        }
    }
    for (activity_id, counter_id) in &named.counters {
        let (Some(here), Some(arriving)) = (
            current.activity(activity_id),
            incoming
                .activities
                .iter_mut()
                .find(|a| &a.id == activity_id),
        ) else {
            continue;
        };
        let missing = arriving.extra_counters.iter().all(|c| &c.id != counter_id);
        if let Some(counter) = here
            .extra_counters
            .iter()
            .find(|c| &c.id == counter_id && missing)
        {
            arriving.extra_counters.push(counter.clone());
            kept += 1;
        }
    }
    for unit in current.units.iter().filter(|u| named.units.contains(&u.id)) {
        if incoming.unit(&unit.id).is_none() {
            let mut unit = unit.clone();
            unit.retired = true;
            incoming.units.push(unit);
            kept += 1;
        }
    }
    for direction in current
        .directions
        .iter()
        .filter(|d| named.directions.contains(&d.id))
    {
        if incoming.direction(&direction.id).is_none() {
            incoming.directions.push(direction.clone());
            kept += 1;
        }
    }
    for activity in current
        .activities
        .iter()
        .filter(|a| named.activities.contains(&a.id))
    {
        if incoming.activity(&activity.id).is_none() {
            let mut activity = activity.clone();
            activity.retired = true;
            activity.number = incoming.activities.len() as u32 + 1;
            // Its lead units and direction are among the plan's, or were just put back.
            activity
                .lead_unit_ids
                .retain(|u| incoming.unit(u).is_some());
            if activity.lead_unit_ids.is_empty() {
                activity.lead_unit_ids = incoming
                    .units
                    .first()
                    .map(|u| u.id.clone())
                    .into_iter()
                    .collect();
            }
            if incoming.direction(&activity.default_direction_id).is_none() {
                if let Some(first) = incoming.directions.first() {
                    activity.default_direction_id = first.id.clone();
                }
            }
            incoming.activities.push(activity);
            kept += 1;
        }
    }
    kept
}
