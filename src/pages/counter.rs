//! The full-screen head counter: a big +1 for a queue at the door, −1 for mistakes, every tap
//! written to storage; the screen stays awake while it is open.

use crate::browser::clock;
use crate::browser::wake_lock::ScreenWakeLock;
use crate::components::stored_event_gate::StoredEventGate;
use crate::domain::ids::EventId;
use crate::domain::records::attendance::with_head_count;
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{event_title, Text};
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::{ActiveCampaign, CurrentRoute, StorageNotice, UiLanguage};
use leptos::prelude::*;

/// The counter page of `event`.
#[component]
pub fn CounterPage(event: EventId) -> impl IntoView {
    view! {
        <StoredEventGate event=event>
            <HeadCounter event=event />
        </StoredEventGate>
    }
}

#[component]
fn HeadCounter(event: EventId) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let route = expect_context::<CurrentRoute>();
    let notice = expect_context::<StorageNotice>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let stored = records.get(event).map_or(0, |r| r.head_count);
    // What the screen shows, and what storage holds: they differ only while a write is in flight.
    let shown = RwSignal::new(stored);
    let durable = RwSignal::new(stored);
    let writing = StoredValue::new(false);

    // Writes the shown count until storage holds it. Taps during a write are folded into the next
    // write, so a fast queue never piles up writes; a failure puts the screen back to what is
    // stored and says so.
    let flush = move || {
        if writing.get_value() {
            return;
        }
        writing.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                let target = shown.get_untracked();
                if target == durable.get_untracked() {
                    break;
                }
                let Some(current) = records.get(event) else {
                    break;
                };
                let next = with_head_count(&current, target, clock::now());
                match records.save(next).await {
                    Ok(()) => durable.set(target),
                    Err(failure) => {
                        shown.set(durable.get_untracked());
                        notice.show(SavedThing::HeadCount, failure);
                        break;
                    }
                }
            }
            writing.set_value(false);
        });
    };
    let plus = move |_| {
        shown.update(|n| *n = n.saturating_add(1));
        flush();
    };
    let minus = move |_| {
        shown.update(|n| *n = n.saturating_sub(1));
        flush();
    };

    let wake_lock = ScreenWakeLock::request();
    on_cleanup(move || wake_lock.release());

    let title = move || {
        records
            .get(event)
            .map(|record| event_title(language.0.get(), &campaign, &record))
            .map(|(text, in_language)| view! { <span lang=in_language.code()>{text}</span> })
    };
    let saved = move || shown.get() == durable.get();

    view! {
        <main id="main" class="counter-page" data-testid="counter-page">
            <div class="counter-top">
                <h1 class="counter-title">{title}</h1>
                <button
                    type="button"
                    data-testid="close-counter"
                    on:click=move |_| route.go(Route::Attendance(event))
                >
                    {language.text(Text::CloseCounter)}
                </button>
            </div>
            <p class="counter-caption">{language.text(Text::CountedHeads)}</p>
            <p class="counter-value" data-testid="head-count" data-key-figure aria-live="polite">
                {move || shown.get()}
            </p>
            <p class="counter-status" data-testid="counter-status" data-saved=move || saved().to_string()>
                {move || language.0.get().text(if saved() { Text::CounterSaved } else { Text::CounterSaving })}
            </p>
            <div class="counter-buttons">
                <button
                    type="button"
                    class="counter-minus"
                    data-testid="counter-minus"
                    // The accessible name starts with the visible "−1" (WCAG 2.5.3, label in name).
                    aria-label=move || format!("−1 {}", language.0.get().text(Text::CounterMinus))
                    on:click=minus
                >
                    "−1"
                </button>
                <button
                    type="button"
                    class="counter-plus primary"
                    data-testid="counter-plus"
                    aria-label=move || format!("+1 {}", language.0.get().text(Text::CounterPlus))
                    on:click=plus
                >
                    "+1"
                </button>
            </div>
        </main>
    }
}
