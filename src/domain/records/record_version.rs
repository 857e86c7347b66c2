//! What tells versions of one record apart: where a version came from ([`RecordOrigin`]) and how
//! versions are ordered ([`VersionRank`]; the rules that use it are in `merge`), the stamp of a
//! record's next revision, and the layout versions of stored records (their migrations are in
//! `schema`). The records carry these, so they sit below the records, the merge and the schema.

use crate::domain::ids::{DeviceId, ReceivedFileId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a version of a record came from: the received file, and the device that wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordOrigin {
    /// The received file.
    pub file_id: ReceivedFileId,
    /// The device that exported it.
    pub device_id: DeviceId,
}

/// The 64-bit FNV-1a hash of `bytes`: stable across builds and platforms, unlike `std`'s hasher,
/// because it is stored (in `roster::KeptPhone`) and compared between devices.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// How versions of one record are ordered; the highest wins a merge. Fields compare in order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct VersionRank {
    /// The revision: every saved change adds one.
    pub revision: u32,
    /// When the version was saved.
    pub updated_at: DateTime<Utc>,
    /// The device the record was made on (events; roster entries carry none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceId>,
    /// Hash of the content with withholdable fields left out, so a report's copy and a backup's
    /// copy of the same version rank alike up to here.
    pub identity: u64,
    /// Whether the version carries every field; of two copies of one version, the full one wins.
    pub complete: bool,
    /// Hash of the whole content: the last tie-break between versions that differ.
    pub content: u64,
}

/// The revision and change time of a record's next version: revision + 1, and the change time
/// never going backwards even if the tablet's clock does, so the newer copy always wins a merge.
pub fn next_revision_stamp(
    revision: u32,
    updated_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> (u32, chrono::DateTime<chrono::Utc>) {
    (revision.saturating_add(1), now.max(updated_at))
}

/// Newest layout version of `EventRecord` this build reads and writes. Version 2 added the
/// optional video fields; each record is written in the lowest version that holds it
/// (`EventRecord::layout_version`).
pub const EVENT_SCHEMA_VERSION: u32 = 2;
/// Current layout version of `RosterEntry`.
pub const ROSTER_SCHEMA_VERSION: u32 = 1;
