//! The event's sign-ins, newest first; phones always masked; remove leaves a tombstone.

use crate::browser::clock;
use crate::domain::china_time::china_clock;
use crate::domain::records::roster::{mask_phone, RosterEntry};
use crate::domain::storage_failure::SavedThing;
use crate::i18n::Text;
use crate::state::event_records::EventRecords;
use crate::state::{StorageNotice, UiLanguage};
use leptos::prelude::*;

/// The live sign-ins of one event.
#[component]
pub fn RosterList(
    /// The event's live sign-ins, newest last.
    roster: RwSignal<Vec<RosterEntry>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();

    let remove = move |entry: RosterEntry| {
        let removed = entry.removed_at(clock::now());
        let live_after = roster.with_untracked(Vec::len).saturating_sub(1);
        leptos::task::spawn_local(async move {
            match records.save_roster_entry(&removed, live_after).await {
                Ok(()) => roster.update(|r| r.retain(|e| e.id != removed.id)),
                Err(failure) => notice.show(SavedThing::SignIn(entry.name.clone()), failure),
            }
        });
    };
    let rows = move || {
        let mut entries = roster.get();
        crate::domain::sort::sort_by_key(&mut entries, |e| {
            std::cmp::Reverse((e.signed_in_at, e.id))
        });
        entries
    };

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
    }
}
