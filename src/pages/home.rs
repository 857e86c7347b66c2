//! The tablet's home: its events, newest first, with filters and a button for a new one.

use crate::components::draft_banner::DraftBanner;
use crate::components::event_filters::EventFilters;
use crate::components::event_row::EventRow;
use crate::domain::ids::EventId;
use crate::domain::records::event_list::matching_events;
use crate::domain::storage_failure::{FailedSave, SavedThing};
use crate::i18n::{events_count, failed_save_message, records_skipped, Text};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::route::Route;
use crate::state::{ActiveCampaign, CurrentRoute, ListView, UiLanguage};
use leptos::prelude::*;

/// Rows shown at first and added by each "show more": enough for a day's work, few enough to
/// stay quick with 10,000 events stored.
pub const PAGE_SIZE: usize = 50;

/// The event list page.
#[component]
pub fn HomePage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let route = expect_context::<CurrentRoute>();
    let ListView { filter, shown } = expect_context::<ListView>();
    // Only the active campaign's events: campaigns never mix.
    let campaign = expect_context::<ActiveCampaign>().0;
    let count_campaign = campaign.clone();

    // IDs with their revision, so a row is rebuilt exactly when its record changes.
    let matching = Memo::new(move |_| {
        records.all.with(|all| {
            filter.with(|f| {
                matching_events(all.values().filter(|r| r.campaign_id == campaign.id), f)
                    .into_iter()
                    .map(|r| (r.id, r.revision))
                    .collect::<Vec<(EventId, u32)>>()
            })
        })
    });
    let stored_count = Memo::new(move |_| {
        records.all.with(|all| {
            all.values()
                .filter(|r| !r.deleted && r.campaign_id == count_campaign.id)
                .count()
        })
    });

    let status = move || match records.load.get() {
        LoadState::Loading => Some(language.0.get().text(Text::Loading).to_owned()),
        LoadState::Failed(failure) => Some(failed_save_message(
            language.0.get(),
            &FailedSave {
                what: SavedThing::StoredRecords,
                failure,
            },
        )),
        LoadState::Ready {
            newer: 0,
            unreadable: 0,
        } => None,
        LoadState::Ready { newer, unreadable } => {
            Some(records_skipped(language.0.get(), newer, unreadable))
        }
    };
    let empty_message = move || {
        let ready = matches!(records.load.get(), LoadState::Ready { .. });
        (ready && matching.with(Vec::is_empty)).then(|| {
            let key = if stored_count.get() == 0 {
                Text::NoEventsYet
            } else {
                Text::NoMatches
            };
            view! { <p class="empty-list">{language.text(key)}</p> }
        })
    };
    let rows =
        move || matching.with(|ids| ids.iter().take(shown.get()).copied().collect::<Vec<_>>());

    view! {
        <main id="main" class="page home" data-testid="home-page">
            <div class="page-title-row">
                <h1>{language.text(Text::EventsTitle)}</h1>
                <p class="list-count" data-testid="event-count">
                    {move || events_count(language.0.get(), matching.with(Vec::len))}
                </p>
                <button
                    type="button"
                    class="primary"
                    data-testid="new-event"
                    on:click=move |_| route.go(Route::NewEvent)
                >
                    {language.text(Text::NewEvent)}
                </button>
            </div>
            <DraftBanner />
            <EventFilters filter=filter />
            // Below the filters, where the list will be: the list takes its place when the
            // records are read, so nothing above moves (no layout shift at start).
            {move || status().map(|text| view! { <p class="load-status" role="status">{text}</p> })}
            {empty_message}
            <ul class="event-list" data-testid="event-list">
                <For each=rows key=|entry| *entry let:entry>
                    {records.get(entry.0).map(|record| view! { <EventRow record=record /> })}
                </For>
            </ul>
            <Show when=move || { matching.with(Vec::len) > shown.get() }>
                <button
                    type="button"
                    class="show-more"
                    on:click=move |_| shown.update(|n| *n += PAGE_SIZE)
                >
                    {language.text(Text::ShowMore)}
                </button>
            </Show>
        </main>
    }
}
