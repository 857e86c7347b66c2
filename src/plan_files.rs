//! Plan files on the campaigns page: reading one shared by the Quality Section into the campaign
//! list. A new version of a plan already here keeps every entry records here still name (see
//! [`keep_named`]); the records are read from storage, not from this tab's copy, so the check
//! holds even before the tab has loaded them.

use crate::domain::campaign::{Campaign, CampaignError};
use crate::domain::campaign_list::CampaignList;
use crate::domain::plan_edit::{keep_named, NamedByRecords};
use crate::event_records::EventRecords;
use crate::state::{Campaigns, Device, StorageNotice};
use crate::storage::StorageFailure;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What importing a plan file did.
#[derive(Debug, Clone)]
pub enum PlanImport {
    /// Stored: the plan, how many entries were kept for records here, and whether it replaced
    /// the active campaign's plan (the app then reloads).
    Stored {
        /// The plan as stored.
        plan: Box<Campaign>,
        /// Entries kept for records here.
        kept: usize,
        /// Whether it is the active campaign's plan.
        active: bool,
    },
    /// The built-in plan: nothing to import.
    BuiltIn,
    /// Not a plan this app can use.
    Refused(CampaignError),
    /// Storage failed (already shown).
    NotStored,
}

/// Reads `file` and stores its plan in the campaign list.
pub async fn import_plan_file(
    file: &web_sys::File,
    records: EventRecords,
    campaigns: Campaigns,
    notice: StorageNotice,
) -> PlanImport {
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    let mut plan = match Campaign::from_json(&text) {
        Ok(plan) => plan,
        Err(problem) => return PlanImport::Refused(problem),
    };
    if CampaignList::is_built_in(&plan.id) {
        return PlanImport::BuiltIn;
    }
    let named = match named_here(records, &plan).await {
        Ok(named) => named,
        Err(failure) => {
            notice.show(crate::storage::SavedThing::CampaignPlan, failure);
            return PlanImport::NotStored;
        }
    };
    let stored = campaigns.change(notice, |list| {
        let kept = list
            .find(&plan.id)
            .map_or(0, |current| keep_named(&mut plan, &current, &named));
        let active = list.active_plan().id == plan.id;
        list.put(plan.clone());
        (kept, active)
    });
    match stored {
        Some((kept, active)) => PlanImport::Stored {
            plan: Box::new(plan),
            kept,
            active,
        },
        None => PlanImport::NotStored,
    }
}

/// What the stored records of `plan`'s campaign and this device's set-up name.
async fn named_here(
    records: EventRecords,
    plan: &Campaign,
) -> Result<NamedByRecords, StorageFailure> {
    let stored = records.load_stored_events().await?;
    if stored.newer > 0 || stored.unreadable > 0 {
        // Records this build cannot read may name anything: refuse rather than guess.
        return Err(StorageFailure::Unreadable);
    }
    let mut named = NamedByRecords::of(&plan.id, &stored.records);
    if let Some(device) = use_context::<Device>().and_then(|d| d.0.get_untracked()) {
        named.units.insert(device.unit_id);
    }
    Ok(named)
}
