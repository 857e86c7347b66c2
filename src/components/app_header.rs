//! The bar at the top of every page: the app's name and the language switch.

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::Text;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The header with the app name and the language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    view! {
        <header class="app-header">
            <p class="app-name">{language.text(Text::AppName)}</p>
            <LanguageSwitch />
        </header>
    }
}
