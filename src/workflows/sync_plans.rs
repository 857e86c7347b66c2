//! Campaign plans published by the Quality Section in `fl-plans` (`plan:<campaign id>`, written by
//! `provision.sh` and the Quality Section's account): each round reads what changed since its
//! checkpoint; a plan this device does not have, or a new version of one not changed here since it
//! was last taken, is stored as a plan file would be (entries its records still name are kept)
//! (`domain::sync::plans`). A tablet thus picks up a new plan without a file. The built-in plan is
//! never replaced, nor a plan changed on this device. A new version of the plan in use
//! applies when the app is next opened, as the device page says.

use super::plan_files::store_plan;
use super::sync_round::{server_state, SyncFailure};
use crate::browser::couch_client::CouchClient;
use crate::domain::plan::campaign::{Campaign, LocalizedText};
use crate::domain::planning::campaign_list::CampaignList;
use crate::domain::sync::ledger::{sequence_text, SyncCheckpoint};
use crate::domain::sync::plans::{plan_decision, plan_fingerprint, PlanDecision};
use crate::state::event_records::EventRecords;
use crate::state::{Campaigns, StorageNotice};
use crate::storage::imports::RecordBatch;
use leptos::prelude::*;
use serde_json::Value;

/// The plans database.
pub const PLANS_DATABASE: &str = "fl-plans";

/// What reading the published plans did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PlansPulled {
    /// Plans stored (new ones, and new versions), by their titles.
    pub stored: Vec<LocalizedText>,
    /// Whether the plan in use now has a new version (it applies when the app is next opened).
    pub active_changed: bool,
    /// Plans published in another version than the one here, which was changed on this device:
    /// kept as they are (a plan file brings the published one, with the usual question).
    pub kept_here: Vec<LocalizedText>,
}

/// Reads the plans published since the last time, and stores those that are new here.
pub async fn pull_plans(
    client: &CouchClient,
    records: EventRecords,
    campaigns: Campaigns,
    notice: StorageNotice,
) -> Result<PlansPulled, SyncFailure> {
    let database = records.database()?;
    let server = server_state(client, PLANS_DATABASE).await?;
    let since = database
        .load_checkpoint(PLANS_DATABASE)
        .await?
        .filter(|c| c.still_holds(&server.identity, &server.update_seq))
        .map_or(Value::from(0), |c| c.since);
    let path = format!(
        "{PLANS_DATABASE}/_changes?since={}&include_docs=true",
        js_sys::encode_uri_component(&sequence_text(&since))
    );
    let text = client.request("GET", &path, None, None).await?;
    let changes: Value = serde_json::from_str(&text).map_err(|_| SyncFailure::Unreadable)?;
    let mut pulled = PlansPulled::default();
    for change in changes
        .get("results")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(plan) = change
            .get("doc")
            .filter(|doc| doc.get("kind").and_then(Value::as_str) == Some("plan"))
            .and_then(|doc| doc.get("plan"))
        else {
            continue;
        };
        // A plan this build cannot use is left on the server (a newer app's, say).
        let Ok(plan) = Campaign::from_json(&plan.to_string()) else {
            continue;
        };
        if CampaignList::is_built_in(&plan.id) {
            continue;
        }
        let here = campaigns.0.with_untracked(|list| list.find(&plan.id));
        let taken = database.load_plan_taken(plan.id.as_str()).await?;
        let title = plan.title.clone();
        let id = plan.id.clone();
        match plan_decision(here.as_ref(), &plan, taken) {
            PlanDecision::InStep => {
                let mut batch = RecordBatch::from_server();
                batch.set_plan_taken(id.as_str(), plan_fingerprint(&plan))?;
                database.commit(batch).await?;
            }
            PlanDecision::KeepLocal => pulled.kept_here.push(title),
            PlanDecision::Take => match store_plan(plan, records, campaigns, notice).await {
                Some((_, active)) => {
                    // As stored (entries records here name are kept): what "unchanged" means.
                    if let Some(stored) = campaigns.0.with_untracked(|list| list.find(&id)) {
                        let mut batch = RecordBatch::from_server();
                        batch.set_plan_taken(id.as_str(), plan_fingerprint(&stored))?;
                        database.commit(batch).await?;
                    }
                    pulled.stored.push(title);
                    pulled.active_changed |= active;
                }
                // Not stored: the failure is shown; the checkpoint stays, so it is read again.
                None => return Ok(pulled),
            },
        }
    }
    let mut batch = RecordBatch::from_server();
    let checkpoint = SyncCheckpoint {
        identity: server.identity,
        since: changes.get("last_seq").cloned().unwrap_or(since),
    };
    batch.set_checkpoint(PLANS_DATABASE, &checkpoint)?;
    database.commit(batch).await?;
    Ok(pulled)
}
