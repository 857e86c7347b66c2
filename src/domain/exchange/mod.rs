//! The formats that leave a tablet: the JSON export (`export`), CSV tables (`csv_export`, with
//! `csv_file` for RFC 4180), the report pack (`report_pack`, `photo_plan`) in a ZIP container
//! (`zip_archive` writes, `zip_reader` reads), the journal of what is not exported yet.
//!
//! May import: `planning`, `figures`, `records`, `plan` and the domain's root modules.

pub mod csv_export;
mod csv_file;
pub mod export;
pub mod export_journal;
pub mod photo_plan;
pub mod report_pack;
pub mod zip_archive;
pub mod zip_reader;
