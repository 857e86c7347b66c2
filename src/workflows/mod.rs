//! Workflows: what a tap sets going, joining the records in memory (`state`), the storage
//! adapter, browser capabilities and domain functions. Building export files and report packs,
//! reading files chosen for import, previewing and confirming a merge, undoing it, settling
//! conflicts, plan files.
//!
//! May import: `state`, `storage`, `browser`, `i18n`, `domain`. Not components or pages.

pub mod export_files;
pub mod import_conflicts;
pub mod import_files;
pub mod import_packs;
pub mod import_revert;
pub mod plan_files;
pub mod report_pack_files;
pub mod summary_doc_files;
pub mod sync_conflicts;
pub mod sync_documents;
pub mod sync_driver;
pub mod sync_image_fetch;
pub mod sync_images;
pub mod sync_plans;
pub mod sync_round;
pub mod sync_settling;
pub mod sync_setup;
pub mod zip_members;
