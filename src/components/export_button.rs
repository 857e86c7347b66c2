//! One export button: "下载 活动记录表（CSV）", busy while its file is being made.

use crate::i18n::Text;
use crate::state::UiLanguage;
use crate::workflows::export_files::ExportChoice;
use leptos::prelude::*;

/// A large button that exports `choice`'s file.
#[component]
pub fn ExportButton(
    /// The file it exports.
    choice: ExportChoice,
    /// What the file is.
    label: Text,
    /// Share or download.
    verb: Text,
    /// `data-testid`.
    testid: &'static str,
    /// The export in progress, if any (every button waits for it).
    busy: RwSignal<Option<ExportChoice>>,
    /// Whether the stored records have been read (before that a file would be empty).
    #[prop(into)]
    ready: Signal<bool>,
    /// Called on click.
    on_export: Callback<ExportChoice>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    view! {
        <button
            type="button"
            class="export-button"
            data-testid=testid
            // aria-disabled, not disabled: the tapped button keeps focus (TalkBack, keyboards)
            // while its file is made; the page ignores taps meanwhile.
            aria-disabled=move || (busy.get().is_some() || !ready.get()).then_some("true")
            aria-busy=move || (busy.get() == Some(choice)).then_some("true")
            on:click=move |_| on_export.run(choice)
        >
            <span class="export-verb">{language.text(verb)}</span>
            <span class="export-label">{language.text(label)}</span>
        </button>
    }
}
