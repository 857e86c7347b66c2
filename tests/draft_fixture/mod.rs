//! What the event-form tests share: a fixed clock, a device, a new event's ID.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use field_ledger::domain::ids::{DeviceId, EventId, UnitId};
use field_ledger::domain::plan::device::{DeviceProfile, DEVICE_SCHEMA_VERSION};
use field_ledger::domain::validation::{Field, FieldError, Problem};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2021, 9, 15, 1, 30, 0).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 15).unwrap()
}

pub fn device(unit: &str) -> DeviceProfile {
    DeviceProfile {
        id: DeviceId::parse("3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d").unwrap(),
        label: "平板3".into(),
        unit_id: UnitId::new(unit),
        office_name: None,
        default_recorder: "王芳".into(),
        created_at: now(),
        updated_at: now(),
        schema_version: DEVICE_SCHEMA_VERSION,
    }
}

pub fn new_id() -> EventId {
    EventId::parse("6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11").unwrap()
}

pub fn fields(errors: Vec<FieldError>) -> Vec<(Field, Problem)> {
    errors.into_iter().map(|e| (e.field, e.problem)).collect()
}
