//! Event records and roster entries: defaults, validation, file form and migrations.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use field_ledger::domain::ids::{
    ActivityId, CounterId, DeviceId, DirectionId, EventId, RosterEntryId, UnitId,
};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::roster::{is_phone_number, mask_phone, RosterEntry};
use field_ledger::domain::records::schema::{migrate_event, migrate_roster_entry, MigrationError};
use field_ledger::domain::validation::{Field, FieldError, Problem, COUNT_MAX};
use serde_json::json;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2021, 9, 15, 1, 30, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, d).unwrap()
}

fn device_id() -> DeviceId {
    DeviceId::parse("3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d").unwrap()
}

fn event_id() -> EventId {
    EventId::parse("6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11").unwrap()
}

/// A valid record of activity 1, as a grid worker would save it.
fn blood_pressure_day(plan: &Campaign) -> EventRecord {
    let mut record = EventRecord::new(
        event_id(),
        plan,
        device_id(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new("qm2021-a01"),
        },
        UnitId::new("metrology-institute"),
        day(15),
        now(),
    );
    record.place = "中山公园广场".into();
    record.recorder = "王芳".into();
    record.head_count = 120;
    record
        .extra_counts
        .insert(CounterId::new("bp-monitors-tested"), 86);
    record
}

fn problems(result: Result<(), Vec<FieldError>>) -> Vec<(Field, Problem)> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_new_record_takes_the_plans_defaults() {
    let plan = Campaign::quality_month_2021();
    let record = blood_pressure_day(&plan);
    assert_eq!(record.direction_id, DirectionId::new("enterprises-people"));
    assert_eq!(record.campaign_id, plan.id);
    assert_eq!(
        (record.revision, record.deleted, record.schema_version),
        (1, false, 1)
    );
    assert_eq!(record.created_at, now());
    assert_eq!(record.last_day(), day(15));
    assert_eq!(record.validate(&plan), Ok(()));
}

#[test]
fn validation_names_every_bad_field_at_once() {
    let plan = Campaign::quality_month_2021();
    let mut record = blood_pressure_day(&plan);
    record.place = "   ".into();
    record.recorder = String::new();
    record.end_date = Some(day(14));
    record.head_count = COUNT_MAX + 1;
    record.organising_unit_id = UnitId::new("no-such-unit");
    record.direction_id = DirectionId::new("no-such-direction");
    record
        .extra_counts
        .insert(CounterId::new("restaurants-inspected"), 3);
    record.notes = "字".repeat(2001);
    assert_eq!(
        problems(record.validate(&plan)),
        vec![
            (Field::OrganisingUnit, Problem::NotInPlan),
            (Field::EndDate, Problem::BeforeStart),
            (Field::Place, Problem::Required),
            (Field::Recorder, Problem::Required),
            (Field::HeadCount, Problem::TooLarge(COUNT_MAX)),
            (
                Field::ExtraCounter(CounterId::new("restaurants-inspected")),
                Problem::NotInPlan
            ),
            (Field::Direction, Problem::NotInPlan),
            (Field::Notes, Problem::TooLong(2000)),
        ]
    );
}

#[test]
fn times_may_cross_midnight_only_on_multi_day_events() {
    let plan = Campaign::quality_month_2021();
    let mut record = blood_pressure_day(&plan);
    record.start_time = NaiveTime::from_hms_opt(15, 0, 0);
    record.end_time = NaiveTime::from_hms_opt(9, 0, 0);
    assert_eq!(
        problems(record.validate(&plan)),
        vec![(Field::EndTime, Problem::BeforeStart)]
    );
    record.end_date = Some(day(21));
    assert_eq!(record.validate(&plan), Ok(()));
}

#[test]
fn other_events_need_their_own_title_and_may_not_use_activity_counters() {
    let plan = Campaign::quality_month_2021();
    let mut record = blood_pressure_day(&plan);
    record.activity = ActivityChoice::Other { title: " ".into() };
    assert_eq!(
        problems(record.validate(&plan)),
        vec![
            (Field::OtherTitle, Problem::Required),
            (
                Field::ExtraCounter(CounterId::new("bp-monitors-tested")),
                Problem::NotInPlan
            ),
        ]
    );
    record.activity = ActivityChoice::Planned {
        activity_id: ActivityId::new("qm2021-a99"),
    };
    assert_eq!(
        problems(record.validate(&plan))[0],
        (Field::Activity, Problem::NotInPlan)
    );
}

#[test]
fn a_record_survives_its_file_form_unchanged() {
    let plan = Campaign::quality_month_2021();
    let record = blood_pressure_day(&plan);
    let value = serde_json::to_value(&record).unwrap();
    assert_eq!(value["id"], "6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11");
    assert_eq!(
        value["activity"],
        json!({"kind": "planned", "activity_id": "qm2021-a01"})
    );
    assert_eq!(value["start_date"], "2021-09-15");
    assert_eq!(value["created_at"], "2021-09-15T01:30:00Z");
    assert_eq!(migrate_event(value), Ok(record));
}

#[test]
fn migration_refuses_records_it_cannot_read_safely() {
    let plan = Campaign::quality_month_2021();
    let mut value = serde_json::to_value(blood_pressure_day(&plan)).unwrap();
    value["schema_version"] = json!(3);
    assert_eq!(
        migrate_event(value.clone()),
        Err(MigrationError::NewerVersion(3))
    );
    value.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        migrate_event(value.clone()),
        Err(MigrationError::MissingVersion)
    );
    value["schema_version"] = json!(1);
    value["head_count"] = json!("many");
    assert!(matches!(
        migrate_event(value),
        Err(MigrationError::Malformed(_))
    ));
}

#[test]
fn roster_entries_check_name_and_phone() {
    let id = RosterEntryId::parse("0b7e8f4e-5a1d-4f7a-8c2e-9d1b3a5c7e90").unwrap();
    let mut entry = RosterEntry::new(id, event_id(), "李明".into(), now());
    assert_eq!(entry.validate(), Ok(()));
    entry.phone = Some("138123".into());
    entry.name = " ".into();
    assert_eq!(
        problems(entry.validate()),
        vec![
            (Field::AttendeeName, Problem::Required),
            (Field::Phone, Problem::NotAPhoneNumber)
        ]
    );
    entry.name = "李明".into();
    entry.phone = Some("13812345678".into());
    let value = serde_json::to_value(&entry).unwrap();
    assert_eq!(migrate_roster_entry(value), Ok(entry));
}

#[test]
fn phone_numbers_are_recognised_and_masked() {
    for good in [
        "13812345678",
        "02226281234",
        "022-26281234",
        "0311-8123456",
        "26281234",
    ] {
        assert!(is_phone_number(good), "{good}");
    }
    for bad in [
        "",
        "1381234567",
        "23812345678",
        "022-2628",
        "abc-26281234",
        "138 1234 5678",
    ] {
        assert!(!is_phone_number(bad), "{bad}");
    }
    assert_eq!(mask_phone("13812345678"), "138****5678");
    assert_eq!(mask_phone("022-26281234"), "022*****1234");
    assert_eq!(mask_phone("1234"), "****");
}

#[test]
fn ids_parse_only_uuids() {
    assert!(EventId::parse("not-a-uuid").is_none());
    assert_eq!(
        event_id().to_string(),
        "6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11"
    );
}

#[test]
fn every_change_raises_the_revision_and_never_moves_time_backwards() {
    let plan = Campaign::quality_month_2021();
    let record = blood_pressure_day(&plan);
    let later = now() + chrono::Duration::minutes(5);
    let deleted = record.deleted_at(later);
    assert_eq!(
        (deleted.revision, deleted.deleted, deleted.updated_at),
        (2, true, later)
    );
    let restored = deleted.restored_at(later);
    assert_eq!((restored.revision, restored.deleted), (3, false));
    // A tablet whose clock jumped back still moves forward.
    let skewed = restored.next_revision(now() - chrono::Duration::days(1));
    assert_eq!((skewed.revision, skewed.updated_at), (4, later));
    assert_eq!(skewed.created_at, record.created_at);
}

#[test]
fn online_events_need_a_platform_and_office_units_an_office_name() {
    let plan = Campaign::quality_month_2021();
    let mut record = blood_pressure_day(&plan);
    record.attendance = field_ledger::domain::records::event_record::Attendance::Online;
    record.place.clear();
    record.organising_unit_id = UnitId::new("market-offices");
    assert_eq!(
        problems(record.validate(&plan)),
        vec![
            (Field::OfficeName, Problem::Required),
            (Field::Platform, Problem::Required)
        ]
    );
    record.place = "抖音直播".into();
    record.office_name = Some("望海楼市场监管所".into());
    assert_eq!(record.validate(&plan), Ok(()));
}

#[test]
fn live_sign_ins_count_each_events_entries_but_not_removed_ones() {
    use field_ledger::domain::records::roster::live_sign_ins;
    let entry = |n: u128, event: EventId| {
        RosterEntry::new(
            RosterEntryId(uuid::Uuid::from_u128(n)),
            event,
            "李明".into(),
            now(),
        )
    };
    let other = EventId(uuid::Uuid::from_u128(99));
    let removed = entry(3, event_id()).removed_at(now());
    let entries = [
        entry(1, event_id()),
        entry(2, event_id()),
        removed,
        entry(4, other),
    ];
    let counts = live_sign_ins(&entries);
    assert_eq!(counts.get(&event_id()), Some(&2));
    assert_eq!(counts.get(&other), Some(&1));
    assert_eq!(counts.len(), 2);
}
