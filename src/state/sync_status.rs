//! Live sync's visible state, provided at the root: what the device page and the header show.

use crate::domain::ids::EventId;
use crate::domain::sync::status::{SyncProblem, SyncState};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::collections::HashSet;

/// Live sync's state, provided at the root.
#[derive(Debug, Clone, Copy)]
pub struct SyncStatus {
    /// Where sync stands.
    pub state: RwSignal<SyncState>,
    /// When a round last succeeded.
    pub last_success: RwSignal<Option<DateTime<Utc>>>,
    /// Records waiting to go up.
    pub pending: RwSignal<usize>,
    /// While sync is on, the events with something waiting to go up: an event changed since the
    /// last export has still reached neither a file nor the server only if it is here (the
    /// header's badge). `None` while sync is off.
    pub waiting_events: RwSignal<Option<HashSet<EventId>>>,
    /// Why the last round failed, if it did.
    pub problem: RwSignal<Option<SyncProblem>>,
    /// Records the server refused, with its reason: they stay waiting here.
    pub refused: RwSignal<Vec<(String, String)>>,
    /// Plans the Quality Section published that this device stored, by title; and whether the
    /// plan in use is among them (it applies when the app is next opened).
    pub plans_received: RwSignal<(Vec<crate::domain::plan::campaign::LocalizedText>, bool)>,
    /// Plans published in another version than the one here, changed on this device: kept.
    pub plans_kept_here: RwSignal<Vec<crate::domain::plan::campaign::LocalizedText>>,
    /// Bumped to start a round now (sync now, a save, settings changed).
    pub wake: RwSignal<u64>,
}

impl SyncStatus {
    /// Off, nothing known yet.
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(SyncState::Off),
            last_success: RwSignal::new(None),
            pending: RwSignal::new(0),
            waiting_events: RwSignal::new(None),
            problem: RwSignal::new(None),
            refused: RwSignal::new(Vec::new()),
            plans_received: RwSignal::new((Vec::new(), false)),
            plans_kept_here: RwSignal::new(Vec::new()),
            wake: RwSignal::new(0),
        }
    }

    /// Asks for a round now.
    pub fn wake_up(self) {
        self.wake.update(|n| *n += 1);
    }
}

impl Default for SyncStatus {
    fn default() -> Self {
        Self::new()
    }
}
