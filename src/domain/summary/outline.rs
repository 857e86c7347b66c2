//! What the campaign summary (活动总结) says, as plain data: for one unit or the whole district,
//! the four figures in total, per planned activity and (district) per unit; one section per
//! summary direction in plan order, empty ones too; the selected photos with their captions; the
//! videos; and which records the figures come from. [`super::gathering`] gathers it from the
//! records, [`super::docx`] lays it out as a Word file.
//!
//! The figures are the statistics page's own ([`Figures`]), counted the same way, so the summary,
//! the summary CSV and the statistics page never disagree.

use crate::domain::figures::statistics::{Figures, UnitKey};
use crate::domain::ids::{DeviceId, PhotoId};
use crate::domain::plan::campaign::Period;
use crate::domain::records::event_record::EventRecord;
use chrono::NaiveDate;

/// Whose summary: one unit's (an office counts as its own unit), or the whole district's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SummaryScope {
    /// One unit's events.
    Unit(UnitKey),
    /// Every unit's events: the Quality Section's summary over merged records.
    District,
}

impl SummaryScope {
    /// Whether `event` counts in this scope.
    pub fn admits(&self, event: &EventRecord) -> bool {
        match self {
            SummaryScope::Unit(unit) => *unit == UnitKey::of(event),
            SummaryScope::District => true,
        }
    }
}

/// How an activity is named in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityLabel {
    /// A planned activity: its number and short title.
    Planned {
        /// Its number in the plan.
        number: u32,
        /// Its short title.
        title: String,
    },
    /// An event outside the plan, with its own title; `None` for all of them together.
    Other(Option<String>),
}

/// A row of figures under a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFigures {
    /// The activity.
    pub activity: ActivityLabel,
    /// Its figures.
    pub figures: Figures,
}

/// One event in a direction's section (unit scope).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    /// Its first day.
    pub start_date: NaiveDate,
    /// Its activity.
    pub activity: ActivityLabel,
    /// Where it took place (or the online platform).
    pub place: String,
    /// Its own figures (活动数量 1).
    pub figures: Figures,
}

/// One activity of one unit in a direction's section (district scope).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    /// The activity.
    pub activity: ActivityLabel,
    /// The unit.
    pub unit: String,
    /// Their figures.
    pub figures: Figures,
}

/// One summary direction's section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectionSection {
    /// The direction's name, e.g. 质量主题宣传.
    pub name: String,
    /// Its figures.
    pub figures: Figures,
    /// Unit scope: its events, by day.
    pub events: Vec<EventLine>,
    /// District scope: its figures per activity and unit.
    pub groups: Vec<GroupLine>,
}

impl DirectionSection {
    /// Whether no event falls under it.
    pub fn is_empty(&self) -> bool {
        self.figures.events == 0
    }
}

/// A selected photo, in the order of the report pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryPhoto {
    /// Its ID, to read the stored image.
    pub id: PhotoId,
    /// Its name as in the report pack (`计量所_计量便民服务日_1.jpg`), which names a gap too.
    pub file: String,
    /// Its caption, as entered.
    pub caption: String,
}

/// The videos one event took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoLine {
    /// The event's first day.
    pub start_date: NaiveDate,
    /// Its activity.
    pub activity: ActivityLabel,
    /// How many videos.
    pub count: u32,
    /// Their file names, where entered.
    pub files: Vec<String>,
}

/// Which records the figures come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySources {
    /// Events counted.
    pub events: usize,
    /// The devices that recorded them, in order of first appearance by day: ID and, where known,
    /// label.
    pub devices: Vec<(DeviceId, Option<String>)>,
}

/// The whole summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryOutline {
    /// Its scope.
    pub scope: SummaryScope,
    /// The scope's name: the unit's, or empty for the district (the words name it).
    pub scope_name: String,
    /// The campaign's days.
    pub period: Period,
    /// The figures of every event in scope.
    pub totals: Figures,
    /// Planned activities in plan order (at unit scope only those the unit led or held), then
    /// the events outside the plan where there are any.
    pub per_activity: Vec<ActivityFigures>,
    /// District scope: each unit with events, plan units first, then offices by name.
    pub per_unit: Vec<(String, Figures)>,
    /// Every summary direction of the plan, in plan order.
    pub directions: Vec<DirectionSection>,
    /// The selected photos of the events in scope.
    pub photos: Vec<SummaryPhoto>,
    /// The events in scope that took videos, by day.
    pub videos: Vec<VideoLine>,
    /// Where the figures come from.
    pub sources: SummarySources,
}
