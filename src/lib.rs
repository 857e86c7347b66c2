//! Field Ledger (活动台账): offline-first records of community events for grid staff on tablets.
//!
//! - [`domain`]: plain Rust, no browser: plans, records, validation, migrations, China calendar.
//! - [`i18n`]: every interface string, Chinese first, English second.
//! - [`storage`]: the only code touching browser storage.
//! - [`app`], [`pages`], [`components`]: thin Leptos views over the above.

pub mod app;
pub mod browser_app_shell;
pub mod browser_boot_screen;
pub mod browser_clock;
pub mod browser_ids;
pub mod browser_photos;
pub mod browser_share;
pub mod browser_storage_estimate;
pub mod browser_wake_lock;
pub mod components;
pub mod domain;
pub mod event_records;
pub mod export_files;
pub mod i18n;
pub mod import_conflicts;
pub mod import_files;
pub mod import_packs;
pub mod import_revert;
pub mod pages;
pub mod plan_files;
pub mod report_pack_files;
pub mod route;
pub mod state;
pub mod storage;
