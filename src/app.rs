//! The root component: provides the app state and lays out the page.

use crate::components::app_header::AppHeader;
use crate::components::storage_notice::StorageNoticeBanner;
use crate::domain::campaign::Campaign;
use crate::i18n::Text;
use crate::pages::overview::OverviewPage;
use crate::state::{provide_app_state, UiLanguage};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The whole app for `campaign`, as seen on `today` (a China calendar day, updated by the caller).
#[component]
pub fn App(campaign: Campaign, #[prop(into)] today: Signal<NaiveDate>) -> impl IntoView {
    provide_app_state(campaign, today);
    let language = expect_context::<UiLanguage>();

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

    view! {
        <AppHeader />
        <StorageNoticeBanner />
        <OverviewPage />
    }
}
