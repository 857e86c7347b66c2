//! Unsaved edits of a campaign plan, kept on the device while the plan editor is left open, left
//! for another page, or the tablet is switched off, so that an hour of typing in activities is
//! never lost by a tap on the wrong link. Nothing here counts as saved: the plan in use changes
//! only when the editor's Save has checked the whole plan.

use super::plan_share::{keep_named, NamedByRecords};
use crate::domain::plan::campaign::Campaign;
use serde::{Deserialize, Serialize};

/// A plan being edited, and the stored plan the edits started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDraft {
    /// The stored plan when editing began.
    pub base: Campaign,
    /// The plan as edited so far.
    pub plan: Campaign,
}

/// What the plan editor opens with.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftRestore {
    /// No unsaved edits: the stored plan.
    Stored,
    /// Unsaved edits of the stored plan, taken up where they were left.
    Continued(Box<PlanDraft>),
    /// Unsaved edits begun before the stored plan was replaced (by a plan file, or by another
    /// tab): taken up too, but saving them would undo the replacement, so the editor says so.
    /// Whatever the stored plan holds and the edits lack (added by the replacement, and maybe
    /// named by records already) is put back, retired, so saving never detaches a record.
    Outdated(Box<PlanDraft>),
}

impl PlanDraft {
    /// What to open for `stored` when `draft` was kept. A draft of another plan, or one with no
    /// edits left, is no draft.
    pub fn restore(stored: &Campaign, draft: Option<PlanDraft>) -> DraftRestore {
        match draft {
            Some(draft) if draft.plan.id != stored.id || draft.plan == *stored => {
                DraftRestore::Stored
            }
            Some(draft) if draft.base == *stored => DraftRestore::Continued(Box::new(draft)),
            Some(mut draft) => {
                keep_named(
                    &mut draft.plan,
                    stored,
                    &NamedByRecords::everything_in(stored),
                );
                DraftRestore::Outdated(Box::new(draft))
            }
            None => DraftRestore::Stored,
        }
    }
}
