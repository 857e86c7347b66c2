//! Conflict documents coming down from the server (`conflict:<record _id>:<hex>`, written by the
//! device that settled the conflict, `docs/sync-protocol.md`) become conflicts to review, the
//! same list received files fill: the losing version beside the one kept here.

use super::sync_documents::{local_records, AnyRecord};
use super::sync_settling::Outcome;
use crate::domain::incoming::received::ConflictVersion;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::roster::RosterEntry;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::ConflictDocument;
use crate::storage::records::RecordDatabase;
use serde_json::Value;

/// The record `_id` a conflict document's `_id` names.
fn record_id(conflict_id: &str) -> Option<&str> {
    let rest = conflict_id.strip_prefix("conflict:")?;
    rest.rsplit_once(':').map(|(record, _)| record)
}

/// The conflicts the page's conflict `documents` bring: each losing version beside the version
/// kept here once the page is stored (the page's own outcome for that record, or what is stored).
/// A conflict document whose record is not here yet, or of a photo, is passed over.
pub(super) async fn conflicts_of(
    database: &RecordDatabase,
    documents: &[&Value],
    outcomes: &[(String, Outcome)],
) -> Result<Vec<ConflictVersion>, StorageFailure> {
    let conflicts: Vec<(&str, &Value)> = documents
        .iter()
        .filter(|d| d.get("_deleted").and_then(Value::as_bool) != Some(true))
        .filter_map(|d| {
            let id = d.get("_id").and_then(Value::as_str)?;
            Some((record_id(id)?, *d))
        })
        .collect();
    if conflicts.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: Vec<String> = conflicts.iter().map(|(id, _)| (*id).to_owned()).collect();
    let wanted_refs: Vec<&String> = wanted.iter().collect();
    let mut kept = local_records(database, &wanted_refs).await?;
    for (id, outcome) in outcomes {
        if let Some(record) = &outcome.record {
            kept.insert(id.clone(), record.clone());
        }
    }
    let mut found = Vec::new();
    for (record, document) in conflicts {
        let conflict = match kept.get(record) {
            Some(AnyRecord::Event(kept)) => {
                serde_json::from_value::<ConflictDocument<EventRecord>>(document.clone())
                    .ok()
                    .map(|doc| ConflictVersion::Event {
                        kept: kept.clone(),
                        other: doc.record,
                    })
            }
            Some(AnyRecord::Roster(kept)) => {
                serde_json::from_value::<ConflictDocument<RosterEntry>>(document.clone())
                    .ok()
                    .map(|doc| ConflictVersion::RosterEntry {
                        kept: kept.clone(),
                        other: doc.record,
                    })
            }
            _ => None,
        };
        found.extend(conflict);
    }
    Ok(found)
}
