//! Shows a page about one stored event only once the records are read and the event exists.

use crate::domain::ids::EventId;
use crate::i18n::{PlanText, Text};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// "Loading" while the records are read, "not found" for a missing or deleted `event`, else the
/// children. It re-renders only when the event appears or disappears, not on each of its saves.
#[component]
pub fn StoredEventGate(
    /// The event the page is about.
    event: EventId,
    /// The page content.
    children: ChildrenFn,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let exists = records.exists(event);
    // An event of another campaign is not opened against the active campaign's plan.
    let campaign = expect_context::<ActiveCampaign>().0.id.clone();
    let elsewhere = Memo::new(move |_| {
        records
            .all
            .with(|all| all.get(&event).is_some_and(|r| r.campaign_id != campaign))
    });
    move || match (records.load.get(), exists.get(), elsewhere.get()) {
        (LoadState::Loading, _, _) => {
            view! { <p role="status">{language.text(Text::Loading)}</p> }.into_any()
        }
        (_, true, true) => {
            view! { <p role="alert">{language.text(PlanText::EventOfOtherCampaign)}</p> }.into_any()
        }
        (_, true, false) => children().into_any(),
        (_, false, _) => {
            view! { <p role="alert">{language.text(Text::EventNotFound)}</p> }.into_any()
        }
    }
}
