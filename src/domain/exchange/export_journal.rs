//! Which events changed since this tablet's last JSON export, for the "not exported" badge.
//!
//! The journal holds event IDs, not single changes: a head count tapped fifty times, or twenty
//! sign-ins, make one changed event. It is bounded by the number of events, so it fits in
//! localStorage even with 10,000 events. It errs on the side of "not exported": a change saved
//! while an export is being written stays counted even if the file caught it.
//!
//! Usage: [`ExportJournal::note_change`] before every save of an event or of one of its sign-ins
//! (a change counted and then not saved errs on the safe side); [`ExportJournal::begin_export`] before reading the records for an export file and
//! [`ExportJournal::finish_export`] once the file has been handed to the user.

use crate::domain::ids::{CampaignId, EventId};
use crate::domain::planning::campaign_list::CampaignList;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The changed events since the last export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportJournal {
    /// When the last JSON export (of any campaign) was handed over; `None` if this tablet has
    /// never exported. Journals written before campaigns could be switched hold only this.
    pub last_export: Option<DateTime<Utc>>,
    /// When each campaign's last JSON export was handed over (see [`Self::last_export_of`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exported_at: BTreeMap<CampaignId, DateTime<Utc>>,
    /// Events changed (or whose sign-ins changed) since then.
    pub changed: BTreeSet<EventId>,
    /// Events changed since the export being written began, while one is.
    #[serde(skip)]
    during_export: Option<BTreeSet<EventId>>,
}

impl ExportJournal {
    /// The journal of a tablet whose records predate it (or whose journal was lost): every
    /// stored event counts as not exported.
    pub fn never_exported(events: impl IntoIterator<Item = EventId>) -> Self {
        let mut journal = Self::default();
        // One by one rather than `collect`: that would add another instance of the stable sort to
        // the wasm.
        for event in events {
            journal.changed.insert(event);
        }
        journal
    }

    /// Notes that `event` or one of its sign-ins was saved; returns whether the journal changed
    /// (so it needs writing).
    pub fn note_change(&mut self, event: EventId) -> bool {
        let during = self
            .during_export
            .as_mut()
            .is_some_and(|during| during.insert(event));
        self.changed.insert(event) || during
    }

    /// Marks the start of an export: the records are about to be read.
    pub fn begin_export(&mut self) {
        self.during_export = Some(BTreeSet::new());
    }

    /// Marks the export of `campaign` begun last as handed over at `at`, holding `exported`
    /// events: they are exported unless changed again since the export began. Events not in the
    /// file (another campaign's, or records this build cannot read) stay counted.
    pub fn finish_export(
        &mut self,
        campaign: &CampaignId,
        exported: impl IntoIterator<Item = EventId>,
        at: DateTime<Utc>,
    ) {
        let during = self.during_export.take().unwrap_or_default();
        for event in exported {
            if !during.contains(&event) {
                self.changed.remove(&event);
            }
        }
        if self.exported_at.is_empty() {
            // The time a journal from before campaigns kept is the built-in campaign's.
            if let Some(before) = self.last_export {
                self.exported_at.insert(CampaignList::built_in_id(), before);
            }
        }
        self.last_export = Some(at);
        self.exported_at.insert(campaign.clone(), at);
    }

    /// When `campaign`'s last JSON export was handed over. A journal kept before campaigns
    /// could be switched knew only the built-in campaign, so its one time is that campaign's.
    pub fn last_export_of(&self, campaign: &CampaignId) -> Option<DateTime<Utc>> {
        match self.exported_at.get(campaign) {
            Some(at) => Some(*at),
            None if self.exported_at.is_empty() && CampaignList::is_built_in(campaign) => {
                self.last_export
            }
            None => None,
        }
    }

    /// Takes over the journal another tab just stored (it saw every change this tab wrote, and
    /// its own exports). While this tab writes an export, events that appear there count as
    /// changed during it, since this tab's file may hold an older copy of them.
    pub fn follow_stored(&mut self, stored: &ExportJournal) {
        if let Some(during) = self.during_export.as_mut() {
            during.extend(stored.changed.difference(&self.changed).copied());
            self.changed = stored.changed.union(during).copied().collect();
        } else {
            self.changed = stored.changed.clone();
        }
        self.last_export = stored.last_export;
        self.exported_at = stored.exported_at.clone();
    }

    /// Forgets an export that did not complete.
    pub fn abandon_export(&mut self) {
        self.during_export = None;
    }

    /// How many events have changes not yet exported.
    pub fn unexported(&self) -> usize {
        self.changed.len()
    }

    /// How many of the events for which `counts` answers true have changes not yet exported
    /// (the active campaign's, when the badge and the export page count).
    pub fn unexported_of(&self, counts: impl Fn(&EventId) -> bool) -> usize {
        self.changed.iter().filter(|id| counts(id)).count()
    }
}
