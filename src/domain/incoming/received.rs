//! What the Quality Section's device keeps about the files it has received: one entry per file,
//! the snapshot taken before each import, and the conflicts left to review.

use crate::domain::exchange::export::{ExportFile, ExportKind, ExportedDevice};
use crate::domain::ids::{CampaignId, EventId, ImportId, PhotoId, ReceivedFileId, RosterEntryId};
use crate::domain::plan::campaign::{Campaign, Unit};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::merge::Conflict;
use crate::domain::records::merge::{rank, Mergeable};
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::roster::RosterEntry;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One received file, as the received-files page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedFile {
    /// Drawn when the file was imported.
    pub id: ReceivedFileId,
    /// The import it came in.
    pub import_id: ImportId,
    /// Its file name.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// [`content_hash`](crate::domain::records::record_version::content_hash) of its bytes: the same file sent twice is
    /// recognised.
    pub content_hash: u64,
    /// Backup or report.
    pub kind: ExportKind,
    /// When the tablet wrote it.
    pub exported_at: DateTime<Utc>,
    /// When this device imported it.
    pub received_at: DateTime<Utc>,
    /// The tablet that wrote it.
    pub device: ExportedDevice,
    /// Its campaign.
    pub campaign_id: CampaignId,
    /// Live events in it.
    pub events: usize,
    /// Live sign-ins in it.
    pub sign_ins: usize,
    /// Deleted events and sign-ins in it.
    pub tombstones: usize,
}

impl ReceivedFile {
    /// The entry for `export`, named `name`, of that size and content hash, received at `now` in `import_id`.
    pub fn new(
        id: ReceivedFileId,
        import_id: ImportId,
        name: &str,
        (bytes, content_hash): (u64, u64),
        export: &ExportFile,
        now: DateTime<Utc>,
    ) -> Self {
        let live_events = export.events.iter().filter(|e| !e.deleted).count();
        let live_sign_ins = export.roster.iter().filter(|e| !e.deleted).count();
        Self {
            id,
            import_id,
            name: name.to_owned(),
            bytes,
            content_hash,
            kind: export.kind,
            exported_at: export.exported_at,
            received_at: now,
            device: export.device.clone(),
            campaign_id: export.campaign.id.clone(),
            events: live_events,
            sign_ins: live_sign_ins,
            tombstones: export.events.len() - live_events + export.roster.len() - live_sign_ins,
        }
    }
}

/// The records a received file carried, with their origin set: kept so that removing another
/// file can fall back on them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReceivedRecords {
    /// Its events.
    pub events: Vec<EventRecord>,
    /// Its roster entries.
    pub roster: Vec<RosterEntry>,
    /// Its photo records (a report pack's), with their origin set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<PhotoRecord>,
}

/// A stored event as it was before an import replaced it (`None`: the import added it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventBefore {
    /// The event.
    pub id: EventId,
    /// Its stored copy before.
    pub stored: Option<EventRecord>,
    /// [`state_hash`](crate::domain::records::merge::state_hash) of what the import wrote.
    pub written: u64,
}

/// A stored roster entry as it was before an import replaced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterBefore {
    /// The entry.
    pub id: RosterEntryId,
    /// Its event (part of its storage key).
    pub event_id: EventId,
    /// Its stored copy before.
    pub stored: Option<RosterEntry>,
    /// [`state_hash`](crate::domain::records::merge::state_hash) of what the import wrote.
    pub written: u64,
}

/// The snapshot taken before an import is stored: every record it changes, as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSnapshot {
    /// The import.
    pub id: ImportId,
    /// Its place in the order of imports on this device (1, 2, …): the last import is the one
    /// with the highest, whatever the clock said.
    pub sequence: u64,
    /// When it was stored.
    pub imported_at: DateTime<Utc>,
    /// The files it brought.
    pub files: Vec<ReceivedFileId>,
    /// Events before.
    pub events: Vec<EventBefore>,
    /// Roster entries before.
    pub roster: Vec<RosterBefore>,
    /// Photos before (imports of report packs). Absent in snapshots taken before packs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<PhotoBefore>,
}

/// A stored photo record as it was before an import replaced it (`None`: the import added it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoBefore {
    /// The photo.
    pub id: PhotoId,
    /// Its event (part of its storage key).
    pub event_id: EventId,
    /// Its stored record before.
    pub stored: Option<PhotoRecord>,
    /// [`state_hash`](crate::domain::records::merge::state_hash) of what the import wrote.
    pub written: u64,
}

impl ImportSnapshot {
    /// The storage key: the zero-padded sequence, so the last import is the last key.
    pub fn key(&self) -> String {
        format!("{:012}/{}", self.sequence, self.id)
    }

    /// The sequence number in a storage key made by [`ImportSnapshot::key`].
    pub fn sequence_of(key: &str) -> u64 {
        key.split('/')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }
}

/// Whether `current` is still exactly the state an import wrote (`written`); undo leaves records
/// changed since.
pub fn still_as_written<R: Mergeable>(written: u64, current: &R) -> bool {
    crate::domain::records::merge::state_hash(current) == written
}

/// A losing version kept for review. Externally tagged (`{"event": {…}}`): an internally tagged
/// enum would make serde keep a second, buffering copy of every record deserializer (19 KB gzip).
/// The variants differ in size (an event is larger than a sign-in); conflicts are few and
/// short-lived, so they are not boxed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)]
pub enum ConflictVersion {
    /// An event.
    Event {
        /// The version the merge kept.
        kept: EventRecord,
        /// The version that lost.
        other: EventRecord,
    },
    /// A roster entry.
    RosterEntry {
        /// The version the merge kept.
        kept: RosterEntry,
        /// The version that lost.
        other: RosterEntry,
    },
}

impl ConflictVersion {
    /// The storage key: one per record and losing content, so the same conflict found twice is
    /// listed once.
    pub fn key(&self) -> String {
        match self {
            Self::Event { other, .. } => format!("event/{}/{:016x}", other.id, rank(other).content),
            Self::RosterEntry { other, .. } => {
                format!("roster/{}/{:016x}", other.id, rank(other).content)
            }
        }
    }

    /// Whether either version came from one of `files`: the conflict goes when they do.
    pub fn involves(&self, files: &[ReceivedFileId]) -> bool {
        let from = |origin: Option<&crate::domain::records::record_version::RecordOrigin>| {
            origin.is_some_and(|o| files.contains(&o.file_id))
        };
        match self {
            Self::Event { kept, other } => {
                from(kept.origin.as_ref()) || from(other.origin.as_ref())
            }
            Self::RosterEntry { kept, other } => {
                from(kept.origin.as_ref()) || from(other.origin.as_ref())
            }
        }
    }
}

impl From<Conflict<EventRecord>> for ConflictVersion {
    fn from(conflict: Conflict<EventRecord>) -> Self {
        Self::Event {
            kept: conflict.kept,
            other: conflict.other,
        }
    }
}

impl From<Conflict<RosterEntry>> for ConflictVersion {
    fn from(conflict: Conflict<RosterEntry>) -> Self {
        Self::RosterEntry {
            kept: conflict.kept,
            other: conflict.other,
        }
    }
}

/// The plan's units (retired ones left out) that no received file of `campaign` came from. A
/// file counts for its device's unit; an office's file counts for the offices' placeholder unit
/// too.
pub fn units_without_files<'a>(campaign: &'a Campaign, files: &[ReceivedFile]) -> Vec<&'a Unit> {
    let sent: BTreeSet<&str> = files
        .iter()
        .filter(|file| file.campaign_id == campaign.id)
        .map(|file| file.device.unit_id.as_str())
        .collect();
    campaign
        .units
        .iter()
        .filter(|unit| !unit.retired && !sent.contains(unit.id.as_str()))
        .collect()
}
