//! Schema versions of stored records and the migrations between them.
//!
//! Every stored or exported record carries `schema_version`. Reading goes through
//! [`migrate_event`] / [`migrate_roster_entry`], which lift older layouts to the current one and
//! refuse newer ones (written by a newer app) with a clear error instead of losing fields.

use super::event_record::EventRecord;
use super::roster::RosterEntry;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Current layout version of [`EventRecord`].
pub const EVENT_SCHEMA_VERSION: u32 = 1;
/// Current layout version of [`RosterEntry`].
pub const ROSTER_SCHEMA_VERSION: u32 = 1;

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
    migrate(value, EVENT_SCHEMA_VERSION)
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
    // Version 1 is the first layout: nothing older exists to lift yet. Each future version adds a
    // step here (`if version < 2 { value = v1_to_v2(value) }`) with a test reading a v1 fixture.
    serde_json::from_value(value).map_err(|error| MigrationError::Malformed(error.to_string()))
}
