//! Storage failures as values, and what was being saved when they happened. The storage adapter
//! and the browser glue produce them; `i18n` words them (`storage_failure_reason`); the screen
//! shows them. Plain values, so every layer above can name them.

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFailure {
    /// Storage is missing or blocked (private mode, site settings).
    Blocked,
    /// The origin's quota is used up.
    QuotaExceeded,
    /// A stored value is not what this build expects.
    Unreadable,
    /// The database was written by a newer version of the app; it is left untouched.
    NewerVersion,
    /// The record was changed elsewhere meanwhile (another tab); the newer copy was kept.
    Conflict,
    /// A newer version of the app in another tab upgraded the database, so this page closed
    /// its connection; reloading the page picks the new version up.
    ClosedForUpgrade,
}

impl StorageFailure {
    /// Classifies a browser error by its DOMException name.
    pub fn from_error_name(name: &str) -> Self {
        match name {
            "QuotaExceededError" => StorageFailure::QuotaExceeded,
            "VersionError" => StorageFailure::NewerVersion,
            "InvalidStateError" => StorageFailure::ClosedForUpgrade,
            "DataError" | "DataCloneError" | "SyntaxError" => StorageFailure::Unreadable,
            _ => StorageFailure::Blocked,
        }
    }
}

/// What the user was saving (or the app was reading) when storage failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedThing {
    /// The interface language choice.
    Language,
    /// This tablet's set-up.
    DeviceSettings,
    /// The event form in progress.
    Draft,
    /// An event, by its title as the list shows it.
    Event(String),
    /// An event's head count.
    HeadCount,
    /// A sign-in, by the attendee's name.
    SignIn(String),
    /// The purge of attendees' personal data.
    Purge,
    /// The stored records, read at start-up.
    StoredRecords,
    /// The note of which changes are not yet exported.
    ExportJournal,
    /// A photo (attached, or its caption, selection or deletion).
    Photo,
    /// The long side large photos are shrunk to.
    PhotoSetting,
    /// A campaign plan, or the choice of the active campaign.
    CampaignPlan,
}

/// A storage failure with what it concerned, for the notice banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedSave {
    /// What was not saved (or read).
    pub what: SavedThing,
    /// Why.
    pub failure: StorageFailure,
}
