//! Reusable pieces of the interface, one public component per file.

pub mod activity_card;
pub mod app_header;
pub mod campaign_figures;
pub mod language_switch;
pub mod storage_notice;
