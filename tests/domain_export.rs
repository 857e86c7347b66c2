//! Exports: the JSON file round-trips and validates against its schema; the CSV files match
//! their golden copies byte for byte; names, masking and formula neutralising hold.
//!
//! Golden files live in `tests/fixtures/export/`; after an intended change, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test domain_export` and review the diff.
// Host only: the schema validator and the golden files are read from the host.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use field_ledger::domain::campaign::Campaign;
use field_ledger::domain::csv_export::{events_csv, roster_csv, spreadsheet_safe, summary_csv};
use field_ledger::domain::device::DeviceProfile;
use field_ledger::domain::event_record::{ActivityChoice, Attendance, EventRecord};
use field_ledger::domain::export::{
    ExportFile, ExportKind, ExportReadError, ExportRequest, RecordKind,
};
use field_ledger::domain::export_journal::ExportJournal;
use field_ledger::domain::file_names::{export_file_name, ExportTable};
use field_ledger::domain::ids::{ActivityId, CounterId, DeviceId, EventId, RosterEntryId, UnitId};
use field_ledger::domain::roster::{RosterEntry, WithheldField};
use field_ledger::domain::schema::MigrationError;
use field_ledger::domain::statistics::{campaign_statistics, StatisticsFilter};
use field_ledger::i18n::{csv_words, Language};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    // China time = UTC + 8.
    Utc.with_ymd_and_hms(2021, 9, day, hour, minute, 0).unwrap() - chrono::Duration::hours(8)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, d).unwrap()
}

fn device() -> DeviceProfile {
    DeviceProfile {
        id: DeviceId(uuid::Uuid::from_u128(0xd3)),
        label: "平板3".into(),
        unit_id: UnitId::new("food"),
        office_name: None,
        default_recorder: "王芳".into(),
        created_at: at(1, 9, 0),
        updated_at: at(1, 9, 0),
        schema_version: 1,
    }
}

fn event(n: u128, activity: ActivityChoice, unit: &str, start: u32) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let mut record = EventRecord::new(
        EventId(uuid::Uuid::from_u128(n)),
        &plan,
        device().id,
        activity,
        UnitId::new(unit),
        day(start),
        at(start, 8, n as u32),
    );
    record.place = "河北区人民公园".into();
    record.recorder = "王芳".into();
    record
}

fn planned(id: &str) -> ActivityChoice {
    ActivityChoice::Planned {
        activity_id: ActivityId::new(id),
    }
}

fn sign_in(n: u128, event: u128, name: &str, phone: Option<&str>, minute: u32) -> RosterEntry {
    let mut entry = RosterEntry::new(
        RosterEntryId(uuid::Uuid::from_u128(n)),
        EventId(uuid::Uuid::from_u128(event)),
        name.into(),
        at(15, 9, minute),
    );
    entry.phone = phone.map(str::to_owned);
    entry.affiliation = Some("光复道街道".into());
    entry
}

/// Three live events (one with a formula as its place, one online "other" event of an office),
/// one deleted event; five sign-ins of which one removed and one purged.
fn fixture() -> (Vec<EventRecord>, Vec<RosterEntry>) {
    let mut e1 = event(1, planned("qm2021-a01"), "metrology-institute", 15);
    e1.head_count = 37;
    (
        e1.publicity_minutes,
        e1.publicity_reports,
        e1.materials_handed_out,
    ) = (120, 2, 200);
    e1.extra_counts
        .insert(CounterId::new("bp-monitors-tested"), 86);
    e1.start_time = NaiveTime::from_hms_opt(9, 0, 0);
    e1.end_time = NaiveTime::from_hms_opt(11, 30, 0);
    e1.notes = "居民反映良好，\n下次增加摊位".into();

    let mut e2 = event(2, planned("qm2021-a01"), "food", 15);
    e2.place = r#"=HYPERLINK("http://x","y")"#.into();
    e2.head_count = 12;
    e2.recorder = "-李四".into();

    let mut e3 = event(
        3,
        ActivityChoice::Other {
            title: "安全用药直播, \"线上\"".into(),
        },
        "market-offices",
        16,
    );
    e3.office_name = Some("光复道市场监管所".into());
    e3.attendance = Attendance::Online;
    e3.place = "微信视频号".into();
    e3.head_count = 480;
    e3.publicity_minutes = 60;
    e3.publicity_reports = 3;
    e3.end_date = Some(day(17));

    let mut e4 = event(4, planned("qm2021-a02"), "food", 18);
    e4.head_count = 999;
    let e4 = e4.deleted_at(at(18, 12, 0));

    let r1 = sign_in(11, 1, "张三", Some("13812345678"), 1);
    let r2 = sign_in(12, 1, "李梅", None, 2);
    let r3 = sign_in(13, 1, "@赵六", Some("022-26281234"), 3);
    let r4 = sign_in(14, 1, "错签", Some("13900000000"), 4).removed_at(at(15, 9, 5));
    let r5 = sign_in(15, 2, "周七", Some("13700001111"), 6).purged_at(at(20, 10, 0));
    (vec![e1, e2, e3, e4], vec![r1, r2, r3, r4, r5])
}

fn sign_ins(roster: &[RosterEntry]) -> HashMap<EventId, usize> {
    let mut counts = HashMap::new();
    for entry in roster.iter().filter(|e| !e.deleted) {
        *counts.entry(entry.event_id).or_insert(0) += 1;
    }
    counts
}

fn export(kind: ExportKind, include_phones: bool) -> ExportFile {
    let campaign = Campaign::quality_month_2021();
    let device = device();
    let (events, roster) = fixture();
    ExportFile::build(
        &request(kind, include_phones, &device, &campaign),
        &events,
        &roster,
    )
}

/// The request for a `kind` export at a fixed time.
fn request<'a>(
    kind: ExportKind,
    include_phones: bool,
    device: &'a DeviceProfile,
    campaign: &'a Campaign,
) -> ExportRequest<'a> {
    ExportRequest {
        kind,
        include_phones,
        app_version: "0.1.0+test",
        now: at(20, 17, 30),
        device,
        campaign,
    }
}

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

/// Compares `bytes` with the golden file `name`, or rewrites it under `UPDATE_GOLDEN=1`.
fn assert_golden(name: &str, bytes: &[u8]) {
    let path = fixture_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let golden = std::fs::read(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
    assert!(
        golden == bytes,
        "{name} differs from its golden file:\n--- golden\n{}\n--- now\n{}",
        String::from_utf8_lossy(&golden),
        String::from_utf8_lossy(bytes)
    );
}

fn validator() -> jsonschema::Validator {
    let read = |name: &str| -> Value {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("schemas")
            .join(name);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let campaign = read("field-ledger-campaign.schema.json");
    jsonschema::options()
        .should_validate_formats(true)
        .with_resource(
            "https://field-ledger.invalid/schemas/field-ledger-campaign.schema.json",
            jsonschema::Resource::from_contents(campaign),
        )
        .build(&read("field-ledger-export.schema.json"))
        .expect("the export schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, file: &Value) -> Vec<String> {
    validator
        .iter_errors(file)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn a_backup_round_trips_without_losing_anything() {
    let backup = export(ExportKind::Backup, false);
    let (events, roster) = fixture();
    assert_eq!(backup.events.len(), events.len(), "tombstones included");
    assert_eq!(
        backup.roster.len(),
        roster.len(),
        "removed and purged entries included"
    );
    assert!(!backup.phones_withheld);
    let read = ExportFile::from_json(&backup.to_json()).expect("a backup reads back");
    assert_eq!(read, backup);
    for original in &events {
        assert!(read.events.contains(original), "{:?} lost", original.id);
    }
    for original in &roster {
        assert!(read.roster.contains(original), "{:?} lost", original.id);
    }
}

#[test]
fn a_report_withholds_phones_and_marks_them_withheld() {
    let report = export(ExportKind::Report, false);
    assert!(report.phones_withheld);
    let text = report.to_json();
    assert!(!text.contains("13812345678") && !text.contains("26281234"));
    for entry in &report.roster {
        assert_eq!(entry.phone, None);
        if entry.purged {
            // A purge removed the phone for good: that must reach every copy, so it is not
            // "withheld".
            assert!(entry.withheld.is_empty());
        } else {
            assert_eq!(entry.withheld, vec![WithheldField::Phone]);
        }
    }
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["kind"], "report");
    assert_eq!(json["roster"][0]["withheld"], serde_json::json!(["phone"]));
    assert!(json["roster"][0].get("phone").unwrap().is_null());

    let with_phones = export(ExportKind::Report, true);
    assert!(!with_phones.phones_withheld);
    assert!(with_phones.to_json().contains("13812345678"));
    assert!(with_phones.roster.iter().all(|e| e.withheld.is_empty()));
}

#[test]
fn every_export_validates_against_the_schema() {
    let validator = validator();
    for (kind, phones) in [
        (ExportKind::Backup, false),
        (ExportKind::Report, false),
        (ExportKind::Report, true),
    ] {
        let file: Value = serde_json::from_str(&export(kind, phones).to_json()).unwrap();
        assert_eq!(
            schema_errors(&validator, &file),
            Vec::<String>::new(),
            "{kind:?}"
        );
    }
    // An empty tablet exports a valid file too.
    let campaign = Campaign::quality_month_2021();
    let device = device();
    let request = request(ExportKind::Report, false, &device, &campaign);
    let empty = ExportFile::build(&request, &[], &[]);
    let file: Value = serde_json::from_str(&empty.to_json()).unwrap();
    assert!(validator.is_valid(&file));
}

#[test]
fn the_schema_rejects_what_the_format_forbids() {
    let validator = validator();
    let report: Value = serde_json::from_str(&export(ExportKind::Report, false).to_json()).unwrap();

    let mut phone_and_withheld = report.clone();
    phone_and_withheld["roster"][0]["phone"] = "13812345678".into();
    assert!(
        !validator.is_valid(&phone_and_withheld),
        "a withheld phone carries no value"
    );

    let mut unmarked = report.clone();
    unmarked["roster"][0]
        .as_object_mut()
        .unwrap()
        .remove("withheld");
    assert!(!validator.is_valid(&unmarked), "withheld phones are marked");

    let mut backup_without_phones = report.clone();
    backup_without_phones["kind"] = "backup".into();
    assert!(
        !validator.is_valid(&backup_without_phones),
        "a backup is complete"
    );

    let mut bad_date = report.clone();
    bad_date["events"][0]["start_date"] = "2021-13-01".into();
    assert!(!validator.is_valid(&bad_date));

    let mut negative = report;
    negative["events"][0]["head_count"] = (-1).into();
    assert!(!validator.is_valid(&negative));
}

#[test]
fn the_built_in_plan_validates_against_the_campaign_schema() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/field-ledger-campaign.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let plan: Value = serde_json::to_value(Campaign::quality_month_2021()).unwrap();
    assert_eq!(schema_errors(&validator, &plan), Vec::<String>::new());
}

#[test]
fn export_files_are_ordered_so_the_same_data_gives_the_same_file() {
    let campaign = Campaign::quality_month_2021();
    let device = device();
    let (mut events, mut roster) = fixture();
    let request = request(ExportKind::Backup, false, &device, &campaign);
    let first = ExportFile::build(&request, &events, &roster).to_json();
    events.reverse();
    roster.reverse();
    assert_eq!(
        ExportFile::build(&request, &events, &roster).to_json(),
        first
    );
}

#[test]
fn wrong_files_are_refused_with_the_reason() {
    let good = export(ExportKind::Backup, false).to_json();
    assert!(matches!(
        ExportFile::from_json("不是 JSON"),
        Err(ExportReadError::Syntax {
            truncated: false,
            ..
        })
    ));
    assert!(matches!(
        ExportFile::from_json(&good[..good.len() / 2]),
        Err(ExportReadError::Syntax {
            truncated: true,
            ..
        })
    ));
    assert_eq!(
        ExportFile::from_json("[1, 2]"),
        Err(ExportReadError::NotAnExport)
    );
    let plan = serde_json::to_string(&Campaign::quality_month_2021()).unwrap();
    assert_eq!(
        ExportFile::from_json(&plan),
        Err(ExportReadError::NotAnExport)
    );
    let newer = good.replacen("\"format_version\":1", "\"format_version\":2", 1);
    assert_eq!(
        ExportFile::from_json(&newer),
        Err(ExportReadError::NewerFormat(2))
    );
    let newer_record = good.replacen("\"schema_version\":1", "\"schema_version\":9", 1);
    assert_eq!(
        ExportFile::from_json(&newer_record),
        Err(ExportReadError::Record {
            kind: RecordKind::Event,
            position: 1,
            problem: MigrationError::NewerVersion(9)
        })
    );
    // A byte-order mark in front (added by some editors) is fine.
    assert!(ExportFile::from_json(&format!("\u{feff}{good}")).is_ok());
}

#[test]
fn csv_files_match_their_golden_copies() {
    let campaign = Campaign::quality_month_2021();
    let (events, roster) = fixture();
    let counts = sign_ins(&roster);
    let statistics = campaign_statistics(
        &campaign,
        &events,
        &counts,
        &StatisticsFilter::default(),
        day(20),
    );
    for language in [Language::ZhCn, Language::En] {
        let words = csv_words(language);
        let code = language.code();
        assert_golden(
            &format!("events.{code}.csv"),
            &events_csv(&campaign, &events, &counts, &words),
        );
        assert_golden(
            &format!("roster.{code}.csv"),
            &roster_csv(&campaign, &events, &roster, false, &words),
        );
        assert_golden(
            &format!("summary.{code}.csv"),
            &summary_csv(&campaign, &statistics, &words),
        );
    }
    assert_golden(
        "roster.phones.zh-CN.csv",
        &roster_csv(
            &campaign,
            &events,
            &roster,
            true,
            &csv_words(Language::ZhCn),
        ),
    );
}

#[test]
fn csv_files_are_excel_ready() {
    let campaign = Campaign::quality_month_2021();
    let (events, roster) = fixture();
    let counts = sign_ins(&roster);
    let bytes = events_csv(&campaign, &events, &counts, &csv_words(Language::ZhCn));
    assert!(
        bytes.starts_with("\u{feff}记录编号,".as_bytes()),
        "BOM then the first header"
    );
    let text = String::from_utf8(bytes).unwrap();
    // Every line ends in CRLF; the note's own line break is inside a quoted cell.
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        4,
        "header and three live events"
    );
    assert!(text.contains("\"居民反映良好，\n下次增加摊位\""));
    // RFC 4180: quotes doubled inside a quoted cell; the formula neutralised.
    assert!(text.contains(r#""其他活动：安全用药直播, ""线上""""#));
    assert!(text.contains(r#""'=HYPERLINK(""http://x"",""y"")""#));
    assert!(text.contains(",'-李四,"));
    // The deleted event is not a row.
    assert!(!text.contains("999"));

    let roster_text = String::from_utf8(roster_csv(
        &campaign,
        &events,
        &roster,
        false,
        &csv_words(Language::ZhCn),
    ))
    .unwrap();
    assert!(roster_text.contains("138****5678"));
    assert!(!roster_text.contains("13812345678"));
    assert!(
        !roster_text.contains("错签"),
        "removed sign-ins are not rows"
    );
    assert!(roster_text.contains(",'@赵六,"));
}

#[test]
fn every_formula_trigger_is_neutralised() {
    for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let safe = spreadsheet_safe(text);
        assert!(safe.starts_with('\''), "{text:?} became {safe:?}");
        assert_eq!(&safe[1..], text);
    }
    for text in ["", "2021-09-15", "张三", "'already", " =x"] {
        assert_eq!(spreadsheet_safe(text), text);
    }
}

#[test]
fn the_summary_adds_up_to_the_statistics() {
    let campaign = Campaign::quality_month_2021();
    let (events, roster) = fixture();
    let counts = sign_ins(&roster);
    let statistics = campaign_statistics(
        &campaign,
        &events,
        &counts,
        &StatisticsFilter::default(),
        day(20),
    );
    // 37 + 3 sign-ins, 12 + 1 purged sign-in (still counted), 480.
    assert_eq!(statistics.total.person_times, 533);
    let text = String::from_utf8(summary_csv(
        &campaign,
        &statistics,
        &csv_words(Language::ZhCn),
    ))
    .unwrap();
    let total_line = text.lines().last().unwrap();
    assert!(total_line.starts_with("合计,,"), "{total_line}");
    assert!(total_line.ends_with(",3,533,180,5"), "{total_line}");
}

#[test]
fn file_names_say_what_they_hold() {
    let campaign = Campaign::quality_month_2021();
    let mut device = device();
    let name = export_file_name(&campaign, &device, day(15), ExportTable::Events);
    assert_eq!(name, "质量月2021_食品科_平板3_2021-09-15_events.csv");
    assert_eq!(
        export_file_name(&campaign, &device, day(15), ExportTable::Report),
        "质量月2021_食品科_平板3_2021-09-15_report.json"
    );
    device.unit_id = UnitId::new("market-offices");
    device.office_name = Some("光复道 市场监管所".into());
    device.label = "../平板_3:A*".into();
    assert_eq!(
        export_file_name(&campaign, &device, day(15), ExportTable::Roster),
        "质量月2021_光复道-市场监管所_-平板-3-A-_2021-09-15_roster.csv"
    );
}

#[test]
fn the_journal_counts_changed_events_until_an_export() {
    let event = |n: u128| EventId(uuid::Uuid::from_u128(n));
    let mut journal = ExportJournal::never_exported([event(1), event(2)]);
    assert_eq!(journal.unexported(), 2);
    assert!(
        !journal.note_change(event(1)),
        "already counted: nothing to write"
    );
    assert!(journal.note_change(event(3)));
    assert_eq!(journal.unexported(), 3);

    journal.begin_export();
    // Saved while the file is being written: it may or may not be in the file, so it stays.
    assert!(journal.note_change(event(2)));
    // Event 3 is not in the file (another campaign, or unreadable here): it stays too.
    journal.finish_export([event(1), event(2)], at(20, 18, 0));
    assert_eq!(journal.changed, [event(2), event(3)].into_iter().collect());
    assert_eq!(journal.last_export, Some(at(20, 18, 0)));
    journal.begin_export();
    journal.finish_export([event(2), event(3)], at(20, 18, 5));
    assert_eq!(journal.unexported(), 0);
    journal.note_change(event(4));

    // Another tab's journal is taken over; during an export here, what it adds stays counted.
    let mut other = ExportJournal::never_exported([event(4), event(5)]);
    other.last_export = Some(at(20, 19, 0));
    journal.begin_export();
    journal.follow_stored(&other);
    assert_eq!(journal.last_export, Some(at(20, 19, 0)));
    journal.finish_export([event(4), event(5)], at(20, 19, 30));
    assert_eq!(journal.changed, [event(5)].into_iter().collect());
    // It survives its stored form (the export in progress is not stored).
    let stored = serde_json::to_string(&journal).unwrap();
    let read: ExportJournal = serde_json::from_str(&stored).unwrap();
    assert_eq!(read.unexported(), 1);

    let mut abandoned = read;
    abandoned.begin_export();
    abandoned.abandon_export();
    assert_eq!(abandoned.unexported(), 1);

    // Another tab exported everything: this tab follows.
    journal.follow_stored(&ExportJournal::never_exported([]));
    assert_eq!(journal.unexported(), 0);
}
