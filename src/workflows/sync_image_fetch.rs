//! A photo whose record came by sync comes without its image: the image is fetched from the sync
//! server when a page needs it (the photo list, the summary, the report pack), stored with its
//! thumbnail, and read from storage afterwards. Nothing is fetched while sync is off, or for a
//! photo the server does not know. Fetches go one at a time (a page of twenty photos does not
//! open twenty requests): with the sync loop's one, at most two are open.

use super::import_packs::thumbnail_of;
use crate::browser::couch_client::CouchClient;
use crate::domain::records::photo::PhotoRecord;
use crate::domain::sync::document::{unit_database, Synced};
use crate::storage::imports::RecordBatch;
use crate::storage::preferences::load_sync_settings;
use crate::storage::records::RecordDatabase;
use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

thread_local! {
    /// The end of the last fetch queued: the next one starts when it settles.
    static LAST_FETCH: RefCell<Promise> = RefCell::new(Promise::resolve(&JsValue::UNDEFINED));
}

/// Lets the next fetch go when dropped: after this one ends, or if it is dropped unfinished.
struct Turn(Option<Function>);

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(done) = self.0.take() {
            let _ = done.call0(&JsValue::NULL);
        }
    }
}

/// Runs `fetch` after every fetch queued before it has ended.
async fn in_turn<T>(fetch: impl std::future::Future<Output = T>) -> T {
    let mut done: Option<Function> = None;
    let mine = Promise::new(&mut |resolve, _reject| done = Some(resolve));
    let turn = Turn(done);
    let previous = LAST_FETCH.with(|last| last.replace(mine));
    let _ = JsFuture::from(previous).await;
    let result = fetch.await;
    drop(turn);
    result
}

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
    let image = in_turn(client.get_blob(&path)).await.ok()?;
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
