//! The offer to continue an event form left unfinished (reload, closed tab).

use crate::domain::event_draft::EventDraft;
use crate::i18n::Text;
use crate::route::Route;
use crate::state::{CurrentRoute, UiLanguage};
use crate::storage::preferences;
use leptos::prelude::*;

/// Shown when a draft is stored: continue it, or discard it.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let draft = RwSignal::new(preferences::load_draft().ok().flatten());
    let target = move |draft: &EventDraft| draft.editing.map_or(Route::NewEvent, Route::EditEvent);
    move || {
        draft.get().map(|waiting| {
            let continue_to = target(&waiting);
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
                        on:click=move |_| {
                            let _ = preferences::clear_draft();
                            draft.set(None);
                        }
                    >
                        {language.text(Text::DiscardDraft)}
                    </button>
                </div>
            }
        })
    }
}
