//! Small preferences in localStorage (through gloo-storage): language, device set-up, the draft
//! and the last recorder. Each write returns only once the browser has accepted it.

use super::keys;
use super::StorageFailure;
use crate::domain::device::DeviceProfile;
use crate::domain::event_draft::EventDraft;
use crate::i18n::Language;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Whether localStorage can be reached at all. gloo-storage panics when it cannot, so this is
/// checked before every use.
fn local_storage_available() -> Result<(), StorageFailure> {
    let window = web_sys::window().ok_or(StorageFailure::Blocked)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        _ => Err(StorageFailure::Blocked),
    }
}

fn classify(error: StorageError) -> StorageFailure {
    match error {
        StorageError::JsError(js) => StorageFailure::from_error_name(&js.name),
        StorageError::SerdeError(_) => StorageFailure::Unreadable,
        StorageError::KeyNotFound(_) => StorageFailure::Unreadable,
    }
}

fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageFailure> {
    local_storage_available()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(classify(error)),
    }
}

fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageFailure> {
    local_storage_available()?;
    LocalStorage::set(key, value).map_err(classify)
}

fn remove(key: &str) -> Result<(), StorageFailure> {
    local_storage_available()?;
    LocalStorage::delete(key);
    Ok(())
}

/// The language saved on this device, `Ok(None)` if none was chosen yet.
pub fn load_language() -> Result<Option<Language>, StorageFailure> {
    match load::<String>(keys::LANGUAGE)? {
        None => Ok(None),
        Some(code) => Language::from_code(&code)
            .map(Some)
            .ok_or(StorageFailure::Unreadable),
    }
}

/// Saves the language choice.
pub fn save_language(language: Language) -> Result<(), StorageFailure> {
    save(keys::LANGUAGE, &language.code())
}

/// This tablet's set-up, `Ok(None)` before the first set-up.
pub fn load_device() -> Result<Option<DeviceProfile>, StorageFailure> {
    load(keys::DEVICE)
}

/// Saves this tablet's set-up.
pub fn save_device(device: &DeviceProfile) -> Result<(), StorageFailure> {
    save(keys::DEVICE, device)
}

/// The event form in progress, if one was left unfinished.
pub fn load_draft() -> Result<Option<EventDraft>, StorageFailure> {
    load(keys::EVENT_DRAFT)
}

/// Keeps the event form in progress.
pub fn save_draft(draft: &EventDraft) -> Result<(), StorageFailure> {
    save(keys::EVENT_DRAFT, draft)
}

/// Forgets the event form in progress (after saving or discarding it).
pub fn clear_draft() -> Result<(), StorageFailure> {
    remove(keys::EVENT_DRAFT)
}

/// The recorder name last saved with an event.
pub fn load_last_recorder() -> Result<Option<String>, StorageFailure> {
    load(keys::LAST_RECORDER)
}

/// Remembers the recorder name for the next event.
pub fn save_last_recorder(name: &str) -> Result<(), StorageFailure> {
    save(keys::LAST_RECORDER, &name)
}
