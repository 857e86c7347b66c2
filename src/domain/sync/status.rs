//! Where live sync stands, as the device page shows it: its state and why a round failed.

/// Where sync stands (`data-state` of `sync-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncState {
    /// Sync is off: the app works with files only.
    #[default]
    Off,
    /// In step with the server, waiting for changes.
    Idle,
    /// A round is under way.
    Syncing,
    /// The server cannot be reached: records wait here and go up when it can.
    Offline,
    /// The last round failed for another reason ([`SyncProblem`]).
    Error,
}

impl SyncState {
    /// The `data-state` value.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncState::Off => "off",
            SyncState::Idle => "idle",
            SyncState::Syncing => "syncing",
            SyncState::Offline => "offline",
            SyncState::Error => "error",
        }
    }
}

/// Why the last round failed, for the words the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncProblem {
    /// No answer from the server.
    Unreachable,
    /// The server refused the name and password.
    WrongPassword,
    /// No password is stored (or it cannot be opened in this browser profile).
    NoPassword,
    /// This device's storage failed.
    Storage(crate::domain::storage_failure::StorageFailure),
    /// The server answered with an error: its status and reason.
    Server(u16, String),
}
