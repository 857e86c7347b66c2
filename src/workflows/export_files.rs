//! Builds the export files from the tablet's records: the glue between the stored records, the
//! domain's export formats and the file names. The page calls [`build_export`] and hands the
//! result to `browser::share::deliver`.

use crate::domain::exchange::csv_export::{events_csv, roster_csv, summary_csv};
use crate::domain::exchange::export::{ExportFile, ExportKind, ExportRequest};
use crate::domain::figures::statistics::{campaign_statistics, StatisticsFilter};
use crate::domain::ids::EventId;
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::plan::file_names::{export_file_name, ExportTable};
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::{csv_words, Language};
use crate::state::event_records::EventRecords;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

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
    /// The report pack (ZIP): report, tables, selected photos, captions, videos.
    ReportPack,
    /// The backup pack (ZIP): backup, tables, every photo.
    BackupPack,
    /// The campaign summary as a Word document (built by `summary_doc_files`).
    SummaryDoc,
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
            ExportChoice::ReportPack => ExportTable::ReportPack,
            ExportChoice::BackupPack => ExportTable::BackupPack,
            ExportChoice::SummaryDoc => ExportTable::SummaryDoc,
        }
    }

    /// The JSON export's kind, for the two JSON files; `None` for the CSV tables.
    pub fn json_kind(self) -> Option<ExportKind> {
        match self {
            ExportChoice::Report | ExportChoice::ReportPack => Some(ExportKind::Report),
            ExportChoice::Backup | ExportChoice::BackupPack => Some(ExportKind::Backup),
            _ => None,
        }
    }

    /// Whether the file carries every record, so handing it over clears the "not exported"
    /// count.
    pub fn is_complete_export(self) -> bool {
        self.json_kind().is_some()
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
    /// Stored records that could not go in (written by a newer app version, or unreadable, or
    /// sign-ins of such events).
    pub left_out: usize,
    /// The events the file holds (for the "not exported" count).
    pub events: Vec<EventId>,
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

/// The name `choice`'s file gets from `device` on `today` (a China calendar day).
pub fn file_name(
    campaign: &Campaign,
    device: &DeviceProfile,
    today: NaiveDate,
    choice: ExportChoice,
) -> String {
    export_file_name(campaign, device, today, choice.table())
}

/// The stored records an export is built from, read once.
pub struct ExportRecords {
    events:
        crate::storage::records::LoadedRecords<crate::domain::records::event_record::EventRecord>,
    counts: std::collections::HashMap<EventId, usize>,
    roster:
        Option<crate::storage::records::LoadedRecords<crate::domain::records::roster::RosterEntry>>,
}

impl ExportRecords {
    /// Reads the records as stored now (not this tab's copy: another tab may have saved since it
    /// loaded); the roster only `with_roster`.
    pub async fn load(records: EventRecords, with_roster: bool) -> Result<Self, StorageFailure> {
        let (events, roster) = match with_roster {
            true => {
                let (events, roster) = records.load_stored_events_and_roster().await?;
                (events, Some(roster))
            }
            false => (records.load_stored_events().await?, None),
        };
        // The live sign-ins per event: counted from the roster when it was read whole and every
        // entry could be read (saving a second pass over 100,000 keys), else from the keys.
        let counts = match &roster {
            Some(roster) if roster.newer == 0 && roster.unreadable == 0 => {
                crate::domain::records::roster::live_sign_ins(&roster.records)
            }
            _ => records.load_stored_roster_counts().await?,
        };
        Ok(Self {
            events,
            counts,
            roster,
        })
    }

    /// Live sign-ins per event.
    pub fn sign_ins(&self) -> &std::collections::HashMap<EventId, usize> {
        &self.counts
    }

    /// Stored events that could not be read (written by a newer version, or unreadable).
    pub fn left_out(&self) -> usize {
        self.events.newer + self.events.unreadable
    }

    /// The stored events read.
    pub fn events(&self) -> &[crate::domain::records::event_record::EventRecord] {
        &self.events.records
    }
}

/// Builds `choice`'s file from the records as stored now.
pub async fn build_export(
    records: EventRecords,
    choice: ExportChoice,
    options: ExportOptions,
    context: ExportContext<'_>,
) -> Result<BuiltFile, StorageFailure> {
    let with_roster = !matches!(
        choice,
        ExportChoice::EventsCsv | ExportChoice::SummaryCsv | ExportChoice::SummaryDoc
    );
    let loaded = ExportRecords::load(records, with_roster).await?;
    Ok(export_from(&loaded, choice, options, context))
}

/// Builds `choice`'s file from `loaded` (which must hold the roster unless `choice` is the
/// events or summary CSV). The packs' choices give their JSON file.
pub fn export_from(
    loaded: &ExportRecords,
    choice: ExportChoice,
    options: ExportOptions,
    context: ExportContext<'_>,
) -> BuiltFile {
    let counts = &loaded.counts;
    let campaign = context.campaign;
    let events = &loaded.events.records;
    let mut left_out = loaded.events.newer + loaded.events.unreadable;
    let roster = loaded.roster.as_ref().filter(|_| {
        !matches!(
            choice,
            ExportChoice::EventsCsv | ExportChoice::SummaryCsv | ExportChoice::SummaryDoc
        )
    });
    if let Some(roster) = roster {
        // Sign-ins that cannot go in: unreadable here, or of an event this build cannot read.
        let known: HashSet<EventId> = events.iter().map(|e| e.id).collect();
        left_out += roster.newer + roster.unreadable;
        left_out += roster
            .records
            .iter()
            .filter(|entry| !known.contains(&entry.event_id))
            .count();
    }
    let roster: &[crate::domain::records::roster::RosterEntry] =
        roster.map_or(&[], |r| r.records.as_slice());
    let words = csv_words(options.csv_language);
    let bytes = match choice {
        ExportChoice::Report
        | ExportChoice::Backup
        | ExportChoice::ReportPack
        | ExportChoice::BackupPack => {
            let request = ExportRequest {
                kind: choice.json_kind().unwrap_or(ExportKind::Report),
                include_phones: options.include_phones,
                app_version: context.app_version,
                now: context.now,
                device: context.device,
                campaign,
            };
            ExportFile::build(&request, events, roster)
                .to_json()
                .into_bytes()
        }
        ExportChoice::EventsCsv => events_csv(campaign, events, counts, &words),
        ExportChoice::RosterCsv => {
            roster_csv(campaign, events, roster, options.include_phones, &words)
        }
        // The Word summary is built by `summary_doc_files`; asked here, it gets the summary table.
        ExportChoice::SummaryCsv | ExportChoice::SummaryDoc => {
            let statistics = campaign_statistics(
                campaign,
                events,
                counts,
                &StatisticsFilter::default(),
                context.today,
            );
            summary_csv(campaign, &statistics, &words)
        }
    };
    BuiltFile {
        name: file_name(campaign, context.device, context.today, choice),
        media_type: choice.table().media_type(),
        bytes,
        left_out,
        events: events
            .iter()
            .filter(|e| e.campaign_id == campaign.id)
            .map(|e| e.id)
            .collect(),
    }
}
