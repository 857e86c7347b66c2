//! The documents records become on a CouchDB server (`docs/sync-protocol.md`): one per record,
//! its `_id` naming its kind and UUIDs, carrying its fixed owner unit, its rank for the server's
//! checks, and the record itself; and the conflict documents that keep a version that lost.

use crate::domain::ids::{CampaignId, EventId, UnitId};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::merge::{identity_hash, Mergeable};
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::roster::RosterEntry;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A CouchDB revision (`3-a1b2…`), opaque: only ever sent back as it came.
pub type Rev = String;

/// What kind of record a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// An event.
    Event,
    /// A sign-in.
    Roster,
    /// A photo record (its image is the attachment `image`).
    Photo,
    /// A version that lost on the server, kept for review.
    Conflict,
}

impl DocKind {
    /// The `_id` prefix, with its colon.
    pub fn prefix(self) -> &'static str {
        match self {
            DocKind::Event => "event:",
            DocKind::Roster => "roster:",
            DocKind::Photo => "photo:",
            DocKind::Conflict => "conflict:",
        }
    }
}

/// A record that syncs: its kind and its document `_id`.
pub trait Synced: Mergeable + DeserializeOwned {
    /// Its kind.
    const KIND: DocKind;
    /// Its document `_id`: `event:<uuid>`, `roster:<event>:<entry>`, `photo:<event>:<photo>`.
    fn doc_id(&self) -> String;
    /// The campaign it belongs to, where the record says (events).
    fn campaign(&self) -> Option<&CampaignId> {
        None
    }
}

impl Synced for EventRecord {
    const KIND: DocKind = DocKind::Event;
    fn doc_id(&self) -> String {
        format!("event:{}", self.id)
    }
    fn campaign(&self) -> Option<&CampaignId> {
        Some(&self.campaign_id)
    }
}

impl Synced for RosterEntry {
    const KIND: DocKind = DocKind::Roster;
    fn doc_id(&self) -> String {
        format!("roster:{}:{}", self.event_id, self.id)
    }
}

impl Synced for PhotoRecord {
    const KIND: DocKind = DocKind::Photo;
    fn doc_id(&self) -> String {
        format!("photo:{}:{}", self.event_id, self.id)
    }
}

/// The coarse rank the server checks (revision, then change time): it never accepts a lower one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocRank {
    /// The record's revision.
    pub revision: u32,
    /// Its change time.
    pub updated_at: DateTime<Utc>,
}

impl DocRank {
    /// The rank of `record`.
    pub fn of<R: Mergeable>(record: &R) -> Self {
        let (revision, updated_at) = record.stamp();
        Self {
            revision,
            updated_at,
        }
    }
}

/// One record's document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: DeserializeOwned"))]
pub struct SyncDocument<R> {
    /// `event:<uuid>`…
    #[serde(rename = "_id")]
    pub id: String,
    /// The server's revision: the one this version was based on when pushed, the one it has when
    /// pulled.
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<Rev>,
    /// Its kind.
    pub kind: DocKind,
    /// The unit whose database holds it, fixed when first saved.
    pub owner_unit: UnitId,
    /// The campaign, for events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<CampaignId>,
    /// Revision and change time, for the server's check.
    pub rank: DocRank,
    /// The record.
    pub record: R,
    /// Revisions of the other leaves, when pulled with `conflicts=true`.
    #[serde(rename = "_conflicts", default, skip_serializing)]
    pub conflicts: Vec<Rev>,
}

impl<R: Synced> SyncDocument<R> {
    /// The document of `record`, owned by `owner`, based on the server's `rev`. The record goes
    /// up without the file it came in (its origin says nothing to other devices).
    pub fn of(record: &R, owner: &UnitId, rev: Option<Rev>) -> Self {
        let mut record = record.clone();
        record.set_origin(None);
        Self {
            id: record.doc_id(),
            rev,
            kind: R::KIND,
            owner_unit: owner.clone(),
            campaign_id: record.campaign().cloned(),
            rank: DocRank::of(&record),
            record,
            conflicts: Vec::new(),
        }
    }

    /// The version this document holds, as a pending marker names it.
    pub fn version(&self) -> VersionMark {
        VersionMark::of(&self.record)
    }
}

/// A version of a record, as the pending marker names it: revision and a hash of its state.
/// Cleared only when the server has acknowledged exactly this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VersionMark {
    /// The record's revision.
    pub revision: u32,
    /// The hash of the record's content without origin and withholdable fields.
    pub hash: u64,
}

impl VersionMark {
    /// The mark of `record`'s current version: its revision and the hash of its content without
    /// origin and without the fields a copy may withhold (a sign-in's phone, which goes up only
    /// where the device allows), so a withheld copy and the full one are the same version.
    pub fn of<R: Mergeable>(record: &R) -> Self {
        Self {
            revision: record.stamp().0,
            hash: identity_hash(record),
        }
    }
}

/// A version that lost on the server, kept as its own document so the Quality Section can review
/// it: `conflict:<record _id>:<hash>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: DeserializeOwned"))]
pub struct ConflictDocument<R> {
    /// `conflict:<record _id>:<16 hex digits>`.
    #[serde(rename = "_id")]
    pub id: String,
    /// Always [`DocKind::Conflict`].
    pub kind: DocKind,
    /// The record's kind.
    pub record_kind: DocKind,
    /// The record's owner.
    pub owner_unit: UnitId,
    /// The losing version's rank.
    pub rank: DocRank,
    /// The losing version.
    pub record: R,
}

impl<R: Synced> ConflictDocument<R> {
    /// The conflict document of `loser`, a version of a record owned by `owner`.
    pub fn of(loser: &R, owner: &UnitId) -> Self {
        let mut record = loser.clone();
        record.set_origin(None);
        let mark = VersionMark::of(&record);
        Self {
            id: format!("conflict:{}:{:016x}", record.doc_id(), mark.hash),
            kind: DocKind::Conflict,
            record_kind: R::KIND,
            owner_unit: owner.clone(),
            rank: DocRank::of(&record),
            record,
        }
    }
}

/// The event a record's document `_id` belongs to: the event itself (`event:<id>`), or the
/// event of a sign-in (`roster:<event>:<entry>`) or photo (`photo:<event>:<photo>`).
pub fn event_of_doc_id(id: &str) -> Option<EventId> {
    let mut parts = id.split(':');
    match (parts.next()?, parts.next()?) {
        ("event" | "roster" | "photo", event) => EventId::parse(event),
        _ => None,
    }
}

/// The database of `unit`'s records: `fl-unit-<unit>`.
pub fn unit_database(unit: &UnitId) -> String {
    format!("fl-unit-{unit}")
}

/// The owner ID of an office (one of "各市场监管所"), from the ID provisioned for its device:
/// lowercase ASCII letters, digits and `-`, as CouchDB database names allow; `None` if nothing
/// usable is left.
///
/// ```
/// use field_ledger::domain::sync::document::office_owner;
/// assert_eq!(office_owner("Wanghailou").unwrap().as_str(), "office-wanghailou");
/// assert_eq!(office_owner("  "), None);
/// ```
pub fn office_owner(provisioned: &str) -> Option<UnitId> {
    let id: String = provisioned
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = id.trim_matches('-');
    (!id.is_empty()).then(|| UnitId::new(format!("office-{}", id.trim_start_matches("office-"))))
}
