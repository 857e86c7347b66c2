//! The bar at the top of every page: the app's name, the main navigation, the language switch.

use crate::components::header_sync::HeaderSync;
use crate::components::language_switch::LanguageSwitch;
use crate::components::server_status::ServerStatus;
use crate::i18n::{unexported_label, ImportText, Language, PlanText, Text};
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::sync_status::SyncStatus;
use crate::state::{CurrentRoute, Device, UiLanguage};
use leptos::prelude::*;

/// The header with the app name, navigation and the language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let device = expect_context::<Device>();
    let records = expect_context::<EventRecords>();
    // The active campaign's changes only: campaigns never mix.
    let campaign = expect_context::<crate::state::ActiveCampaign>().0;
    let sync = expect_context::<SyncStatus>();
    // Changes that have reached neither a file nor, while sync is on, the server.
    let unexported = Memo::new(move |_| {
        records.all.with(|all| {
            records.journal.with(|j| {
                sync.waiting_events.with(|waiting| {
                    j.unexported_of(|id| {
                        all.get(id).is_some_and(|r| r.campaign_id == campaign.id)
                            && waiting.as_ref().is_none_or(|w| w.contains(id))
                    })
                })
            })
        })
    });
    // The label as a plain function of the language, so links can name texts of any table.
    let link = move |target: Route, testid: &'static str, label: fn(Language) -> &'static str| {
        // The form pages belong to the event list; before set-up every page is the set-up.
        let current = move || match route.0.get() {
            other if device.0.with(Option::is_none) && other != Route::Overview => Route::Device,
            Route::NewEvent
            | Route::EditEvent(_)
            | Route::Attendance(_)
            | Route::Counter(_)
            | Route::Photos(_) => Route::Home,
            Route::Received => Route::Import,
            Route::PlanEditor => Route::Campaigns,
            other => other,
        };
        view! {
            <a
                href=route.href(target)
                data-testid=testid
                aria-current=move || (current() == target).then_some("page")
            >
                {move || label(language.0.get())}
                {(target == Route::Export).then_some(move || {
                    let count = unexported.get();
                    (count > 0).then(|| view! {
                        <span class="badge" aria-hidden="true" data-testid="unexported-count">{count}</span>
                        <span class="visually-hidden">{move || {
                            let syncing = sync.waiting_events.with(Option::is_some);
                            unexported_label(language.0.get(), count, syncing)
                        }}</span>
                    })
                })}
            </a>
        }
    };
    view! {
        <header class="app-header">
            <p class="app-name">{language.text(Text::AppName)}</p>
            <nav class="main-nav" aria-label=language.text(Text::MainNavigation)>
                {link(Route::Home, "nav-home", |l| l.text(Text::NavHome))}
                {link(Route::Stats, "nav-stats", |l| l.text(Text::NavStats))}
                {link(Route::Export, "nav-export", |l| l.text(Text::NavExport))}
                {link(Route::Import, "nav-import", |l| l.text(ImportText::NavImport))}
                {link(Route::Overview, "nav-overview", |l| l.text(Text::NavOverview))}
                {link(Route::Campaigns, "nav-campaigns", |l| l.text(PlanText::NavCampaigns))}
                {link(Route::Device, "nav-device", |l| l.text(Text::NavDevice))}
            </nav>
            // With sync on, its indicator says whether the server answers; the dot would repeat it.
            <HeaderSync />
            <Show when=move || sync.state.get() == crate::domain::sync::status::SyncState::Off>
                <ServerStatus />
            </Show>
            <LanguageSwitch />
        </header>
    }
}
