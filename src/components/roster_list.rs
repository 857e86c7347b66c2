//! The event's sign-ins, newest first; phones always masked; remove leaves a tombstone.
//!
//! Only the newest [`LISTED`] are listed at first, with a button for earlier ones: at an event
//! with thousands of sign-ins, each new one then redraws a short list, not thousands of rows.

use crate::browser::clock;
use crate::domain::china_time::china_clock;
use crate::domain::records::roster::{mask_phone, RosterEntry};
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{show_earlier_sign_ins, Text};
use crate::state::event_records::{EventRecords, SignInWrite};
use crate::state::{StorageNotice, UiLanguage};
use leptos::prelude::*;

/// How many sign-ins are listed at first, and how many more each tap on the button lists.
pub const LISTED: usize = 50;

/// The live sign-ins of one event.
#[component]
pub fn RosterList(
    /// The event's live sign-ins in the order they signed in (newest last).
    roster: RwSignal<Vec<RosterEntry>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();

    let remove = move |entry: RosterEntry| {
        let removed = entry.removed_at(clock::now());
        let live_after = roster.with_untracked(Vec::len).saturating_sub(1);
        leptos::task::spawn_local(async move {
            match records
                .save_roster_entry(&removed, live_after, SignInWrite::Change)
                .await
            {
                Ok(()) => roster.update(|r| r.retain(|e| e.id != removed.id)),
                Err(failure) => notice.show(SavedThing::SignIn(entry.name.clone()), failure),
            }
        });
    };
    let listed = RwSignal::new(LISTED);
    // Newest first, only as many as listed: cloned and compared are those, not the whole roster.
    let rows = move || {
        let shown = listed.get();
        roster.with(|all| all.iter().rev().take(shown).cloned().collect::<Vec<_>>())
    };
    let unlisted = move || roster.with(Vec::len).saturating_sub(listed.get());

    view! {
        <Show when=move || roster.with(Vec::is_empty)>
            <p class="empty-list">{language.text(Text::RosterEmpty)}</p>
        </Show>
        <ul class="roster-list" data-testid="roster-list">
            <For each=rows key=|entry| (entry.id, entry.revision) let:entry>
                {
                    let name = if entry.purged {
                        view! { <span>{language.text(Text::PurgedAttendee)}</span> }.into_any()
                    } else {
                        view! { <span lang="zh-CN">{entry.name.clone()}</span> }.into_any()
                    };
                    let phone = entry.phone.as_deref().map(mask_phone);
                    let affiliation = entry.affiliation.clone();
                    let time = china_clock(entry.signed_in_at);
                    let removing = entry.clone();
                    view! {
                        <li class="roster-row" data-testid="roster-row">
                            <span class="roster-name">{name}</span>
                            <span class="roster-phone" data-testid="roster-phone-masked">{phone}</span>
                            <span class="roster-affiliation" lang="zh-CN">{affiliation}</span>
                            <span class="roster-time">{time}</span>
                            <button
                                type="button"
                                class="danger"
                                data-testid="roster-remove"
                                on:click=move |_| remove(removing.clone())
                            >
                                {language.text(Text::RemoveAttendee)}
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
        <Show when=move || unlisted() != 0>
            <button
                type="button"
                class="roster-show-earlier"
                data-testid="roster-show-earlier"
                on:click=move |_| listed.update(|n| *n += LISTED)
            >
                {move || show_earlier_sign_ins(language.0.get(), unlisted())}
            </button>
        </Show>
    }
}
