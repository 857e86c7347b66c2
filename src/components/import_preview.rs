//! The import preview: each chosen file (device, unit, export time, counts, or why it is
//! refused) and what merging the good ones would change, with the confirm button.

use crate::domain::china_time::china_date_time;
use crate::domain::exchange::export::ExportedDevice;
use crate::domain::plan::campaign::Campaign;
use crate::domain::records::merge::Tally;
use crate::i18n::{file_name_quotes, file_problem_reason, localized, ImportText, Language, Text};
use crate::state::{ActiveCampaign, UiLanguage};
use crate::workflows::import_files::ImportPreview;
use leptos::prelude::*;
use std::sync::Arc;

/// The unit a device belongs to, as the lists show it: an office's own name, else the plan's.
pub fn device_unit(language: Language, campaign: &Campaign, device: &ExportedDevice) -> String {
    if let Some(office) = device.office_name.as_deref().filter(|o| !o.is_empty()) {
        return office.to_owned();
    }
    campaign
        .unit(&device.unit_id)
        .map(|unit| localized(language, &unit.name).0.to_owned())
        .unwrap_or_else(|| device.unit_id.to_string())
}

/// The preview of an import, waiting for confirmation.
#[component]
pub fn ImportPreviewView(
    /// What the import would do.
    preview: Arc<ImportPreview>,
    /// Stores the import.
    on_confirm: Callback<()>,
    /// Drops the preview.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let text = move |key: ImportText| language.text(key);
    let good = preview.has_good_files();
    let some_refused = preview.files.iter().any(|f| f.verdict.is_err());

    let files = preview.clone();
    let rows = move || {
        let current = language.0.get();
        files
            .files
            .iter()
            .map(|file| {
                let (device, unit, exported, events, sign_ins, status) = match &file.verdict {
                    Ok(export) => (
                        export.device.label.clone(),
                        // Named by the file's own plan; another campaign's file says which.
                        match export.campaign.id == campaign.id {
                            true => device_unit(current, &export.campaign, &export.device),
                            false => format!(
                                "{} · {}",
                                device_unit(current, &export.campaign, &export.device),
                                localized(
                                    current,
                                    export
                                        .campaign
                                        .short_title
                                        .as_ref()
                                        .unwrap_or(&export.campaign.title)
                                )
                                .0
                            ),
                        },
                        china_date_time(export.exported_at),
                        export
                            .events
                            .iter()
                            .filter(|e| !e.deleted)
                            .count()
                            .to_string(),
                        export
                            .roster
                            .iter()
                            .filter(|e| !e.deleted)
                            .count()
                            .to_string(),
                        if file.already_received.is_some() {
                            current.text(ImportText::FileReceivedBefore)
                        } else {
                            current.text(ImportText::FileReady)
                        },
                    ),
                    Err(_) => Default::default(),
                };
                let refused = file.verdict.is_err();
                let status = if refused {
                    current.text(ImportText::FileRefused)
                } else {
                    status
                };
                view! {
                    <tr class:refused=refused data-testid="import-file-row">
                        <th scope="row" class="file-name" translate="no">{file.name.clone()}</th>
                        <td lang="zh-CN">{device}</td>
                        <td>{unit}</td>
                        <td>{exported}</td>
                        <td>{events}</td>
                        <td>{sign_ins}</td>
                        <td>{status}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let errors = preview.clone();
    let error_list = move || {
        let current = language.0.get();
        errors
            .files
            .iter()
            .filter_map(|file| {
                let problem = file.verdict.as_ref().err()?;
                let (open, close) = file_name_quotes(current);
                let reason = file_problem_reason(current, problem);
                Some(view! {
                    <p class="import-error error" role="alert" data-testid="import-error">
                        {open}<span translate="no">{file.name.clone()}</span>{close}{reason}
                    </p>
                })
            })
            .collect_view()
    };
    let tally_row = |label: ImportText, tally: Tally, testid: &'static str| {
        view! {
            <tr data-testid=testid>
                <th scope="row">{language.text(label)}</th>
                <td data-testid="tally-new">{tally.new}</td>
                <td data-testid="tally-updated">{tally.updated}</td>
                <td data-testid="tally-unchanged">{tally.unchanged}</td>
                <td data-testid="tally-deleted">{tally.deleted}</td>
                <td data-testid="tally-conflicting">{tally.conflicting}</td>
            </tr>
        }
    };
    let plan = &preview.plan;

    view! {
        <section class="import-preview" data-testid="import-preview" aria-labelledby="import-preview-heading">
            <h2 id="import-preview-heading">{text(ImportText::PreviewHeading)}</h2>
            <div class="table-scroll">
                <table class="stats-table import-files-table">
                    <thead><tr>
                        <th scope="col">{text(ImportText::ColumnFile)}</th>
                        <th scope="col">{text(ImportText::ColumnDevice)}</th>
                        <th scope="col">{text(ImportText::ColumnUnit)}</th>
                        <th scope="col">{text(ImportText::ColumnExported)}</th>
                        <th scope="col">{text(ImportText::ColumnEvents)}</th>
                        <th scope="col">{text(ImportText::ColumnSignIns)}</th>
                        <th scope="col">{text(ImportText::ColumnStatus)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {error_list}
            {good.then(|| view! {
                <table class="stats-table import-tally" data-testid="import-tally">
                    <caption>{text(ImportText::OverallCaption)}</caption>
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col">{text(ImportText::ColumnNew)}</th>
                        <th scope="col">{text(ImportText::ColumnUpdated)}</th>
                        <th scope="col">{text(ImportText::ColumnUnchanged)}</th>
                        <th scope="col">{text(ImportText::ColumnDeleted)}</th>
                        <th scope="col">{text(ImportText::ColumnConflicting)}</th>
                    </tr></thead>
                    <tbody>
                        {tally_row(ImportText::RowEvents, plan.events.tally, "tally-events")}
                        {tally_row(ImportText::RowSignIns, plan.roster.tally, "tally-sign-ins")}
                        {preview.photos.has_photos().then(|| {
                            tally_row(ImportText::RowPhotos, preview.photos.tally(), "tally-photos")
                        })}
                    </tbody>
                </table>
            })}
            <p class="hint">
                {move || if !good {
                    language.0.get().text(ImportText::NoFileToImport)
                } else if some_refused {
                    language.0.get().text(ImportText::SomeFilesRefused)
                } else {
                    ""
                }}
            </p>
            <div class="import-actions">
                {good.then(|| view! {
                    <button type="button" class="primary" data-testid="import-confirm"
                        on:click=move |_| on_confirm.run(())>
                        {text(ImportText::ConfirmImport)}
                    </button>
                })}
                <button type="button" data-testid="import-cancel" on:click=move |_| on_cancel.run(())>
                    {language.text(Text::Cancel)}
                </button>
            </div>
        </section>
    }
}
