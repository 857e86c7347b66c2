//! The records behind sync documents and the server's bulk API: the record stored here under a
//! document `_id`, the document a record goes up as, `_bulk_docs` and its answers (a sign-in's
//! phone taken out unless the device sends phones), and a document's other leaves. Used by
//! settling (`sync_settling`), the round (`sync_round`) and conflicts (`sync_conflicts`).

use crate::browser::couch_client::{CouchClient, CouchError};
use crate::domain::ids::{EventId, PhotoId, RosterEntryId, UnitId};
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::{SyncDocument, Synced, VersionMark};
use crate::domain::sync::settle::PushAnswer;
use crate::storage::preferences::load_sync_settings;
use crate::storage::records::RecordDatabase;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// Why a round stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncFailure {
    /// The server could not be reached or answered with an error.
    Server(CouchError),
    /// This device's storage failed.
    Storage(StorageFailure),
    /// The server answered something this build cannot read.
    Unreadable,
}

impl From<CouchError> for SyncFailure {
    fn from(error: CouchError) -> Self {
        Self::Server(error)
    }
}

impl From<StorageFailure> for SyncFailure {
    fn from(failure: StorageFailure) -> Self {
        Self::Storage(failure)
    }
}

/// One entry of a `_bulk_docs` answer.
#[derive(Debug, Deserialize)]
struct BulkEntry {
    id: String,
    #[serde(default)]
    rev: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    reason: Option<String>,
}

/// A record of one of the three kinds.
#[derive(Debug, Clone)]
pub(super) enum AnyRecord {
    Event(EventRecord),
    Roster(RosterEntry),
    Photo(PhotoRecord),
}

/// The parts of a document `_id`.
pub(super) enum DocKey {
    Event(EventId),
    Roster(EventId, RosterEntryId),
    Photo(EventId, PhotoId),
}

/// The parts of document `_id` `id`, if it names an event, a sign-in or a photo.
pub(super) fn doc_key(id: &str) -> Option<DocKey> {
    let mut parts = id.split(':');
    let key = match (parts.next()?, parts.next(), parts.next()) {
        ("event", Some(event), None) => DocKey::Event(EventId::parse(event)?),
        ("roster", Some(event), Some(entry)) => {
            DocKey::Roster(EventId::parse(event)?, RosterEntryId::parse(entry)?)
        }
        ("photo", Some(event), Some(photo)) => {
            DocKey::Photo(EventId::parse(event)?, PhotoId::parse(photo)?)
        }
        _ => return None,
    };
    parts.next().is_none().then_some(key)
}

/// The record stored here under document `id`.
pub(super) async fn local_record(
    database: &RecordDatabase,
    id: &str,
) -> Result<Option<AnyRecord>, StorageFailure> {
    Ok(match doc_key(id) {
        // From storage, not this tab's copy in memory (which may not be loaded yet): a record
        // missing here would let the server's copy overwrite it.
        Some(DocKey::Event(event)) => database.load_event(event).await?.map(AnyRecord::Event),
        Some(DocKey::Roster(event, entry)) => database
            .load_roster_entry(event, entry)
            .await?
            .map(AnyRecord::Roster),
        Some(DocKey::Photo(event, photo)) => database
            .load_photos(event)
            .await?
            .records
            .into_iter()
            .find(|p| p.id == photo)
            .map(AnyRecord::Photo),
        None => None,
    })
}

/// The records stored here under the document `ids`, by `_id`, read together (one transaction
/// for the events and sign-ins). Missing ones are left out.
pub(super) async fn local_records(
    database: &RecordDatabase,
    ids: &[&String],
) -> Result<HashMap<String, AnyRecord>, StorageFailure> {
    let mut events = Vec::new();
    let mut roster = Vec::new();
    let mut found = HashMap::with_capacity(ids.len());
    for id in ids {
        match doc_key(id) {
            Some(DocKey::Event(event)) => events.push(event),
            Some(DocKey::Roster(event, entry)) => roster.push((event, entry)),
            Some(DocKey::Photo(..)) => {
                if let Some(record) = local_record(database, id).await? {
                    found.insert((*id).clone(), record);
                }
            }
            None => {}
        }
    }
    let (events, roster) = database.load_for_sync(&events, &roster).await?;
    for event in events {
        found.insert(event.doc_id(), AnyRecord::Event(event));
    }
    for entry in roster {
        found.insert(entry.doc_id(), AnyRecord::Roster(entry));
    }
    Ok(found)
}

/// The document a record goes up as (phones are taken out, or not, by [`bulk_docs`]).
pub(super) fn document_of(
    record: &AnyRecord,
    owner: &UnitId,
    rev: Option<String>,
) -> (Value, VersionMark) {
    fn doc<R: Synced>(record: &R, owner: &UnitId, rev: Option<String>) -> (Value, VersionMark) {
        let document = SyncDocument::of(record, owner, rev);
        (
            serde_json::to_value(&document).unwrap_or(Value::Null),
            document.version(),
        )
    }
    match record {
        AnyRecord::Event(r) => doc(r, owner, rev),
        AnyRecord::Roster(r) => doc(r, owner, rev),
        AnyRecord::Photo(r) => doc(r, owner, rev),
    }
}

/// Reads a `_bulk_docs` answer by document `_id` (the server may answer in another order).
fn answers_of(text: &str) -> Result<HashMap<String, PushAnswer>, SyncFailure> {
    let entries: Vec<BulkEntry> =
        serde_json::from_str(text).map_err(|_| SyncFailure::Unreadable)?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let answer = PushAnswer::of(e.rev.as_deref(), e.error.as_deref(), e.reason.as_deref());
            (e.id, answer)
        })
        .collect())
}

/// A document as it may leave the tablet: a sign-in (or a conflict document of one) without its
/// phone unless the device's sync settings include phones, the rule reports follow. A withheld
/// phone does not change a version's mark (it is not part of its identity), so acknowledgements
/// match either way.
fn as_sent(mut document: Value, include_phones: bool) -> Value {
    if include_phones {
        return document;
    }
    let kind = document.get("kind").and_then(Value::as_str);
    let record_kind = document.get("record_kind").and_then(Value::as_str);
    if kind == Some("roster") || (kind == Some("conflict") && record_kind == Some("roster")) {
        if let Some(record) = document.get_mut("record") {
            if let Ok(entry) = serde_json::from_value::<RosterEntry>(record.take()) {
                *record = serde_json::to_value(entry.with_phone_withheld()).unwrap_or(Value::Null);
            }
        }
    }
    document
}

/// Writes `docs` (`_bulk_docs`) and reads the answers. Every document this tablet sends goes
/// through here, and through [`as_sent`] first.
pub(super) async fn bulk_docs(
    client: &CouchClient,
    db: &str,
    docs: Vec<Value>,
) -> Result<HashMap<String, PushAnswer>, SyncFailure> {
    if docs.is_empty() {
        return Ok(HashMap::new());
    }
    let include_phones = load_sync_settings().is_ok_and(|settings| settings.include_phones);
    let docs: Vec<Value> = docs
        .into_iter()
        .map(|doc| as_sent(doc, include_phones))
        .collect();
    let body = serde_json::json!({ "docs": docs }).to_string();
    let text = client
        .request("POST", &format!("{db}/_bulk_docs"), Some(&body), None)
        .await?;
    answers_of(&text)
}

/// A server document's leaves other than the winner, when it has any (`open_revs=all`).
pub(super) async fn other_leaves(
    client: &CouchClient,
    db: &str,
    document: &Value,
) -> Result<Vec<Value>, SyncFailure> {
    let conflicted = document
        .get("_conflicts")
        .and_then(Value::as_array)
        .is_some_and(|c| !c.is_empty());
    let (Some(id), true) = (document.get("_id").and_then(Value::as_str), conflicted) else {
        return Ok(Vec::new());
    };
    let winner = document.get("_rev").cloned();
    let text = client
        .request("GET", &format!("{db}/{id}?open_revs=all"), None, None)
        .await?;
    let leaves: Vec<Value> = serde_json::from_str(&text).map_err(|_| SyncFailure::Unreadable)?;
    Ok(leaves
        .into_iter()
        .filter_map(|leaf| leaf.get("ok").cloned())
        .filter(|leaf| leaf.get("_rev") != winner.as_ref() && leaf.get("_deleted").is_none())
        .collect())
}
