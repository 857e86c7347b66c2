//! The one place new IDs are drawn: `crypto.randomUUID()`; everything else receives IDs as values.

use crate::domain::ids::{DeviceId, EventId, RosterEntryId};
use uuid::Uuid;

fn random_uuid() -> Uuid {
    let text = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_default();
    // randomUUID always returns a valid v4 UUID in a secure context; the nil UUID would only
    // appear in an insecure one, where the app does not run (no IndexedDB, no service worker).
    Uuid::try_parse(&text).unwrap_or_default()
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
