//! The campaign's figures: the four key figures, per activity, unit and day (`statistics`).
//!
//! May import: `records`, `plan` and the domain's root modules.

pub mod statistics;
