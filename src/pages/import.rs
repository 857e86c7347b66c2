//! Import and merge: the Quality Section chooses (or drops) the files from every tablet, sees
//! what merging them would change, confirms, and can undo the last import; conflicts are listed
//! for review.

use crate::browser::clock;
use crate::browser::ids::{new_import_id, new_received_file_id};
use crate::components::conflict_list::ConflictList;
use crate::components::import_preview::ImportPreviewView;
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::{
    campaign_added, import_done, import_failed, localized, reading_progress, reverted_message,
    ImportText, Language,
};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::route::Route;
use crate::state::{Campaigns, UiLanguage};
use crate::workflows::import_files::{
    confirm_import, files_of, new_campaigns, next_frame, preview_import, read_chosen_file,
    ImportPreview,
};
use crate::workflows::import_revert::undo_last_import;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the import stands.
#[derive(Debug, Clone)]
enum Stage {
    /// Waiting for files.
    Idle,
    /// Reading file `done` of `total`.
    Reading {
        done: usize,
        total: usize,
        name: String,
    },
    /// Comparing with storage.
    Comparing,
    /// Waiting for the user's confirmation.
    Preview(Arc<ImportPreview>),
    /// Writing the merge.
    Saving,
}

/// A finished step's message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    Done(String),
    Failed(String),
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaigns = expect_context::<Campaigns>();
    let records = expect_context::<EventRecords>();
    let stage = RwSignal::new(Stage::Idle);
    let said = RwSignal::new(None::<Said>);
    // Bumped after every stored change, so the undo button and the conflicts list reload.
    let changes = RwSignal::new(0u32);
    let dragging = RwSignal::new(false);
    let ready = Memo::new(move |_| matches!(records.load.get(), LoadState::Ready { .. }));

    let can_undo = crate::state::load_into::load_into(move || {
        changes.track();
        let ready = ready.get();
        async move {
            match records.database() {
                Ok(database) if ready => database.has_snapshot().await.unwrap_or(false),
                _ => false,
            }
        }
    });

    let choose = Callback::new(move |files: Vec<web_sys::File>| {
        if files.is_empty() || !ready.get_untracked() {
            return;
        }
        if matches!(
            stage.get_untracked(),
            Stage::Reading { .. } | Stage::Comparing | Stage::Saving
        ) {
            return;
        }
        said.set(None);
        let known = campaigns.0.get_untracked().all();
        leptos::task::spawn_local(async move {
            let received = match records.database() {
                Ok(database) => database.load_received_files().await.map(|l| l.records),
                Err(failure) => Err(failure),
            };
            let received = match received {
                Ok(received) => received,
                Err(failure) => return fail(stage, said, language.0.get_untracked(), failure),
            };
            let total = files.len();
            let mut chosen = Vec::with_capacity(total);
            for (index, file) in files.iter().enumerate() {
                stage.set(Stage::Reading {
                    done: index + 1,
                    total,
                    name: file.name(),
                });
                next_frame().await;
                let id = new_received_file_id();
                chosen.push(read_chosen_file(file, id, &known, &received).await);
            }
            stage.set(Stage::Comparing);
            next_frame().await;
            match preview_import(records, chosen).await {
                Ok(preview) => stage.set(Stage::Preview(Arc::new(preview))),
                Err(failure) => fail(stage, said, language.0.get_untracked(), failure),
            }
        });
    });

    let confirm = Callback::new(move |_: ()| {
        let Stage::Preview(preview) = stage.get_untracked() else {
            return;
        };
        if !preview.has_good_files() {
            return;
        }
        stage.set(Stage::Saving);
        leptos::task::spawn_local(async move {
            next_frame().await;
            let now = clock::now();
            let current = language.0.get_untracked();
            // Campaigns new here are stored before their records, so no record is ever left
            // without its plan.
            let mut list = campaigns.0.get_untracked();
            let new_plans = new_campaigns(&list, &preview);
            if !new_plans.is_empty() {
                for plan in &new_plans {
                    list.put(plan.clone());
                }
                if let Err(failure) = crate::storage::preferences::save_campaigns(&list) {
                    return fail(stage, said, current, failure);
                }
                campaigns.0.set(list);
            }
            match confirm_import(records, &preview, new_import_id(), now).await {
                Ok(snapshot) => {
                    let plan = &preview.plan;
                    let mut text = import_done(
                        current,
                        snapshot.files.len(),
                        plan.events.tally,
                        plan.roster.tally,
                    );
                    for plan in &new_plans {
                        text.push_str(&campaign_added(current, localized(current, &plan.title).0));
                    }
                    said.set(Some(Said::Done(text)));
                    stage.set(Stage::Idle);
                }
                Err(failure) => fail(stage, said, current, failure),
            }
            changes.update(|n| *n += 1);
        });
    });

    let undo = move |_| {
        // Not while files are read or saved; an open preview would be stale afterwards, so it
        // goes (the files can be chosen again).
        if matches!(
            stage.get_untracked(),
            Stage::Reading { .. } | Stage::Comparing | Stage::Saving
        ) {
            return;
        }
        stage.set(Stage::Saving);
        said.set(None);
        leptos::task::spawn_local(async move {
            let current = language.0.get_untracked();
            match undo_last_import(records).await {
                Ok(Some(reverted)) => {
                    said.set(Some(Said::Done(reverted_message(current, reverted))));
                    stage.set(Stage::Idle);
                }
                Ok(None) => {
                    said.set(Some(Said::Done(
                        current.text(ImportText::NothingToUndo).into(),
                    )));
                    stage.set(Stage::Idle);
                }
                Err(failure) => fail(stage, said, current, failure),
            }
            changes.update(|n| *n += 1);
        });
    };

    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        // Cleared, so choosing the same file again (after fixing it) is seen as a new choice.
        input.set_value("");
        choose.run(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        choose.run(files_of(ev.data_transfer().and_then(|d| d.files())));
    };

    let progress = move || {
        let current = language.0.get();
        match stage.get() {
            Stage::Reading { done, total, name } => {
                Some(reading_progress(current, done, total, &name))
            }
            Stage::Comparing => Some(current.text(ImportText::Comparing).to_owned()),
            Stage::Saving => Some(current.text(ImportText::SavingImport).to_owned()),
            _ => None,
        }
        .map(|text| view! { <p class="import-progress" data-testid="import-progress">{text}</p> })
    };
    let preview = move || match stage.get() {
        Stage::Preview(preview) => Some(view! {
            <ImportPreviewView preview on_confirm=confirm
                on_cancel=Callback::new(move |_: ()| stage.set(Stage::Idle)) />
        }),
        _ => None,
    };
    let message = move || {
        said.get().map(|said| {
            let (error, text) = match said {
                Said::Done(text) => (false, text),
                Said::Failed(text) => (true, text),
            };
            view! {
                <p class="import-outcome" class:error=error role=error.then_some("alert")
                    data-testid="import-outcome">{text}</p>
            }
        })
    };
    let busy = move || !matches!(stage.get(), Stage::Idle | Stage::Preview(_));

    view! {
        <main id="main" class="page import-page" data-testid="import-page">
            <div class="page-title-row">
                <h1>{language.text(ImportText::ImportTitle)}</h1>
                <a class="button-link" href=Route::Received.hash() data-testid="received-files-link">
                    {language.text(ImportText::ReceivedFilesLink)}
                </a>
            </div>
            <p class="hint">{language.text(ImportText::ImportHint)}</p>
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                // The input lies over its label, invisible: the label is what is seen, the input
                // is what is tapped, so the target is the label's full size.
                <span class="file-picker">
                    <label class="file-button" for="import-files">
                        {language.text(ImportText::ChooseFiles)}
                    </label>
                    <input id="import-files" type="file" multiple
                        accept=".json,application/json,.zip,application/zip" data-testid="import-files"
                        prop:disabled=move || busy() || !ready.get()
                        on:change=on_input />
                </span>
                <span>{language.text(ImportText::DropFilesHere)}</span>
            </div>
            <div role="status" aria-live="polite">{progress}{message}</div>
            {preview}
            <Show when=move || can_undo.get().unwrap_or(false)>
                <button type="button" class="undo-import" data-testid="import-undo"
                    aria-disabled=move || busy().then_some("true") on:click=undo>
                    {language.text(ImportText::UndoLastImport)}
                </button>
            </Show>
            <ConflictList changes />
        </main>
    }
}

fn fail(
    stage: RwSignal<Stage>,
    said: RwSignal<Option<Said>>,
    language: Language,
    failure: StorageFailure,
) {
    said.set(Some(Said::Failed(import_failed(language, failure))));
    stage.set(Stage::Idle);
}
