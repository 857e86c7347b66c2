//! Reusable pieces of the interface, one public component per file.

pub mod activity_card;
pub mod app_header;
pub mod bar_chart;
pub mod campaign_figures;
pub mod conflict_list;
pub mod draft_banner;
pub mod event_fields;
pub mod event_filters;
pub mod event_row;
pub mod event_title;
pub mod export_button;
pub mod form_field;
pub mod import_preview;
pub mod language_switch;
pub mod personal_data_purge;
pub mod photo_row;
pub mod plan_activity_row;
pub mod roster_form;
pub mod roster_list;
pub mod select_field;
pub mod server_status;
pub mod storage_notice;
pub mod storage_status;
pub mod stored_event_gate;
pub mod toast_bar;
pub mod update_banner;
