//! The frozen version-1 stored format (tests/fixtures/stored-v1) is read by today's code: the
//! migration path every later version must keep open.

use chrono::NaiveDate;
use field_ledger::domain::ids::CounterId;
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::records::event_draft::EventDraft;
use field_ledger::domain::records::event_record::{ActivityChoice, Attendance};
use field_ledger::domain::records::schema::{decode_event, MigrationError};
use std::collections::BTreeMap;

const EVENTS: &str = include_str!("fixtures/stored-v1/events.json");
const LOCAL_STORAGE: &str = include_str!("fixtures/stored-v1/local-storage.json");

#[test]
fn version_1_event_records_are_read_with_every_field() {
    let stored: Vec<String> = serde_json::from_str(EVENTS).unwrap();
    let records: Vec<_> = stored
        .iter()
        .map(|json| decode_event(json).unwrap())
        .collect();
    let plan = Campaign::quality_month_2021();
    assert_eq!(records.len(), 3);

    let first = &records[0];
    assert_eq!(first.id.to_string(), "6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11");
    assert!(
        matches!(&first.activity, ActivityChoice::Planned { activity_id } if activity_id.as_str() == "qm2021-a01")
    );
    assert_eq!((first.head_count, first.materials_handed_out), (37, 200));
    // Stored before videos were counted: none, and the same JSON form when written back.
    assert_eq!((first.video_count, first.video_files.len()), (0, 0));
    assert_eq!(
        first.extra_counts[&CounterId::new("bp-monitors-tested")],
        86
    );
    assert_eq!(first.validate(&plan), Ok(()));

    let online = &records[1];
    assert_eq!(online.attendance, Attendance::Online);
    assert_eq!(online.office_name.as_deref(), Some("望海楼市场监管所"));
    assert_eq!(online.end_date, NaiveDate::from_ymd_opt(2021, 9, 22));
    assert_eq!(online.validate(&plan), Ok(()));

    let tombstone = &records[2];
    assert!(tombstone.deleted);
    assert_eq!(tombstone.revision, 3);

    // Written back, each record is byte for byte what was stored: nothing is lost on a save.
    for (record, json) in records.iter().zip(&stored) {
        assert_eq!(&serde_json::to_string(record).unwrap(), json);
    }
}

#[test]
fn version_1_preferences_are_read() {
    let values: BTreeMap<String, String> = serde_json::from_str(LOCAL_STORAGE).unwrap();
    let device: DeviceProfile = serde_json::from_str(&values["field-ledger.v1.device"]).unwrap();
    assert_eq!(device.label, "平板3");
    assert_eq!(device.validate(&Campaign::quality_month_2021()), Ok(()));
    let draft: EventDraft =
        serde_json::from_str(&values["field-ledger.v1.event-draft.new"]).unwrap();
    assert_eq!(
        (draft.place.as_str(), draft.materials.as_str()),
        ("人民公园", "-5")
    );
    let language: String = serde_json::from_str(&values["field-ledger.v1.language"]).unwrap();
    assert_eq!(language, "en");
}

#[test]
fn a_record_from_a_newer_version_is_refused_not_guessed() {
    let stored: Vec<String> = serde_json::from_str(EVENTS).unwrap();
    let newer = stored[0].replace("\"schema_version\":1", "\"schema_version\":3");
    assert_eq!(decode_event(&newer), Err(MigrationError::NewerVersion(3)));
    assert!(matches!(
        decode_event("not json"),
        Err(MigrationError::Malformed(_))
    ));
}

/// Records are now written as ASCII JSON (`\uXXXX` for every other character); those written
/// before, with Chinese as it is, are read as before, and both read as the same record.
#[test]
fn records_stored_as_ascii_json_read_the_same_as_before() {
    use field_ledger::domain::records::ascii_json::ascii_json;
    let stored: Vec<String> = serde_json::from_str(EVENTS).unwrap();
    for json in &stored {
        assert!(!json.is_ascii(), "the fixture holds Chinese text");
        let ascii = ascii_json(json.clone());
        assert!(ascii.is_ascii());
        assert_eq!(decode_event(&ascii).unwrap(), decode_event(json).unwrap());
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&ascii).unwrap(),
            value
        );
    }
    // Characters beyond the basic plane (an emoji in a note) become surrogate pairs.
    assert_eq!(
        ascii_json(r#"{"notes":"好😀"}"#.to_owned()),
        r#"{"notes":"\u597d\ud83d\ude00"}"#
    );
    // Text already in ASCII is kept as it is.
    assert_eq!(ascii_json(r#"{"a":"b\n"}"#.to_owned()), r#"{"a":"b\n"}"#);
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Any text at all reads back the same from its ASCII JSON.
    #[test]
    fn any_text_survives_ascii_json(text in proptest::prelude::any::<String>()) {
        let ascii = ascii_json_of(&text);
        proptest::prop_assert!(ascii.is_ascii());
        proptest::prop_assert_eq!(serde_json::from_str::<String>(&ascii).unwrap(), text);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn ascii_json_of(text: &str) -> String {
    field_ledger::domain::records::ascii_json::ascii_json(serde_json::to_string(text).unwrap())
}
