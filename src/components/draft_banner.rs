//! The offer to continue event forms left unfinished (reload, closed tab).

use crate::domain::records::event_draft::EventDraft;
use crate::domain::storage_failure::SavedThing;
use crate::i18n::Text;
use crate::state::event_records::EventRecords;
use crate::state::route::Route;
use crate::state::{ActiveCampaign, CurrentRoute, StorageNotice, UiLanguage};
use crate::storage::preferences;
use leptos::prelude::*;

/// One banner per stored draft: continue it, or discard it.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let route = expect_context::<CurrentRoute>();
    let notice = expect_context::<StorageNotice>();
    let campaign = expect_context::<ActiveCampaign>().0.id.clone();
    let records = expect_context::<EventRecords>();
    let stored = preferences::waiting_drafts(&campaign).unwrap_or_else(|failure| {
        notice.show(SavedThing::Draft, failure);
        Vec::new()
    });
    let drafts = RwSignal::new(stored);
    let draft_campaign = campaign.clone();
    // Edit drafts of another campaign's events wait until that campaign is active again.
    let shown = move || {
        records.all.with(|all| {
            drafts
                .get()
                .into_iter()
                .filter(|d| {
                    d.editing.is_none_or(|id| {
                        all.get(&id).is_none_or(|r| r.campaign_id == draft_campaign)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let banner = move |draft: EventDraft| {
        let editing = draft.editing;
        let clear_campaign = campaign.clone();
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
                    on:click=move |_| match preferences::clear_draft(editing, &clear_campaign) {
                        Ok(()) => drafts.update(|all| all.retain(|d| d.editing != editing)),
                        Err(failure) => notice.show(SavedThing::Draft, failure),
                    }
                >
                    {language.text(Text::DiscardDraft)}
                </button>
            </div>
        }
    };
    move || shown().into_iter().map(banner.clone()).collect_view()
}
