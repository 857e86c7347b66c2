//! Live sync's state in the header, on every page while sync is on: in step, syncing, offline or
//! failed, with how many records wait; a tap leads to the sync settings on the device page.

use crate::domain::sync::status::SyncState;
use crate::i18n::Text;
use crate::state::route::Route;
use crate::state::sync_status::SyncStatus;
use crate::state::UiLanguage;
use leptos::prelude::*;

/// The header's sync indicator; nothing while sync is off.
#[component]
pub fn HeaderSync() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let status = expect_context::<SyncStatus>();
    move || {
        let state = status.state.get();
        let text = match state {
            SyncState::Off => return None,
            SyncState::Idle => Text::HeaderSyncIdle,
            SyncState::Syncing => Text::HeaderSyncSyncing,
            SyncState::Offline => Text::HeaderSyncOffline,
            SyncState::Error => Text::HeaderSyncError,
        };
        let pending = status.pending.get();
        Some(view! {
            <a
                class="header-sync"
                href=Route::Device.hash()
                data-testid="header-sync"
                data-state=state.as_str()
            >
                <span class="visually-hidden">{move || language.0.get().text(Text::HeaderSyncLink)}</span>
                <span class="sync-dot" aria-hidden="true"></span>
                <span>{move || language.0.get().text(text)}</span>
                {(pending > 0).then(|| view! {
                    <span class="header-sync-pending" data-testid="header-sync-pending">
                        <span aria-hidden="true">{format!("↑{pending}")}</span>
                        <span class="visually-hidden">{move || crate::i18n::sync_pending(language.0.get(), pending)}</span>
                    </span>
                })}
            </a>
        })
    }
}
