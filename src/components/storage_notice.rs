//! A banner that says, in words, when browser storage failed.

use crate::i18n::Text;
use crate::state::{StorageNotice, UiLanguage};
use leptos::prelude::*;

/// Shows the current storage failure until the user dismisses it.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let notice = expect_context::<StorageNotice>();
    move || {
        notice.0.get().map(|failure| {
            view! {
                <div class="storage-notice" role="alert" data-testid="storage-notice">
                    <p>{language.text(failure.message())}</p>
                    <button type="button" on:click=move |_| notice.0.set(None)>
                        {language.text(Text::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
