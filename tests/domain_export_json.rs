//! The JSON export: a backup round-trips, a report withholds and marks phones, every export
//! validates against the JSON Schema in `schemas/`, and wrong files are refused with the reason.
// Host only: the schema validator reads the schemas from the host.
#![cfg(not(target_arch = "wasm32"))]

mod export_fixture;

use export_fixture::*;
use field_ledger::domain::exchange::export::{ExportFile, ExportKind, ExportReadError, RecordKind};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::roster::WithheldField;
use field_ledger::domain::records::schema::MigrationError;
use serde_json::Value;
use std::path::PathBuf;

/// The export schema, with the campaign schema it refers to, checking formats.
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

/// Every schema violation of `file`, with where it is.
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
fn a_merged_device_exports_origins_and_kept_phones_within_the_schema() {
    use field_ledger::domain::ids::{ReceivedFileId, RosterEntryId};
    use field_ledger::domain::records::merge::join;
    use field_ledger::domain::records::record_version::RecordOrigin;
    let validator = validator();
    let (mut events, mut roster) = fixture();
    let origin = Some(RecordOrigin {
        file_id: ReceivedFileId(uuid::Uuid::from_u128(0xf1)),
        device_id: device().id,
    });
    events[0].origin = origin.clone();
    // A newer report copy of a sign-in whose phone a backup carried: the phone is kept.
    let index = roster
        .iter()
        .position(|e| e.phone.is_some() && !e.purged)
        .unwrap();
    let mut newer = roster[index]
        .next_revision(at(16, 9, 0))
        .with_phone_withheld();
    newer.origin = origin;
    let merged = join(&roster[index], &newer);
    assert!(merged.kept_phone.is_some());
    roster[index] = merged;
    let campaign = Campaign::quality_month_2021();
    let device = device();
    for (kind, phones) in [(ExportKind::Backup, false), (ExportKind::Report, false)] {
        let request = request(kind, phones, &device, &campaign);
        let export = ExportFile::build(&request, &events, &roster);
        let file: Value = serde_json::from_str(&export.to_json()).unwrap();
        assert_eq!(
            schema_errors(&validator, &file),
            Vec::<String>::new(),
            "{kind:?}"
        );
        // Read back, the backup keeps what the merge knew; the report holds no kept phone.
        let read = ExportFile::from_json(&export.to_json()).unwrap();
        let entry = read
            .roster
            .iter()
            .find(|e| e.id == roster[index].id)
            .unwrap();
        assert_eq!(entry.kept_phone.is_some(), kind == ExportKind::Backup);
        let _: RosterEntryId = entry.id;
    }
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

    let mut negative = report.clone();
    negative["events"][0]["head_count"] = (-1).into();
    assert!(!validator.is_valid(&negative));

    // Videos came with layout version 2: a record counting them says so.
    let mut videos = report;
    videos["events"][0]["video_count"] = 2.into();
    assert!(!validator.is_valid(&videos), "videos in a version-1 record");
    videos["events"][0]["schema_version"] = 2.into();
    assert_eq!(schema_errors(&validator, &videos), Vec::<String>::new());
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
