//! The campaigns a device knows: the built-in 2021 Quality Month and the plans copied, written or
//! received here, with the one active campaign. Every record belongs to exactly one campaign (its
//! `campaign_id`); the active one is what the event list, statistics and exports show.

use super::plan_edit::copy_to_year;
use crate::domain::ids::CampaignId;
use crate::domain::plan::campaign::Campaign;
use serde::{Deserialize, Serialize};

/// The campaigns stored on this device besides the built-in plan, and which one is active.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignList {
    /// Plans added on this device (copied, new or received), in the order they were added.
    #[serde(default)]
    pub plans: Vec<Campaign>,
    /// The active campaign; `None` (or an unknown ID) means the built-in plan.
    #[serde(default)]
    pub active: Option<CampaignId>,
}

impl CampaignList {
    /// Every campaign, the built-in plan first.
    pub fn all(&self) -> Vec<Campaign> {
        let built_in = Campaign::quality_month_2021();
        let mut all = vec![built_in];
        all.extend(self.plans.iter().cloned());
        all
    }

    /// The campaign with `id`, if known.
    pub fn find(&self, id: &CampaignId) -> Option<Campaign> {
        self.all().into_iter().find(|c| &c.id == id)
    }

    /// The active campaign.
    pub fn active_plan(&self) -> Campaign {
        self.active
            .as_ref()
            .and_then(|id| self.find(id))
            .unwrap_or_else(Campaign::quality_month_2021)
    }

    /// The built-in plan's ID.
    pub fn built_in_id() -> CampaignId {
        Campaign::quality_month_2021().id
    }

    /// Whether `id` is the built-in plan, which is copied rather than edited.
    pub fn is_built_in(id: &CampaignId) -> bool {
        id == &Self::built_in_id()
    }

    /// Adds `plan`, or replaces the stored plan with its ID. The built-in plan is never replaced.
    pub fn put(&mut self, plan: Campaign) {
        if Self::is_built_in(&plan.id) {
            return;
        }
        match self.plans.iter_mut().find(|p| p.id == plan.id) {
            Some(slot) => *slot = plan,
            None => self.plans.push(plan),
        }
    }

    /// An ID no campaign here has, made from `wanted` (`wanted`, `wanted-2`, `wanted-3`…).
    pub fn free_id(&self, wanted: &str) -> CampaignId {
        let all = self.all();
        let taken = |id: &str| all.iter().any(|c| c.id.as_str() == id);
        let mut candidate = wanted.to_owned();
        let mut n = 2;
        while taken(&candidate) {
            candidate = format!("{wanted}-{n}");
            n += 1;
        }
        CampaignId::new(candidate)
    }

    /// A copy of `plan` moved to `year`, under a free ID made from `plan`'s with the year
    /// replaced (`quality-month-2021` → `quality-month-2026`).
    pub fn copy_of(&self, plan: &Campaign, year: i32) -> Campaign {
        use chrono::Datelike;
        let from = plan.period.start.year().to_string();
        let base = plan.id.as_str();
        let wanted = if base.contains(&from) {
            base.replace(&from, &year.to_string())
        } else {
            format!("{base}-{year}")
        };
        copy_to_year(plan, self.free_id(&wanted), year)
    }
}
