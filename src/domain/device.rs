//! The tablet itself: its label, the unit that owns it and the recorder it suggests.
//!
//! Set up on first use and changeable later. The device ID travels with every record it creates,
//! and the whole profile travels with every export, so the Quality Section can tell files apart.

use super::campaign::Campaign;
use super::ids::{DeviceId, UnitId};
use super::validation::{
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
        match campaign.unit(&self.unit_id) {
            None => errors.push(Field::DeviceUnit, Problem::Required),
            Some(unit) if unit.placeholder => errors.required_text(
                Field::OfficeName,
                self.office_name.as_deref().unwrap_or(""),
                OFFICE_NAME_MAX_CHARS,
            ),
            Some(_) => {}
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
        let placeholder = campaign.unit(&self.unit_id).is_some_and(|u| u.placeholder);
        placeholder
            .then(|| self.office_name.as_deref().unwrap_or("").trim().to_owned())
            .filter(|name| !name.is_empty())
    }
}
