//! App-wide state: the context values provided once at the root (`app::app_state`) and read with
//! `expect_context`, the records in memory ([`event_records`]) and the screen's route ([`route`]).
//!
//! May import: `storage`, `browser`, `i18n`, `domain`. Not workflows, components or pages.

pub mod event_records;
pub mod load_into;
pub mod route;
pub mod sync_status;

use crate::domain::ids::EventId;
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::storage_failure::{FailedSave, SavedThing, StorageFailure};
use crate::i18n::{Language, Words};
use crate::state::route::{AppPart, Route};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The interface language of this device.
#[derive(Debug, Clone, Copy)]
pub struct UiLanguage(pub RwSignal<Language>);

impl UiLanguage {
    /// A reactive closure giving `key` in the current language, for use in `view!`.
    pub fn text<W: Words>(
        self,
        key: W,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.get().text(key)
    }
}

/// The campaign the app is recording for.
#[derive(Debug, Clone)]
pub struct ActiveCampaign(pub Arc<Campaign>);

/// The campaigns on this device and the active one, as stored.
#[derive(Debug, Clone, Copy)]
pub struct Campaigns(pub RwSignal<crate::domain::planning::campaign_list::CampaignList>);

impl Campaigns {
    /// Changes the stored list: read again from storage (another tab may have saved since),
    /// changed by `change`, and written (durable before this returns). If the stored list
    /// cannot be read it is never overwritten: the failure is shown and `None` returned, as for a
    /// failed write.
    pub fn change<T>(
        self,
        notice: StorageNotice,
        change: impl FnOnce(&mut crate::domain::planning::campaign_list::CampaignList) -> T,
    ) -> Option<T> {
        let mut list = match crate::storage::preferences::load_campaigns() {
            Ok(list) => list,
            Err(failure) => {
                notice.show(SavedThing::CampaignPlan, failure);
                return None;
            }
        };
        let out = change(&mut list);
        match crate::storage::preferences::save_campaigns(&list) {
            Ok(()) => {
                self.0.set(list);
                Some(out)
            }
            Err(failure) => {
                notice.show(SavedThing::CampaignPlan, failure);
                None
            }
        }
    }

    /// Reloads the app on `route`, so every page shows the (newly) active campaign's plan.
    pub fn reload_at(route: Route) {
        let location = window().location();
        let _ = location.set_hash(&route.hash());
        let _ = location.reload();
    }
}

/// Today's calendar day in China Standard Time. A signal, because a tablet left open overnight
/// must count the new day.
#[derive(Debug, Clone, Copy)]
pub struct Today(pub Signal<NaiveDate>);

/// The storage failure currently shown to the user, if any.
#[derive(Debug, Clone, Copy)]
pub struct StorageNotice(pub RwSignal<Option<FailedSave>>);

impl StorageNotice {
    /// Shows that `what` was not saved (or read) because of `failure`.
    pub fn show(self, what: SavedThing, failure: StorageFailure) {
        self.0.set(Some(FailedSave { what, failure }));
    }
}

/// This tablet's set-up; `None` until the first set-up is saved.
#[derive(Debug, Clone, Copy)]
pub struct Device(pub RwSignal<Option<DeviceProfile>>);

/// The screen shown, kept in step with the location hash, and the app running it.
#[derive(Debug, Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>, pub AppPart);

impl CurrentRoute {
    /// Goes to `route` (a new history entry, so the back button returns). A screen this app
    /// lacks opens the other app's page at that screen.
    pub fn go(self, route: Route) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if !self.1.has(route) {
            let _ = window.location().assign(&route.href_from(self.1));
            return;
        }
        let _ = window.location().set_hash(&route.hash());
        self.0.set(route);
    }

    /// The link to `route` from this app's page (see [`Route::href_from`]).
    pub fn href(self, route: Route) -> String {
        route.href_from(self.1)
    }
}

/// The event list's filter and how many rows it shows, kept while the user opens and leaves
/// events.
#[derive(Debug, Clone, Copy)]
pub struct ListView {
    /// The filter.
    pub filter: RwSignal<crate::domain::records::event_list::EventFilter>,
    /// Rows shown.
    pub shown: RwSignal<usize>,
}

/// Whether the browser keeps the data persistently, and how much storage is used and left.
#[derive(Debug, Clone, Copy)]
pub struct StorageHealth {
    /// `navigator.storage.persisted()` read at start, or `persist()`'s later answer; `None`
    /// before it came or without the API.
    pub persisted: RwSignal<Option<bool>>,
    /// A `persist()` request is waiting for the browser's (or, in Firefox, the user's) answer.
    pub asking: RwSignal<bool>,
    /// Persistence was already asked for after a saved event since this start.
    asked_after_save: StoredValue<bool>,
    /// The latest estimate.
    pub budget: RwSignal<Option<crate::domain::storage_budget::StorageBudget>>,
}

impl StorageHealth {
    /// Nothing known yet: the start reads `persisted()` and the estimate into it.
    pub fn unknown() -> Self {
        Self {
            persisted: RwSignal::new(None),
            asking: RwSignal::new(false),
            asked_after_save: StoredValue::new(false),
            budget: RwSignal::new(None),
        }
    }

    /// Asks the browser to keep the data persistently, after the user tapped `storage-persist`;
    /// nothing once it is persistent. A tap while an earlier request waits asks again: Firefox's
    /// prompt may have been dismissed without an answer, and asking shows it again.
    pub fn ask_for_persistence(self) {
        if self.persisted.get_untracked() != Some(false) {
            return;
        }
        self.asking.set(true);
        leptos::task::spawn_local(async move {
            let answer = crate::browser::storage_estimate::request_persistence().await;
            if answer.is_some() {
                self.persisted.set(answer);
            }
            self.asking.set(false);
        });
    }

    /// After an event was saved: asks for persistence while the data is not persistent, at most
    /// once per start, so Firefox's permission prompt never follows every saved event. (Chromium
    /// and WebKit answer without a prompt, and say yes once the app is installed or used often.)
    pub fn ask_after_saving(self) {
        if self.asked_after_save.get_value()
            || self.asking.get_untracked()
            || self.persisted.get_untracked() != Some(false)
        {
            return;
        }
        self.asked_after_save.set_value(true);
        self.ask_for_persistence();
    }
}

/// A short confirmation at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastMessage {
    /// An event was saved.
    EventSaved,
    /// The device set-up was saved.
    DeviceSaved,
    /// An event was deleted; it can be brought back.
    EventDeleted(EventId),
    /// A deleted event was brought back.
    EventRestored,
}

/// The confirmation shown, if any.
#[derive(Debug, Clone, Copy)]
pub struct Toast(pub RwSignal<Option<ToastMessage>>);
