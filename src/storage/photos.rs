//! Photos in the records database (version 3): the record as JSON text under
//! `<event>/<photo>`, so one event's photos are a key range; the image and its thumbnail as
//! `Blob`s under the photo's UUID, never as base64 inside a record or in localStorage. A new photo
//! is stored whole (record, image, thumbnail) in one strict transaction or not at all.

use super::imports::RecordBatch;
use super::records::{
    completion, decode_all, failure, json, request_result, LoadedRecords, RecordDatabase,
    PHOTOS_STORE, PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE,
};
use super::sync_marking::{marking_owner, with_marking, MarkerWrites};
use crate::domain::ids::{EventId, PhotoId};
use crate::domain::records::photo::PhotoRecord;
use crate::domain::records::schema::MigrationError;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::{Synced, VersionMark};
use js_sys::Array;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, IdbKeyRange, IdbTransactionMode};

fn record_key(record: &PhotoRecord) -> JsValue {
    JsValue::from_str(&format!("{}/{}", record.event_id, record.id))
}

/// Photo writes an import makes in its one transaction.
impl RecordBatch {
    /// Stores a photo record; with `images`, its image and thumbnail too. A tombstone keeps an
    /// image already stored, so undoing the import that brought the deletion can restore it.
    pub fn put_photo(
        &mut self,
        record: &PhotoRecord,
        images: Option<(&Blob, Option<&Blob>)>,
    ) -> Result<(), StorageFailure> {
        let key = format!("{}/{}", record.event_id, record.id);
        self.writes
            .push((PHOTOS_STORE, key, Some(json(record)?.into())));
        self.marks.push((record.doc_id(), VersionMark::of(record)));
        if let Some((image, thumbnail)) = images {
            let id = record.id.to_string();
            self.writes
                .push((PHOTO_BLOBS_STORE, id.clone(), Some(image.into())));
            if let Some(thumbnail) = thumbnail {
                self.writes
                    .push((PHOTO_THUMBS_STORE, id, Some(thumbnail.into())));
            }
        }
        Ok(())
    }

    /// Stores a photo's image and thumbnail alone, its record untouched (an image fetched from
    /// the sync server for a record already here: a caption edited meanwhile stays).
    pub fn put_photo_images(&mut self, photo: PhotoId, image: &Blob, thumbnail: Option<&Blob>) {
        let id = photo.to_string();
        self.writes
            .push((PHOTO_BLOBS_STORE, id.clone(), Some(image.into())));
        if let Some(thumbnail) = thumbnail {
            self.writes
                .push((PHOTO_THUMBS_STORE, id, Some(thumbnail.into())));
        }
    }

    /// Removes a photo's image and thumbnail, keeping its record (an undone import's image of a
    /// photo that goes back to removed).
    pub fn delete_photo_images(&mut self, photo: PhotoId) {
        for store in [PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE] {
            self.writes.push((store, photo.to_string(), None));
        }
    }

    /// Removes a photo with its image and thumbnail (one an undone import had added).
    pub fn delete_photo(&mut self, event: EventId, photo: PhotoId) {
        self.writes
            .push((PHOTOS_STORE, format!("{event}/{photo}"), None));
        for store in [PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE] {
            self.writes.push((store, photo.to_string(), None));
        }
    }
}

fn decode_photo(text: &str) -> Result<PhotoRecord, MigrationError> {
    serde_json::from_str(text).map_err(|error| MigrationError::Malformed(error.to_string()))
}

impl RecordDatabase {
    /// Stores a newly attached photo with its image and thumbnail; returns once durable.
    pub async fn put_new_photo(
        &self,
        record: &PhotoRecord,
        image: &Blob,
        thumbnail: &Blob,
    ) -> Result<(), StorageFailure> {
        let json = json(record)?;
        let owner = marking_owner();
        let stores = [PHOTOS_STORE, PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE];
        let stores = with_marking(&stores, owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let marks = MarkerWrites::for_save(&transaction, owner.as_ref(), record)?;
        let id = JsValue::from_str(&record.id.to_string());
        let puts = [
            (PHOTOS_STORE, JsValue::from_str(&json), record_key(record)),
            (PHOTO_BLOBS_STORE, image.into(), id.clone()),
            (PHOTO_THUMBS_STORE, thumbnail.into(), id),
        ];
        for (store, value, key) in puts {
            let queued = transaction
                .object_store(store)
                .and_then(|store| store.put_with_key(&value, &key));
            if let Err(error) = queued {
                let _ = transaction.abort();
                return Err(failure(error));
            }
        }
        let committed = completion(&transaction).await;
        drop(marks);
        committed.map(|_| ()).map_err(failure)
    }

    /// Stores a changed photo record (caption, selection); a deleted one loses its image and
    /// thumbnail in the same transaction.
    pub async fn put_photo(&self, record: &PhotoRecord) -> Result<(), StorageFailure> {
        let json = json(record)?;
        let owner = marking_owner();
        let stores = [PHOTOS_STORE, PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE];
        let stores = with_marking(&stores, owner.is_some());
        let transaction = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let marks = MarkerWrites::for_save(&transaction, owner.as_ref(), record)?;
        let queued = transaction
            .object_store(PHOTOS_STORE)
            .and_then(|store| store.put_with_key(&JsValue::from_str(&json), &record_key(record)));
        if let Err(error) = queued {
            let _ = transaction.abort();
            return Err(failure(error));
        }
        if record.deleted {
            let id = JsValue::from_str(&record.id.to_string());
            for store in [PHOTO_BLOBS_STORE, PHOTO_THUMBS_STORE] {
                if let Err(error) = transaction.object_store(store).and_then(|s| s.delete(&id)) {
                    let _ = transaction.abort();
                    return Err(failure(error));
                }
            }
        }
        let committed = completion(&transaction).await;
        drop(marks);
        committed.map(|_| ()).map_err(failure)
    }

    /// Removes `photos` (live ones) at `now`, with their images and thumbnails, in one
    /// transaction; returns once durable.
    pub async fn remove_photos(
        &self,
        photos: &[PhotoRecord],
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StorageFailure> {
        let mut batch = RecordBatch::default();
        for photo in photos {
            let mut gone = photo.next_revision(now);
            gone.deleted = true;
            batch.put_photo(&gone, None)?;
            batch.delete_photo_images(gone.id);
        }
        self.commit(batch).await
    }

    /// The photo records of `event`, removed ones included, in the order they were attached.
    pub async fn load_photos(
        &self,
        event: EventId,
    ) -> Result<LoadedRecords<PhotoRecord>, StorageFailure> {
        let transaction = self.transaction(&[PHOTOS_STORE], IdbTransactionMode::Readonly)?;
        let prefix = format!("{event}/");
        let range = IdbKeyRange::bound(
            &JsValue::from_str(&prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        )
        .map_err(failure)?;
        let request = transaction
            .object_store(PHOTOS_STORE)
            .and_then(|store| store.get_all_with_key(&range))
            .map_err(failure)?;
        let values: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        let mut loaded = decode_all(&values, decode_photo);
        crate::domain::sort::sort_by_key(&mut loaded.records, |photo| (photo.created_at, photo.id));
        Ok(loaded)
    }

    /// Every stored photo record, removed ones included.
    pub async fn load_all_photos(&self) -> Result<LoadedRecords<PhotoRecord>, StorageFailure> {
        let transaction = self.transaction(&[PHOTOS_STORE], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(PHOTOS_STORE)
            .and_then(|store| store.get_all())
            .map_err(failure)?;
        let values: Array = request_result(&request)
            .await
            .map_err(failure)?
            .unchecked_into();
        Ok(decode_all(&values, decode_photo))
    }

    /// Every stored photo record by ID, for merging and undoing imports. Refused while any record
    /// cannot be read here: it would be taken for missing.
    pub async fn photos_by_id(&self) -> Result<HashMap<PhotoId, PhotoRecord>, StorageFailure> {
        let loaded = self.load_all_photos().await?;
        if loaded.newer > 0 {
            return Err(StorageFailure::NewerVersion);
        }
        if loaded.unreadable > 0 {
            return Err(StorageFailure::Unreadable);
        }
        Ok(loaded.records.into_iter().map(|p| (p.id, p)).collect())
    }

    /// A photo's image, if stored.
    pub async fn load_image(&self, photo: PhotoId) -> Result<Option<Blob>, StorageFailure> {
        self.load_blob(PHOTO_BLOBS_STORE, photo).await
    }

    /// How many photos are stored (removed ones not counted) and their images' bytes.
    pub async fn photo_totals(&self) -> Result<(usize, u64), StorageFailure> {
        let loaded = self.load_all_photos().await?;
        let live = loaded.records.iter().filter(|photo| !photo.deleted);
        Ok(live.fold((0, 0), |(count, bytes), photo| {
            (count + 1, bytes + photo.bytes)
        }))
    }

    /// A photo's thumbnail, if stored.
    pub async fn load_thumbnail(&self, photo: PhotoId) -> Result<Option<Blob>, StorageFailure> {
        self.load_blob(PHOTO_THUMBS_STORE, photo).await
    }

    async fn load_blob(&self, store: &str, photo: PhotoId) -> Result<Option<Blob>, StorageFailure> {
        let transaction = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = transaction
            .object_store(store)
            .and_then(|store| store.get(&JsValue::from_str(&photo.to_string())))
            .map_err(failure)?;
        let value = request_result(&request).await.map_err(failure)?;
        Ok(value.dyn_into::<Blob>().ok())
    }
}
