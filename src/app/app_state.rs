//! The state provided at the root: reads the saved settings, starts loading the records, and
//! provides every context value of `state` once, for the whole app.

use crate::domain::plan::campaign::Campaign;
use crate::domain::storage_failure::SavedThing;
use crate::state::event_records::EventRecords;
use crate::state::route::{AppPart, Route};
use crate::state::{
    ActiveCampaign, Campaigns, CurrentRoute, Device, ListView, StorageHealth, StorageNotice, Toast,
    Today, UiLanguage,
};
use crate::storage::preferences;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// Reads the saved settings, starts loading the records and provides every context value.
/// `today` comes from the caller so tests and the app share one code path.
pub fn provide_app_state(
    campaign: Campaign,
    today: Signal<NaiveDate>,
    route: Route,
    running: AppPart,
) {
    let notice = StorageNotice(RwSignal::new(None));
    let language = preferences::load_language().unwrap_or_else(|failure| {
        notice.show(SavedThing::Language, failure);
        None
    });
    let device = preferences::load_device().unwrap_or_else(|failure| {
        notice.show(SavedThing::DeviceSettings, failure);
        None
    });
    provide_context(UiLanguage(RwSignal::new(language.unwrap_or_default())));
    let campaigns = preferences::load_campaigns().unwrap_or_else(|failure| {
        notice.show(SavedThing::CampaignPlan, failure);
        Default::default()
    });
    provide_context(Campaigns(RwSignal::new(campaigns)));
    let campaign = Arc::new(campaign);
    provide_context(ActiveCampaign(campaign.clone()));
    provide_context(Today(today));
    provide_context(notice);
    provide_context(Device(RwSignal::new(device)));
    provide_context(CurrentRoute(RwSignal::new(route), running));
    provide_context(Toast(RwSignal::new(None)));
    provide_context(ListView {
        filter: RwSignal::new(Default::default()),
        shown: RwSignal::new(crate::pages::home::PAGE_SIZE),
    });
    let records = EventRecords::load(notice);
    provide_context(records);
    let sync = crate::state::sync_status::SyncStatus::new();
    provide_context(sync);
    crate::workflows::sync_driver::start_sync(records, sync, campaign);
    provide_context(crate::browser::app_shell::AppShell::listen());
    let health = StorageHealth::unknown();
    provide_context(health);
    // Only read whether the data is kept persistently: asking (`persist()`) waits for a user's
    // action, because Firefox answers it with a permission prompt.
    leptos::task::spawn_local(async move {
        health
            .persisted
            .set(crate::browser::storage_estimate::is_persisted().await);
        health
            .budget
            .set(crate::browser::storage_estimate::estimate().await);
    });
}
