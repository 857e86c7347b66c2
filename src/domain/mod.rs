//! The domain core: plain Rust with no UI or browser imports, tested on the host.
//!
//! Campaign plans, event records, roster entries, their validation, merge and migrations, the
//! formats that leave a tablet and come back, the figures, and the China calendar. "Now" and new
//! IDs are always passed in, never read here.
//!
//! Architecture invariant: nothing here imports leptos, web-sys, js-sys or gloo, or any other
//! folder of the crate. Inside, the sub-folders are layers too, each importing only from those
//! below it (checked by `tests/architecture/`):
//!
//! ```text
//! summary     the campaign summary (活动总结) and its Word document
//! incoming    checking and merging files from other tablets, what was received
//! exchange    JSON export, CSV tables, report pack, ZIP container
//! sync        the documents records become on a CouchDB server, and settling the two copies
//! planning    editing, reading, sharing plans        figures   the key figures
//! records     events, roster, photos, versions, merge, stored layouts and migrations
//! plan        the campaign plan as data, the device's place in it, file names
//! (root)      ids, validation, form input, instants, China calendar, sort, storage values
//! ```

pub mod exchange;
pub mod figures;
pub mod incoming;
pub mod plan;
pub mod planning;
pub mod records;
pub mod summary;
pub mod sync;

pub mod china_time;
pub mod form_input;
pub mod ids;
pub mod instant;
pub mod sort;
pub mod storage_budget;
pub mod storage_failure;
pub mod validation;
