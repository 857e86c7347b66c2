//! Browser capabilities, one per file, each a thin safe wrapper that answers `None` or an error
//! value where the browser lacks it: the clock, record IDs, the share sheet and downloads, photo
//! decoding, storage persistence and estimate, the wake lock, the app shell's news (service
//! worker, server reachable), the static first screen, requests to the sync server.
//!
//! May import: `i18n`, `domain`. Not storage (that is `storage`'s alone), not the state.

pub mod app_shell;
pub mod boot_screen;
pub mod clock;
pub mod couch_client;
pub mod ids;
pub mod photos;
pub mod secret_box;
pub mod share;
pub mod storage_estimate;
pub mod timer;
pub mod wake_lock;
