//! Field-specific validation errors.
//!
//! Domain checks return these as values; the i18n layer turns each into a sentence naming the field
//! and the problem in the user's language. Nothing here panics on user data.

use crate::domain::ids::CounterId;

/// Longest title of an event outside the plan ("other" events).
pub const TITLE_MAX_CHARS: usize = 100;
/// Longest place or platform name.
pub const PLACE_MAX_CHARS: usize = 100;
/// Longest person name (recorder, attendee).
pub const PERSON_NAME_MAX_CHARS: usize = 50;
/// Longest community or company name of an attendee.
pub const AFFILIATION_MAX_CHARS: usize = 100;
/// Longest free-text note.
pub const NOTES_MAX_CHARS: usize = 2000;
/// Longest device label, e.g. 平板3.
pub const DEVICE_LABEL_MAX_CHARS: usize = 30;
/// Longest office name (for the "各市场监管所" placeholder unit).
pub const OFFICE_NAME_MAX_CHARS: usize = 50;
/// Longest video file name.
pub const VIDEO_FILE_NAME_MAX_CHARS: usize = 100;
/// Largest value any single counter may hold: a bigger number is almost certainly a typo.
pub const COUNT_MAX: u32 = 1_000_000;

/// A field of an event record or roster entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The campaign the record belongs to.
    Campaign,
    /// The planned activity.
    Activity,
    /// The title of an event outside the plan.
    OtherTitle,
    /// The organising unit.
    OrganisingUnit,
    /// The first day.
    StartDate,
    /// The last day.
    EndDate,
    /// The start time.
    StartTime,
    /// The end time.
    EndTime,
    /// The place of an event held in person.
    Place,
    /// The platform of an online event.
    Platform,
    /// The office's own name, when the unit is "各市场监管所".
    OfficeName,
    /// Who recorded the event.
    Recorder,
    /// 参加活动人次.
    HeadCount,
    /// 宣传时长 in minutes.
    PublicityMinutes,
    /// 宣传报道数量.
    PublicityReports,
    /// Materials handed out.
    MaterialsHandedOut,
    /// One of the activity's extra counters.
    ExtraCounter(CounterId),
    /// The summary direction.
    Direction,
    /// How many videos were taken.
    VideoCount,
    /// The videos' file names.
    VideoFiles,
    /// Free-text notes.
    Notes,
    /// The record's schema version.
    SchemaVersion,
    /// The event a roster entry belongs to.
    Event,
    /// An attendee's name.
    AttendeeName,
    /// An attendee's phone number.
    Phone,
    /// An attendee's community or company.
    Affiliation,
    /// A photo's caption.
    Caption,
    /// The device's label.
    DeviceLabel,
    /// The unit that owns the device.
    DeviceUnit,
    /// The recorder name a device suggests.
    DefaultRecorder,
}

impl Field {
    /// A stable name for the field, used as `data-field` in the interface and in tests.
    pub fn key(&self) -> String {
        let key = match self {
            Field::Campaign => "campaign",
            Field::Activity => "activity",
            Field::OtherTitle => "other-title",
            Field::OrganisingUnit => "unit",
            Field::StartDate => "date",
            Field::EndDate => "end-date",
            Field::StartTime => "start-time",
            Field::EndTime => "end-time",
            Field::Place => "place",
            Field::Platform => "platform",
            Field::OfficeName => "office-name",
            Field::Recorder => "recorder",
            Field::HeadCount => "head-count",
            Field::PublicityMinutes => "publicity-minutes",
            Field::PublicityReports => "publicity-reports",
            Field::MaterialsHandedOut => "materials",
            Field::ExtraCounter(id) => return format!("extra-{id}"),
            Field::Direction => "direction",
            Field::VideoCount => "video-count",
            Field::VideoFiles => "video-files",
            Field::Notes => "notes",
            Field::SchemaVersion => "schema-version",
            Field::Event => "event",
            Field::AttendeeName => "attendee-name",
            Field::Phone => "phone",
            Field::Affiliation => "affiliation",
            Field::Caption => "caption",
            Field::DeviceLabel => "device-label",
            Field::DeviceUnit => "device-unit",
            Field::DefaultRecorder => "default-recorder",
        };
        key.to_owned()
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The field must be filled in.
    Required,
    /// The text is longer than this many characters.
    TooLong(usize),
    /// The number is larger than this.
    TooLarge(u32),
    /// The ID is not in the campaign plan.
    NotInPlan,
    /// The end lies before the start.
    BeforeStart,
    /// Not a phone number (mainland mobile or landline).
    NotAPhoneNumber,
    /// A schema version this build does not know.
    UnsupportedVersion(u32),
    /// Not a whole number of 0 or more (negative, fractional or not a number).
    NotAWholeNumber,
    /// Not a calendar date.
    NotADate,
    /// Not a time of day.
    NotATime,
    /// A count below the number of items listed (this many).
    FewerThanListed(usize),
}

/// One field with one problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field concerned.
    pub field: Field,
    /// Its problem.
    pub problem: Problem,
}

impl FieldError {
    /// Pairs a field with a problem.
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Collects errors while a record is checked field by field.
#[derive(Debug, Default)]
pub(crate) struct ErrorList(pub Vec<FieldError>);

impl ErrorList {
    pub(crate) fn push(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    /// Requires non-blank text of at most `max` characters.
    pub(crate) fn required_text(&mut self, field: Field, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.push(field, Problem::Required);
        } else {
            self.optional_text(field, text, max);
        }
    }

    /// Allows empty text, but no more than `max` characters.
    pub(crate) fn optional_text(&mut self, field: Field, text: &str, max: usize) {
        if text.chars().count() > max {
            self.push(field, Problem::TooLong(max));
        }
    }

    pub(crate) fn count(&mut self, field: Field, value: u32) {
        if value > COUNT_MAX {
            self.push(field, Problem::TooLarge(COUNT_MAX));
        }
    }

    pub(crate) fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
