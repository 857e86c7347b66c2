//! The offer to switch to a newly deployed build; it never switches by itself.

use crate::browser::app_shell::AppShell;
use crate::i18n::Text;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// Shown when a new build is waiting: what happens, and the button that applies it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let shell = expect_context::<AppShell>();
    view! {
        <Show when=move || shell.update_available.get()>
            <div class="update-banner" role="status" data-testid="update-available">
                <p>{language.text(Text::UpdateAvailable)}</p>
                <button
                    type="button"
                    class="primary"
                    data-testid="update-reload"
                    on:click=move |_| shell.apply_update()
                >
                    {language.text(Text::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
