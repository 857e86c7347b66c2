//! The root component: provides the app state, follows the location hash and lays out the page;
//! and the start of each of the two apps built from this crate (see [`AppPart`]).
//!
//! The top layer: nothing imports it but the two binaries (`src/main.rs`, `src/bin/office.rs`).
//! May import every other layer.

pub mod app_state;
pub mod office_pages;
pub mod tablet_pages;

use crate::browser::app_shell::announce_ready;
use crate::browser::boot_screen::remove_boot_screen;
use crate::browser::clock::today_in_china;
use crate::components::app_header::AppHeader;
use crate::components::storage_notice::StorageNoticeBanner;
use crate::components::toast_bar::ToastBar;
use crate::components::update_banner::UpdateBanner;
use crate::domain::plan::campaign::Campaign;
use crate::i18n::Text;
use crate::pages::device_setup::DeviceSetupPage;
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::route::{AppPart, Route};
use crate::state::{CurrentRoute, Device, UiLanguage};
use crate::storage::preferences;
use app_state::provide_app_state;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::time::Duration;

/// An app's screens: the view of a route, or `None` for a screen this app lacks (the other
/// app's page then opens at it). Each binary passes its own, so the linker leaves out the pages
/// the tablet app never shows.
pub type Pages = fn(Route) -> Option<AnyView>;

/// How often the China calendar day is re-read, so a tablet left open overnight turns the day.
const DAY_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// Starts the app `running` with its `pages`: panic hook, the clock, the active campaign; mounts
/// it and takes down the static first screen.
pub fn start(running: AppPart, pages: Pages) {
    console_error_panic_hook::set_once();
    // The active campaign; the built-in plan when none was chosen or storage cannot be read
    // (the storage notice then says so).
    let campaign = preferences::load_campaigns()
        .map(|list| list.active_plan())
        .unwrap_or_else(|_| Campaign::quality_month_2021());
    let today = RwSignal::new(today_in_china());
    set_interval(
        move || {
            let now = today_in_china();
            if today.get_untracked() != now {
                today.set(now);
            }
        },
        DAY_CHECK_INTERVAL,
    );
    leptos::mount::mount_to_body(
        move || view! { <App campaign=campaign today=today running=running pages=pages /> },
    );
    // The app is on the page: the static first screen (or the boot check's message) goes.
    remove_boot_screen();
}

fn location_route() -> Route {
    let hash = window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// The app `running`, showing its `pages`, for `campaign`, as seen on `today` (a China calendar
/// day, updated by the caller).
#[component]
pub fn App(
    campaign: Campaign,
    #[prop(into)] today: Signal<NaiveDate>,
    running: AppPart,
    pages: Pages,
) -> impl IntoView {
    provide_app_state(campaign, today, location_route(), running);
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let device = expect_context::<Device>();
    let records = expect_context::<EventRecords>();

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
    // A screen this app lacks (an office screen's address opened in the tablet app, from a
    // bookmark or another page): the other app's page opens at it, in place of this one.
    Effect::new(move |_| {
        let current = screen.get();
        if set_up.get() && !running.has(current) {
            let _ = window().location().replace(&current.href_from(running));
        }
    });
    // Once the records are read the event list is usable: the page says so (a performance mark,
    // and the news the service worker's registration waits for, so that caching the office app
    // never competes with the first load).
    Effect::new(move |announced: Option<bool>| {
        if announced == Some(true) {
            return true;
        }
        let ready = !matches!(records.load.get(), LoadState::Loading);
        if ready {
            announce_ready();
        }
        ready
    });
    // The office screens (figures, exports, imports) work on all the records: until they are
    // read, such a screen says so rather than show or export partial figures.
    let loading = Memo::new(move |_| matches!(records.load.get(), LoadState::Loading));
    let page = move || match screen.get() {
        current if current.smallest_app() == AppPart::Office && loading.get() => view! {
            <main id="main" class="page" data-testid="records-loading">
                <p role="status">{language.text(Text::Loading)}</p>
            </main>
        }
        .into_any(),
        current if current == Route::Overview || set_up.get() => {
            pages(current).unwrap_or_else(|| {
                view! { <p class="opening-other-app">{language.text(Text::OpeningOtherApp)}</p> }
                    .into_any()
            })
        }
        _ => view! { <DeviceSetupPage /> }.into_any(),
    };

    view! {
        <AppHeader />
        <UpdateBanner />
        <StorageNoticeBanner />
        {page}
        <ToastBar />
    }
}
