//! The root component: provides the app state, follows the location hash and lays out the page.
//!
//! The top layer: nothing imports it but `main.rs`. May import every other layer.

pub mod app_state;

use crate::components::app_header::AppHeader;
use crate::components::storage_notice::StorageNoticeBanner;
use crate::components::toast_bar::ToastBar;
use crate::components::update_banner::UpdateBanner;
use crate::domain::plan::campaign::Campaign;
use crate::i18n::Text;
use crate::pages::attendance::AttendancePage;
use crate::pages::campaigns::CampaignsPage;
use crate::pages::counter::CounterPage;
use crate::pages::device_setup::DeviceSetupPage;
use crate::pages::event_form::EventFormPage;
use crate::pages::export::ExportPage;
use crate::pages::home::HomePage;
use crate::pages::import::ImportPage;
use crate::pages::overview::OverviewPage;
use crate::pages::photos::PhotosPage;
use crate::pages::plan_editor::PlanEditorPage;
use crate::pages::received::ReceivedFilesPage;
use crate::pages::statistics::StatisticsPage;
use crate::state::route::Route;
use crate::state::{CurrentRoute, Device, UiLanguage};
use app_state::provide_app_state;
use chrono::NaiveDate;
use leptos::prelude::*;

fn location_route() -> Route {
    let hash = window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// The whole app for `campaign`, as seen on `today` (a China calendar day, updated by the caller).
#[component]
pub fn App(campaign: Campaign, #[prop(into)] today: Signal<NaiveDate>) -> impl IntoView {
    provide_app_state(campaign, today, location_route());
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let device = expect_context::<Device>();

    // Keep <html lang> and the title bar in step with the interface language, so screen readers
    // pronounce the chrome correctly.
    Effect::new(move |_| {
        let current = language.0.get();
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", current.code());
        }
        document.set_title(current.text(Text::AppName));
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.0.set(location_route())
    });
    on_cleanup(move || listener.remove());

    // Memos, so a page is rebuilt only when the screen really changes (not on every hash event).
    let screen = Memo::new(move |_| route.0.get());
    let set_up = Memo::new(move |_| device.0.with(Option::is_some));
    // A new screen starts at its top, not at the scroll position of the one before.
    Effect::new(move |previous: Option<Route>| {
        let current = screen.get();
        if previous.is_some_and(|previous| previous != current) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        current
    });
    let page = move || match screen.get() {
        Route::Overview => view! { <OverviewPage /> }.into_any(),
        _ if !set_up.get() => view! { <DeviceSetupPage /> }.into_any(),
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Device => view! { <DeviceSetupPage /> }.into_any(),
        Route::Stats => view! { <StatisticsPage /> }.into_any(),
        Route::Export => view! { <ExportPage /> }.into_any(),
        Route::Import => view! { <ImportPage /> }.into_any(),
        Route::Received => view! { <ReceivedFilesPage /> }.into_any(),
        Route::NewEvent => view! { <EventFormPage editing=None /> }.into_any(),
        Route::EditEvent(id) => view! { <EventFormPage editing=Some(id) /> }.into_any(),
        Route::Attendance(id) => view! { <AttendancePage event=id /> }.into_any(),
        Route::Counter(id) => view! { <CounterPage event=id /> }.into_any(),
        Route::Photos(id) => view! { <PhotosPage event=id /> }.into_any(),
        Route::Campaigns => view! { <CampaignsPage /> }.into_any(),
        Route::PlanEditor => view! { <PlanEditorPage /> }.into_any(),
    };

    view! {
        <AppHeader />
        <UpdateBanner />
        <StorageNoticeBanner />
        {page}
        <ToastBar />
    }
}
