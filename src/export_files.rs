//! Builds the export files from the tablet's records: the glue between the stored records, the
//! domain's export formats and the file names. The page calls [`build_export`] and hands the
//! result to `browser_share::deliver`.

use crate::domain::campaign::Campaign;
use crate::domain::csv_export::{events_csv, roster_csv, summary_csv};
use crate::domain::device::DeviceProfile;
use crate::domain::export::{ExportFile, ExportKind, ExportRequest};
use crate::domain::file_names::{export_file_name, ExportTable};
use crate::domain::statistics::{campaign_statistics, StatisticsFilter};
use crate::event_records::{EventRecords, LoadState};
use crate::i18n::{csv_words, Language};
use crate::storage::StorageFailure;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// The files the export page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChoice {
    /// The JSON report for the Quality Section.
    Report,
    /// The events CSV.
    EventsCsv,
    /// The roster CSV.
    RosterCsv,
    /// The summary CSV.
    SummaryCsv,
    /// The complete JSON backup.
    Backup,
}

impl ExportChoice {
    /// The table the file holds, for its name and media type.
    pub fn table(self) -> ExportTable {
        match self {
            ExportChoice::Report => ExportTable::Report,
            ExportChoice::EventsCsv => ExportTable::Events,
            ExportChoice::RosterCsv => ExportTable::Roster,
            ExportChoice::SummaryCsv => ExportTable::Summary,
            ExportChoice::Backup => ExportTable::Backup,
        }
    }

    /// Whether the file carries every record, so handing it over clears the "not exported"
    /// count.
    pub fn is_complete_export(self) -> bool {
        matches!(self, ExportChoice::Report | ExportChoice::Backup)
    }
}

/// The user's choices on the export page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Full phone numbers in the report and the roster CSV.
    pub include_phones: bool,
    /// Language of the CSV headers.
    pub csv_language: Language,
}

/// A file ready to hand over.
#[derive(Debug, Clone)]
pub struct BuiltFile {
    /// Its name.
    pub name: String,
    /// Its media type.
    pub media_type: &'static str,
    /// Its content.
    pub bytes: Vec<u8>,
    /// Stored records that could not go in (written by a newer app version, or unreadable).
    pub left_out: usize,
}

/// What the export needs besides the records.
#[derive(Debug, Clone, Copy)]
pub struct ExportContext<'a> {
    /// The campaign exported.
    pub campaign: &'a Campaign,
    /// This tablet.
    pub device: &'a DeviceProfile,
    /// The running build's version.
    pub app_version: &'a str,
    /// The export time.
    pub now: DateTime<Utc>,
    /// Today in China, for the file name and the summary's deadline.
    pub today: NaiveDate,
}

/// The name `choice`'s file gets today.
pub fn file_name(context: &ExportContext<'_>, choice: ExportChoice) -> String {
    export_file_name(
        context.campaign,
        context.device,
        context.today,
        choice.table(),
    )
}

/// Builds `choice`'s file from the stored records.
pub async fn build_export(
    records: EventRecords,
    choice: ExportChoice,
    options: ExportOptions,
    context: ExportContext<'_>,
) -> Result<BuiltFile, StorageFailure> {
    let events_left_out = match records.load.get_untracked() {
        LoadState::Ready { newer, unreadable } => newer + unreadable,
        _ => 0,
    };
    let roster = match choice {
        ExportChoice::Report | ExportChoice::Backup | ExportChoice::RosterCsv => {
            Some(records.load_all_roster().await?)
        }
        ExportChoice::EventsCsv | ExportChoice::SummaryCsv => None,
    };
    let roster_left_out = roster.as_ref().map_or(0, |r| r.newer + r.unreadable);
    let roster = roster.map(|r| r.records).unwrap_or_default();
    let words = csv_words(options.csv_language);
    let campaign = context.campaign;
    let bytes = records.all.with_untracked(|all| {
        let events = all.values();
        match choice {
            ExportChoice::Report | ExportChoice::Backup => {
                let request = ExportRequest {
                    kind: if choice == ExportChoice::Backup {
                        ExportKind::Backup
                    } else {
                        ExportKind::Report
                    },
                    include_phones: options.include_phones,
                    app_version: context.app_version,
                    now: context.now,
                    device: context.device,
                    campaign,
                };
                ExportFile::build(&request, events, &roster)
                    .to_json()
                    .into_bytes()
            }
            ExportChoice::EventsCsv => records
                .roster_counts
                .with_untracked(|counts| events_csv(campaign, events, counts, &words)),
            ExportChoice::RosterCsv => {
                roster_csv(campaign, events, &roster, options.include_phones, &words)
            }
            ExportChoice::SummaryCsv => records.roster_counts.with_untracked(|counts| {
                let statistics = campaign_statistics(
                    campaign,
                    events,
                    counts,
                    &StatisticsFilter::default(),
                    context.today,
                );
                summary_csv(campaign, &statistics, &words)
            }),
        }
    });
    Ok(BuiltFile {
        name: file_name(&context, choice),
        media_type: choice.table().media_type(),
        bytes,
        left_out: match choice {
            ExportChoice::SummaryCsv | ExportChoice::EventsCsv => events_left_out,
            _ => events_left_out + roster_left_out,
        },
    })
}
