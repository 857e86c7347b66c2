//! Storage health on the device page: used and left, persistence, an early warning, what is
//! stored, and the running version.

use crate::browser::app_shell::app_version;
use crate::browser::storage_estimate::estimate;
use crate::i18n::{storage_used, stored_counts, stored_photos, Text};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::{StorageHealth, UiLanguage};
use leptos::prelude::*;

/// The storage section of the device page.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let health = expect_context::<StorageHealth>();
    leptos::task::spawn_local(async move { health.budget.set(estimate().await) });
    // Photos take most of the space: how many, and how much, once the records are open.
    let photos = RwSignal::new(None::<(usize, u64)>);
    Effect::new(move |_| {
        if matches!(records.load.get(), LoadState::Ready { .. }) {
            leptos::task::spawn_local(async move {
                if let Ok(database) = records.database() {
                    photos.set(database.photo_totals().await.ok());
                }
            });
        }
    });
    let counts = move || {
        let events = records
            .all
            .with(|all| all.values().filter(|r| !r.deleted).count());
        let sign_ins = records.roster_counts.with(|c| c.values().sum::<usize>());
        stored_counts(language.0.get(), events, sign_ins)
    };
    view! {
        <section class="storage-status" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{language.text(Text::StorageTitle)}</h2>
            <p data-testid="storage-used">
                {move || health.budget.get().map(|b| storage_used(language.0.get(), b))}
            </p>
            <p data-testid="stored-counts">{counts}</p>
            {move || photos.get().map(|(count, bytes)| view! {
                <p data-testid="stored-photos">{stored_photos(language.0.get(), count, bytes)}</p>
            })}
            {move || {
                health.persisted.get().map(|persisted| {
                    let text = if persisted { Text::StoragePersisted } else { Text::StorageNotPersisted };
                    view! {
                        <p data-testid="storage-persisted" data-persisted=persisted.to_string()>
                            {language.text(text)}
                        </p>
                    }
                })
            }}
            // Asking is a user's action: Firefox answers it with a permission prompt.
            <Show when=move || health.persisted.get() == Some(false)>
                <button
                    type="button"
                    data-testid="storage-persist"
                    on:click=move |_| health.ask_for_persistence()
                >
                    {language.text(Text::StoragePersistAsk)}
                </button>
                <Show when=move || health.asking.get()>
                    <p role="status" data-testid="storage-persist-asking">
                        {language.text(Text::StoragePersistAsking)}
                    </p>
                </Show>
            </Show>
            <Show when=move || health.budget.get().is_some_and(|b| b.is_low())>
                <p class="field-warning" role="alert" data-testid="storage-warning">
                    {language.text(Text::StorageLow)}
                </p>
            </Show>
            <p>
                {language.text(Text::AppVersion)} " "
                <span data-testid="app-version" translate="no">{app_version()}</span>
            </p>
        </section>
    }
}
