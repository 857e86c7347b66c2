//! Saving live sync's settings from the device page: the server path checked (this origin only),
//! the password sealed under a non-extractable key before it is stored, and, when sync is turned
//! on, every record already here marked as waiting to go up, owned by the unit of the tablet that
//! made it (this tablet's, or the tablet whose file brought it), in one transaction.

use crate::browser::secret_box::{seal, SealedSecret};
use crate::domain::ids::{DeviceId, UnitId};
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::device::DeviceProfile;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::sync::document::{office_owner, Synced, VersionMark};
use crate::domain::sync::ledger::{check_server_path, marker_after_save, SyncSettings};
use crate::state::event_records::EventRecords;
use crate::storage::imports::RecordBatch;
use crate::storage::preferences::{load_sync_settings, save_sync_settings};
use std::collections::HashMap;

/// Markers written per transaction when sync is turned on.
const MARK_CHUNK: usize = 5_000;

/// The device page's sync form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncForm {
    /// The server path.
    pub server: String,
    /// The account name.
    pub user: String,
    /// A new password, if one was typed (empty: keep the stored one).
    pub password: String,
    /// Sync on or off.
    pub enabled: bool,
    /// Whether sign-ins go up with their phone numbers.
    pub include_phones: bool,
}

/// Why the settings were not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupProblem {
    /// The server path is not a path on this origin.
    ServerPath,
    /// Sync is turned on without an account name.
    NoUser,
    /// Sync is turned on and no password is stored or typed.
    NoPassword,
    /// This browser cannot encrypt (no WebCrypto outside a secure context).
    NoEncryption,
    /// The device's own unit cannot name a database (an office without a usable name).
    NoOwner,
    /// Storage failed; nothing was changed.
    Storage(StorageFailure),
}

impl From<StorageFailure> for SetupProblem {
    fn from(failure: StorageFailure) -> Self {
        Self::Storage(failure)
    }
}

/// The unit whose database `device`'s records go to: its plan unit, or its office's ID.
pub fn device_owner(device: &DeviceProfile, campaign: &Campaign) -> Option<UnitId> {
    match device.office_for(campaign) {
        Some(office) => office_owner(&office),
        None => Some(device.unit_id.clone()),
    }
}

/// Marks every record here as waiting, in one transaction: events owned by the tablet that made
/// them (known from the received files), sign-ins and photos by their event's owner.
async fn mark_everything(
    records: EventRecords,
    campaign: &Campaign,
    device: &DeviceProfile,
    owner: &UnitId,
) -> Result<(), StorageFailure> {
    let database = records.database()?;
    let known = database.load_known().await?;
    let pending: HashMap<String, _> = database.load_pending().await?.into_iter().collect();
    let mut owners: HashMap<DeviceId, UnitId> = HashMap::new();
    for file in database.load_received_files().await?.records {
        let from = &file.device;
        let unit = match from.office_name.as_deref() {
            Some(office) if campaign.names_offices(from.unit_id.as_str()) => office_owner(office),
            _ => Some(from.unit_id.clone()),
        };
        if let Some(unit) = unit {
            owners.insert(from.id, unit);
        }
    }
    owners.insert(device.id, owner.clone());
    let (events, roster) = database.load_events_and_roster().await?;
    let photos = database.load_all_photos().await?.records;
    let event_owner: HashMap<_, UnitId> = events
        .records
        .iter()
        .map(|e| (e.id, owners.get(&e.device_id).unwrap_or(owner).clone()))
        .collect();
    let mut markers = Vec::new();
    let mut mark = |id: String, version: VersionMark, owner: &UnitId| {
        if pending.contains_key(&id) || known.get(&id).is_some_and(|k| k.version == version) {
            return; // waiting already, or on the server as it is here
        }
        let marker = marker_after_save(None, known.get(&id).cloned(), version, owner);
        markers.push((id, marker));
    };
    for event in &events.records {
        mark(
            event.doc_id(),
            VersionMark::of(event),
            &event_owner[&event.id],
        );
    }
    for entry in &roster.records {
        let owner = event_owner.get(&entry.event_id).unwrap_or(owner);
        mark(entry.doc_id(), VersionMark::of(entry), owner);
    }
    for photo in &photos {
        let owner = event_owner.get(&photo.event_id).unwrap_or(owner);
        mark(photo.doc_id(), VersionMark::of(photo), owner);
    }
    // In transactions of MARK_CHUNK markers: Chromium refused one transaction of 110,000 (a
    // tablet with 100,000 sign-ins). Marking is idempotent (what waits already is skipped), so a
    // failure part-way leaves sync off and a later attempt marks the rest.
    for chunk in markers.chunks(MARK_CHUNK) {
        let mut batch = RecordBatch::from_server();
        for (id, marker) in chunk {
            batch.set_marker(id, Some(marker))?;
        }
        database.commit(batch).await?;
    }
    Ok(())
}

/// Saves the form: checks it, seals a new password, marks everything when sync is turned on,
/// then stores the settings. On any problem nothing is changed.
pub async fn save_sync_form(
    records: EventRecords,
    campaign: &Campaign,
    device: &DeviceProfile,
    form: &SyncForm,
) -> Result<SyncSettings, SetupProblem> {
    let server = check_server_path(&form.server).map_err(|_| SetupProblem::ServerPath)?;
    let owner = device_owner(device, campaign).ok_or(SetupProblem::NoOwner)?;
    let user = form.user.trim().to_owned();
    let database = records.loaded_database().await?;
    let stored = database.load_sealed_password().await?;
    if form.enabled && user.is_empty() {
        return Err(SetupProblem::NoUser);
    }
    if form.enabled && stored.is_none() && form.password.is_empty() {
        return Err(SetupProblem::NoPassword);
    }
    if !form.password.is_empty() {
        let previous = stored.map(SealedSecret);
        let sealed = seal(&form.password, previous.as_ref())
            .await
            .ok_or(SetupProblem::NoEncryption)?;
        database.save_sealed_password(&sealed.0).await?;
    }
    let was_on = load_sync_settings()?.enabled;
    if form.enabled && !was_on {
        mark_everything(records, campaign, device, &owner).await?;
    }
    let settings = SyncSettings {
        enabled: form.enabled,
        server,
        user,
        owner: Some(owner),
        include_phones: form.include_phones,
    };
    save_sync_settings(&settings)?;
    Ok(settings)
}
