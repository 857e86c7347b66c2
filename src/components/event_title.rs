//! An event's title as page headings show it, in the language it is really in.

use crate::domain::records::event_record::EventRecord;
use crate::i18n::event_title;
use crate::state::{ActiveCampaign, UiLanguage};
use leptos::prelude::*;

/// The title of `record` (nothing while it is missing), marked with its language.
#[component]
pub fn EventTitle(
    /// The event, as the page follows it.
    record: Memo<Option<EventRecord>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    move || {
        record.with(|r| {
            r.as_ref().map(|record| {
                let (text, in_language) = event_title(language.0.get(), &campaign, record);
                view! { <span lang=in_language.code()>{text}</span> }
            })
        })
    }
}
