//! The offer to continue event forms left unfinished (reload, closed tab).

use crate::domain::event_draft::EventDraft;
use crate::i18n::Text;
use crate::route::Route;
use crate::state::{CurrentRoute, StorageNotice, UiLanguage};
use crate::storage::preferences;
use crate::storage::SavedThing;
use leptos::prelude::*;

/// One banner per stored draft: continue it, or discard it.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let notice = expect_context::<StorageNotice>();
    let drafts = RwSignal::new(preferences::waiting_drafts().unwrap_or_else(|failure| {
        notice.show(SavedThing::Draft, failure);
        Vec::new()
    }));
    let banner = move |draft: EventDraft| {
        let editing = draft.editing;
        let continue_to = editing.map_or(Route::NewEvent, Route::EditEvent);
        view! {
            <div class="draft-banner" data-testid="draft-banner">
                <p>{language.text(Text::DraftWaiting)}</p>
                <button
                    type="button"
                    class="primary"
                    data-testid="continue-draft"
                    on:click=move |_| route.go(continue_to)
                >
                    {language.text(Text::ContinueDraft)}
                </button>
                <button
                    type="button"
                    data-testid="discard-draft"
                    on:click=move |_| match preferences::clear_draft(editing) {
                        Ok(()) => drafts.update(|all| all.retain(|d| d.editing != editing)),
                        Err(failure) => notice.show(SavedThing::Draft, failure),
                    }
                >
                    {language.text(Text::DiscardDraft)}
                </button>
            </div>
        }
    };
    move || drafts.get().into_iter().map(banner).collect_view()
}
