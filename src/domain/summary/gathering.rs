//! Gathers the campaign summary's outline ([`SummaryOutline`]) from the stored records: the
//! figures in total, per activity and per unit, one section per summary direction in plan
//! order, the selected photos, the videos and the sources.

use super::outline::{
    ActivityFigures, ActivityLabel, DirectionSection, EventLine, GroupLine, SummaryOutline,
    SummaryPhoto, SummaryScope, SummarySources, VideoLine,
};
use crate::domain::exchange::export::sort_events;
use crate::domain::exchange::report_pack::{photos_to_pack, PackPhotos};
use crate::domain::figures::statistics::{Figures, UnitKey};
use crate::domain::ids::{DeviceId, EventId};
use crate::domain::plan::campaign::{Campaign, LocalizedText};
use crate::domain::records::event_record::{ActivityChoice, EventRecord};
use crate::domain::records::photo::PhotoRecord;
use std::collections::HashMap;

/// What a summary is made from.
#[derive(Debug, Clone, Copy)]
pub struct SummaryInput<'a> {
    /// The campaign.
    pub campaign: &'a Campaign,
    /// Every stored event (tombstones and other campaigns' events are skipped).
    pub events: &'a [EventRecord],
    /// Live sign-ins per event.
    pub sign_ins: &'a HashMap<EventId, usize>,
    /// Every stored photo record.
    pub photos: &'a [PhotoRecord],
    /// Labels of the devices known here.
    pub device_labels: &'a [(DeviceId, String)],
    /// Use the plan's English names where it has them.
    pub english: bool,
}

impl SummaryInput<'_> {
    fn pick<'t>(&self, text: &'t LocalizedText) -> &'t str {
        match (&text.en, self.english) {
            (Some(en), true) => en,
            _ => &text.zh,
        }
    }

    /// The unit's name: an office's own, or the plan unit's in the summary's language.
    pub fn unit_name(&self, unit: &UnitKey) -> String {
        match unit {
            UnitKey::Office(name) => name.clone(),
            UnitKey::Unit(id) => self
                .campaign
                .unit(id)
                .map_or_else(|| id.to_string(), |u| self.pick(&u.name).to_owned()),
        }
    }

    fn activity(&self, event: &EventRecord) -> ActivityLabel {
        match &event.activity {
            ActivityChoice::Planned { activity_id } => match self.campaign.activity(activity_id) {
                Some(planned) => ActivityLabel::Planned {
                    number: planned.number,
                    title: self.pick(&planned.short_title).to_owned(),
                },
                None => ActivityLabel::Other(Some(activity_id.to_string())),
            },
            ActivityChoice::Other { title } => ActivityLabel::Other(Some(title.clone())),
        }
    }

    fn sign_ins(&self, event: &EventRecord) -> usize {
        self.sign_ins.get(&event.id).copied().unwrap_or(0)
    }
}

/// Groups figures by a key, keeping the order keys first appear in.
struct Tally<K> {
    rows: Vec<(K, Figures)>,
}

impl<K: PartialEq> Tally<K> {
    fn new() -> Self {
        Self { rows: Vec::new() }
    }

    fn add(&mut self, key: K, event: &EventRecord, sign_ins: usize) {
        let at = match self.rows.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.rows.push((key, Figures::default()));
                self.rows.len() - 1
            }
        };
        self.rows[at].1.add(event, sign_ins);
    }

    fn take(&mut self, key: &K) -> Figures {
        match self.rows.iter().position(|(k, _)| k == key) {
            Some(at) => self.rows.remove(at).1,
            None => Figures::default(),
        }
    }
}

/// The summary of `input.campaign` for `scope`.
pub fn summary_outline(input: SummaryInput<'_>, scope: SummaryScope) -> SummaryOutline {
    let campaign = input.campaign;
    let mut counted: Vec<&EventRecord> = input
        .events
        .iter()
        .filter(|e| !e.deleted && e.campaign_id == campaign.id && scope.admits(e))
        .collect();
    sort_events(&mut counted);

    let mut totals = Figures::default();
    let mut per_activity: Tally<Option<&str>> = Tally::new();
    let mut per_unit: Tally<UnitKey> = Tally::new();
    // Per direction: its figures, its events (unit scope), its activities per unit (district).
    let mut per_direction: Tally<&str> = Tally::new();
    let mut direction_events: Vec<(&str, EventLine)> = Vec::new();
    let mut direction_groups: Tally<(&str, ActivityLabel, UnitKey)> = Tally::new();
    let mut devices: Vec<DeviceId> = Vec::new();
    let mut videos = Vec::new();
    for &event in &counted {
        let sign_ins = input.sign_ins(event);
        totals.add(event, sign_ins);
        // An activity the plan does not know counts with the events outside the plan.
        let planned = match &event.activity {
            ActivityChoice::Planned { activity_id } if campaign.activity(activity_id).is_some() => {
                Some(activity_id.as_str())
            }
            _ => None,
        };
        per_activity.add(planned, event, sign_ins);
        per_unit.add(UnitKey::of(event), event, sign_ins);
        let direction = event.direction_id.as_str();
        per_direction.add(direction, event, sign_ins);
        let activity = input.activity(event);
        match scope {
            SummaryScope::Unit(_) => {
                let mut figures = Figures::default();
                figures.add(event, sign_ins);
                let line = EventLine {
                    start_date: event.start_date,
                    activity,
                    place: event.place.clone(),
                    figures,
                };
                direction_events.push((direction, line));
            }
            SummaryScope::District => {
                let key = (direction, activity, UnitKey::of(event));
                direction_groups.add(key, event, sign_ins);
            }
        }
        if !devices.contains(&event.device_id) {
            devices.push(event.device_id);
        }
        if event.video_count > 0 || !event.video_files.is_empty() {
            videos.push(VideoLine {
                start_date: event.start_date,
                activity: input.activity(event),
                count: event.video_count.max(event.video_files.len() as u32),
                files: event.video_files.clone(),
            });
        }
    }

    let scoped_unit = match &scope {
        SummaryScope::Unit(UnitKey::Unit(id)) => Some(id),
        _ => None,
    };
    let mut activities: Vec<ActivityFigures> = Vec::new();
    for planned in &campaign.activities {
        let figures = per_activity.take(&Some(planned.id.as_str()));
        // A unit's summary lists what it held and what the plan asked it to lead.
        let listed = match &scope {
            SummaryScope::District => !planned.retired || figures.events > 0,
            SummaryScope::Unit(_) => {
                figures.events > 0 || scoped_unit.is_some_and(|u| planned.lead_unit_ids.contains(u))
            }
        };
        if listed {
            activities.push(ActivityFigures {
                activity: ActivityLabel::Planned {
                    number: planned.number,
                    title: input.pick(&planned.short_title).to_owned(),
                },
                figures,
            });
        }
    }
    let others = per_activity.take(&None);
    if others.events > 0 {
        activities.push(ActivityFigures {
            activity: ActivityLabel::Other(None),
            figures: others,
        });
    }

    // Plan units in plan order (unknown ones after them, by ID), then offices by name.
    let unit_order = |key: &UnitKey| match key {
        UnitKey::Unit(id) => {
            let position = campaign.units.iter().position(|u| &u.id == id);
            (0, position.unwrap_or(usize::MAX), id.to_string())
        }
        UnitKey::Office(name) => (1, 0, name.clone()),
    };
    // A direction's rows by activity in plan order (the events outside the plan last), then unit.
    crate::domain::sort::sort_by_key(&mut direction_groups.rows, |((_, activity, unit), _)| {
        let number = match activity {
            ActivityLabel::Planned { number, .. } => *number,
            ActivityLabel::Other(_) => u32::MAX,
        };
        (number, unit_order(unit))
    });
    let per_unit = match scope {
        SummaryScope::Unit(_) => Vec::new(),
        SummaryScope::District => {
            let mut units = per_unit.rows;
            crate::domain::sort::sort_by_key(&mut units, |(key, _)| unit_order(key));
            units
                .into_iter()
                .map(|(key, figures)| (input.unit_name(&key), figures))
                .collect()
        }
    };

    let directions = campaign
        .directions
        .iter()
        .map(|direction| {
            let id = direction.id.as_str();
            let events = direction_events
                .iter()
                .filter(|(d, _)| *d == id)
                .map(|(_, line)| line.clone())
                .collect();
            let groups = direction_groups
                .rows
                .iter()
                .filter(|((d, ..), _)| *d == id)
                .map(|((_, activity, unit), figures)| GroupLine {
                    activity: activity.clone(),
                    unit: input.unit_name(unit),
                    figures: figures.clone(),
                })
                .collect();
            let figures = per_direction.take(&id);
            DirectionSection {
                name: input.pick(&direction.name).to_owned(),
                figures,
                events,
                groups,
            }
        })
        .collect();

    // Named as the report pack names them: numbered per unit and activity, which a scope never
    // splits.
    let in_scope: std::collections::HashSet<EventId> = counted.iter().map(|e| e.id).collect();
    let photos: Vec<PhotoRecord> = input
        .photos
        .iter()
        .filter(|p| in_scope.contains(&p.event_id))
        .cloned()
        .collect();
    let photos = photos_to_pack(campaign, input.events, &photos, PackPhotos::Selected)
        .into_iter()
        .map(|(_, packed)| SummaryPhoto {
            id: packed.record.id,
            file: packed.file,
            caption: packed.record.caption,
        })
        .collect();

    let scope_name = match &scope {
        SummaryScope::Unit(unit) => input.unit_name(unit),
        SummaryScope::District => String::new(),
    };
    let devices = devices
        .into_iter()
        .map(|id| {
            let label = input.device_labels.iter().find(|(d, _)| *d == id);
            (id, label.map(|(_, label)| label.clone()))
        })
        .collect();
    SummaryOutline {
        scope,
        scope_name,
        period: campaign.period,
        totals,
        per_activity: activities,
        per_unit,
        directions,
        photos,
        videos,
        sources: SummarySources {
            events: counted.len(),
            devices,
        },
    }
}
