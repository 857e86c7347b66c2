//! How a record's copy on this device and its copy on the server become one (`docs/sync-protocol.md`):
//! the merge rules decide the winner, as for files; whether a losing version was **edited
//! alongside** the winner is decided by the version each edit started from (the pending marker's
//! base, and the versions sent but never acknowledged), never by clocks, so a tablet whose clock is
//! a day behind still has its edit kept, as the winner or as a conflict document.

use super::document::{ConflictDocument, Rev, SyncDocument, Synced, VersionMark};
use crate::domain::ids::UnitId;
use crate::domain::records::merge::{join, same_state, say_different_things};
use serde::{Deserialize, Serialize};

/// How many versions sent without an acknowledgement a marker remembers. A version the server
/// applied but whose answer was lost is recognised by these; more than this many lost answers in a
/// row would only make a merge list the tablet's own older version as a conflict.
const SENT_KEPT: usize = 8;

/// A record waiting to go up: written in the same transaction as each save, cleared only when the
/// server has acknowledged exactly [`version`](Self::version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingMarker {
    /// The version to push: the record as saved last.
    pub version: VersionMark,
    /// The version on the server this line of edits started from (`None`: the record was made
    /// here and never synced).
    #[serde(default)]
    pub base: Option<VersionMark>,
    /// Versions of this line sent without an answer, oldest first: the server may hold one.
    #[serde(default)]
    pub sent: Vec<VersionMark>,
}

impl PendingMarker {
    /// The marker after saving `saved`, replacing `previous` (the record as stored before the save,
    /// with its marker if it was already waiting).
    pub fn after_save<R: Synced>(
        marker: Option<&PendingMarker>,
        previous: Option<&R>,
        saved: &R,
    ) -> Self {
        match marker {
            Some(marker) => Self {
                version: VersionMark::of(saved),
                base: marker.base,
                sent: marker.sent.clone(),
            },
            None => Self {
                version: VersionMark::of(saved),
                base: previous.map(VersionMark::of),
                sent: Vec::new(),
            },
        }
    }

    /// The marker of a record the server no longer holds as this device left it: the server was
    /// restored from an older backup (its identity changed), so the record goes up again. What the
    /// server holds now may be older or may be another tablet's edit since the restore; this device
    /// cannot tell, so its version counts as edited alongside whatever it meets (kept as a
    /// conflict if it loses), never as built on it.
    pub fn after_restore<R: Synced>(record: &R) -> Self {
        Self {
            version: VersionMark::of(record),
            base: None,
            sent: Vec::new(),
        }
    }

    /// Notes that [`version`](Self::version) has been sent.
    pub fn note_sent(&mut self) {
        if !self.sent.contains(&self.version) {
            self.sent.push(self.version);
        }
        if self.sent.len() > SENT_KEPT {
            self.sent.remove(0);
        }
    }

    /// Whether the server's version `server` is one this line of edits started from or sent
    /// itself: then this line descends from it, and nothing was edited alongside.
    pub fn descends_from(&self, server: VersionMark) -> bool {
        self.base == Some(server) || self.sent.contains(&server) || self.version == server
    }
}

/// What becomes of one record once its copies here and on the server are settled.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled<R> {
    /// The record both sides end with.
    pub merged: R,
    /// Store [`merged`](Self::merged) here: it differs from the copy here (or there was none).
    pub store: bool,
    /// Write this to the server (the merged record on the server's winning revision): it differs
    /// from the server's copy, or the server's other leaves must be folded into it.
    pub push: Option<SyncDocument<R>>,
    /// The marker the record keeps: `None` clears it (the server holds this device's version).
    pub marker: Option<PendingMarker>,
    /// Versions that lost and said something else, kept on the server for review.
    pub conflicts: Vec<ConflictDocument<R>>,
    /// Revisions of the server's other leaves, to delete once the merged record is written.
    pub delete_leaves: Vec<Rev>,
}

/// Settles a record: `local` as stored here with its `marker` (if waiting to go up), against
/// `server` (the winning leaf, as read from the server) and its other `leaves` (when a cluster,
/// a replicator or a `new_edits: false` write left some). `owner` owns the record.
pub fn settle<R: Synced>(
    local: Option<&R>,
    marker: Option<&PendingMarker>,
    server: &SyncDocument<R>,
    leaves: &[SyncDocument<R>],
    owner: &UnitId,
) -> Settled<R> {
    let mut conflicts = Vec::new();
    let keep_if_different = |loser: &R, winner: &R, conflicts: &mut Vec<ConflictDocument<R>>| {
        if say_different_things(loser, winner) {
            conflicts.push(ConflictDocument::of(loser, owner));
        }
    };

    // The server's leaves are separate branches by definition: every one that loses and says
    // something else is a conflict.
    let mut on_server = server.record.clone();
    for leaf in leaves {
        let winner = join(&on_server, &leaf.record);
        let loser = if same_state(&winner, &on_server) {
            &leaf.record
        } else {
            &on_server
        };
        keep_if_different(loser, &winner, &mut conflicts);
        on_server = winner;
    }
    let server_mark = VersionMark::of(&server.record);

    let merged = match (local, marker) {
        (None, _) => on_server.clone(),
        // Waiting to go up: built on the server's copy (or already there), or edited alongside.
        (Some(here), Some(marker)) => {
            let merged = join(here, &on_server);
            if !marker.descends_from(server_mark) {
                let loser = if same_state(&merged, here) {
                    &on_server
                } else {
                    here
                };
                keep_if_different(loser, &merged, &mut conflicts);
            }
            merged
        }
        // In step with the server before: the server's copy descends from it, or the server went
        // back (restored from a backup) and gets this device's copy again.
        (Some(here), None) => join(here, &on_server),
    };

    let store = local.is_none_or(|here| !same_state(here, &merged));
    let merged_mark = VersionMark::of(&merged);
    let push = (merged_mark != server_mark || !leaves.is_empty())
        .then(|| SyncDocument::of(&merged, owner, server.rev.clone()));
    let marker = push.as_ref().map(|_| PendingMarker {
        version: merged_mark,
        base: Some(server_mark),
        sent: Vec::new(),
    });
    // A conflict document of the winner itself would be noise.
    conflicts.retain(|c| VersionMark::of(&c.record) != merged_mark);
    conflicts.dedup_by(|a, b| a.id == b.id);
    Settled {
        merged,
        store,
        push,
        marker,
        conflicts,
        delete_leaves: leaves.iter().filter_map(|l| l.rev.clone()).collect(),
    }
}

/// What the server said of one document of a push (`_bulk_docs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushAnswer {
    /// Stored, at this revision.
    Stored(Rev),
    /// `409`: the server's copy moved since the version sent was based on it.
    Conflict,
    /// Refused by the server's rules (`forbidden`, `unauthorized`), with its reason.
    Refused(String),
    /// Any other error: try again later.
    Failed(String),
}

impl PushAnswer {
    /// Reads one entry of a `_bulk_docs` answer: `{"id", "rev"}` or `{"id", "error", "reason"}`.
    pub fn of(rev: Option<&str>, error: Option<&str>, reason: Option<&str>) -> Self {
        match (rev, error) {
            (Some(rev), None) => PushAnswer::Stored(rev.to_owned()),
            (_, Some("conflict")) => PushAnswer::Conflict,
            (_, Some("forbidden" | "unauthorized")) => {
                PushAnswer::Refused(reason.unwrap_or_default().to_owned())
            }
            (_, error) => PushAnswer::Failed(
                reason
                    .or(error)
                    .unwrap_or("no answer for this document")
                    .to_owned(),
            ),
        }
    }
}

/// Whether a push answer clears `marker`: the server stored exactly the version the marker waits
/// for (`sent` is the version that was sent). A newer save meanwhile keeps the marker.
pub fn acknowledged(marker: &PendingMarker, sent: VersionMark, answer: &PushAnswer) -> bool {
    matches!(answer, PushAnswer::Stored(_)) && marker.version == sent
}
