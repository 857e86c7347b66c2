//! Keeps live sync going while the app runs (`docs/sync-protocol.md`): a round when sync is turned
//! on, on "sync now", after each save, and whenever the server has changes (a long-poll the app
//! aborts itself after 30 s, as PouchDB Server ignores `timeout`); while the server cannot be
//! reached, rounds back off from 1 s to 5 minutes. At most two requests are open: the long-poll,
//! and a round's one at a time. A session that has expired is renewed with the stored password
//! on the next 401, without asking anyone.

use super::sync_plans::pull_plans;
use super::sync_round::{follows_every_unit, sync_round, SyncFailure};
use crate::browser::couch_client::{CouchClient, CouchError};
use crate::browser::secret_box::{open, SealedSecret};
use crate::browser::{clock, timer};
use crate::domain::figures::statistics::UnitKey;
use crate::domain::ids::UnitId;
use crate::domain::plan::campaign::Campaign;
use crate::domain::sync::document::{office_owner, unit_database};
use crate::domain::sync::ledger::sequence_text;
use crate::domain::sync::status::{SyncProblem, SyncState};
use crate::state::event_records::EventRecords;
use crate::state::sync_status::SyncStatus;
use crate::state::{Campaigns, StorageNotice};
use crate::storage::preferences::load_sync_settings;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;
use web_sys::AbortController;

/// How long a long-poll may stay open before the app ends it.
const LONG_POLL_MS: i32 = 30_000;
/// The first and the longest wait between rounds while the server cannot be reached.
const BACKOFF_MS: (i32, i32) = (1_000, 300_000);
/// How long to wait, with sync off, before looking at the settings again (a wake ends it).
const OFF_WAIT_MS: i32 = 3_600_000;

/// The password stored for the sync account, opened.
async fn password(records: EventRecords) -> Option<String> {
    let sealed = records
        .database()
        .ok()?
        .load_sealed_password()
        .await
        .ok()??;
    open(&SealedSecret(sealed)).await
}

fn problem_of(failure: &SyncFailure) -> (SyncState, SyncProblem) {
    match failure {
        SyncFailure::Server(CouchError::Offline) => (SyncState::Offline, SyncProblem::Unreachable),
        SyncFailure::Server(CouchError::Unauthorized) => {
            (SyncState::Error, SyncProblem::WrongPassword)
        }
        SyncFailure::Server(CouchError::Forbidden(reason)) => {
            (SyncState::Error, SyncProblem::Server(403, reason.clone()))
        }
        SyncFailure::Server(CouchError::NotFound) => (
            SyncState::Error,
            SyncProblem::Server(404, "database not found".into()),
        ),
        SyncFailure::Server(CouchError::Server(status, reason)) => (
            SyncState::Error,
            SyncProblem::Server(*status, reason.clone()),
        ),
        SyncFailure::Server(CouchError::Aborted) => (SyncState::Offline, SyncProblem::Unreachable),
        SyncFailure::Storage(failure) => (SyncState::Error, SyncProblem::Storage(*failure)),
        SyncFailure::Unreadable => (
            SyncState::Error,
            SyncProblem::Server(200, "unreadable answer".into()),
        ),
    }
}

/// The databases the Quality Section follows: every unit of the plan, and every office the
/// records here name.
fn every_unit(records: EventRecords, campaign: &Campaign) -> Vec<UnitId> {
    let mut units: Vec<UnitId> = campaign
        .units
        .iter()
        .filter(|u| !u.placeholder)
        .map(|u| u.id.clone())
        .collect();
    records.all.with_untracked(|all| {
        for event in all.values() {
            if let UnitKey::Office(name) = UnitKey::of(event) {
                if let Some(owner) = office_owner(&name) {
                    if !units.contains(&owner) {
                        units.push(owner);
                    }
                }
            }
        }
    });
    units
}

/// Reads what waits to go up again: its count, and the events it belongs to.
async fn refresh_waiting(records: EventRecords, status: SyncStatus) {
    let Ok(database) = records.database() else {
        return;
    };
    if let Ok(events) = database.pending_events().await {
        if let Ok(count) = database.count_pending().await {
            status.pending.set(count);
        }
        status.waiting_events.set(Some(events));
    }
}

/// Starts keeping sync going; returns at once. Call once, at the root.
pub fn start_sync(records: EventRecords, status: SyncStatus, campaign: Arc<Campaign>) {
    let campaigns = expect_context::<Campaigns>();
    let notice = expect_context::<StorageNotice>();
    // The wait in progress, ended by a wake.
    let waiting = StoredValue::new_local(None::<AbortController>);
    Effect::new(move |_| {
        status.wake.track();
        if let Some(controller) = waiting.get_value() {
            controller.abort();
        }
    });
    // A save that marked records wakes a round once it is over (whichever page or path saved),
    // and the count of what waits says so at once rather than after the round.
    let listener = window_event_listener_untyped(crate::storage::MARKED_EVENT, move |_| {
        if status.state.get_untracked() != SyncState::Off {
            leptos::task::spawn_local(refresh_waiting(records, status));
        }
        status.wake_up();
    });
    on_cleanup(move || listener.remove());
    // The browser says the network is back: a round now rather than at the end of the backoff.
    let online = window_event_listener(leptos::ev::online, move |_| status.wake_up());
    on_cleanup(move || online.remove());
    leptos::task::spawn_local(async move {
        // Rounds start once the stored records have been read (pulled records join them).
        if records.loaded_database().await.is_err() {
            return; // the storage failure is shown by the page already
        }
        let waiting_now = move |count: usize| status.pending.set(count);
        let mut backoff = BACKOFF_MS.0;
        // Whether this account follows every unit (the Quality Section's): asked after signing in.
        let mut follows_all = None::<bool>;
        loop {
            let Ok(controller) = AbortController::new() else {
                return;
            };
            waiting.set_value(Some(controller.clone()));
            let settings = load_sync_settings().unwrap_or_default();
            let Some(owner) = settings.marking_owner().cloned() else {
                status.state.set(SyncState::Off);
                status.waiting_events.set(None);
                timer::wait(OFF_WAIT_MS, &controller.signal()).await;
                continue;
            };
            status.state.set(SyncState::Syncing);
            refresh_waiting(records, status).await;
            let client = CouchClient::new(&settings.server);
            let follow = match follows_all {
                Some(true) => every_unit(records, &campaign),
                _ => Vec::new(),
            };
            let mut result = sync_round(records, &client, &owner, &follow, &waiting_now).await;
            if matches!(result, Err(SyncFailure::Server(CouchError::Unauthorized))) {
                // No session yet, or it expired while offline: sign in with what is stored.
                result = match password(records).await {
                    None => {
                        status.problem.set(Some(SyncProblem::NoPassword));
                        status.state.set(SyncState::Error);
                        timer::wait(OFF_WAIT_MS, &controller.signal()).await;
                        continue;
                    }
                    Some(password) => match client.sign_in(&settings.user, &password).await {
                        Ok(()) => {
                            follows_all = follows_every_unit(&client).await.ok();
                            let follow = match follows_all {
                                Some(true) => every_unit(records, &campaign),
                                _ => Vec::new(),
                            };
                            sync_round(records, &client, &owner, &follow, &waiting_now).await
                        }
                        Err(error) => Err(SyncFailure::Server(error)),
                    },
                };
            }
            if follows_all.is_none() && result.is_ok() {
                // Signed in by a cookie from an earlier visit: ask once whose account it is.
                follows_all = follows_every_unit(&client).await.ok();
                if follows_all == Some(true) {
                    status.wake_up();
                }
            }
            if result.is_ok() {
                // The plans the Quality Section publishes (a failure here is the next round's).
                if let Ok(pulled) = pull_plans(&client, records, campaigns, notice).await {
                    if !pulled.kept_here.is_empty() {
                        status.plans_kept_here.set(pulled.kept_here);
                    }
                    if !pulled.stored.is_empty() {
                        status.plans_received.update(|(titles, active)| {
                            titles.extend(pulled.stored);
                            *active |= pulled.active_changed;
                        });
                    }
                }
            }
            match result {
                Ok(report) => {
                    backoff = BACKOFF_MS.0;
                    status.pending.set(report.waiting);
                    refresh_waiting(records, status).await;
                    status.refused.set(report.refused);
                    status.problem.set(None);
                    status.last_success.set(Some(clock::now()));
                    status.state.set(SyncState::Idle);
                    // Wait for the server's next change (or a wake, or 30 s).
                    let db = unit_database(&owner);
                    let since = match records.database() {
                        Ok(database) => database
                            .load_checkpoint(&db)
                            .await
                            .ok()
                            .flatten()
                            .map(|c| c.since),
                        Err(_) => None,
                    };
                    let since = sequence_text(&since.unwrap_or(Value::from(0)));
                    let path = format!(
                        "{db}/_changes?feed=longpoll&limit=1&since={}",
                        js_sys::encode_uri_component(&since)
                    );
                    // The long-poll and its timer run side by side: the timer aborts the poll.
                    let ender = controller.clone();
                    leptos::task::spawn_local(async move {
                        timer::wait(LONG_POLL_MS, &ender.signal()).await;
                        ender.abort();
                    });
                    let signal = controller.signal();
                    let polled = client.request("GET", &path, None, Some(&signal)).await;
                    controller.abort();
                    if let Err(CouchError::Offline) = polled {
                        status.state.set(SyncState::Offline);
                        let Ok(backing_off) = AbortController::new() else {
                            return;
                        };
                        waiting.set_value(Some(backing_off.clone()));
                        timer::wait(backoff, &backing_off.signal()).await;
                    }
                }
                Err(failure) => {
                    let (state, problem) = problem_of(&failure);
                    refresh_waiting(records, status).await;
                    status.problem.set(Some(problem));
                    status.state.set(state);
                    timer::wait(backoff, &controller.signal()).await;
                    backoff = (backoff * 2).min(BACKOFF_MS.1);
                }
            }
        }
    });
}
