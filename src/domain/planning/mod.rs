//! Changing plans: editing and its rules (`plan_edit`), reading a plan file (`plan_file`), keeping
//! what records name when a plan is replaced (`plan_share`), unsaved edits (`plan_draft`), the
//! plans on a device (`campaign_list`).
//!
//! May import: `records`, `plan` and the domain's root modules.

pub mod campaign_list;
pub mod plan_draft;
pub mod plan_edit;
pub mod plan_file;
pub mod plan_share;
