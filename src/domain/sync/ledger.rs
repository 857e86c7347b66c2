//! What a device keeps per record for live sync (`docs/sync-protocol.md`, "What is kept where"):
//! the pending marker with the record's owner while it waits to go up, and what it knows of the
//! server's copy once the two agree; and the sync settings.

use super::document::{Rev, VersionMark};
use super::settle::PendingMarker;
use crate::domain::ids::UnitId;
use serde::{Deserialize, Serialize};

/// A record waiting to go up, as stored (`sync_pending`, keyed by document `_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMarker {
    /// The unit whose database the record belongs to: fixed when it was first saved.
    pub owner: UnitId,
    /// The marker.
    #[serde(flatten)]
    pub marker: PendingMarker,
}

/// What this device knows of a record's copy on the server (`sync_known`, keyed by document
/// `_id`): written when a push is acknowledged or a pull stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownCopy {
    /// The unit whose database holds it.
    pub owner: UnitId,
    /// The server's revision of it.
    pub rev: Rev,
    /// The version it holds.
    pub version: VersionMark,
}

/// The marker a save writes: the record's next version `saved`, after its `marker` if it was
/// already waiting, built on the server's copy this device knows (`known`) otherwise; owned by the
/// marker's owner, the known copy's, or this device's `owner` for a record new to sync.
pub fn marker_after_save(
    marker: Option<StoredMarker>,
    known: Option<KnownCopy>,
    saved: VersionMark,
    owner: &UnitId,
) -> StoredMarker {
    match marker {
        Some(StoredMarker { owner, marker }) => StoredMarker {
            owner,
            marker: PendingMarker {
                version: saved,
                ..marker
            },
        },
        None => StoredMarker {
            owner: known
                .as_ref()
                .map_or_else(|| owner.clone(), |k| k.owner.clone()),
            marker: PendingMarker {
                version: saved,
                base: known.map(|k| k.version),
                sent: Vec::new(),
            },
        },
    }
}

/// The sync settings of this device (localStorage): off unless turned on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SyncSettings {
    /// Whether records sync.
    pub enabled: bool,
    /// The server's path on this origin, e.g. `couch/`.
    pub server: String,
    /// This tablet's account.
    pub user: String,
    /// The unit whose database this device's new records go to (its office ID for an office).
    pub owner: Option<UnitId>,
    /// Whether sign-ins go up with their phone numbers (off unless chosen: the rule reports
    /// follow). Settings saved before this field existed read as off.
    #[serde(default)]
    pub include_phones: bool,
}

impl SyncSettings {
    /// The owner new records get when sync is on; `None` when off (saves then mark nothing).
    pub fn marking_owner(&self) -> Option<&UnitId> {
        self.owner.as_ref().filter(|_| self.enabled)
    }
}

/// Where this device is in a unit database's changes (`sync_state`, keyed by database name),
/// stored in the same transaction as the records it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncCheckpoint {
    /// The server's identity (`server-identity`) this checkpoint belongs to.
    pub identity: String,
    /// The last sequence read, opaque: sent back as it came.
    pub since: serde_json::Value,
}

impl SyncCheckpoint {
    /// Whether this checkpoint still describes the server's database, whose identity document
    /// says `identity` and whose latest sequence is `update_seq`: the same identity, and a
    /// sequence that has not gone back behind the one read (a database restored from a backup
    /// that carried its identity document along). Sequences are compared only for that, by the
    /// number CouchDB puts before the `-` of its opaque sequence (PouchDB Server's are numbers);
    /// where either has none, only the identity decides.
    pub fn still_holds(&self, identity: &str, update_seq: &serde_json::Value) -> bool {
        if self.identity != identity {
            return false;
        }
        match (sequence_number(&self.since), sequence_number(update_seq)) {
            (Some(read), Some(latest)) => latest >= read,
            _ => true,
        }
    }
}

/// A sequence as the `since` of a `_changes` request takes it: CouchDB's opaque string as it came,
/// PouchDB Server's number as digits (not yet URI-encoded).
pub fn sequence_text(sequence: &serde_json::Value) -> String {
    match sequence {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The number at the head of a sequence: `1234` of `1234` or of `"1234-g1AAAA…"`.
fn sequence_number(sequence: &serde_json::Value) -> Option<u64> {
    match sequence {
        serde_json::Value::Number(number) => number.as_u64(),
        serde_json::Value::String(text) => text.split('-').next()?.parse().ok(),
        _ => None,
    }
}

/// Why a server path cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerPathProblem;

/// The sync server's path as typed, checked: a path on the app's own origin (`couch/` beside the
/// app, or `/couch/`), never another site (the CSP allows only this origin, and a session cookie
/// of another site would be a third party's). Empty means the default `couch/`; the result ends
/// with `/`.
///
/// ```
/// use field_ledger::domain::sync::ledger::check_server_path;
/// assert_eq!(check_server_path(" couch ").unwrap(), "couch/");
/// assert_eq!(check_server_path("").unwrap(), "couch/");
/// assert_eq!(check_server_path("/records/couch/").unwrap(), "/records/couch/");
/// assert!(check_server_path("https://evil.example/couch/").is_err());
/// assert!(check_server_path("//evil.example/couch/").is_err());
/// assert!(check_server_path("../couch/").is_err());
/// ```
pub fn check_server_path(typed: &str) -> Result<String, ServerPathProblem> {
    let path = typed.trim();
    if path.is_empty() {
        return Ok("couch/".to_owned());
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.');
    let bad = path.starts_with("//")
        || path.contains("://")
        || path.split('/').any(|part| part == "..")
        || !path.chars().all(allowed);
    if bad {
        return Err(ServerPathProblem);
    }
    let mut path = path.to_owned();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok(path)
}
