//! The campaign plan as data: units, planned activities, summary directions, counters
//! (`campaign`), this tablet's place in it (`device`), and the names files carry (`file_names`).
//!
//! May import: the domain's root modules (ids, validation…).

pub mod campaign;
pub mod device;
pub mod file_names;
