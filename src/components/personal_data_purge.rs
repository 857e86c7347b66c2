//! Purging attendees' names and phones, with a confirmation that says what will be removed.

use crate::browser::clock;
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{purged_message, Text};
use crate::state::event_records::EventRecords;
use crate::state::{ActiveCampaign, StorageNotice, UiLanguage};
use leptos::prelude::*;

/// The purge command of the campaign's sign-in rosters on this tablet.
#[component]
pub fn PersonalDataPurge() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();
    let campaign = expect_context::<ActiveCampaign>().0.id.clone();
    let confirming = RwSignal::new(false);
    let purged = RwSignal::new(None::<usize>);
    let busy = RwSignal::new(false);

    let purge = move |_| {
        busy.set(true);
        let campaign = campaign.clone();
        leptos::task::spawn_local(async move {
            match records.purge_personal_data(&campaign, clock::now()).await {
                Ok(count) => purged.set(Some(count)),
                Err(failure) => notice.show(SavedThing::Purge, failure),
            }
            busy.set(false);
            confirming.set(false);
        });
    };

    view! {
        <section class="personal-data" aria-labelledby="personal-data-heading">
            <h2 id="personal-data-heading">{language.text(Text::PersonalData)}</h2>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="danger"
                            data-testid="purge-personal-data"
                            on:click=move |_| {
                                purged.set(None);
                                confirming.set(true);
                            }
                        >
                            {language.text(Text::PurgePersonalData)}
                        </button>
                    }
                }
            >
                <div class="purge-confirm" role="alert">
                    <p>{language.text(Text::PurgeConfirm)}</p>
                    <button type="button" on:click=move |_| confirming.set(false)>
                        {language.text(Text::Cancel)}
                    </button>
                    <button
                        type="button"
                        class="danger"
                        data-testid="purge-confirm"
                        disabled=move || busy.get()
                        on:click=purge.clone()
                    >
                        {language.text(Text::PurgeNow)}
                    </button>
                </div>
            </Show>
            {move || {
                purged
                    .get()
                    .map(|count| {
                        view! {
                            <p role="status" data-testid="purge-result">
                                {move || purged_message(language.0.get(), count)}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
