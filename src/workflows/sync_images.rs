//! Photo images go up after their photo records (`docs/sync-protocol.md`): each as the attachment
//! `image` of its own document `image:<photo id>` ({kind, owner_unit, event_id, photo_id}),
//! written once, since an image never changes once taken (a caption or selection change is the
//! photo record's). The image is PUT with the stored Blob as the body. That the server holds it
//! is remembered as a known copy under `image:<photo id>`; a restored server forgets it, and the
//! image goes up again.

use super::sync_documents::SyncFailure;
use crate::browser::couch_client::{CouchClient, CouchError};
use crate::domain::ids::{PhotoId, UnitId};
use crate::domain::sync::document::unit_database;
use crate::domain::sync::ledger::KnownCopy;
use crate::storage::imports::RecordBatch;
use crate::storage::records::RecordDatabase;
use serde_json::Value;

/// Images sent per round at most: a round stays short; the next one sends more.
const IMAGES_PER_ROUND: usize = 20;

/// The photo an `image:` or `photo:` document `_id` names.
fn photo_of(doc_id: &str) -> Option<PhotoId> {
    match doc_id.split(':').collect::<Vec<_>>().as_slice() {
        ["photo", _, photo] | ["image", photo] => PhotoId::parse(photo),
        _ => None,
    }
}

/// Sends the images of `owner`'s photos that the server holds the records of but not yet the
/// images; returns how many went up. A photo whose image is not on this device (a record that
/// came in a file without it) is passed over.
pub async fn push_images(
    database: &RecordDatabase,
    client: &CouchClient,
    owner: &UnitId,
) -> Result<usize, SyncFailure> {
    let photos = database.load_known_prefixed("photo:").await?;
    let sent = database.load_known_prefixed("image:").await?;
    let db = unit_database(owner);
    let mut count = 0;
    for (doc_id, copy) in photos {
        if count == IMAGES_PER_ROUND {
            break;
        }
        let Some(photo) = photo_of(&doc_id) else {
            continue;
        };
        let image_id = format!("image:{photo}");
        if &copy.owner != owner || sent.contains_key(&image_id) {
            continue;
        }
        let Some(image) = database.load_image(photo).await? else {
            continue;
        };
        let event = doc_id.split(':').nth(1).unwrap_or_default();
        let rev = image_document(client, &db, &image_id, owner, event, photo).await?;
        let answer = client
            .put_blob(&format!("{db}/{image_id}/image?rev={rev}"), &image)
            .await?;
        let rev = serde_json::from_str::<Value>(&answer)
            .ok()
            .and_then(|v| v.get("rev").and_then(Value::as_str).map(str::to_owned))
            .ok_or(SyncFailure::Unreadable)?;
        let mut batch = RecordBatch::from_server();
        let known = KnownCopy {
            owner: owner.clone(),
            rev,
            version: copy.version,
        };
        batch.set_known(&image_id, &known)?;
        database.commit(batch).await?;
        count += 1;
    }
    Ok(count)
}

/// The image document's current `_rev`: made now, or the one a request whose answer was lost
/// made before.
async fn image_document(
    client: &CouchClient,
    db: &str,
    image_id: &str,
    owner: &UnitId,
    event: &str,
    photo: PhotoId,
) -> Result<String, SyncFailure> {
    let body = serde_json::json!({
        "kind": "image", "owner_unit": owner, "event_id": event, "photo_id": photo.to_string(),
    })
    .to_string();
    let answer = match client
        .request("PUT", &format!("{db}/{image_id}"), Some(&body), None)
        .await
    {
        Err(CouchError::Server(409, _)) => {
            client
                .request("GET", &format!("{db}/{image_id}"), None, None)
                .await?
        }
        other => other?,
    };
    let answer: Value = serde_json::from_str(&answer).map_err(|_| SyncFailure::Unreadable)?;
    answer
        .get("rev")
        .or_else(|| answer.get("_rev"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or(SyncFailure::Unreadable)
}
