//! The button that switches between Chinese and English and remembers the choice.

use crate::domain::storage_failure::SavedThing;
use crate::i18n::Text;
use crate::state::{StorageNotice, UiLanguage};
use crate::storage::preferences;
use leptos::prelude::*;

/// Shows the other language's own name ("English" / "中文"); a tap switches and saves the choice.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let notice = expect_context::<StorageNotice>();
    let offered = move || language.0.get().other();
    let switch = move |_| {
        let next = offered();
        // Switch even if saving fails, but say so: the choice will not survive a reload.
        if let Err(failure) = preferences::save_language(next) {
            notice.show(SavedThing::Language, failure);
        }
        language.0.set(next);
    };
    view! {
        <button
            type="button"
            class="language-switch"
            data-testid="language-switch"
            title=language.text(Text::SwitchLanguage)
            on:click=switch
        >
            // The label is the offered language's own name, in that language.
            <span lang=move || offered().code()>{move || offered().native_name()}</span>
        </button>
    }
}
