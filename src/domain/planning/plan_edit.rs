//! Editing campaign plans: every problem a plan has (for the plan editor and for plan files
//! shared between devices), and a new campaign copied from an existing one and moved to another
//! year.
//!
//! Activities and units keep their IDs when a plan is copied or edited, so renaming never
//! detaches the records that point at them; a campaign gets a new ID of its own.

use crate::domain::ids::CampaignId;
use crate::domain::plan::campaign::{Campaign, PlannedActivity};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

pub use super::plan_share::{keep_named, NamedByRecords};

/// Which list an ID belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// Units.
    Unit,
    /// Summary directions.
    Direction,
    /// Planned activities.
    Activity,
    /// An activity's extra counters.
    Counter,
}

/// One thing wrong with a plan. The plan editor shows every one; a plan file is refused with the
/// first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    /// The title is empty.
    EmptyTitle,
    /// The period ends before it starts.
    PeriodReversed,
    /// The report deadline falls before the last day of the period.
    DeadlineBeforePeriodEnds,
    /// Two entries of one list share an ID.
    DuplicateId {
        /// The list.
        kind: IdKind,
        /// The shared ID.
        id: String,
    },
    /// The plan lists no units.
    NoUnits,
    /// A unit (the n-th, from 1) has no name.
    EmptyUnitName {
        /// Its place in the list.
        position: usize,
    },
    /// A summary direction (the n-th, from 1) has no name.
    EmptyDirectionName {
        /// Its place in the list.
        position: usize,
    },
    /// One of an activity's own figures has no name or no measure word.
    EmptyCounter {
        /// The activity's number.
        activity: u32,
    },
    /// An activity has no title.
    EmptyActivityTitle {
        /// Its number.
        activity: u32,
    },
    /// An activity names no lead unit.
    NoLeadUnit {
        /// Its number.
        activity: u32,
    },
    /// An activity names a unit the plan does not list.
    UnknownUnit {
        /// Its number.
        activity: u32,
        /// The missing unit's ID.
        unit: String,
    },
    /// An activity's default direction is not among the plan's directions.
    UnknownDirection {
        /// Its number.
        activity: u32,
        /// The missing direction's ID.
        direction: String,
    },
}

fn duplicates<'a>(kind: IdKind, ids: impl Iterator<Item = &'a str>, out: &mut Vec<PlanProblem>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            out.push(PlanProblem::DuplicateId {
                kind,
                id: id.to_owned(),
            });
        }
    }
}

fn activity_problems(plan: &Campaign, activity: &PlannedActivity, out: &mut Vec<PlanProblem>) {
    let number = activity.number;
    if activity.short_title.zh.trim().is_empty() {
        out.push(PlanProblem::EmptyActivityTitle { activity: number });
    }
    if activity.lead_unit_ids.is_empty() {
        out.push(PlanProblem::NoLeadUnit { activity: number });
    }
    for unit in &activity.lead_unit_ids {
        if plan.unit(unit).is_none() {
            out.push(PlanProblem::UnknownUnit {
                activity: number,
                unit: unit.to_string(),
            });
        }
    }
    if plan.direction(&activity.default_direction_id).is_none() {
        out.push(PlanProblem::UnknownDirection {
            activity: number,
            direction: activity.default_direction_id.to_string(),
        });
    }
    duplicates(
        IdKind::Counter,
        activity.extra_counters.iter().map(|c| c.id.as_str()),
        out,
    );
    let blank = |text: &str| text.trim().is_empty();
    if activity
        .extra_counters
        .iter()
        .any(|c| blank(&c.name.zh) || blank(&c.unit.zh))
    {
        out.push(PlanProblem::EmptyCounter { activity: number });
    }
}

/// Every problem of `plan`, in the order the editor shows its fields.
pub fn plan_problems(plan: &Campaign) -> Vec<PlanProblem> {
    let mut problems = Vec::new();
    if plan.title.zh.trim().is_empty() {
        problems.push(PlanProblem::EmptyTitle);
    }
    if plan.period.end < plan.period.start {
        problems.push(PlanProblem::PeriodReversed);
    }
    if plan.report_deadline < plan.period.end {
        problems.push(PlanProblem::DeadlineBeforePeriodEnds);
    }
    if plan.units.is_empty() {
        problems.push(PlanProblem::NoUnits);
    }
    for (index, unit) in plan.units.iter().enumerate() {
        if unit.name.zh.trim().is_empty() || unit.id.as_str().is_empty() {
            problems.push(PlanProblem::EmptyUnitName {
                position: index + 1,
            });
        }
    }
    for (index, direction) in plan.directions.iter().enumerate() {
        if direction.name.zh.trim().is_empty() || direction.id.as_str().is_empty() {
            problems.push(PlanProblem::EmptyDirectionName {
                position: index + 1,
            });
        }
    }
    duplicates(
        IdKind::Unit,
        plan.units.iter().map(|u| u.id.as_str()),
        &mut problems,
    );
    duplicates(
        IdKind::Direction,
        plan.directions.iter().map(|d| d.id.as_str()),
        &mut problems,
    );
    duplicates(
        IdKind::Activity,
        plan.activities.iter().map(|a| a.id.as_str()),
        &mut problems,
    );
    for activity in &plan.activities {
        activity_problems(plan, activity, &mut problems);
    }
    problems
}

/// `date` moved by `years`; 29 February becomes 28 February in a year without one.
pub fn shift_year(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// `text` with the year `from` written as `to` (e.g. 2021年“质量月” → 2026年“质量月”).
fn with_year(text: &str, from: i32, to: i32) -> String {
    text.replace(&from.to_string(), &to.to_string())
}

/// A new campaign `id` copied from `plan`, moved to `year`: the period, planned dates and report
/// deadline shift by whole years; the year in the titles, theme and descriptions follows; the
/// document number is left empty for the new document's. Units, activities, directions and
/// counters keep their IDs.
pub fn copy_to_year(plan: &Campaign, id: CampaignId, year: i32) -> Campaign {
    let from = plan.period.start.year();
    let years = year - from;
    let mut copy = plan.clone();
    copy.id = id;
    copy.title.zh = with_year(&plan.title.zh, from, year);
    copy.title.en = plan.title.en.as_ref().map(|t| with_year(t, from, year));
    if let Some(short) = &mut copy.short_title {
        short.zh = with_year(&short.zh, from, year);
        short.en = short.en.as_ref().map(|t| with_year(t, from, year));
    }
    copy.theme = with_year(&plan.theme, from, year);
    copy.document_number = String::new();
    copy.period.start = shift_year(plan.period.start, years);
    copy.period.end = shift_year(plan.period.end, years);
    copy.report_deadline = shift_year(plan.report_deadline, years);
    for activity in &mut copy.activities {
        activity.planned_date = activity.planned_date.map(|d| shift_year(d, years));
        activity.description = with_year(&activity.description, from, year);
    }
    copy
}

/// A new activity at the end of `plan`: the next number, an ID no activity has, the first unit
/// as lead and the first direction as default. The title is left for the user.
pub fn new_activity(plan: &Campaign) -> PlannedActivity {
    let number = plan.activities.iter().map(|a| a.number).max().unwrap_or(0) + 1;
    let mut n = number;
    let id = loop {
        let candidate = format!("{}-a{n:02}", plan.id);
        if plan.activities.iter().all(|a| a.id.as_str() != candidate) {
            break candidate;
        }
        n += 1;
    };
    PlannedActivity {
        id: crate::domain::ids::ActivityId::new(id),
        number,
        short_title: crate::domain::plan::campaign::LocalizedText {
            zh: String::new(),
            en: None,
        },
        description: String::new(),
        lead_unit_ids: plan
            .units
            .first()
            .map(|u| u.id.clone())
            .into_iter()
            .collect(),
        planned_date: None,
        default_direction_id: plan
            .directions
            .first()
            .map(|d| d.id.clone())
            .unwrap_or_else(|| crate::domain::ids::DirectionId::new("")),
        extra_counters: Vec::new(),
        retired: false,
    }
}

/// Moves activity `index` one place up (`up`) or down, renumbering every activity in its new
/// order (IDs stay, so records keep pointing at the same activity).
pub fn move_activity(plan: &mut Campaign, index: usize, up: bool) {
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < plan.activities.len())
    };
    if let Some(other) = other.filter(|_| index < plan.activities.len()) {
        plan.activities.swap(index, other);
        for (position, activity) in plan.activities.iter_mut().enumerate() {
            activity.number = position as u32 + 1;
        }
    }
}

/// A new campaign `id` titled `title` from scratch, with `template`'s units and summary
/// directions (the same bureau runs it) and no activities yet: one month from `today`, due 15
/// days after.
pub fn blank_plan(template: &Campaign, id: CampaignId, today: NaiveDate, title: &str) -> Campaign {
    let end = today + chrono::Days::new(29);
    Campaign {
        format: crate::domain::plan::campaign::CAMPAIGN_FORMAT.to_owned(),
        format_version: crate::domain::plan::campaign::CAMPAIGN_FORMAT_VERSION,
        id,
        title: crate::domain::plan::campaign::LocalizedText {
            zh: title.to_owned(),
            en: None,
        },
        short_title: None,
        issuing_unit: template.issuing_unit.clone(),
        document_number: String::new(),
        theme: String::new(),
        period: crate::domain::plan::campaign::Period { start: today, end },
        report_deadline: end + chrono::Days::new(15),
        units: template.units.clone(),
        directions: template.directions.clone(),
        activities: Vec::new(),
    }
}

/// The name of `plan`'s exported file: `质量月2026_plan.json` (its short name, or its ID).
pub fn plan_file_name(plan: &Campaign) -> String {
    let name = plan.file_name_part();
    format!(
        "{}_plan.json",
        crate::domain::plan::file_names::name_part(name)
    )
}
