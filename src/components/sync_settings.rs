//! Live sync on the device page: the settings (server path on this site, account, password kept
//! only encrypted, on/off) and where sync stands: its state, the last success, what waits to go
//! up, the last error in words, and each record the server refused.

use crate::domain::storage_failure::{FailedSave, SavedThing};
use crate::domain::sync::status::SyncState;
use crate::i18n::{
    failed_save_message, sync_last, sync_pending, sync_plans_kept, sync_plans_received,
    sync_problem, sync_refused, Language, Text,
};
use crate::state::event_records::EventRecords;
use crate::state::sync_status::SyncStatus;
use crate::state::{ActiveCampaign, Device, UiLanguage};
use crate::storage::preferences::load_sync_settings;
use crate::workflows::sync_setup::{save_sync_form, SetupProblem, SyncForm};
use leptos::prelude::*;

/// The problem in words: storage failures say which (a full disk is not a blocked database).
fn problem_text(language: Language, problem: SetupProblem) -> String {
    let text = match problem {
        SetupProblem::ServerPath => Text::SyncServerPathInvalid,
        SetupProblem::NoUser => Text::SyncNoUser,
        SetupProblem::NoPassword => Text::SyncNoPassword,
        SetupProblem::NoEncryption => Text::SyncNoEncryption,
        SetupProblem::NoOwner => Text::SyncNoOwner,
        SetupProblem::Storage(failure) => {
            let failed = FailedSave {
                what: SavedThing::DeviceSettings,
                failure,
            };
            return failed_save_message(language, &failed);
        }
    };
    language.text(text).to_owned()
}

/// The sync section of the device page.
#[component]
pub fn SyncSettings() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let status = expect_context::<SyncStatus>();
    let records = expect_context::<EventRecords>();
    let device = expect_context::<Device>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let saved = load_sync_settings().unwrap_or_default();
    let server = RwSignal::new(if saved.server.is_empty() {
        "couch/".to_owned()
    } else {
        saved.server.clone()
    });
    let user = RwSignal::new(saved.user.clone());
    let password = RwSignal::new(String::new());
    let enabled = RwSignal::new(saved.enabled);
    let include_phones = RwSignal::new(saved.include_phones);
    let has_password = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(), SetupProblem>>);
    let busy = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(database) = records.database() {
            let stored = database.load_sealed_password().await;
            has_password.set(matches!(stored, Ok(Some(_))));
        }
    });

    let save = move |_| {
        let Some(profile) = device.0.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let form = SyncForm {
            server: server.get_untracked(),
            user: user.get_untracked(),
            password: password.get_untracked(),
            enabled: enabled.get_untracked(),
            include_phones: include_phones.get_untracked(),
        };
        let campaign = campaign.clone();
        leptos::task::spawn_local(async move {
            let result = save_sync_form(records, &campaign, &profile, &form).await;
            if let Ok(settings) = &result {
                server.set(settings.server.clone());
                password.set(String::new());
                if !form.password.is_empty() {
                    has_password.set(true);
                }
                status.wake_up();
            }
            outcome.set(Some(result.map(|_| ())));
            busy.set(false);
        });
    };

    let state_text = move || {
        let current = language.0.get();
        let text = match status.state.get() {
            SyncState::Off => Text::SyncStateOff,
            SyncState::Idle => Text::SyncStateIdle,
            SyncState::Syncing => Text::SyncStateSyncing,
            SyncState::Offline => Text::SyncStateOffline,
            SyncState::Error => Text::SyncStateError,
        };
        current.text(text)
    };
    let outcome_view = move || {
        let current = language.0.get();
        outcome.get().map(|result| match result {
            Ok(()) => view! { <p class="hint" role="status">{current.text(Text::SyncSaved)}</p> }.into_any(),
            Err(problem) => view! {
                <p class="error" role="alert" data-testid="sync-settings-error">{problem_text(current, problem)}</p>
            }
            .into_any(),
        })
    };

    view! {
        <section class="sync-settings" aria-labelledby="sync-heading">
            <h2 id="sync-heading">{language.text(Text::SyncHeading)}</h2>
            <p class="hint">{language.text(Text::SyncHint)}</p>
            <div class="form-grid">
                <div class="form-field">
                    <label for="sync-server">{language.text(Text::SyncServer)}</label>
                    <input id="sync-server" type="text" data-testid="sync-server" autocomplete="off"
                        prop:value=move || server.get()
                        on:input=move |ev| server.set(event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label for="sync-user">{language.text(Text::SyncUser)}</label>
                    <input id="sync-user" type="text" data-testid="sync-user" autocomplete="username"
                        prop:value=move || user.get()
                        on:input=move |ev| user.set(event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label for="sync-password">{language.text(Text::SyncPassword)}</label>
                    <input id="sync-password" type="password" data-testid="sync-password"
                        autocomplete="current-password"
                        placeholder=move || has_password.get().then(|| language.0.get().text(Text::SyncPasswordKept))
                        prop:value=move || password.get()
                        on:input=move |ev| password.set(event_target_value(&ev)) />
                </div>
                <div class="form-field switch-field">
                    <label for="sync-enabled">{language.text(Text::SyncEnabled)}</label>
                    <input id="sync-enabled" type="checkbox" role="switch" class="switch"
                        data-testid="sync-enabled"
                        prop:checked=move || enabled.get()
                        on:change=move |ev| enabled.set(event_target_checked(&ev)) />
                </div>
                <div class="form-field switch-field">
                    <label for="sync-include-phones">{language.text(Text::SyncIncludePhones)}</label>
                    <input id="sync-include-phones" type="checkbox" role="switch" class="switch"
                        data-testid="sync-include-phones"
                        aria-describedby="sync-include-phones-hint"
                        prop:checked=move || include_phones.get()
                        on:change=move |ev| include_phones.set(event_target_checked(&ev)) />
                    <p class="hint" id="sync-include-phones-hint">{language.text(Text::SyncIncludePhonesHint)}</p>
                </div>
            </div>
            <div class="form-actions">
                <button type="button" class="primary" data-testid="sync-save" on:click=save
                    aria-busy=move || busy.get().then_some("true")>
                    {language.text(Text::SyncSave)}
                </button>
                <button type="button" data-testid="sync-now" on:click=move |_| status.wake_up()
                    aria-disabled=move || (status.state.get() == SyncState::Off).then_some("true")>
                    {language.text(Text::SyncNow)}
                </button>
            </div>
            {outcome_view}
            <div class="sync-status" role="status" aria-live="polite">
                <p data-testid="sync-status" data-state=move || status.state.get().as_str()>{state_text}</p>
                <p data-testid="sync-last">{move || sync_last(language.0.get(), status.last_success.get())}</p>
                <p data-testid="sync-pending" data-count=move || status.pending.get().to_string()>
                    {move || sync_pending(language.0.get(), status.pending.get())}
                </p>
                {move || status.plans_received.with(|(titles, active)| (!titles.is_empty()).then(|| view! {
                    <p data-testid="sync-plans-received">{sync_plans_received(language.0.get(), titles, *active)}</p>
                }))}
                {move || status.plans_kept_here.with(|titles| (!titles.is_empty()).then(|| view! {
                    <p data-testid="sync-plans-kept">{sync_plans_kept(language.0.get(), titles)}</p>
                }))}
                {move || status.problem.get().map(|problem| view! {
                    <p class="error" data-testid="sync-error">{sync_problem(language.0.get(), &problem)}</p>
                })}
            </div>
            <Show when=move || status.refused.with(|r| !r.is_empty())>
                <h3>{language.text(Text::SyncRefusedHeading)}</h3>
                <ul class="sync-refused">
                    {move || status.refused.get().into_iter().map(|(id, reason)| {
                        // The server's own reason is its words (English), marked as such.
                        let (what, said) = sync_refused(language.0.get(), &id, &reason);
                        view! {
                            <li data-testid="sync-refused">{what}<span lang=said.1>{said.0}</span></li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
