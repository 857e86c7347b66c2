//! The tablet itself: its label, the unit that owns it and the recorder it suggests.
//!
//! Set up on first use and changeable later. The device ID travels with every record it creates,
//! and the whole profile travels with every export, so the Quality Section can tell files apart.

use super::campaign::Campaign;
use crate::domain::ids::{DeviceId, UnitId};
use crate::domain::validation::{
    ErrorList, Field, FieldError, Problem, DEVICE_LABEL_MAX_CHARS, OFFICE_NAME_MAX_CHARS,
    PERSON_NAME_MAX_CHARS,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Layout version of [`DeviceProfile`].
pub const DEVICE_SCHEMA_VERSION: u32 = 1;

/// One tablet's set-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceProfile {
    /// Created once, never changed.
    pub id: DeviceId,
    /// A label staff recognise, e.g. 平板3.
    pub label: String,
    /// The unit that owns the device.
    pub unit_id: UnitId,
    /// The office's own name, when the unit is the "各市场监管所" placeholder.
    #[serde(default)]
    pub office_name: Option<String>,
    /// The recorder name new events start with.
    #[serde(default)]
    pub default_recorder: String,
    /// When the device was first set up.
    pub created_at: DateTime<Utc>,
    /// When the set-up was last changed.
    pub updated_at: DateTime<Utc>,
    /// Layout version, for migrations.
    pub schema_version: u32,
}

impl DeviceProfile {
    /// Checks the set-up against the plan; all problems at once.
    pub fn validate(&self, campaign: &Campaign) -> Result<(), Vec<FieldError>> {
        let mut errors = ErrorList::default();
        errors.required_text(Field::DeviceLabel, &self.label, DEVICE_LABEL_MAX_CHARS);
        if campaign.unit(&self.unit_id).is_none() {
            errors.push(Field::DeviceUnit, Problem::Required);
        } else if campaign.names_offices(self.unit_id.as_str()) {
            let office = self.office_name.as_deref().unwrap_or("");
            errors.required_text(Field::OfficeName, office, OFFICE_NAME_MAX_CHARS);
        }
        errors.optional_text(
            Field::DefaultRecorder,
            &self.default_recorder,
            PERSON_NAME_MAX_CHARS,
        );
        errors.into_result()
    }

    /// The office name if the owning unit is the placeholder, trimmed; `None` otherwise.
    pub fn office_for(&self, campaign: &Campaign) -> Option<String> {
        campaign
            .names_offices(self.unit_id.as_str())
            .then(|| self.office_name.as_deref().unwrap_or("").trim().to_owned())
            .filter(|name| !name.is_empty())
    }
}

/// The device set-up form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceForm {
    /// Device label.
    pub label: String,
    /// Owning unit ID, empty until chosen.
    pub unit: String,
    /// Office name, used when the unit is the offices' placeholder.
    pub office: String,
    /// Default recorder.
    pub recorder: String,
}

impl DeviceForm {
    /// The form filled from the current set-up, or empty on first use.
    pub fn from_profile(profile: Option<&DeviceProfile>) -> Self {
        profile.map_or_else(Self::default, |p| Self {
            label: p.label.clone(),
            unit: p.unit_id.to_string(),
            office: p.office_name.clone().unwrap_or_default(),
            recorder: p.default_recorder.clone(),
        })
    }

    /// The set-up this form describes, saved at `now`: a new device gets `new_id`, an existing
    /// one keeps its ID and creation time. Every problem is listed at once.
    pub fn to_profile(
        &self,
        campaign: &Campaign,
        existing: Option<&DeviceProfile>,
        new_id: DeviceId,
        now: DateTime<Utc>,
    ) -> Result<DeviceProfile, Vec<FieldError>> {
        let profile = DeviceProfile {
            id: existing.map_or(new_id, |d| d.id),
            label: self.label.trim().to_owned(),
            unit_id: UnitId::new(self.unit.trim()),
            office_name: campaign
                .names_offices(self.unit.trim())
                .then(|| self.office.trim().to_owned()),
            default_recorder: self.recorder.trim().to_owned(),
            created_at: existing.map_or(now, |d| d.created_at),
            updated_at: now,
            schema_version: DEVICE_SCHEMA_VERSION,
        };
        profile.validate(campaign).map(|()| profile)
    }
}
