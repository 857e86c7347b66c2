//! Names of exported files that say what they hold: campaign, unit, device, day and table, e.g.
//! `质量月2021_食品科_平板3_2021-09-15_events.csv`, so a clerk with forty files can sort and tell
//! them apart. Names use the plan's Chinese (its working language) whatever the interface
//! language, so every tablet names its files alike.

use super::campaign::Campaign;
use super::device::DeviceProfile;
use chrono::NaiveDate;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    /// The events CSV.
    Events,
    /// The roster CSV.
    Roster,
    /// The summary CSV.
    Summary,
    /// The JSON report for the Quality Section.
    Report,
    /// The complete JSON backup.
    Backup,
    /// The report pack: report, tables, selected photos.
    ReportPack,
    /// The backup pack: backup, tables, every photo.
    BackupPack,
    /// The campaign summary as a Word document (named by [`summary_file_name`]).
    SummaryDoc,
}

impl ExportTable {
    /// The name's last part: table and extension.
    pub fn suffix(self) -> &'static str {
        match self {
            ExportTable::Events => "events.csv",
            ExportTable::Roster => "roster.csv",
            ExportTable::Summary => "summary.csv",
            ExportTable::Report => "report.json",
            ExportTable::Backup => "backup.json",
            ExportTable::ReportPack => "report-pack.zip",
            ExportTable::BackupPack => "backup-pack.zip",
            ExportTable::SummaryDoc => "活动总结.docx",
        }
    }

    /// The file's media type. Plain `text/csv`, without a charset parameter (the BOM says
    /// UTF-8): Chromium's share sheet accepts only exact types from its list.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportTable::Events | ExportTable::Roster | ExportTable::Summary => "text/csv",
            ExportTable::Report | ExportTable::Backup => "application/json",
            ExportTable::ReportPack | ExportTable::BackupPack => "application/zip",
            ExportTable::SummaryDoc => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

/// Longest part of a name, in characters, so names stay within every file system's limit.
const PART_MAX_CHARS: usize = 40;

/// `text` as one part of a file name: characters file systems or the `_` separator reserve
/// become `-`, runs of spaces one `-`, leading dots are dropped, and it is cut to
/// [`PART_MAX_CHARS`]. An empty result becomes `-`.
pub(crate) fn name_part(text: &str) -> String {
    let mut part = String::new();
    for c in text.trim().chars() {
        let c = match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '_' => '-',
            c if c.is_control() || c.is_whitespace() => '-',
            c => c,
        };
        if !(c == '-' && part.ends_with('-')) {
            part.push(c);
        }
    }
    let part: String = part
        .trim_start_matches('.')
        .chars()
        .take(PART_MAX_CHARS)
        .collect();
    if part.is_empty() {
        "-".to_owned()
    } else {
        part
    }
}

/// The name of `table` exported from `device` for `campaign` on `day` (a China calendar day).
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use field_ledger::domain::plan::campaign::Campaign;
/// use field_ledger::domain::plan::device::DeviceProfile;
/// use field_ledger::domain::plan::file_names::{export_file_name, ExportTable};
/// use field_ledger::domain::ids::{DeviceId, UnitId};
/// let campaign = Campaign::quality_month_2021();
/// let now = Utc.with_ymd_and_hms(2021, 9, 15, 2, 0, 0).unwrap();
/// let device = DeviceProfile {
///     id: DeviceId::parse("7d0c3b9e-8a4f-4c2e-9d1a-2b3c4d5e6f70").unwrap(),
///     label: "平板3".into(),
///     unit_id: UnitId::new("food"),
///     office_name: None,
///     default_recorder: String::new(),
///     created_at: now,
///     updated_at: now,
///     schema_version: 1,
/// };
/// let day = NaiveDate::from_ymd_opt(2021, 9, 15).unwrap();
/// assert_eq!(
///     export_file_name(&campaign, &device, day, ExportTable::Events),
///     "质量月2021_食品科_平板3_2021-09-15_events.csv"
/// );
/// ```
pub fn export_file_name(
    campaign: &Campaign,
    device: &DeviceProfile,
    day: NaiveDate,
    table: ExportTable,
) -> String {
    let campaign_name = campaign.file_name_part();
    let unit = device.office_for(campaign).unwrap_or_else(|| {
        campaign
            .unit(&device.unit_id)
            .map_or(device.unit_id.to_string(), |unit| unit.name.zh.clone())
    });
    format!(
        "{}_{}_{}_{day}_{}",
        name_part(campaign_name),
        name_part(&unit),
        name_part(&device.label),
        table.suffix()
    )
}

/// The name of the campaign summary for `scope` (a unit's Chinese name, or the district's),
/// written on `day`: `质量月2021_食品科_活动总结_2021-10-12.docx`. `summary` is the document's own
/// name (活动总结): file names are Chinese whatever the interface language.
pub fn summary_file_name(
    campaign: &Campaign,
    scope: &str,
    summary: &str,
    day: NaiveDate,
) -> String {
    format!(
        "{}_{}_{}_{day}.docx",
        name_part(campaign.file_name_part()),
        name_part(scope),
        name_part(summary)
    )
}
