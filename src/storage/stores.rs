//! The object stores of the records database, by the version that added them.

/// Store of event records, keyed by event UUID.
pub const EVENTS_STORE: &str = "events";
/// Versions 1 to 4: roster entries, one per key `live/<event>/<entry>` or
/// `removed/<event>/<entry>`; version 5 moves them into [`ROSTER_PAGES_STORE`] and deletes it.
pub const LEGACY_ROSTER_STORE: &str = "roster";
/// Version 2: received files (metadata), keyed by file UUID.
pub const RECEIVED_FILES_STORE: &str = "received_files";
/// Version 2: the records each received file carried, keyed by file UUID, one value per file.
pub const RECEIVED_RECORDS_STORE: &str = "received_records";
/// Version 2: the snapshot taken before each import, keyed `<sequence, 12 digits>/<import UUID>`.
pub const IMPORTS_STORE: &str = "imports";
/// Version 2: conflicts left to review, keyed `<event|roster>/<record UUID>/<content hash>`.
pub const CONFLICTS_STORE: &str = "conflicts";
/// Version 3: photo records (JSON), keyed `<event UUID>/<photo UUID>`.
pub const PHOTOS_STORE: &str = "photos";
/// Version 3: each photo's image as a `Blob`, keyed by photo UUID.
pub const PHOTO_BLOBS_STORE: &str = "photo_blobs";
/// Version 3: each photo's thumbnail as a `Blob`, keyed by photo UUID.
pub const PHOTO_THUMBS_STORE: &str = "photo_thumbs";
/// Version 4: live sync's pending markers ([`StoredMarker`](crate::domain::sync::ledger::StoredMarker)),
/// keyed by document `_id` (`event:<uuid>`…), written in the same transaction as each save.
pub const SYNC_PENDING_STORE: &str = "sync_pending";
/// Version 4: what this device knows of each record's copy on the sync server
/// ([`KnownCopy`](crate::domain::sync::ledger::KnownCopy)), keyed by document `_id`.
pub const SYNC_KNOWN_STORE: &str = "sync_known";
/// Version 4: live sync's checkpoints and server identities, keyed by database name.
pub const SYNC_STATE_STORE: &str = "sync_state";
/// Version 5: sign-ins, each event's in pages of text
/// ([`roster_pages`](crate::domain::records::roster_pages)), keyed `<event UUID>/<page, 6 digits>`.
pub const ROSTER_PAGES_STORE: &str = "roster_pages";
/// Version 5: each event's live sign-ins, a number, keyed by event UUID.
pub const ROSTER_LIVE_STORE: &str = "roster_live";
/// Every store, in the order version upgrades create them.
pub const ALL_STORES: [&str; 13] = [
    EVENTS_STORE,
    RECEIVED_FILES_STORE,
    RECEIVED_RECORDS_STORE,
    IMPORTS_STORE,
    CONFLICTS_STORE,
    PHOTOS_STORE,
    PHOTO_BLOBS_STORE,
    PHOTO_THUMBS_STORE,
    SYNC_PENDING_STORE,
    SYNC_KNOWN_STORE,
    SYNC_STATE_STORE,
    ROSTER_PAGES_STORE,
    ROSTER_LIVE_STORE,
];
