//! The campaign summary (活动总结) each unit hands in, and the Quality Section writes for the
//! district: what it says ([`outline`], plain data, tested on the host), gathered from the records
//! ([`gathering`]), and the Word document it becomes ([`docx`]).
//!
//! May import: `exchange` (the report pack's photo names), `figures`, `records`, `plan` and the
//! domain's root modules.

pub mod docx;
pub mod gathering;
pub mod outline;
