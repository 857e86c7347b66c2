//! The storage adapter: the only code that touches browser storage.
//!
//! What lives where:
//!
//! | key (localStorage)            | value                         |
//! |-------------------------------|-------------------------------|
//! | [`keys::LANGUAGE`]            | interface language, `"zh-CN"` or `"en"` |
//!
//! Every failure comes back as a [`StorageFailure`] the UI shows in words; nothing is only logged.

use crate::i18n::{Language, Text};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

/// Every storage key, in one place.
pub mod keys {
    /// The interface language chosen on this device.
    pub const LANGUAGE: &str = "field-ledger.v1.language";
}

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFailure {
    /// Storage is missing or blocked (private mode, site settings).
    Blocked,
    /// The origin's quota is used up.
    QuotaExceeded,
    /// A stored value is not what this build expects.
    Unreadable,
}

impl StorageFailure {
    /// The notice shown to the user.
    pub fn message(self) -> Text {
        match self {
            StorageFailure::Blocked => Text::StorageBlocked,
            StorageFailure::QuotaExceeded => Text::StorageFull,
            StorageFailure::Unreadable => Text::StorageUnreadable,
        }
    }
}

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
        StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            StorageFailure::QuotaExceeded
        }
        StorageError::SerdeError(_) => StorageFailure::Unreadable,
        _ => StorageFailure::Blocked,
    }
}

/// The language saved on this device, `Ok(None)` if none was chosen yet.
pub fn load_language() -> Result<Option<Language>, StorageFailure> {
    local_storage_available()?;
    match LocalStorage::get::<String>(keys::LANGUAGE) {
        Ok(code) => Language::from_code(&code)
            .map(Some)
            .ok_or(StorageFailure::Unreadable),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(classify(error)),
    }
}

/// Saves the language choice; returns only once the browser has accepted the write.
pub fn save_language(language: Language) -> Result<(), StorageFailure> {
    local_storage_available()?;
    LocalStorage::set(keys::LANGUAGE, language.code()).map_err(classify)
}
