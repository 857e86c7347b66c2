//! The office app's screens: every screen of the tablet app, and the ones a unit's tablet rarely
//! or never opens (statistics, exports, import and merge, received files, campaigns, the plan
//! editor). Served at `office/`; the tablet app links here for those screens.

use crate::app::tablet_pages::tablet_page;
use crate::pages::campaigns::CampaignsPage;
use crate::pages::export::ExportPage;
use crate::pages::import::ImportPage;
use crate::pages::plan_editor::PlanEditorPage;
use crate::pages::received::ReceivedFilesPage;
use crate::pages::statistics::StatisticsPage;
use crate::state::route::Route;
use leptos::prelude::*;

/// The office app's view of `route`: it has every screen.
pub fn office_page(route: Route) -> Option<AnyView> {
    Some(match route {
        Route::Stats => view! { <StatisticsPage /> }.into_any(),
        Route::Export => view! { <ExportPage /> }.into_any(),
        Route::Import => view! { <ImportPage /> }.into_any(),
        Route::Received => view! { <ReceivedFilesPage /> }.into_any(),
        Route::Campaigns => view! { <CampaignsPage /> }.into_any(),
        Route::PlanEditor => view! { <PlanEditorPage /> }.into_any(),
        tablet => return tablet_page(tablet),
    })
}
