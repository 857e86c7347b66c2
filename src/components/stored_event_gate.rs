//! Shows a page about one stored event only once the records are read and the event exists.

use crate::domain::ids::EventId;
use crate::event_records::{EventRecords, LoadState};
use crate::i18n::Text;
use crate::state::UiLanguage;
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
    move || match (records.load.get(), exists.get()) {
        (LoadState::Loading, _) => {
            view! { <p role="status">{language.text(Text::Loading)}</p> }.into_any()
        }
        (_, true) => children().into_any(),
        (_, false) => view! { <p role="alert">{language.text(Text::EventNotFound)}</p> }.into_any(),
    }
}
