//! Whether the app's server answers right now (asked of the server itself, not `navigator.onLine`).

use crate::browser::app_shell::AppShell;
use crate::i18n::Text;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// A small badge in the header: reachable, or offline with the reassurance that data is local.
#[component]
pub fn ServerStatus() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let shell = expect_context::<AppShell>();
    move || {
        shell.server_reachable.get().map(|reachable| {
            let text = if reachable {
                Text::ServerReachable
            } else {
                Text::ServerUnreachable
            };
            view! {
                <p
                    class="server-status"
                    class:offline=!reachable
                    data-testid="server-reachable"
                    data-reachable=reachable.to_string()
                    title=language.text(text)
                >
                    <span class="server-dot" aria-hidden="true"></span>
                    <span class="visually-hidden">{language.text(text)}</span>
                </p>
            }
        })
    }
}
