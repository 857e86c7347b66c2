//! The received-files page: which units and devices have sent files, when, with how many
//! records; which units of the plan have sent none; and removing one file's contribution.

use crate::components::import_preview::device_unit;
use crate::domain::china_time::china_date_time;
use crate::domain::ids::ReceivedFileId;
use crate::domain::incoming::received::{units_without_files, ReceivedFile};
use crate::i18n::{file_name_quotes, import_failed, localized, reverted_message, ImportText, Text};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::route::Route;
use crate::state::{ActiveCampaign, Device, UiLanguage};
use crate::workflows::import_revert::remove_received_file;
use leptos::prelude::*;

/// The received-files page.
#[component]
pub fn ReceivedFilesPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let records = expect_context::<EventRecords>();
    let device = expect_context::<Device>();
    let changes = RwSignal::new(0u32);
    let asking = RwSignal::new(None::<ReceivedFileId>);
    // (an error, the file concerned, the sentence).
    let said = RwSignal::new(None::<(bool, String, String)>);
    let files = crate::state::load_into::load_into(move || {
        changes.track();
        let ready = matches!(records.load.get(), LoadState::Ready { .. });
        async move {
            match records.database() {
                Ok(database) if ready => database
                    .load_received_files()
                    .await
                    .map(|l| l.records)
                    .unwrap_or_default(),
                _ => Vec::new(),
            }
        }
    });
    let removing = RwSignal::new(false);
    let remove = move |file: ReceivedFile| {
        if removing.get_untracked() {
            return;
        }
        removing.set(true);
        asking.set(None);
        leptos::task::spawn_local(async move {
            let current = language.0.get_untracked();
            match remove_received_file(records, &file).await {
                Ok(reverted) => {
                    let text = reverted_message(current, reverted);
                    said.set(Some((false, file.name.clone(), text)));
                }
                Err(failure) => said.set(Some((
                    true,
                    file.name.clone(),
                    import_failed(current, failure),
                ))),
            }
            removing.set(false);
            changes.update(|n| *n += 1);
        });
    };

    let c = campaign.clone();
    let table = move || {
        let current = language.0.get();
        let files: Vec<ReceivedFile> = files
            .get()
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.campaign_id == c.id)
            .collect();
        if files.is_empty() {
            return view! { <p class="hint" data-testid="received-files">{current.text(ImportText::NothingReceived)}</p> }.into_any();
        }
        let rows = files
            .into_iter()
            .map(|file| {
                let id = file.id;
                let unit = device_unit(current, &c, &file.device);
                let for_removal = file.clone();
                view! {
                    <tr data-testid="received-file-row">
                        <th scope="row">{unit}</th>
                        <td lang="zh-CN">{file.device.label.clone()}</td>
                        <td class="file-name" translate="no">{file.name.clone()}</td>
                        <td>{china_date_time(file.exported_at)}</td>
                        <td>{china_date_time(file.received_at)}</td>
                        <td>{file.events}</td>
                        <td>{file.sign_ins}</td>
                        <td>
                            <Show when=move || asking.get() == Some(id)
                                fallback=move || view! {
                                    <button type="button" class="danger-quiet" data-testid="received-remove"
                                        prop:disabled=move || removing.get()
                                        on:click=move |_| asking.set(Some(id))>
                                        {language.text(ImportText::RemoveFile)}
                                    </button>
                                }>
                                <p class="hint">{language.text(ImportText::RemoveFileQuestion)}</p>
                                <button type="button" class="danger" data-testid="received-remove-confirm"
                                    on:click={
                                        let file = for_removal.clone();
                                        move |_| remove(file.clone())
                                    }>
                                    {language.text(ImportText::ConfirmRemoveFile)}
                                </button>
                                <button type="button" on:click=move |_| asking.set(None)>
                                    {language.text(Text::Cancel)}
                                </button>
                            </Show>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="stats-table received-table" data-testid="received-files">
                    <thead><tr>
                        <th scope="col">{current.text(ImportText::ColumnUnit)}</th>
                        <th scope="col">{current.text(ImportText::ColumnDevice)}</th>
                        <th scope="col">{current.text(ImportText::ColumnFile)}</th>
                        <th scope="col">{current.text(ImportText::ColumnExported)}</th>
                        <th scope="col">{current.text(ImportText::ColumnReceived)}</th>
                        <th scope="col">{current.text(ImportText::ColumnEvents)}</th>
                        <th scope="col">{current.text(ImportText::ColumnSignIns)}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let missing = move || {
        let current = language.0.get();
        let files = files.get().unwrap_or_default();
        // This device's own unit records here rather than sending files.
        let own = device.0.with(|d| d.as_ref().map(|d| d.unit_id.clone()));
        let units: Vec<String> = units_without_files(&campaign, &files)
            .into_iter()
            .filter(|unit| Some(&unit.id) != own.as_ref())
            .map(|unit| localized(current, &unit.name).0.to_owned())
            .collect();
        if units.is_empty() {
            return view! { <p data-testid="units-without-files">{current.text(ImportText::EveryUnitSent)}</p> }.into_any();
        }
        view! {
            <ul class="missing-units" data-testid="units-without-files">
                {units.into_iter().map(|unit| view! { <li>{unit}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <main id="main" class="page received-page" data-testid="received-page">
            <div class="page-title-row">
                <h1>{language.text(ImportText::ReceivedTitle)}</h1>
                <a class="button-link" href=Route::Import.hash()>{language.text(ImportText::BackToImport)}</a>
            </div>
            <div role="status" aria-live="polite">
                {move || said.get().map(|(error, name, text)| {
                    let (open, close) = file_name_quotes(language.0.get());
                    view! {
                        <p class="import-outcome" class:error=error data-testid="received-outcome">
                            {open}<span translate="no">{name}</span>{close}{text}
                        </p>
                    }
                })}
            </div>
            {table}
            <h2>{language.text(ImportText::UnitsWithoutFiles)}</h2>
            {missing}
        </main>
    }
}
