//! Who and how many came: the head counter and the named sign-in roster of one event.

use super::event_record::EventRecord;
use super::roster::RosterEntry;
use crate::domain::ids::{EventId, RosterEntryId};
use crate::domain::validation::FieldError;
use chrono::{DateTime, Utc};

/// An event's attendance and how it is made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attendance {
    /// Heads counted with the counter or typed in.
    pub counted: u32,
    /// Named sign-ins (not removed).
    pub signed_in: usize,
}

impl Attendance {
    /// 参加活动人次: counted heads plus named sign-ins.
    ///
    /// ```
    /// use field_ledger::domain::records::attendance::Attendance;
    /// assert_eq!(Attendance { counted: 37, signed_in: 3 }.person_times(), 40);
    /// ```
    pub fn person_times(self) -> u64 {
        u64::from(self.counted) + self.signed_in as u64
    }
}

/// The sign-in form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterDraft {
    /// The attendee's name.
    pub name: String,
    /// Phone, optional.
    pub phone: String,
    /// Community or company, optional.
    pub affiliation: String,
}

impl RosterDraft {
    /// A roster entry for `event_id` signed in at `now`, or every problem with the form.
    pub fn to_entry(
        &self,
        id: RosterEntryId,
        event_id: EventId,
        now: DateTime<Utc>,
    ) -> Result<RosterEntry, Vec<FieldError>> {
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let mut entry = RosterEntry::new(id, event_id, self.name.trim().to_owned(), now);
        entry.phone = optional(&self.phone).map(|p| p.replace([' ', '\u{3000}'], ""));
        entry.affiliation = optional(&self.affiliation);
        entry.validate().map(|()| entry)
    }
}

/// Whether a live entry of the roster already carries `name` (ignoring surrounding spaces).
pub fn name_already_signed_in<'a>(
    roster: impl IntoIterator<Item = &'a RosterEntry>,
    name: &str,
) -> bool {
    let name = name.trim();
    !name.is_empty()
        && roster
            .into_iter()
            .any(|e| !e.deleted && e.name.trim() == name)
}

/// The event with its head count set to `count` at `now` (a new revision).
pub fn with_head_count(record: &EventRecord, count: u32, now: DateTime<Utc>) -> EventRecord {
    let mut next = record.next_revision(now);
    next.head_count = count;
    next
}
