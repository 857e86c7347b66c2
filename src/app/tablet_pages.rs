//! The tablet app's screens: what a unit's tablet uses every day, and nothing of the Quality
//! Section's. Its binary (`src/main.rs`) links only these pages, so the first load stays small.

use crate::pages::attendance::AttendancePage;
use crate::pages::counter::CounterPage;
use crate::pages::device_setup::DeviceSetupPage;
use crate::pages::event_form::EventFormPage;
use crate::pages::home::HomePage;
use crate::pages::overview::OverviewPage;
use crate::pages::photos::PhotosPage;
use crate::state::route::Route;
use leptos::prelude::*;

/// The tablet app's view of `route`; `None` for the office app's screens.
pub fn tablet_page(route: Route) -> Option<AnyView> {
    Some(match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Overview => view! { <OverviewPage /> }.into_any(),
        Route::Device => view! { <DeviceSetupPage /> }.into_any(),
        Route::NewEvent => view! { <EventFormPage editing=None /> }.into_any(),
        Route::EditEvent(id) => view! { <EventFormPage editing=Some(id) /> }.into_any(),
        Route::Attendance(id) => view! { <AttendancePage event=id /> }.into_any(),
        Route::Counter(id) => view! { <CounterPage event=id /> }.into_any(),
        Route::Photos(id) => view! { <PhotosPage event=id /> }.into_any(),
        Route::Stats
        | Route::Export
        | Route::Import
        | Route::Received
        | Route::Campaigns
        | Route::PlanEditor => return None,
    })
}
