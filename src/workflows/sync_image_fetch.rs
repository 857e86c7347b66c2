//! A photo whose record came by sync comes without its image: the image is fetched from the sync
//! server when a page needs it (the photo list, the summary, the report pack), stored with its
//! thumbnail, and read from storage afterwards. Nothing is fetched while sync is off, or for a
//! photo the server does not know.

use super::import_packs::thumbnail_of;
use crate::browser::couch_client::CouchClient;
use crate::domain::records::photo::PhotoRecord;
use crate::domain::sync::document::{unit_database, Synced};
use crate::storage::imports::RecordBatch;
use crate::storage::preferences::load_sync_settings;
use crate::storage::records::RecordDatabase;
use web_sys::Blob;

/// The image of `photo` from the sync server, stored here once fetched; `None` when sync is off,
/// the server does not hold it (yet), or it cannot be reached or stored.
pub async fn fetch_image(database: &RecordDatabase, photo: &PhotoRecord) -> Option<Blob> {
    let settings = load_sync_settings().ok()?;
    settings.marking_owner()?;
    let doc_id = photo.doc_id();
    let owner = database
        .load_known_of(&[&doc_id])
        .await
        .ok()?
        .remove(&doc_id)?
        .owner;
    let client = CouchClient::new(&settings.server);
    let path = format!("{}/image:{}/image", unit_database(&owner), photo.id);
    let image = client.get_blob(&path).await.ok()?;
    let thumbnail = thumbnail_of(&image, &photo.media_type).await;
    let mut batch = RecordBatch::from_server();
    batch.put_photo_images(photo.id, &image, thumbnail.as_ref());
    database.commit(batch).await.ok()?;
    Some(image)
}

/// The image of `photo`: as stored here, or fetched from the sync server.
pub async fn image_here_or_fetched(
    database: &RecordDatabase,
    photo: &PhotoRecord,
) -> Result<Option<Blob>, crate::domain::storage_failure::StorageFailure> {
    match database.load_image(photo.id).await? {
        Some(image) => Ok(Some(image)),
        None => Ok(fetch_image(database, photo).await),
    }
}
