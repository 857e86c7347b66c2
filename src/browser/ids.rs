//! The one place new IDs are drawn; everything else receives IDs as values.
//!
//! `crypto.randomUUID()` exists only in secure contexts (HTTPS, localhost); on a plain-http LAN
//! address the UUID is built from `crypto.getRandomValues()`, which every context has.

use crate::domain::ids::{DeviceId, EventId, RosterEntryId};
use uuid::Uuid;

fn random_uuid() -> Uuid {
    let crypto = web_sys::window().and_then(|window| window.crypto().ok());
    let Some(crypto) = crypto else {
        // No Web Crypto at all: no browser this app runs in. Refuse rather than reuse an ID.
        panic!("Web Crypto is unavailable: cannot create unique record IDs");
    };
    let has_random_uuid = js_sys::Reflect::get(&crypto, &"randomUUID".into())
        .is_ok_and(|method| method.is_function());
    if has_random_uuid {
        if let Ok(uuid) = Uuid::try_parse(&crypto.random_uuid()) {
            return uuid;
        }
    }
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("crypto.getRandomValues fills 16 bytes");
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// A fresh event ID.
pub fn new_event_id() -> EventId {
    EventId(random_uuid())
}

/// A fresh device ID.
pub fn new_device_id() -> DeviceId {
    DeviceId(random_uuid())
}

/// A fresh roster entry ID.
pub fn new_roster_entry_id() -> RosterEntryId {
    RosterEntryId(random_uuid())
}

/// A fresh ID for a received file.
pub fn new_received_file_id() -> crate::domain::ids::ReceivedFileId {
    crate::domain::ids::ReceivedFileId(random_uuid())
}

/// A fresh ID for an import.
pub fn new_import_id() -> crate::domain::ids::ImportId {
    crate::domain::ids::ImportId(random_uuid())
}

/// A fresh ID for a photo.
pub fn new_photo_id() -> crate::domain::ids::PhotoId {
    crate::domain::ids::PhotoId(random_uuid())
}
