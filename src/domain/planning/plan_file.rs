//! Reading a plan file: `Campaign::from_json` parses it, tells another kind of file or a newer
//! format apart from a syntax error, and checks the plan against the rules of
//! [`plan_problems`]. It sits above the plan types (`campaign`) and the rules (`plan_edit`), so
//! neither needs the other's reader.

use super::plan_edit::{plan_problems, PlanProblem};
use crate::domain::plan::campaign::{Campaign, CAMPAIGN_FORMAT, CAMPAIGN_FORMAT_VERSION};

/// The plan file of the 2021 Quality Month, compiled in so the app works offline from first load.
const QUALITY_MONTH_2021_JSON: &str = include_str!("../plans/quality-month-2021.json");

/// Why a plan file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignError {
    /// Not valid JSON, or a field has the wrong shape.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// serde's description, for diagnostics.
        detail: String,
    },
    /// The file is not a plan file.
    NotACampaign,
    /// A plan file written by a newer version of the app.
    NewerFormat(u32),
    /// The plan breaks a rule (the first of [`plan_problems`]).
    Invalid(PlanProblem),
}

impl Campaign {
    /// Reads and checks a plan file.
    pub fn from_json(text: &str) -> Result<Self, CampaignError> {
        let campaign: Campaign = serde_json::from_str(text).map_err(|error| {
            // Another kind of file, or a newer plan format, is said so rather than shown as a
            // syntax error at the first field it lacks.
            let head = serde_json::from_str::<serde_json::Value>(text).ok();
            let field = |name: &str| head.as_ref().and_then(|h| h.get(name).cloned());
            match (
                field("format"),
                field("format_version").and_then(|v| v.as_u64()),
            ) {
                (Some(format), _) if format != CAMPAIGN_FORMAT => CampaignError::NotACampaign,
                (Some(_), Some(version)) if version > u64::from(CAMPAIGN_FORMAT_VERSION) => {
                    CampaignError::NewerFormat(u32::try_from(version).unwrap_or(u32::MAX))
                }
                _ => CampaignError::Syntax {
                    line: error.line(),
                    column: error.column(),
                    detail: error.to_string(),
                },
            }
        })?;
        campaign.check()?;
        Ok(campaign)
    }

    /// The built-in 2021 Quality Month plan.
    pub fn quality_month_2021() -> Self {
        Self::from_json(QUALITY_MONTH_2021_JSON).expect("the built-in plan file is valid")
    }

    fn check(&self) -> Result<(), CampaignError> {
        if self.format != CAMPAIGN_FORMAT {
            return Err(CampaignError::NotACampaign);
        }
        if self.format_version > CAMPAIGN_FORMAT_VERSION {
            return Err(CampaignError::NewerFormat(self.format_version));
        }
        match plan_problems(self).into_iter().next() {
            Some(problem) => Err(CampaignError::Invalid(problem)),
            None => Ok(()),
        }
    }
}
