//! Small preferences in localStorage (through gloo-storage): language, device set-up, the draft
//! and the last recorder. Each write returns only once the browser has accepted it.

use super::keys;
use crate::domain::exchange::export_journal::ExportJournal;
use crate::domain::ids::{CampaignId, EventId};
use crate::domain::plan::device::DeviceProfile;
use crate::domain::planning::campaign_list::CampaignList;
use crate::domain::records::event_draft::EventDraft;
use crate::domain::storage_failure::StorageFailure;
use crate::i18n::Language;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Whether localStorage can be reached at all. gloo-storage panics when it cannot, so this is
/// checked before every use.
fn local_storage_available() -> Result<(), StorageFailure> {
    let window = web_sys::window().ok_or(StorageFailure::Blocked)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        _ => Err(StorageFailure::Blocked),
    }
}

fn classify(error: StorageError) -> StorageFailure {
    match error {
        StorageError::JsError(js) => StorageFailure::from_error_name(&js.name),
        StorageError::SerdeError(_) => StorageFailure::Unreadable,
        StorageError::KeyNotFound(_) => StorageFailure::Unreadable,
    }
}

fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageFailure> {
    local_storage_available()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(error) => Err(classify(error)),
    }
}

fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageFailure> {
    local_storage_available()?;
    LocalStorage::set(key, value).map_err(classify)
}

fn remove(key: &str) -> Result<(), StorageFailure> {
    local_storage_available()?;
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageFailure::Blocked)?;
    storage
        .remove_item(key)
        .map_err(|_| StorageFailure::Blocked)
}

/// The language saved on this device, `Ok(None)` if none was chosen yet.
pub fn load_language() -> Result<Option<Language>, StorageFailure> {
    match load::<String>(keys::LANGUAGE)? {
        None => Ok(None),
        Some(code) => Language::from_code(&code)
            .map(Some)
            .ok_or(StorageFailure::Unreadable),
    }
}

/// Saves the language choice.
pub fn save_language(language: Language) -> Result<(), StorageFailure> {
    save(keys::LANGUAGE, &language.code())
}

/// This tablet's set-up, `Ok(None)` before the first set-up.
pub fn load_device() -> Result<Option<DeviceProfile>, StorageFailure> {
    load(keys::DEVICE)
}

/// Saves this tablet's set-up.
pub fn save_device(device: &DeviceProfile) -> Result<(), StorageFailure> {
    save(keys::DEVICE, device)
}

/// The key of a form's draft: the edited event's ID, or `new` for a new event of the built-in
/// campaign (the key drafts had before there were other campaigns) and `new.<campaign>` for
/// one of another campaign, so a draft never crosses into another campaign.
fn draft_key(editing: Option<EventId>, campaign: &CampaignId) -> String {
    match editing {
        Some(id) => format!("{}{id}", keys::EVENT_DRAFT_PREFIX),
        None if CampaignList::is_built_in(campaign) => format!("{}new", keys::EVENT_DRAFT_PREFIX),
        None => format!("{}new.{campaign}", keys::EVENT_DRAFT_PREFIX),
    }
}

/// The unfinished form for a new event of `campaign` (`None`) or for editing `editing`, if one
/// was left.
pub fn load_draft(
    editing: Option<EventId>,
    campaign: &CampaignId,
) -> Result<Option<EventDraft>, StorageFailure> {
    load(&draft_key(editing, campaign))
}

/// Keeps a form in progress of `campaign`, under its own key.
pub fn save_draft(draft: &EventDraft, campaign: &CampaignId) -> Result<(), StorageFailure> {
    save(&draft_key(draft.editing, campaign), draft)
}

/// Forgets one form's draft (after saving or discarding it); other forms' drafts stay.
pub fn clear_draft(editing: Option<EventId>, campaign: &CampaignId) -> Result<(), StorageFailure> {
    remove(&draft_key(editing, campaign))
}

/// Every unfinished form of `campaign` (its new-event draft, and every edit draft: the caller
/// knows which events are whose), for the offer to continue it.
pub fn waiting_drafts(campaign: &CampaignId) -> Result<Vec<EventDraft>, StorageFailure> {
    let new_key = draft_key(None, campaign);
    local_storage_available()?;
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageFailure::Blocked)?;
    let length = storage.length().map_err(|_| StorageFailure::Blocked)?;
    let mut drafts = Vec::new();
    for index in 0..length {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        let other_new =
            key.starts_with(&format!("{}new", keys::EVENT_DRAFT_PREFIX)) && key != new_key;
        if key.starts_with(keys::EVENT_DRAFT_PREFIX) && !other_new {
            if let Some(draft) = load::<EventDraft>(&key)? {
                drafts.push(draft);
            }
        }
    }
    Ok(drafts)
}

/// The recorder name last saved with an event.
pub fn load_last_recorder() -> Result<Option<String>, StorageFailure> {
    load(keys::LAST_RECORDER)
}

/// Remembers the recorder name for the next event.
pub fn save_last_recorder(name: &str) -> Result<(), StorageFailure> {
    save(keys::LAST_RECORDER, &name)
}

/// The events changed since the last JSON export; `Ok(None)` if no journal was ever kept here.
pub fn load_export_journal() -> Result<Option<ExportJournal>, StorageFailure> {
    load(keys::EXPORT_JOURNAL)
}

/// Saves the export journal.
pub fn save_export_journal(journal: &ExportJournal) -> Result<(), StorageFailure> {
    save(keys::EXPORT_JOURNAL, journal)
}

/// The long side large photos are shrunk to on attach; `Ok(None)` if never chosen here.
pub fn load_photo_long_side() -> Result<Option<u32>, StorageFailure> {
    load(keys::PHOTO_LONG_SIDE)
}

/// Remembers the long side large photos are shrunk to (`0`: never shrink).
pub fn save_photo_long_side(pixels: u32) -> Result<(), StorageFailure> {
    save(keys::PHOTO_LONG_SIDE, &pixels)
}

/// The campaigns added on this device and the active one (none stored: only the built-in plan).
pub fn load_campaigns(
) -> Result<crate::domain::planning::campaign_list::CampaignList, StorageFailure> {
    Ok(load(keys::CAMPAIGNS)?.unwrap_or_default())
}

/// Saves the campaigns and the active one; returns once the browser has accepted the write.
pub fn save_campaigns(
    campaigns: &crate::domain::planning::campaign_list::CampaignList,
) -> Result<(), StorageFailure> {
    save(keys::CAMPAIGNS, campaigns)
}

fn plan_draft_key(campaign: &CampaignId) -> String {
    format!("{}{campaign}", keys::PLAN_DRAFT_PREFIX)
}

/// The unsaved plan-editor edits of `campaign`, `Ok(None)` if there are none.
pub fn load_plan_draft(
    campaign: &CampaignId,
) -> Result<Option<crate::domain::planning::plan_draft::PlanDraft>, StorageFailure> {
    load(&plan_draft_key(campaign))
}

/// Keeps unsaved plan-editor edits; returns once the browser has accepted the write.
pub fn save_plan_draft(
    draft: &crate::domain::planning::plan_draft::PlanDraft,
) -> Result<(), StorageFailure> {
    save(&plan_draft_key(&draft.plan.id), draft)
}

/// Forgets the unsaved plan-editor edits of `campaign` (saved, or thrown away).
pub fn clear_plan_draft(campaign: &CampaignId) -> Result<(), StorageFailure> {
    remove(&plan_draft_key(campaign))
}

/// Live sync's settings; off when none were saved.
pub fn load_sync_settings() -> Result<crate::domain::sync::ledger::SyncSettings, StorageFailure> {
    Ok(load(keys::SYNC)?.unwrap_or_default())
}

/// Saves live sync's settings.
pub fn save_sync_settings(
    settings: &crate::domain::sync::ledger::SyncSettings,
) -> Result<(), StorageFailure> {
    save(keys::SYNC, settings)
}
