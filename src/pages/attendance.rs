//! An event's attendance: the total and how it is made up, the typed head count, the counter,
//! and the sign-in roster.

use crate::browser::clock;
use crate::components::event_title::EventTitle;
use crate::components::form_field::FormField;
use crate::components::roster_form::RosterForm;
use crate::components::roster_list::RosterList;
use crate::components::stored_event_gate::StoredEventGate;
use crate::domain::form_input::parse_count;
use crate::domain::ids::EventId;
use crate::domain::records::attendance::{with_head_count, Attendance};
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::SavedThing;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::{attendance_breakdown, event_when, person_times_label, Text};
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::{CurrentRoute, StorageNotice, UiLanguage};
use leptos::prelude::*;

/// The attendance page of `event`.
#[component]
pub fn AttendancePage(event: EventId) -> impl IntoView {
    view! {
        <main id="main" class="page attendance" data-testid="attendance-page">
            <StoredEventGate event=event>
                <EventAttendance event=event />
            </StoredEventGate>
        </main>
    }
}

#[component]
fn EventAttendance(event: EventId) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let route = expect_context::<CurrentRoute>();
    let notice = expect_context::<StorageNotice>();
    let roster = RwSignal::new(Vec::<RosterEntry>::new());
    leptos::task::spawn_local(async move {
        match records.load_roster(event).await {
            // In the order they signed in (storage keeps them by ID); new ones are added last.
            Ok(mut loaded) => {
                crate::domain::sort::sort_by_key(&mut loaded.records, |e| (e.signed_in_at, e.id));
                roster.set(loaded.records)
            }
            Err(failure) => notice.show(SavedThing::StoredRecords, failure),
        }
    });

    let record = Memo::new(move |_| records.all.with(|all| all.get(&event).cloned()));
    let counted = Memo::new(move |_| record.with(|r| r.as_ref().map_or(0, |r| r.head_count)));
    let attendance = move || Attendance {
        counted: counted.get(),
        signed_in: records.roster_count(event),
    };
    let when = move || record.with(|r| r.as_ref().map(|r| event_when(language.0.get(), r)));

    let typed = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let set_count = move |_| {
        let count = match parse_count(&typed.get_untracked()) {
            Ok(count) => count,
            Err(problem) => {
                errors.set(vec![FieldError::new(Field::HeadCount, problem)]);
                return;
            }
        };
        errors.set(Vec::new());
        let Some(current) = records.get(event) else {
            return;
        };
        let next = with_head_count(&current, count, clock::now());
        leptos::task::spawn_local(async move {
            match records.save(next).await {
                Ok(()) => typed.set(String::new()),
                Err(failure) => notice.show(SavedThing::HeadCount, failure),
            }
        });
    };

    view! {
        <h1><EventTitle record /></h1>
        <p class="event-when">{when}</p>
        <section class="attendance-summary" aria-labelledby="attendance-total-label">
            <p id="attendance-total-label" class="figure-caption">{language.text(Text::AttendanceTotal)}</p>
            <p class="attendance-total" data-testid="attendance-total" data-key-figure>
                {move || person_times_label(language.0.get(), attendance().person_times())}
            </p>
            <p class="attendance-breakdown" data-testid="attendance-breakdown">
                {move || {
                    let a = attendance();
                    attendance_breakdown(language.0.get(), a.counted, a.signed_in)
                }}
            </p>
            <button
                type="button"
                class="primary open-counter"
                data-testid="open-counter"
                on:click=move |_| route.go(Route::Counter(event))
            >
                {language.text(Text::OpenCounter)}
            </button>
        </section>
        <div class="typed-count">
            <FormField field=Field::HeadCount
                label=Signal::derive(move || language.0.get().text(Text::TypedHeadCount).to_owned())
                testid="head-count-input" inputmode="numeric" value=typed
                on_input=Callback::new(move |v| typed.set(v)) errors=errors />
            <button type="button" data-testid="set-head-count" on:click=set_count>
                {language.text(Text::SetHeadCount)}
            </button>
        </div>
        <section class="roster" aria-labelledby="roster-heading">
            <h2 id="roster-heading">{language.text(Text::RosterTitle)}</h2>
            <RosterForm event=event roster=roster />
            <RosterList roster=roster />
        </section>
    }
}
