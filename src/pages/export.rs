//! Exports: the report and the tables for the Quality Section, and the tablet's backup, each
//! shared through the system share sheet or downloaded; with how many events have changed since
//! the last export.

use crate::browser::app_shell::app_version;
use crate::browser::clock;
use crate::browser::share::{can_share_files, deliver_parts, Delivery};
use crate::components::export_button::ExportButton;
use crate::components::summary_scope_select::{own_scope, SummaryScopeSelect};
use crate::domain::china_time::china_today;
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::{
    export_failed, export_status, exported_message, pack_photos, pack_too_large, records_left_out,
    summary_photos, Delivered, Language, Text,
};
use crate::state::event_records::{EventRecords, LoadState};
use crate::state::{ActiveCampaign, Device, UiLanguage};
use crate::workflows::export_files::{
    build_export, file_name, ExportChoice, ExportContext, ExportOptions,
};
use crate::workflows::report_pack_files::{build_pack, PackFailure};
use crate::workflows::summary_doc_files::{build_summary, summary_name};
use js_sys::{Array, Uint8Array};
use leptos::prelude::*;

/// How the last export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Handed over; some records may have been left out.
    Done {
        how: Delivered,
        name: String,
        left_out: usize,
        /// For a pack or the summary: photos in it, and photos left out for want of their image.
        photos: Option<PhotoCount>,
    },
    /// The user closed the share sheet.
    Cancelled,
    /// The records could not be read.
    Failed {
        name: String,
        failure: StorageFailure,
    },
    /// The browser refused the file.
    NotHandedOver,
    /// The pack would be over 4 GB.
    TooLarge { name: String },
}

/// The photos a pack or the Word summary holds, and those it could not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhotoCount {
    /// A pack: photos in it, photos left out.
    Pack(usize, usize),
    /// The summary: photos in it, gaps it marks.
    Summary(usize, usize),
}

/// A file ready to hand over, whatever its kind.
struct Ready {
    name: String,
    media_type: &'static str,
    parts: Array,
    left_out: usize,
    events: Vec<crate::domain::ids::EventId>,
    photos: Option<PhotoCount>,
}

/// The name of `choice`'s file (the Word summary's names its scope, the others this tablet).
fn export_name(
    campaign: &crate::domain::plan::campaign::Campaign,
    profile: &crate::domain::plan::device::DeviceProfile,
    today: chrono::NaiveDate,
    choice: ExportChoice,
    scope: &crate::domain::summary::outline::SummaryScope,
) -> String {
    match choice {
        ExportChoice::SummaryDoc => summary_name(campaign, scope, today),
        _ => file_name(campaign, profile, today, choice),
    }
}

/// The export page.
#[component]
pub fn ExportPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let campaign = expect_context::<ActiveCampaign>().0;
    let device = expect_context::<Device>();
    let records = expect_context::<EventRecords>();

    let include_phones = RwSignal::new(false);
    let summary_scope = RwSignal::new(None);
    let csv_language = RwSignal::new(Language::ZhCn);
    let busy = RwSignal::new(None::<ExportChoice>);
    let outcome = RwSignal::new(None::<Outcome>);
    // Feature detection once per kind of file: Android tablets share CSV files (not JSON, which
    // is downloaded); desktop Linux Chromium shares nothing.
    let shares = |choice: ExportChoice| {
        let table = choice.table();
        can_share_files(&format!("a.{}", table.suffix()), table.media_type())
    };

    let status_campaign = campaign.clone();
    let status = move || {
        records.all.with(|all| {
            records.journal.with(|journal| {
                let unexported = journal.unexported_of(|id| {
                    all.get(id)
                        .is_some_and(|r| r.campaign_id == status_campaign.id)
                });
                export_status(
                    language.0.get(),
                    unexported,
                    journal.last_export_of(&status_campaign.id),
                )
            })
        })
    };

    let c = campaign.clone();
    let export = Callback::new(move |choice: ExportChoice| {
        let Some(profile) = device.0.get_untracked() else {
            return;
        };
        if busy.get_untracked().is_some() {
            return;
        }
        let scope = summary_scope
            .get_untracked()
            .unwrap_or_else(|| own_scope(&c, &device));
        if let LoadState::Failed(failure) = records.load.get_untracked() {
            let name = export_name(&c, &profile, china_today(clock::now()), choice, &scope);
            outcome.set(Some(Outcome::Failed { name, failure }));
            return;
        }
        if !matches!(records.load.get_untracked(), LoadState::Ready { .. }) {
            return;
        }
        busy.set(Some(choice));
        outcome.set(None);
        let campaign = c.clone();
        let options = ExportOptions {
            include_phones: include_phones.get_untracked(),
            csv_language: csv_language.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let now = clock::now();
            let version = app_version();
            let context = ExportContext {
                campaign: &campaign,
                device: &profile,
                app_version: &version,
                now,
                today: china_today(now),
            };
            if choice.is_complete_export() {
                records.begin_export();
            }
            let name = export_name(&campaign, &profile, context.today, choice, &scope);
            let built = if choice == ExportChoice::SummaryDoc {
                build_summary(records, scope.clone(), language.0.get_untracked(), context)
                    .await
                    .map(|summary| Ready {
                        name: summary.name,
                        media_type: choice.table().media_type(),
                        parts: summary.parts,
                        left_out: summary.left_out,
                        events: Vec::new(),
                        photos: Some(PhotoCount::Summary(summary.photos, summary.photo_gaps)),
                    })
            } else if matches!(choice, ExportChoice::ReportPack | ExportChoice::BackupPack) {
                build_pack(records, choice, options, context)
                    .await
                    .map(|pack| Ready {
                        name: pack.name,
                        media_type: choice.table().media_type(),
                        parts: pack.parts,
                        left_out: pack.left_out,
                        events: pack.events,
                        photos: Some(PhotoCount::Pack(pack.photos, pack.missing_images)),
                    })
            } else {
                build_export(records, choice, options, context)
                    .await
                    .map_err(PackFailure::Storage)
                    .map(|file| Ready {
                        name: file.name,
                        media_type: file.media_type,
                        parts: Array::of1(&Uint8Array::from(file.bytes.as_slice())),
                        left_out: file.left_out,
                        events: file.events,
                        photos: None,
                    })
            };
            let result = match built {
                Err(PackFailure::Storage(failure)) => Outcome::Failed { name, failure },
                Err(PackFailure::TooLarge) => Outcome::TooLarge { name },
                Ok(file) => match deliver_parts(&file.name, file.media_type, &file.parts).await {
                    Ok(Delivery::Cancelled) => Outcome::Cancelled,
                    Err(_) => Outcome::NotHandedOver,
                    Ok(delivery) => {
                        if choice.is_complete_export() {
                            records.finish_export(&campaign.id, file.events, now);
                        }
                        Outcome::Done {
                            how: if delivery == Delivery::Shared {
                                Delivered::Shared
                            } else {
                                Delivered::Downloaded
                            },
                            name: file.name,
                            left_out: file.left_out,
                            photos: file.photos,
                        }
                    }
                },
            };
            if !matches!(result, Outcome::Done { .. }) {
                records.abandon_export();
            }
            outcome.set(Some(result));
            busy.set(None);
        });
    });

    let ready = Memo::new(move |_| matches!(records.load.get(), LoadState::Ready { .. }));
    let button = move |choice: ExportChoice, label: Text, testid: &'static str| {
        let verb = if shares(choice) {
            Text::ActionShare
        } else {
            Text::ActionDownload
        };
        view! { <ExportButton choice label verb testid busy ready on_export=export /> }
    };
    let outcome_view = move || {
        let current = language.0.get();
        outcome.get().map(|result| {
            let (class, text) = match result {
                Outcome::Done {
                    how,
                    name,
                    left_out,
                    photos,
                } => {
                    let mut text = exported_message(current, how, &name);
                    match photos {
                        Some(PhotoCount::Pack(photos, missing)) => {
                            text.push_str(&pack_photos(current, photos, missing));
                        }
                        Some(PhotoCount::Summary(photos, gaps)) => {
                            text.push_str(&summary_photos(current, photos, gaps));
                        }
                        None => {}
                    }
                    if left_out > 0 {
                        text.push(' ');
                        text.push_str(&records_left_out(current, left_out));
                    }
                    ("export-outcome", text)
                }
                Outcome::Cancelled => (
                    "export-outcome",
                    current.text(Text::ExportCancelled).to_owned(),
                ),
                Outcome::Failed { name, failure } => (
                    "export-outcome error",
                    export_failed(current, &name, failure),
                ),
                Outcome::TooLarge { name } => (
                    "export-outcome error",
                    pack_too_large(current, &name, name.ends_with("backup-pack.zip")),
                ),
                Outcome::NotHandedOver => (
                    "export-outcome error",
                    current.text(Text::ExportNotHandedOver).to_owned(),
                ),
            };
            view! { <p class=class data-testid="export-outcome">{text}</p> }
        })
    };

    view! {
        <main id="main" class="page export-page" data-testid="export-page">
            <h1>{language.text(Text::ExportPageTitle)}</h1>
            <p class="export-status" data-testid="export-status">{status}</p>

            <section class="export-section" aria-labelledby="export-report-heading">
                <h2 id="export-report-heading">{language.text(Text::ForQualitySection)}</h2>
                <p class="hint">{language.text(Text::ForQualitySectionHint)}</p>
                <div class="export-options">
                    <div>
                        <div class="form-field switch-field">
                            <label for="export-include-phones">{language.text(Text::IncludePhones)}</label>
                            <input id="export-include-phones" type="checkbox" role="switch" class="switch"
                                data-testid="export-include-phones"
                                aria-describedby="export-phones-hint"
                                prop:checked=move || include_phones.get()
                                on:change=move |ev| include_phones.set(event_target_checked(&ev)) />
                        </div>
                        <p id="export-phones-hint" class="hint" class:warning=move || include_phones.get()>
                            {move || if include_phones.get() {
                                language.0.get().text(Text::IncludePhonesWarning)
                            } else {
                                language.0.get().text(Text::IncludePhonesHint)
                            }}
                        </p>
                    </div>
                    <div class="form-field">
                        <label for="export-csv-language">{language.text(Text::CsvHeaderLanguage)}</label>
                        <select id="export-csv-language" data-testid="export-csv-language"
                            on:change=move |ev| {
                                csv_language.set(Language::from_code(&event_target_value(&ev)).unwrap_or_default())
                            }>
                            {Language::ALL.into_iter().map(|option| view! {
                                <option value=option.code() lang=option.code()
                                    prop:selected=move || csv_language.get() == option>
                                    {option.native_name()}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="export-buttons">
                    {button(ExportChoice::Report, Text::ExportReportJson, "export-json")}
                    {button(ExportChoice::EventsCsv, Text::ExportEventsCsv, "export-csv-events")}
                    {button(ExportChoice::RosterCsv, Text::ExportRosterCsv, "export-csv-roster")}
                    {button(ExportChoice::SummaryCsv, Text::ExportSummaryCsv, "export-csv-summary")}
                    {button(ExportChoice::ReportPack, Text::ExportReportPack, "export-report-pack")}
                </div>
            </section>

            <section class="export-section" aria-labelledby="export-summary-heading">
                <h2 id="export-summary-heading">{language.text(Text::SummaryDocHeading)}</h2>
                <p class="hint">{language.text(Text::SummaryDocHint)}</p>
                <div class="export-options">
                    <SummaryScopeSelect campaign=campaign.clone() scope=summary_scope />
                </div>
                <div class="export-buttons">
                    {button(ExportChoice::SummaryDoc, Text::ExportSummaryDoc, "export-summary-doc")}
                </div>
            </section>

            <section class="export-section" aria-labelledby="export-backup-heading">
                <h2 id="export-backup-heading">{language.text(Text::BackupHeading)}</h2>
                <p class="hint">{language.text(Text::BackupHint)}</p>
                <div class="export-buttons">
                    {button(ExportChoice::Backup, Text::ExportBackupJson, "export-backup")}
                    {button(ExportChoice::BackupPack, Text::ExportBackupPack, "export-backup-pack")}
                </div>
            </section>

            <div class="export-progress" role="status" aria-live="polite">
                {move || busy.get().map(|_| view! {
                    <p class="export-outcome">{language.text(Text::ExportPreparing)}</p>
                })}
                {outcome_view}
            </div>
        </main>
    }
}
