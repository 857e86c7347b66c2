//! The event form, new or editing: kept as a draft while typed, saved only when valid and only
//! shown as saved once it is durable.

use crate::browser::clock;
use crate::browser::ids::new_event_id;
use crate::components::event_fields::EventFields;
use crate::domain::ids::EventId;
use crate::domain::records::event_draft::{EventDraft, SaveContext};
use crate::domain::storage_failure::SavedThing;
use crate::domain::validation::FieldError;
use crate::i18n::{event_title, fields_to_fix, Text};
use crate::pages::focus_first_error;
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::route::Route;
use crate::state::{
    ActiveCampaign, CurrentRoute, Device, StorageHealth, StorageNotice, Toast, ToastMessage, Today,
    UiLanguage,
};
use crate::storage::preferences;
use leptos::prelude::*;

/// The form for a new event (`editing: None`) or for the stored event `editing`.
#[component]
pub fn EventFormPage(editing: Option<EventId>) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    // Editing needs the stored records; a new event does not wait for them.
    let ready = move || editing.is_none() || !matches!(records.load.get(), LoadState::Loading);
    view! {
        <main id="main" class="page form-page" data-testid="event-form-page">
            <h1>
                {language.text(if editing.is_some() { Text::EditEventTitle } else { Text::NewEventTitle })}
            </h1>
            {move || {
                if ready() {
                    view! { <EventForm editing=editing /> }.into_any()
                } else {
                    view! { <p role="status">{language.text(Text::Loading)}</p> }.into_any()
                }
            }}
        </main>
    }
}

/// The form itself, once what it edits is known.
#[component]
fn EventForm(editing: Option<EventId>) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let draft_campaign = StoredValue::new(campaign.id.clone());
    let records = expect_context::<EventRecords>();
    let route = expect_context::<CurrentRoute>();
    let notice = expect_context::<StorageNotice>();
    let toast = expect_context::<Toast>();
    let storage_health = expect_context::<StorageHealth>();
    let today = expect_context::<Today>().0;
    let Some(device) = expect_context::<Device>().0.get_untracked() else {
        return view! { <p>{language.text(Text::DeviceSetupIntro)}</p> }.into_any();
    };
    // An event of another campaign is not edited against this campaign's plan.
    let existing = editing
        .and_then(|id| records.get(id))
        .filter(|r| !r.deleted && r.campaign_id == campaign.id);
    if editing.is_some() && existing.is_none() {
        return view! { <p class="load-status" role="alert">{language.text(Text::EventNotFound)}</p> }
            .into_any();
    }

    // A stored draft for this same form wins: it holds what was typed before a reload.
    let stored_draft = preferences::load_draft(editing, &campaign.id).unwrap_or_else(|failure| {
        // An unreadable draft is reported, and left in place until this form saves over it.
        notice.show(SavedThing::Draft, failure);
        None
    });
    let fresh = match &existing {
        Some(record) => EventDraft::from_record(record),
        None => {
            let recorder = preferences::load_last_recorder()
                .ok()
                .flatten()
                .unwrap_or_else(|| device.default_recorder.clone());
            EventDraft::blank(new_event_id(), &device, &recorder, today.get_untracked())
        }
    };
    let draft = RwSignal::new(stored_draft.unwrap_or_else(|| fresh.clone()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    let deleted_meanwhile = RwSignal::new(false);

    // Keep every change as this form's draft, so a reload loses nothing; a form changed back to
    // how it opened needs no draft.
    Effect::new(move |_| {
        let current = draft.get();
        if saving.get_untracked() {
            return;
        }
        let kept = if current == fresh {
            preferences::clear_draft(editing, &draft_campaign.get_value())
        } else {
            preferences::save_draft(&current, &draft_campaign.get_value())
        };
        if let Err(failure) = kept {
            notice.show(SavedThing::Draft, failure);
        }
    });

    let save_device = device.clone();
    let save = move |_| {
        if saving.get_untracked() {
            return;
        }
        let existing = editing.and_then(|id| records.get(id));
        if existing.as_ref().is_some_and(|r| r.deleted) {
            // Deleted meanwhile (the undo toast, another tab): an edit must not bring it back.
            deleted_meanwhile.set(true);
            return;
        }
        let outcome = draft.with_untracked(|d| {
            d.to_record(SaveContext {
                campaign: &campaign,
                device: &save_device,
                new_id: new_event_id(),
                now: clock::now(),
                existing: existing.as_ref(),
            })
        });
        let record = match outcome {
            Ok((record, _warnings)) => record,
            Err(list) => {
                errors.set(list);
                focus_first_error();
                return;
            }
        };
        errors.set(Vec::new());
        saving.set(true);
        let title = event_title(language.0.get_untracked(), &campaign, &record).0;
        let recorder = record.recorder.clone();
        leptos::task::spawn_local(async move {
            match records.save(record).await {
                Ok(()) => {
                    // The record is durable: the draft and the form can go.
                    if let Err(failure) =
                        preferences::clear_draft(editing, &draft_campaign.get_value())
                    {
                        notice.show(SavedThing::Draft, failure);
                    }
                    if let Err(failure) = preferences::save_last_recorder(&recorder) {
                        notice.show(SavedThing::DeviceSettings, failure);
                    }
                    toast.0.set(Some(ToastMessage::EventSaved));
                    storage_health.ask_after_saving();
                    route.go(Route::Home);
                }
                Err(failure) => {
                    saving.set(false);
                    notice.show(SavedThing::Event(title), failure);
                }
            }
        });
    };
    let cancel = move |_| {
        if let Err(failure) = preferences::clear_draft(editing, &draft_campaign.get_value()) {
            notice.show(SavedThing::Draft, failure);
        }
        route.go(Route::Home);
    };

    view! {
        // While the save is on its way the fields are locked: nothing typed then could be lost.
        <fieldset class="form-lock" disabled=move || saving.get()>
            <EventFields draft=draft errors=errors device=device />
        </fieldset>
        <Show when=move || deleted_meanwhile.get()>
            <p class="load-status" role="alert">{language.text(Text::EventNotFound)}</p>
        </Show>
        <div class="form-actions">
            {move || {
                let count = errors.with(Vec::len);
                (count > 0)
                    .then(|| {
                        view! {
                            <p class="form-summary" role="alert">
                                {move || fields_to_fix(language.0.get(), count)}
                            </p>
                        }
                    })
            }}
            <button type="button" data-testid="cancel-event" on:click=cancel>
                {language.text(Text::Cancel)}
            </button>
            <button
                type="button"
                class="primary"
                data-testid="save-event"
                // Also wait for the stored records: saving before they are read would fail.
                disabled=move || saving.get() || matches!(records.load.get(), LoadState::Loading)
                on:click=save
            >
                {language.text(Text::SaveEvent)}
            </button>
        </div>
    }
    .into_any()
}
