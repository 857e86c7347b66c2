//! Signing an attendee in: name (required), phone and community/company (optional), Enter adds.

use crate::browser::clock;
use crate::browser::ids::new_roster_entry_id;
use crate::components::form_field::FormField;
use crate::domain::ids::EventId;
use crate::domain::records::attendance::{name_already_signed_in, RosterDraft};
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::SavedThing;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::Text;
use crate::state::event_records::{EventRecords, SignInWrite};
use crate::state::{StorageNotice, UiLanguage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The sign-in form of `event`; a signed-in entry joins `roster` once it is durable.
#[component]
pub fn RosterForm(
    /// The event signed in to.
    event: EventId,
    /// The event's live sign-ins, newest last.
    roster: RwSignal<Vec<RosterEntry>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();
    let draft = RwSignal::new(RosterDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // A repeated name is added only when confirmed by signing in the same name again.
    let confirmed_duplicate = RwSignal::new(None::<String>);
    let saving = StoredValue::new(false);
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());
    let duplicate_warning = Memo::new(move |_| {
        let name = draft.with(|d| d.name.trim().to_owned());
        confirmed_duplicate.with(|c| c.as_deref() == Some(name.as_str()))
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_value() {
            return;
        }
        let current = draft.get_untracked();
        let entry = match current.to_entry(new_roster_entry_id(), event, clock::now()) {
            Ok(entry) => entry,
            Err(list) => {
                errors.set(list);
                return;
            }
        };
        errors.set(Vec::new());
        let repeated = roster.with_untracked(|r| name_already_signed_in(r, &entry.name));
        if repeated && confirmed_duplicate.get_untracked().as_deref() != Some(entry.name.as_str()) {
            confirmed_duplicate.set(Some(entry.name.clone()));
            return;
        }
        saving.set_value(true);
        let live_after = roster.with_untracked(Vec::len) + 1;
        leptos::task::spawn_local(async move {
            match records
                .save_roster_entry(&entry, live_after, SignInWrite::New)
                .await
            {
                Ok(()) => {
                    // In sign-in order, as the attendance page sorts what it reads.
                    roster.update(|r| {
                        let key = (entry.signed_in_at, entry.id);
                        let at = r.partition_point(|e| (e.signed_in_at, e.id) <= key);
                        r.insert(at, entry);
                    });
                    draft.set(RosterDraft::default());
                    confirmed_duplicate.set(None);
                    // Ready for the next person in the queue.
                    if let Some(input) = document()
                        .get_element_by_id("field-attendee-name")
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = input.focus();
                    }
                }
                Err(failure) => notice.show(SavedThing::SignIn(entry.name.clone()), failure),
            }
            saving.set_value(false);
        });
    };

    view! {
        <form class="roster-form" on:submit=submit>
            <p class="consent">{language.text(Text::RosterConsent)}</p>
            <div class="roster-fields">
                <FormField field=Field::AttendeeName label=text(Text::AttendeeName) testid="roster-name"
                    value=Signal::derive(move || draft.with(|d| d.name.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.name = v)) errors=errors
                    warning=Signal::derive(move || duplicate_warning.get().then(|| language.0.get().text(Text::DuplicateName).to_owned())) />
                <FormField field=Field::Phone label=text(Text::AttendeePhone) testid="roster-phone"
                    input_type="tel" inputmode="tel"
                    value=Signal::derive(move || draft.with(|d| d.phone.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.phone = v)) errors=errors />
                <FormField field=Field::Affiliation label=text(Text::AttendeeAffiliation) testid="roster-affiliation"
                    value=Signal::derive(move || draft.with(|d| d.affiliation.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.affiliation = v)) errors=errors />
                <button type="submit" class="primary roster-add" data-testid="roster-add">
                    {language.text(Text::AddAttendee)}
                </button>
            </div>
        </form>
    }
}
