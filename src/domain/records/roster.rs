//! One attendee signed in at an event.
//!
//! Names and phone numbers are personal data: phones are optional, shown and exported masked
//! unless a user explicitly chooses otherwise (see [`mask_phone`]).

use super::record_version::ROSTER_SCHEMA_VERSION;
use super::record_version::{RecordOrigin, VersionRank};
use crate::domain::ids::{EventId, RosterEntryId};
use crate::domain::validation::{
    ErrorList, Field, FieldError, Problem, AFFILIATION_MAX_CHARS, PERSON_NAME_MAX_CHARS,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One line of an event's sign-in roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    /// UUID, fixed when the attendee is first signed in.
    pub id: RosterEntryId,
    /// The event attended.
    pub event_id: EventId,
    /// The attendee's name.
    pub name: String,
    /// Phone number, only where the event needs one.
    #[serde(default)]
    pub phone: Option<String>,
    /// Community or company, where given.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// When the attendee signed in.
    #[serde(deserialize_with = "crate::domain::instant::deserialize")]
    pub signed_in_at: DateTime<Utc>,
    /// When the entry was first saved.
    #[serde(deserialize_with = "crate::domain::instant::deserialize")]
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    #[serde(deserialize_with = "crate::domain::instant::deserialize")]
    pub updated_at: DateTime<Utc>,
    /// Starts at 1, grows by one with every saved change.
    pub revision: u32,
    /// Deleted entries are kept as tombstones so a merge does not bring them back.
    #[serde(default)]
    pub deleted: bool,
    /// Name, phone and affiliation were purged (personal data removed, the sign-in still counts).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub purged: bool,
    /// Fields this copy does not carry because its exporter held them back (a report export
    /// withholds phones). A withheld field says nothing about the value: merging never lets it
    /// overwrite a real one. Empty in every record made on this tablet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<WithheldField>,
    /// Version of this entry's layout, for migrations.
    pub schema_version: u32,
    /// When this version withholds the phone: the phone of the best-ranked version seen that
    /// carried one (see [`super::merge`]), so a withheld phone never overwrites a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_phone: Option<KeptPhone>,
    /// The received file and device this version came from; `None` for a version made on this
    /// device. Not part of the entry's content: merging ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<RecordOrigin>,
}

/// A phone number kept from another version of a roster entry whose newer version withholds it,
/// with that version's rank, so every device keeps the same one whatever the order of files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptPhone {
    /// The phone that version carried (`None`: it had none).
    #[serde(default)]
    pub phone: Option<String>,
    /// That version's rank, as [`VersionRank`] orders versions that carry every field.
    pub from: VersionRank,
}

/// A roster field an export can hold back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithheldField {
    /// The phone number.
    Phone,
}

impl RosterEntry {
    /// A new entry signed in at `now`.
    pub fn new(id: RosterEntryId, event_id: EventId, name: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            event_id,
            name,
            phone: None,
            affiliation: None,
            signed_in_at: now,
            created_at: now,
            updated_at: now,
            revision: 1,
            deleted: false,
            purged: false,
            withheld: Vec::new(),
            schema_version: ROSTER_SCHEMA_VERSION,
            kept_phone: None,
            origin: None,
        }
    }

    /// The next revision of this entry, changed at `now` (revision + 1, time never backwards).
    /// It is made here, so it has no origin; a phone kept from another version becomes its own.
    pub fn next_revision(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.clone();
        (next.revision, next.updated_at) =
            super::record_version::next_revision_stamp(self.revision, self.updated_at, now);
        next.origin = None;
        if let Some(kept) = next.kept_phone.take() {
            next.phone = kept.phone;
            next.withheld.retain(|field| *field != WithheldField::Phone);
        }
        next
    }

    /// The entry removed at `now`: a tombstone with a higher revision.
    pub fn removed_at(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.next_revision(now);
        next.deleted = true;
        next
    }

    /// The entry with its personal data purged at `now`: name, phone and affiliation gone, the
    /// sign-in still counted, a higher revision so an older file cannot bring the data back.
    pub fn purged_at(&self, now: DateTime<Utc>) -> Self {
        let mut next = self.next_revision(now);
        next.name.clear();
        next.phone = None;
        next.affiliation = None;
        next.purged = true;
        // The phone is gone, not withheld: this version carries that fact to every copy.
        next.withheld.clear();
        next.kept_phone = None;
        next
    }

    /// This entry as a report carries it: the phone withheld (and marked so) unless the entry
    /// was purged, whose missing phone is a fact that must reach every copy.
    pub fn with_phone_withheld(&self) -> Self {
        let mut copy = self.clone();
        copy.kept_phone = None;
        if !copy.purged {
            copy.phone = None;
            if !copy.withheld.contains(&WithheldField::Phone) {
                copy.withheld.push(WithheldField::Phone);
            }
        }
        copy
    }

    /// Whether this version holds back the phone. A purged entry never does: its phone is gone.
    pub fn withholds_phone(&self) -> bool {
        !self.purged && self.withheld.contains(&WithheldField::Phone)
    }

    /// The phone to show and export: this version's own, or, when it withholds it, the one kept
    /// from another version.
    pub fn known_phone(&self) -> Option<&str> {
        if self.withholds_phone() {
            self.kept_phone
                .as_ref()
                .and_then(|kept| kept.phone.as_deref())
        } else {
            self.phone.as_deref()
        }
    }

    /// Checks every field; all problems are returned at once.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = ErrorList::default();
        if self.schema_version != ROSTER_SCHEMA_VERSION {
            errors.push(
                Field::SchemaVersion,
                Problem::UnsupportedVersion(self.schema_version),
            );
        }
        if !self.purged {
            errors.required_text(Field::AttendeeName, &self.name, PERSON_NAME_MAX_CHARS);
        }
        if let Some(phone) = self.phone.as_deref().filter(|p| !p.trim().is_empty()) {
            if !is_phone_number(phone) {
                errors.push(Field::Phone, Problem::NotAPhoneNumber);
            }
        }
        if let Some(affiliation) = &self.affiliation {
            errors.optional_text(Field::Affiliation, affiliation, AFFILIATION_MAX_CHARS);
        }
        errors.into_result()
    }
}

/// Whether `text` is a mainland mobile number (11 digits starting with 1) or a landline
/// (7–8 digits, optionally after a 3–4 digit area code starting with 0, with or without a hyphen).
///
/// ```
/// use field_ledger::domain::records::roster::is_phone_number;
/// assert!(is_phone_number("13812345678"));
/// assert!(is_phone_number("022-26281234"));
/// assert!(!is_phone_number("1381234"));
/// ```
pub fn is_phone_number(text: &str) -> bool {
    let text = text.trim();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_area_code = |s: &str| all_digits(s) && s.starts_with('0') && (3..=4).contains(&s.len());
    let is_local = |s: &str| all_digits(s) && !s.starts_with('0') && (7..=8).contains(&s.len());
    if let Some((area, local)) = text.split_once('-') {
        return is_area_code(area) && is_local(local);
    }
    if !all_digits(text) {
        return false;
    }
    match text.as_bytes()[0] {
        b'1' => text.len() == 11,
        // Area code and local number written together: 3–4 + 7–8 digits.
        b'0' => (10..=12).contains(&text.len()),
        _ => is_local(text),
    }
}

/// How many live (not removed) sign-ins each event has among `entries`: the figure the person-times
/// add, as the storage keys give it when the entries are not at hand.
pub fn live_sign_ins<'a>(
    entries: impl IntoIterator<Item = &'a RosterEntry>,
) -> std::collections::HashMap<EventId, usize> {
    let mut counts = std::collections::HashMap::new();
    for entry in entries.into_iter().filter(|entry| !entry.deleted) {
        *counts.entry(entry.event_id).or_insert(0) += 1;
    }
    counts
}

/// Masks the middle of a phone number for display and export, keeping the first three and last
/// four digits: `13812345678` becomes `138****5678`. Short inputs are masked entirely.
///
/// ```
/// use field_ledger::domain::records::roster::mask_phone;
/// assert_eq!(mask_phone("13812345678"), "138****5678");
/// ```
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.trim().chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - 7;
    let mut masked: String = chars[..3].iter().collect();
    masked.push_str(&"*".repeat(hidden));
    masked.extend(&chars[chars.len() - 4..]);
    masked
}

/// A full phone number as the spreadsheet exports write it: grouped with spaces the way Chinese
/// numbers are read (`138 1234 5678`, `022 26281234`), so Excel, WPS and LibreOffice keep it as
/// text; as digits alone they would turn it into a number (`1.38123E+10`) and drop a landline's
/// leading zero. Anything else is written as entered.
///
/// ```
/// use field_ledger::domain::records::roster::phone_for_spreadsheet;
/// assert_eq!(phone_for_spreadsheet("13812345678"), "138 1234 5678");
/// assert_eq!(phone_for_spreadsheet("02226281234"), "022 26281234");
/// assert_eq!(phone_for_spreadsheet("022-26281234"), "022-26281234");
/// ```
pub fn phone_for_spreadsheet(phone: &str) -> String {
    let phone = phone.trim();
    let digits_only = !phone.is_empty() && phone.bytes().all(|b| b.is_ascii_digit());
    if !digits_only {
        return phone.to_owned();
    }
    match phone.as_bytes()[0] {
        b'1' if phone.len() == 11 => format!("{} {} {}", &phone[..3], &phone[3..7], &phone[7..]),
        b'0' if phone.len() >= 10 => {
            // Beijing, Tianjin, Shanghai… (01x, 02x) have three-digit area codes, the rest four.
            let area = if matches!(phone.as_bytes()[1], b'1' | b'2') {
                3
            } else {
                4
            };
            format!("{} {}", &phone[..area], &phone[area..])
        }
        _ => phone.to_owned(),
    }
}
