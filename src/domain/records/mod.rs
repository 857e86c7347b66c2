//! The records a tablet makes: events, roster entries, photos; how versions of one record are told
//! apart and merged (`record_version`, `merge`); their stored layouts and migrations (`schema`);
//! the event form's draft, the event list's filters, attendance.
//!
//! May import: `plan` and the domain's root modules.

pub mod ascii_json;
pub mod attendance;
pub mod event_draft;
pub mod event_list;
pub mod event_record;
pub mod image_header;
pub mod merge;
pub mod photo;
pub mod record_version;
pub mod roster;
pub mod roster_pages;
pub mod schema;
