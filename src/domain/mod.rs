//! The domain core: plain Rust with no UI or browser imports, tested on the host.
//!
//! Campaign plans, event records, roster entries, their validation and migrations, and the China
//! calendar. "Now" and new IDs are always passed in, never read here.

pub mod attendance;
pub mod campaign;
pub mod campaign_list;
pub mod china_time;
pub mod csv_export;
mod csv_file;
pub mod device;
pub mod event_draft;
pub mod event_list;
pub mod event_record;
pub mod export;
pub mod export_journal;
pub mod file_names;
pub mod form_input;
pub mod ids;
pub mod import;
pub mod instant;
pub mod merge;
pub mod photo;
pub mod photo_plan;
pub mod plan_draft;
pub mod plan_edit;
pub mod plan_file;
pub mod plan_share;
pub mod received;
pub mod record_version;
pub mod report_pack;
pub mod roster;
pub mod schema;
pub mod sort;
pub mod statistics;
pub mod storage_budget;
pub mod storage_failure;
pub mod validation;
pub mod zip_archive;
pub mod zip_reader;
