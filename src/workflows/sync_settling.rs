//! Settling sync documents with the records here (`docs/sync-protocol.md`): each server document
//! against the record and marker stored here, by the merge rules; storing in one transaction
//! what settling decided, then sending and acknowledging what must go up. Shared by the push and
//! the pull of `sync_round`; the records behind documents and `_bulk_docs` are in
//! `sync_documents`.

use super::sync_documents::{
    bulk_docs, doc_key, local_records, other_leaves, AnyRecord, DocKey, SyncFailure,
};
use crate::browser::couch_client::CouchClient;
use crate::domain::ids::UnitId;
use crate::domain::incoming::received::ConflictVersion;
use crate::domain::sync::document::{DocRank, SyncDocument, Synced, VersionMark};
use crate::domain::sync::ledger::{KnownCopy, StoredMarker, SyncCheckpoint};
use crate::domain::sync::settle::{settle, PendingMarker, PushAnswer, Settled};
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::storage::records::RecordDatabase;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;

/// What a round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundReport {
    /// Versions the server acknowledged.
    pub pushed: usize,
    /// Records stored here from the server.
    pub pulled: usize,
    /// Records the server refused: document `_id` and its reason. They stay waiting here.
    pub refused: Vec<(String, String)>,
    /// Records still waiting after the round.
    pub waiting: usize,
    /// Photo images sent.
    pub images: usize,
}

/// What settling one record decided, ready to store and send.
pub(super) struct Outcome {
    pub(super) record: Option<AnyRecord>,
    marker: Option<StoredMarker>,
    known: Option<KnownCopy>,
    send: Vec<Value>,
    sent_version: Option<VersionMark>,
}

fn decode<R: DeserializeOwned>(value: &Value) -> Option<SyncDocument<R>> {
    serde_json::from_value(value.clone()).ok()
}

/// Settles a record of type `R` here (`local`, `marker`) against the server's `document` and
/// `leaves`.
fn settle_kind<R: Synced + Clone>(
    local: Option<&R>,
    marker: Option<&StoredMarker>,
    document: &Value,
    leaves: &[Value],
    wrap: fn(R) -> AnyRecord,
) -> Option<Outcome> {
    let server: SyncDocument<R> = decode(document)?;
    let leaves: Vec<SyncDocument<R>> = leaves.iter().filter_map(decode).collect();
    let owner = marker.map_or(&server.owner_unit, |m| &m.owner).clone();
    let Settled {
        merged,
        store,
        push,
        marker: next,
        conflicts,
        delete_leaves,
    } = settle(local, marker.map(|m| &m.marker), &server, &leaves, &owner);
    let mut send: Vec<Value> = conflicts
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    let rank = DocRank::of(&merged);
    for rev in delete_leaves {
        send.push(serde_json::json!({
            "_id": server.id, "_rev": rev, "_deleted": true,
            "kind": server.kind, "owner_unit": owner, "rank": rank,
        }));
    }
    let sent_version = push.as_ref().map(SyncDocument::version);
    if let Some(push) = &push {
        send.push(serde_json::to_value(push).ok()?);
    }
    let known = match (&push, &server.rev) {
        (None, Some(rev)) => Some(KnownCopy {
            owner: owner.clone(),
            rev: rev.clone(),
            version: VersionMark::of(&server.record),
        }),
        _ => None,
    };
    Some(Outcome {
        record: store.then(|| wrap(merged)),
        marker: next.map(|marker: PendingMarker| StoredMarker { owner, marker }),
        known,
        send,
        sent_version,
    })
}

/// Settles the server's `documents` of `db` with what is stored here, reading the records and
/// known copies of the whole page in one transaction each. A document the device already holds
/// as it is (its `_rev` is the known copy's, nothing waits, no conflicting leaves: typically this
/// tablet's own writes coming back) is passed over without decoding.
pub(super) async fn settle_documents(
    database: &RecordDatabase,
    client: &CouchClient,
    db: &str,
    documents: &[&Value],
    markers: &HashMap<String, StoredMarker>,
) -> Result<Vec<(String, Outcome)>, SyncFailure> {
    let ids: Vec<String> = documents
        .iter()
        .filter_map(|d| d.get("_id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let id_refs: Vec<&String> = ids.iter().collect();
    let known = database.load_known_of(&id_refs).await?;
    let in_step = |document: &Value, id: &str| {
        !markers.contains_key(id)
            && known.get(id).is_some_and(|k| {
                document.get("_rev").and_then(Value::as_str) == Some(k.rev.as_str())
            })
            && document
                .get("_conflicts")
                .and_then(Value::as_array)
                .is_none_or(|c| c.is_empty())
    };
    let mut to_settle = Vec::with_capacity(documents.len());
    for document in documents {
        let Some(id) = document.get("_id").and_then(Value::as_str) else {
            continue;
        };
        if !in_step(document, id) {
            to_settle.push((id.to_owned(), *document));
        }
    }
    let wanted: Vec<&String> = to_settle.iter().map(|(id, _)| id).collect();
    let mut stored_here = local_records(database, &wanted).await?;
    let mut outcomes = Vec::new();
    for (id, document) in to_settle {
        let local = stored_here.remove(&id);
        if let Some(outcome) = settle_document(client, db, &id, document, local, markers).await? {
            outcomes.push((id, outcome));
        }
    }
    Ok(outcomes)
}

/// Settles one server document with the record stored here (`local`) and its marker.
async fn settle_document(
    client: &CouchClient,
    db: &str,
    id: &str,
    document: &Value,
    local: Option<AnyRecord>,
    markers: &HashMap<String, StoredMarker>,
) -> Result<Option<Outcome>, SyncFailure> {
    let leaves = other_leaves(client, db, document).await?;
    let marker = markers.get(id);
    Ok(match (doc_key(id), local) {
        (Some(DocKey::Event(_)), local) => {
            let local = match local {
                Some(AnyRecord::Event(r)) => Some(r),
                _ => None,
            };
            settle_kind(local.as_ref(), marker, document, &leaves, AnyRecord::Event)
        }
        (Some(DocKey::Roster(..)), local) => {
            let local = match local {
                Some(AnyRecord::Roster(r)) => Some(r),
                _ => None,
            };
            settle_kind(local.as_ref(), marker, document, &leaves, AnyRecord::Roster)
        }
        (Some(DocKey::Photo(..)), local) => {
            let local = match local {
                Some(AnyRecord::Photo(r)) => Some(r),
                _ => None,
            };
            settle_kind(local.as_ref(), marker, document, &leaves, AnyRecord::Photo)
        }
        (None, _) => None,
    })
}

/// What a page of changes ends with, stored with its records.
pub(super) struct PageEnd {
    /// Where the page ends in the server's changes.
    pub checkpoint: SyncCheckpoint,
    /// Conflicts the page's conflict documents bring, for review (the Quality Section's).
    pub conflicts: Vec<ConflictVersion>,
}

/// Stores what settling decided (records, markers, known copies, and the page's end if given)
/// in one transaction, then sends what must go up and acknowledges it.
pub(super) async fn apply(
    records: EventRecords,
    database: &RecordDatabase,
    client: &CouchClient,
    db: &str,
    outcomes: Vec<(String, Outcome)>,
    page_end: Option<PageEnd>,
    report: &mut RoundReport,
) -> Result<(), SyncFailure> {
    let mut batch = RecordBatch::from_server();
    let mut events = Vec::new();
    let mut roster_of = Vec::new();
    let mut send = Vec::new();
    let mut sent: HashMap<String, (UnitId, VersionMark)> = HashMap::new();
    for (id, outcome) in outcomes {
        match &outcome.record {
            Some(AnyRecord::Event(r)) => {
                batch.put_event(r)?;
                events.push(r.clone());
            }
            Some(AnyRecord::Roster(r)) => {
                batch.put_roster_entry(r)?;
                if !roster_of.contains(&r.event_id) {
                    roster_of.push(r.event_id);
                }
            }
            Some(AnyRecord::Photo(r)) => batch.put_photo(r, None)?,
            None => {}
        }
        if outcome.record.is_some() {
            report.pulled += 1;
        }
        batch.set_marker(&id, outcome.marker.as_ref())?;
        if let Some(known) = &outcome.known {
            batch.set_known(&id, known)?;
        }
        if let (Some(version), Some(marker)) = (outcome.sent_version, &outcome.marker) {
            sent.insert(id.clone(), (marker.owner.clone(), version));
        }
        send.extend(outcome.send);
    }
    if let Some(end) = &page_end {
        batch.set_checkpoint(db, &end.checkpoint)?;
        for conflict in &end.conflicts {
            batch.put_conflict(conflict)?;
        }
    }
    if !batch.is_empty() {
        database.commit(batch).await?;
        records.show_synced(events, &roster_of).await?;
    }
    let mut stored = Vec::new();
    for (id, answer) in bulk_docs(client, db, send).await? {
        if let (PushAnswer::Stored(rev), Some((owner, version))) = (&answer, sent.get(&id)) {
            let copy = KnownCopy {
                owner: owner.clone(),
                rev: rev.clone(),
                version: *version,
            };
            stored.push((id.clone(), copy));
        }
        if let PushAnswer::Refused(reason) = answer {
            report.refused.push((id, reason));
        }
    }
    report.pushed += database.acknowledge_all(&stored).await?;
    Ok(())
}
