//! Plans published in `fl-plans`: whether a device takes the published version of a plan. A
//! device takes a plan it does not have, and a new version of one it has not changed since it
//! last took it from the server; a plan changed here (in the plan editor, or imported from a file
//! in another version) is never replaced behind the user's back: the device page says so, and a
//! plan file brings the new version with the usual question.

use crate::domain::plan::campaign::Campaign;
use crate::domain::records::record_version::content_hash;

/// A plan's fingerprint: what a device remembers of the version it last took from the server.
pub fn plan_fingerprint(plan: &Campaign) -> u64 {
    content_hash(&serde_json::to_vec(plan).unwrap_or_default())
}

/// What to do with a published plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanDecision {
    /// Store it: new here, or a new version of a plan unchanged since it was last taken.
    Take,
    /// The device has this very version.
    InStep,
    /// The plan here was changed on this device (or came from a file): keep it.
    KeepLocal,
}

/// Decides for the `published` plan, given the plan `here` with that ID (if any) and the
/// fingerprint of the version last taken from the server (`taken`).
pub fn plan_decision(
    here: Option<&Campaign>,
    published: &Campaign,
    taken: Option<u64>,
) -> PlanDecision {
    match here {
        None => PlanDecision::Take,
        Some(here) if here == published => PlanDecision::InStep,
        Some(here) if taken == Some(plan_fingerprint(here)) => PlanDecision::Take,
        Some(_) => PlanDecision::KeepLocal,
    }
}
