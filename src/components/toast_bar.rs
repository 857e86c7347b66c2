//! Short confirmations at the bottom of the screen; after a delete, the way back (undo).

use crate::browser::clock;
use crate::domain::storage_failure::SavedThing;
use crate::i18n::{event_title, Text};
use crate::state::event_records::EventRecords;
use crate::state::{ActiveCampaign, StorageNotice, Toast, ToastMessage, UiLanguage};
use leptos::prelude::*;

/// The current confirmation, announced politely to screen readers; dismissed by the next one.
#[component]
pub fn ToastBar() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let toast = expect_context::<Toast>();
    let records = expect_context::<EventRecords>();
    let notice = expect_context::<StorageNotice>();
    let campaign = expect_context::<ActiveCampaign>().0;

    // A confirmation goes by itself after a while (an undo offer stays longer), so it never
    // sits over the next screen's work.
    Effect::new(move |_| {
        if let Some(message) = toast.0.get() {
            let seconds = if matches!(message, ToastMessage::EventDeleted(_)) {
                12
            } else {
                5
            };
            set_timeout(
                move || {
                    if toast.0.get_untracked() == Some(message) {
                        toast.0.set(None);
                    }
                },
                std::time::Duration::from_secs(seconds),
            );
        }
    });

    let undo = move |id| {
        let Some(deleted) = records.get(id) else {
            return;
        };
        let restored = deleted.restored_at(clock::now());
        let title = event_title(language.0.get_untracked(), &campaign, &restored).0;
        leptos::task::spawn_local(async move {
            match records.save(restored).await {
                Ok(()) => toast.0.set(Some(ToastMessage::EventRestored)),
                Err(failure) => notice.show(SavedThing::Event(title), failure),
            }
        });
    };

    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                toast
                    .0
                    .get()
                    .map(|message| {
                        let text = match message {
                            ToastMessage::EventSaved => Text::EventSaved,
                            ToastMessage::DeviceSaved => Text::DeviceSaved,
                            ToastMessage::EventDeleted(_) => Text::EventDeleted,
                            ToastMessage::EventRestored => Text::EventRestored,
                        };
                        let undo_button = match message {
                            ToastMessage::EventDeleted(id) => {
                                let undo = undo.clone();
                                Some(
                                    view! {
                                        <button
                                            type="button"
                                            data-testid="undo"
                                            on:click=move |_| undo(id)
                                        >
                                            {language.text(Text::Undo)}
                                        </button>
                                    },
                                )
                            }
                            _ => None,
                        };
                        view! {
                            <div class="toast" data-testid="toast">
                                <p>{language.text(text)}</p>
                                {undo_button}
                                <button
                                    type="button"
                                    class="toast-dismiss"
                                    on:click=move |_| toast.0.set(None)
                                >
                                    {language.text(Text::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
