//! One round of live sync with the owner unit's database (`docs/sync-protocol.md`): the records
//! waiting here go up in batches (`_bulk_docs`), each on the server revision this device knows;
//! those the server's copy has moved past are read back and settled by the merge rules
//! (`sync_settling`); then the server's changes since the checkpoint come down and are settled the same
//! way, stored with their markers, known copies and the new checkpoint in one transaction.

use super::sync_conflicts::conflicts_of;
pub use super::sync_documents::SyncFailure;
use super::sync_documents::{bulk_docs, document_of, local_records};
use super::sync_images::push_images;
pub use super::sync_settling::RoundReport;
use super::sync_settling::{apply, settle_documents, PageEnd};
use crate::browser::couch_client::{CouchClient, CouchError};
use crate::domain::ids::UnitId;
use crate::domain::sync::document::unit_database;
use crate::domain::sync::ledger::{sequence_text, KnownCopy, StoredMarker, SyncCheckpoint};
use crate::domain::sync::settle::{PendingMarker, PushAnswer};
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::storage::records::RecordDatabase;
use serde_json::Value;
use std::collections::HashMap;

/// Documents a `_bulk_docs` request carries at most.
const BATCH: usize = 500;
/// Changes read per `_changes` request.
const CHANGES_LIMIT: usize = 500;

/// The records waiting here go up; those the server's copy has moved past are settled.
async fn push(
    records: EventRecords,
    database: &RecordDatabase,
    client: &CouchClient,
    own: &UnitId,
    report: &mut RoundReport,
    waiting: &dyn Fn(usize),
) -> Result<(), SyncFailure> {
    let pending = database.load_pending().await?;
    let markers: HashMap<String, StoredMarker> = pending.iter().cloned().collect();
    // Each record goes to its owner's database: this tablet's unit's, or another unit's (a record
    // that came in a file), where the server decides whether this account may write.
    let mut by_owner: Vec<(UnitId, Vec<&(String, StoredMarker)>)> = Vec::new();
    for entry in &pending {
        match by_owner
            .iter_mut()
            .find(|(owner, _)| *owner == entry.1.owner)
        {
            Some((_, list)) => list.push(entry),
            None => by_owner.push((entry.1.owner.clone(), vec![entry])),
        }
    }
    for (owner, list) in by_owner {
        let db = unit_database(&owner);
        for chunk in list.chunks(BATCH) {
            push_batch(
                records,
                database,
                client,
                &db,
                &owner == own,
                chunk,
                &markers,
                report,
            )
            .await?;
            waiting(database.count_pending().await?);
        }
    }
    Ok(())
}

/// Pushes one batch of records to `db`; `own` says whether it is this tablet's unit's database
/// (a refusal of the whole request elsewhere is that account's lack of rights, shown per record).
#[allow(clippy::too_many_arguments)]
async fn push_batch(
    records: EventRecords,
    database: &RecordDatabase,
    client: &CouchClient,
    db: &str,
    own: bool,
    chunk: &[&(String, StoredMarker)],
    markers: &HashMap<String, StoredMarker>,
    report: &mut RoundReport,
) -> Result<(), SyncFailure> {
    {
        let mut docs = Vec::with_capacity(chunk.len());
        let mut sent = HashMap::new();
        let ids: Vec<&String> = chunk.iter().map(|entry| &entry.0).collect();
        let mut stored_here = local_records(database, &ids).await?;
        let known = database.load_known_of(&ids).await?;
        for (id, stored) in chunk.iter().map(|entry| (&entry.0, &entry.1)) {
            let Some(record) = stored_here.remove(id) else {
                continue;
            };
            let rev = known.get(id).map(|k| k.rev.clone());
            let (document, version) = document_of(&record, &stored.owner, rev);
            docs.push(document);
            sent.insert(id.clone(), (stored.owner.clone(), version));
        }
        let answers = match bulk_docs(client, db, docs).await {
            Err(SyncFailure::Server(CouchError::Unauthorized | CouchError::Forbidden(_)))
                if !own =>
            {
                // Not a member of that unit's database: every record of the batch is refused.
                for id in sent.keys() {
                    report.refused.push((id.clone(), String::new()));
                }
                return Ok(());
            }
            other => other?,
        };
        let mut conflicted = Vec::new();
        let mut stored = Vec::new();
        for (id, answer) in answers {
            match answer {
                PushAnswer::Stored(rev) => {
                    if let Some((owner, version)) = sent.get(&id) {
                        let copy = KnownCopy {
                            owner: owner.clone(),
                            rev,
                            version: *version,
                        };
                        stored.push((id, copy));
                    }
                }
                PushAnswer::Conflict => conflicted.push(id),
                PushAnswer::Refused(reason) => report.refused.push((id, reason)),
                PushAnswer::Failed(_) => {}
            }
        }
        report.pushed += database.acknowledge_all(&stored).await?;
        if conflicted.is_empty() {
            return Ok(());
        }
        // The server's copies moved: read them and settle each with ours.
        let body = serde_json::json!({ "keys": conflicted }).to_string();
        let text = client
            .request(
                "POST",
                &format!("{db}/_all_docs?include_docs=true&conflicts=true"),
                Some(&body),
                None,
            )
            .await?;
        let rows: Value = serde_json::from_str(&text).map_err(|_| SyncFailure::Unreadable)?;
        let documents: Vec<&Value> = rows
            .get("rows")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|row| row.get("doc").filter(|d| !d.is_null()))
            .collect();
        let outcomes = settle_documents(database, client, db, &documents, markers).await?;
        apply(records, database, client, db, outcomes, None, report).await?;
    }
    Ok(())
}

/// The server's changes since the checkpoint come down, settled, stored with the new checkpoint.
async fn pull(
    records: EventRecords,
    database: &RecordDatabase,
    client: &CouchClient,
    db: &str,
    server: &ServerState,
    review_conflicts: bool,
    report: &mut RoundReport,
) -> Result<(), SyncFailure> {
    let identity = &server.identity;
    let mut since = database
        .load_checkpoint(db)
        .await?
        .filter(|c| c.still_holds(identity, &server.update_seq))
        .map_or(Value::from(0), |c| c.since);
    loop {
        let markers: HashMap<String, StoredMarker> =
            database.load_pending().await?.into_iter().collect();
        let path = format!(
            "{db}/_changes?since={}&include_docs=true&conflicts=true&style=all_docs&limit={CHANGES_LIMIT}",
            js_sys::encode_uri_component(&sequence_text(&since))
        );
        let text = client.request("GET", &path, None, None).await?;
        let changes: Value = serde_json::from_str(&text).map_err(|_| SyncFailure::Unreadable)?;
        let results = changes
            .get("results")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        // Photo records come down without their images: a page that shows one fetches it
        // (`sync_image_fetch`). Image documents themselves are never pulled.
        let documents: Vec<&Value> = results
            .iter()
            .filter_map(|change| change.get("doc").filter(|d| !d.is_null()))
            .filter(|document| {
                !document
                    .get("_id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.starts_with("image:"))
            })
            .collect();
        let outcomes = settle_documents(database, client, db, &documents, &markers).await?;
        let conflicts = if review_conflicts {
            conflicts_of(database, &documents, &outcomes).await?
        } else {
            Vec::new()
        };
        since = changes.get("last_seq").cloned().unwrap_or(since);
        let checkpoint = SyncCheckpoint {
            identity: identity.to_owned(),
            since: since.clone(),
        };
        let end = PageEnd {
            checkpoint,
            conflicts,
        };
        apply(records, database, client, db, outcomes, Some(end), report).await?;
        if results.len() < CHANGES_LIMIT {
            return Ok(());
        }
    }
}

/// One round with `owner`'s database: push what waits, then pull what changed. `waiting` is told
/// how many records still wait after each batch (a first sync of 100,000 takes minutes).
pub async fn sync_round(
    records: EventRecords,
    client: &CouchClient,
    owner: &UnitId,
    follow: &[UnitId],
    waiting: &dyn Fn(usize),
) -> Result<RoundReport, SyncFailure> {
    let database = records.database()?;
    let db = unit_database(owner);
    let server = server_state(client, &db).await?;
    let checkpoint = database.load_checkpoint(&db).await?;
    if checkpoint.is_some_and(|c| !c.still_holds(&server.identity, &server.update_seq)) {
        put_back_after_restore(&database, owner).await?;
    }
    let mut report = RoundReport::default();
    push(records, &database, client, owner, &mut report, waiting).await?;
    report.images = push_images(&database, client, owner).await?;
    // The Quality Section (which follows other units) reviews conflicts; tablets do not. It reads
    // every unit's database in turn after its own; one it may not read, or that is not there (an
    // office not set up yet), is passed over.
    let review = !follow.is_empty();
    let mut own = Some(server);
    for unit in std::iter::once(owner).chain(follow.iter().filter(|unit| *unit != owner)) {
        let db = unit_database(unit);
        let server = match own.take() {
            Some(server) => server,
            None => match server_state(client, &db).await {
                Ok(server) => server,
                Err(SyncFailure::Server(
                    CouchError::Unauthorized | CouchError::Forbidden(_) | CouchError::NotFound,
                )) => continue,
                Err(other) => return Err(other),
            },
        };
        pull(
            records,
            &database,
            client,
            &db,
            &server,
            review,
            &mut report,
        )
        .await?;
    }
    report.waiting = database.count_pending().await?;
    Ok(report)
}

/// The server's database is not the one this device last synced with (restored from a backup, or
/// made anew): what this device believed it holds may be gone or older. Every record of `owner`
/// the device took to be there waits again, as edited alongside whatever the server holds now (a
/// version that loses there is kept as a conflict document, never dropped), and the known copies
/// are forgotten; the pull then starts over from the beginning.
async fn put_back_after_restore(
    database: &RecordDatabase,
    owner: &UnitId,
) -> Result<(), SyncFailure> {
    let pending: HashMap<String, StoredMarker> =
        database.load_pending().await?.into_iter().collect();
    let mut batch = RecordBatch::from_server();
    for (id, known) in database.load_known().await? {
        if &known.owner != owner {
            continue;
        }
        batch.forget_known(&id);
        // An image's known copy is only forgotten: the image goes up again after its record.
        if !pending.contains_key(&id) && !id.starts_with("image:") {
            // Not waiting: the record here is the version the server had.
            let marker = PendingMarker {
                version: known.version,
                base: None,
                sent: Vec::new(),
            };
            let stored = StoredMarker {
                owner: owner.clone(),
                marker,
            };
            batch.set_marker(&id, Some(&stored))?;
        }
    }
    if !batch.is_empty() {
        database.commit(batch).await?;
    }
    Ok(())
}

/// What a round checks a stored checkpoint against.
pub(super) struct ServerState {
    /// The identity document provisioning wrote in the database.
    pub(super) identity: String,
    /// The database's latest sequence.
    pub(super) update_seq: Value,
}

/// The identity document provisioning wrote in `db`, and `db`'s latest sequence.
pub(super) async fn server_state(
    client: &CouchClient,
    db: &str,
) -> Result<ServerState, SyncFailure> {
    let text = client
        .request("GET", &format!("{db}/server-identity"), None, None)
        .await?;
    let identity = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|v| v.get("identity").and_then(Value::as_str).map(str::to_owned))
        .ok_or(SyncFailure::Unreadable)?;
    let text = client.request("GET", db, None, None).await?;
    let update_seq = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|mut info| info.get_mut("update_seq").map(Value::take))
        .unwrap_or(Value::Null);
    Ok(ServerState {
        identity,
        update_seq,
    })
}

/// Whether the signed-in account is the Quality Section's (role `fl-office`), which follows every
/// unit's database.
pub async fn follows_every_unit(client: &CouchClient) -> Result<bool, SyncFailure> {
    let text = client.request("GET", "_session", None, None).await?;
    let session: Value = serde_json::from_str(&text).map_err(|_| SyncFailure::Unreadable)?;
    Ok(session
        .pointer("/userCtx/roles")
        .and_then(Value::as_array)
        .is_some_and(|roles| roles.iter().any(|r| r.as_str() == Some("fl-office"))))
}
