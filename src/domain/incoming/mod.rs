//! Importing files from other tablets: checking and merging them (`incoming::import`), and what was received
//! from whom (`received`), so one file's contribution can be taken back.
//!
//! May import: `exchange`, `planning`, `figures`, `records`, `plan` and the domain's root modules.

pub mod import;
pub mod received;
