//! A campaign plan: its units, planned activities and summary directions.
//!
//! Plans are data, not code: the built-in 2021 Quality Month plan is the JSON file
//! `src/domain/plans/quality-month-2021.json`, read by the same `Campaign::from_json` that will read
//! any later plan a user loads. Reading a plan file checks it against the plan rules
//! (`plan_edit::plan_problems`), which are written over these types, so the reading lives above
//! both, in `plan_file.rs` (an `impl Campaign` block there).

use crate::domain::ids::{ActivityId, CampaignId, CounterId, DirectionId, UnitId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The `format` value every plan file carries.
pub const CAMPAIGN_FORMAT: &str = "field-ledger.campaign";
/// The newest plan file format version this build reads.
pub const CAMPAIGN_FORMAT_VERSION: u32 = 1;

/// A text given in Chinese, with an optional English rendering.
///
/// Chinese is the working language and always present; English falls back to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// Simplified Chinese text, as in the source document.
    pub zh: String,
    /// English text, where the plan provides one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A unit (section, institute, office) that leads or organises activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable ID.
    pub id: UnitId,
    /// Display name.
    pub name: LocalizedText,
    /// True for "各市场监管所": it stands for the offices each device names when it is set up.
    #[serde(default)]
    pub placeholder: bool,
    /// Retired: no longer offered for new events or devices; kept because records name it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

/// One of the directions the end-of-campaign summary is organised by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryDirection {
    /// Stable ID.
    pub id: DirectionId,
    /// Display name, e.g. 质量主题宣传.
    pub name: LocalizedText,
}

/// A figure an activity counts beyond the common four, e.g. blood-pressure monitors tested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraCounter {
    /// Stable ID, unique within its activity.
    pub id: CounterId,
    /// What is counted.
    pub name: LocalizedText,
    /// The measure word, e.g. 台, 家, 批次.
    pub unit: LocalizedText,
}

/// An activity of the plan, e.g. No. 1 计量便民服务日.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedActivity {
    /// Stable ID.
    pub id: ActivityId,
    /// The number in the source document (1-based).
    pub number: u32,
    /// A short title for lists and forms.
    pub short_title: LocalizedText,
    /// The activity text as the source document words it.
    pub description: String,
    /// Units named as leads, in document order.
    pub lead_unit_ids: Vec<UnitId>,
    /// A fixed date, where the plan gives one.
    #[serde(default)]
    pub planned_date: Option<NaiveDate>,
    /// The summary direction events of this activity fall under unless they say otherwise.
    pub default_direction_id: DirectionId,
    /// Activity-specific figures.
    #[serde(default)]
    pub extra_counters: Vec<ExtraCounter>,
    /// Retired: no longer offered for new events; kept (and counted) because records name it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

/// The first and last day of a campaign (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl Period {
    /// Whether `day` lies within the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// A whole campaign plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    /// Always [`CAMPAIGN_FORMAT`].
    pub format: String,
    /// Plan file format version.
    pub format_version: u32,
    /// Stable ID.
    pub id: CampaignId,
    /// The plan's title.
    pub title: LocalizedText,
    /// A short name for file names and lists, e.g. 质量月2021; the ID where the plan gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<LocalizedText>,
    /// The unit that issued the plan.
    pub issuing_unit: String,
    /// The document number, e.g. 津北市场监管〔2021〕118号.
    pub document_number: String,
    /// The campaign theme (活动主题).
    pub theme: String,
    /// The campaign's days.
    pub period: Period,
    /// The day summaries are due at the Quality Section.
    pub report_deadline: NaiveDate,
    /// Participating units.
    pub units: Vec<Unit>,
    /// Summary directions.
    pub directions: Vec<SummaryDirection>,
    /// Planned activities, in document order.
    pub activities: Vec<PlannedActivity>,
}

impl Campaign {
    /// The campaign's short Chinese name for file names (e.g. 质量月2021), or its ID when the
    /// plan gives none.
    pub fn file_name_part(&self) -> &str {
        self.short_title
            .as_ref()
            .map_or(self.id.as_str(), |title| title.zh.as_str())
    }

    /// Looks a unit up by ID.
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|unit| &unit.id == id)
    }

    /// Whether `unit` is the "各市场监管所" placeholder, whose events and devices name their own
    /// office. Accepts the ID as typed in a form (any string).
    pub fn names_offices(&self, unit: &str) -> bool {
        self.units
            .iter()
            .any(|u| u.placeholder && u.id.as_str() == unit)
    }

    /// Looks an activity up by ID.
    pub fn activity(&self, id: &ActivityId) -> Option<&PlannedActivity> {
        self.activities.iter().find(|activity| &activity.id == id)
    }

    /// Looks a summary direction up by ID.
    pub fn direction(&self, id: &DirectionId) -> Option<&SummaryDirection> {
        self.directions.iter().find(|direction| &direction.id == id)
    }
}
