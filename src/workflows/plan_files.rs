//! Plan files on the campaigns page: reading one shared by the Quality Section into the campaign
//! list. A new version of a plan already here keeps every entry records here still name (see
//! [`keep_named`]); the records are read from storage, not from this tab's copy, so the check
//! holds even before the tab has loaded them.

use crate::domain::plan::campaign::Campaign;
use crate::domain::planning::campaign_list::CampaignList;
use crate::domain::planning::plan_edit::{keep_named, NamedByRecords};
use crate::domain::planning::plan_file::CampaignError;
use crate::domain::storage_failure::StorageFailure;
use crate::state::event_records::EventRecords;
use crate::state::{Campaigns, Device, StorageNotice};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What a plan file holds, measured against the plans on this device.
#[derive(Debug, Clone)]
pub enum PlanFile {
    /// A plan this device does not have yet.
    New(Box<Campaign>),
    /// Another version of a plan this device has (`current`): replacing it is asked first, since
    /// the one here may be the newer one.
    Replaces {
        /// The plan in the file.
        plan: Box<Campaign>,
        /// The plan here now.
        current: Box<Campaign>,
    },
    /// The very plan this device has: nothing to do.
    Same(Box<Campaign>),
    /// The built-in plan: nothing to import.
    BuiltIn,
    /// Not a plan this app can use.
    Refused(CampaignError),
}

/// Reads the plan in `file`; stores nothing.
pub async fn read_plan_file(file: &web_sys::File, campaigns: Campaigns) -> PlanFile {
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    let plan = match Campaign::from_json(&text) {
        Ok(plan) => plan,
        Err(problem) => return PlanFile::Refused(problem),
    };
    if CampaignList::is_built_in(&plan.id) {
        return PlanFile::BuiltIn;
    }
    match campaigns.0.with_untracked(|list| list.find(&plan.id)) {
        None => PlanFile::New(Box::new(plan)),
        Some(current) if current == plan => PlanFile::Same(Box::new(plan)),
        Some(current) => PlanFile::Replaces {
            plan: Box::new(plan),
            current: Box::new(current),
        },
    }
}

/// What storing a plan did: how many entries were kept for records here, and whether it is the
/// active campaign's plan (the app then reloads). `None`: not stored (the failure is shown).
pub async fn store_plan(
    mut plan: Campaign,
    records: EventRecords,
    campaigns: Campaigns,
    notice: StorageNotice,
) -> Option<(usize, bool)> {
    let named = match named_here(records, &plan).await {
        Ok(named) => named,
        Err(failure) => {
            notice.show(
                crate::domain::storage_failure::SavedThing::CampaignPlan,
                failure,
            );
            return None;
        }
    };
    campaigns.change(notice, |list| {
        let kept = list
            .find(&plan.id)
            .map_or(0, |current| keep_named(&mut plan, &current, &named));
        let active = list.active_plan().id == plan.id;
        list.put(plan);
        (kept, active)
    })
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
