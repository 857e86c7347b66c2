//! A banner that says, in words, what storage failed to save and why.

use crate::i18n::{failed_save_message, Text};
use crate::state::{StorageNotice, UiLanguage};
use leptos::prelude::*;

/// Shows the current storage failure until the user dismisses it.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let notice = expect_context::<StorageNotice>();
    move || {
        notice.0.get().map(|failed| {
            view! {
                <div class="storage-notice" role="alert" data-testid="save-error">
                    <p>{move || failed_save_message(language.0.get(), &failed)}</p>
                    <button type="button" on:click=move |_| notice.0.set(None)>
                        {language.text(Text::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
