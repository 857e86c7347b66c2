//! Schema versions of stored records and the migrations between them.
//!
//! Every stored or exported record carries `schema_version`. Reading goes through
//! [`migrate_event`] / [`migrate_roster_entry`], which lift older layouts to the current one and
//! refuse newer ones (written by a newer app) with a clear error instead of losing fields.

use super::event_record::EventRecord;
use super::record_version::{EVENT_SCHEMA_VERSION, ROSTER_SCHEMA_VERSION};
use super::roster::RosterEntry;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why a stored or imported record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// The record has no readable `schema_version`.
    MissingVersion,
    /// Written by a newer app version; this build must not guess at it.
    NewerVersion(u32),
    /// The fields do not have the shape their version promises.
    Malformed(String),
}

/// Reads an event record of any known schema version as the current layout.
pub fn migrate_event(value: Value) -> Result<EventRecord, MigrationError> {
    migrate(value, EVENT_SCHEMA_VERSION).map(lift_event)
}

/// A record counting videos is of layout version 2 whatever it says: builds from before the
/// version was raised wrote such records as version 1. Read as 2, it is saved and exported as 2.
fn lift_event(mut record: EventRecord) -> EventRecord {
    record.schema_version = record.schema_version.max(record.layout_version());
    record
}

/// Reads a roster entry of any known schema version as the current layout.
pub fn migrate_roster_entry(value: Value) -> Result<RosterEntry, MigrationError> {
    migrate(value, ROSTER_SCHEMA_VERSION)
}

fn migrate<T: DeserializeOwned>(value: Value, current: u32) -> Result<T, MigrationError> {
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(MigrationError::MissingVersion)?;
    let version = u32::try_from(version).map_err(|_| MigrationError::NewerVersion(u32::MAX))?;
    if version > current {
        return Err(MigrationError::NewerVersion(version));
    }
    // No version so far needs lifting: event version 2 only added optional fields, which a
    // version-1 record reads as absent. A future version that changes the layout adds a step
    // here (`if version < 3 { value = v2_to_v3(value) }`) with a test reading an older fixture.
    //
    // The lifted value is read back through text so that each record type has one deserializer
    // in the wasm (from text), not a second one from `Value`.
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|error| MigrationError::Malformed(error.to_string()))
}

/// Reads an event record as stored (JSON text), lifting older layouts. Records of the current
/// version take a direct path, one parse without an intermediate `Value`, which matters for
/// 10,000 records and 100,000 sign-ins.
pub fn decode_event(json: &str) -> Result<EventRecord, MigrationError> {
    decode(json, EVENT_SCHEMA_VERSION, migrate_event).map(lift_event)
}

/// Reads a roster entry as stored (JSON text), lifting older layouts.
pub fn decode_roster_entry(json: &str) -> Result<RosterEntry, MigrationError> {
    decode(json, ROSTER_SCHEMA_VERSION, migrate_roster_entry)
}

fn decode<T: DeserializeOwned + Versioned>(
    json: &str,
    current: u32,
    migrate: fn(Value) -> Result<T, MigrationError>,
) -> Result<T, MigrationError> {
    // One parse for the common case; a record of another version (which may still have parsed,
    // unknown fields being ignored) or of another shape goes through the migration path.
    // Every version so far reads as the current layout as it is (version 2 only added optional
    // fields); a version that changes the layout must leave this path to its migration step.
    match serde_json::from_str::<T>(json) {
        Ok(record) if (1..=current).contains(&record.schema_version()) => Ok(record),
        _ => {
            let value = serde_json::from_str(json)
                .map_err(|error| MigrationError::Malformed(error.to_string()))?;
            migrate(value)
        }
    }
}

/// A record that says which layout version it was written in.
trait Versioned {
    fn schema_version(&self) -> u32;
}

impl Versioned for EventRecord {
    fn schema_version(&self) -> u32 {
        self.schema_version
    }
}

impl Versioned for RosterEntry {
    fn schema_version(&self) -> u32 {
        self.schema_version
    }
}
