//! Settling a conflict an import listed: keep the merged version or use the other one, each saved
//! as a new revision made here, in one batch with the conflict taken off the list.

use crate::domain::incoming::received::ConflictVersion;
use crate::domain::records::merge::{choose, same_state, Mergeable};
use crate::domain::storage_failure::StorageFailure;
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::workflows::import_files::stored_records;
use chrono::{DateTime, Utc};

/// How a conflict decision ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// The chosen version is saved.
    Saved,
    /// The record changed after the conflict was listed: nothing is saved, the conflict is
    /// taken off the list, and the user looks at the record as it now is.
    ChangedSince,
}

/// Saves the chosen version of a conflict (the other one, or the current one) as a new revision
/// made here at `now`, and takes the conflict off the list; unless the record has changed since
/// the conflict was listed, when choosing would overwrite a version the user never saw.
async fn decide(
    records: EventRecords,
    conflict: &ConflictVersion,
    use_other: bool,
    now: DateTime<Utc>,
) -> Result<Decided, StorageFailure> {
    let database = records.database()?;
    let mut batch = RecordBatch::default();
    batch.delete_conflict(conflict.key());
    let (events, roster) = stored_records(records).await?;
    let (event, decided) = match conflict {
        ConflictVersion::Event { kept, other } => (
            kept.id,
            settle(
                &mut batch,
                events.get(&kept.id),
                kept,
                other,
                use_other,
                now,
                |b, r| b.put_event(r),
            )?,
        ),
        ConflictVersion::RosterEntry { kept, other } => (
            kept.event_id,
            settle(
                &mut batch,
                roster.get(&kept.id),
                kept,
                other,
                use_other,
                now,
                |b, r| b.put_roster_entry(r),
            )?,
        ),
    };
    if decided == Decided::Saved {
        records.note_changes([event]);
    }
    database.commit(batch).await?;
    records.reload().await?;
    Ok(decided)
}

/// Queues the chosen version of one conflict, if the record is still as the conflict saw it.
fn settle<R: Mergeable>(
    batch: &mut RecordBatch,
    current: Option<&R>,
    kept: &R,
    other: &R,
    use_other: bool,
    now: DateTime<Utc>,
    put: impl Fn(&mut RecordBatch, &R) -> Result<(), StorageFailure>,
) -> Result<Decided, StorageFailure> {
    let Some(current) = current.filter(|current| same_state(*current, kept)) else {
        return Ok(Decided::ChangedSince);
    };
    let chosen = if use_other { other } else { current };
    put(batch, &choose(current, chosen, now))?;
    Ok(Decided::Saved)
}

/// Keeps the merged version: confirmed as a new revision made here at `now`, so the other
/// version is plainly older from now on and merging the same files again does not list it again.
pub async fn keep_current_version(
    records: EventRecords,
    conflict: &ConflictVersion,
    now: DateTime<Utc>,
) -> Result<Decided, StorageFailure> {
    decide(records, conflict, false, now).await
}

/// Saves the other version of a conflict as a new revision, made here at `now`, and takes the
/// conflict off the list.
pub async fn use_other_version(
    records: EventRecords,
    conflict: &ConflictVersion,
    now: DateTime<Utc>,
) -> Result<Decided, StorageFailure> {
    decide(records, conflict, true, now).await
}
