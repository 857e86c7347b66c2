//! The storage adapter: the only code that touches browser storage.
//!
//! What lives where:
//!
//! | where | key / store | value |
//! |---|---|---|
//! | localStorage | [`keys::LANGUAGE`] | interface language, `"zh-CN"` or `"en"` |
//! | localStorage | [`keys::DEVICE`] | this tablet's [`DeviceProfile`](crate::domain::plan::device::DeviceProfile), JSON |
//! | localStorage | [`keys::EVENT_DRAFT_PREFIX`]`new` or `<event id>` | an event form in progress (new, or editing that event), JSON |
//! | localStorage | [`keys::LAST_RECORDER`] | the recorder name last used |
//! | localStorage | [`keys::PHOTO_LONG_SIDE`] | the long side large photos are shrunk to, pixels (`0`: never) |
//! | localStorage | [`keys::EXPORT_JOURNAL`] | events changed since the last JSON export ([`ExportJournal`](crate::domain::exchange::export_journal::ExportJournal)), JSON |
//! | localStorage | [`keys::CAMPAIGNS`] | the campaign plans added here and the active one ([`CampaignList`](crate::domain::planning::campaign_list::CampaignList)), JSON |
//! | localStorage | [`keys::PLAN_DRAFT_PREFIX`]`<campaign id>` | unsaved plan-editor edits ([`PlanDraft`](crate::domain::planning::plan_draft::PlanDraft)), JSON |
//! | IndexedDB `field-ledger` v5 | store [`records::EVENTS_STORE`] | one event record per key (its UUID), JSON text (ASCII, see [`ascii_json`](crate::domain::records::ascii_json::ascii_json)) |
//! | IndexedDB `field-ledger` v5 | store [`records::ROSTER_PAGES_STORE`] | one event's sign-ins in pages of up to 100, keyed `<event>/<page>`: each entry's JSON text (ASCII) on its own line ([`roster_pages`](crate::domain::records::roster_pages)) |
//! | IndexedDB `field-ledger` v5 | store [`records::ROSTER_LIVE_STORE`] | each event's live sign-ins, a number, written with its pages |
//! | IndexedDB `field-ledger` v5 | store [`records::RECEIVED_FILES_STORE`] | one received file's description per key (its UUID) |
//! | IndexedDB `field-ledger` v5 | store [`records::RECEIVED_RECORDS_STORE`] | the records one received file carried, one value per file |
//! | IndexedDB `field-ledger` v5 | store [`records::IMPORTS_STORE`] | the snapshot taken before each import |
//! | IndexedDB `field-ledger` v5 | store [`records::CONFLICTS_STORE`] | conflicts left to review |
//! | IndexedDB `field-ledger` v5 | store [`records::PHOTOS_STORE`] | one photo record per key (`<event id>/<photo id>`), JSON text (ASCII) |
//! | IndexedDB `field-ledger` v5 | stores [`records::PHOTO_BLOBS_STORE`], [`records::PHOTO_THUMBS_STORE`] | each photo's image and its thumbnail, a `Blob` per photo |
//! | IndexedDB `field-ledger` v5 | store [`records::SYNC_PENDING_STORE`] | live sync: one pending marker per record waiting to go up, written with each save while sync is on |
//! | IndexedDB `field-ledger` v5 | store [`records::SYNC_KNOWN_STORE`] | live sync: the server's revision and version of each record it holds |
//! | IndexedDB `field-ledger` v5 | store [`records::SYNC_STATE_STORE`] | live sync: checkpoints and server identities, per database |
//! | localStorage | [`keys::SYNC`] | live sync's settings ([`SyncSettings`](crate::domain::sync::ledger::SyncSettings)): on/off, server path, account name, owner unit |
//!
//! Small preferences sit in localStorage (synchronous, a few hundred bytes); records sit in
//! IndexedDB, one key per record (sign-ins: one page of at most 100), so one change writes one
//! record or page whatever the collection size.
//! Every failure comes back as a [`StorageFailure`](crate::domain::storage_failure::StorageFailure) the UI shows in words; nothing is only logged.

pub mod imports;
pub mod photos;
pub mod preferences;
pub mod records;
mod roster;
mod roster_purge;
mod roster_reads;
mod roster_upgrade;
mod stores;
pub mod sync_ledger;
mod sync_marking;
pub use sync_marking::MARKED_EVENT;
mod values;
mod waiting;

/// Every localStorage key, in one place.
pub mod keys {
    /// The interface language chosen on this device.
    pub const LANGUAGE: &str = "field-ledger.v1.language";
    /// This tablet's set-up.
    pub const DEVICE: &str = "field-ledger.v1.device";
    /// An event form in progress: this prefix, then `new` or the edited event's ID. One key per
    /// form, so a draft of one form never overwrites or clears another's.
    pub const EVENT_DRAFT_PREFIX: &str = "field-ledger.v1.event-draft.";
    /// The recorder name last saved with an event.
    pub const LAST_RECORDER: &str = "field-ledger.v1.last-recorder";
    /// The events changed since the last JSON export, for the "not exported" badge.
    pub const EXPORT_JOURNAL: &str = "field-ledger.v1.export-journal";
    /// The long side very large photos are shrunk to on attach (`0`: never shrink).
    pub const PHOTO_LONG_SIDE: &str = "field-ledger.v1.photo-long-side";
    /// The campaign plans added on this device and the active campaign.
    pub const CAMPAIGNS: &str = "field-ledger.v1.campaigns";
    /// Unsaved edits of a campaign plan: this prefix, then the campaign's ID.
    pub const PLAN_DRAFT_PREFIX: &str = "field-ledger.v1.plan-draft.";
    /// Live sync's settings (never the password).
    pub const SYNC: &str = "field-ledger.v1.sync";
}
