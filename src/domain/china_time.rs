//! Calendar days in China Standard Time.
//!
//! Every "per day" figure and every "days left" count uses the calendar day in Asia/Shanghai,
//! whatever zone the tablet is set to. China has had a fixed UTC+8 offset without daylight saving
//! since 1991, so a fixed offset is exact for every date this app handles and spares the wasm a
//! time-zone database.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

/// Seconds east of UTC for China Standard Time.
const CHINA_OFFSET_SECONDS: i32 = 8 * 3600;

/// The China Standard Time offset (UTC+08:00).
pub fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(CHINA_OFFSET_SECONDS).expect("UTC+8 is a valid offset")
}

/// The calendar day in China at the instant `now`.
///
/// ```
/// use chrono::{TimeZone, Utc, NaiveDate};
/// use field_ledger::domain::china_time::china_today;
/// // 16:30 UTC on 14 September is already 00:30 on 15 September in Beijing.
/// let now = Utc.with_ymd_and_hms(2021, 9, 14, 16, 30, 0).unwrap();
/// assert_eq!(china_today(now), NaiveDate::from_ymd_opt(2021, 9, 15).unwrap());
/// ```
pub fn china_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&china_offset()).date_naive()
}

/// Converts milliseconds since the Unix epoch (as `Date.now()` gives them) to an instant.
/// Returns `None` for values outside chrono's range.
pub fn instant_from_epoch_millis(millis: f64) -> Option<DateTime<Utc>> {
    if !millis.is_finite() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// Where today stands relative to a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// The deadline is still ahead: this many whole days to go (at least 1).
    DaysLeft(i64),
    /// The deadline is today.
    DueToday,
    /// The deadline passed this many days ago (at least 1).
    PassedDaysAgo(i64),
}

/// Compares `today` (a China calendar day) with `deadline`.
///
/// ```
/// use chrono::NaiveDate;
/// use field_ledger::domain::china_time::{deadline_status, DeadlineStatus};
/// let deadline = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
/// let today = NaiveDate::from_ymd_opt(2021, 10, 5).unwrap();
/// assert_eq!(deadline_status(deadline, today), DeadlineStatus::DaysLeft(10));
/// ```
pub fn deadline_status(deadline: NaiveDate, today: NaiveDate) -> DeadlineStatus {
    let days = (deadline - today).num_days();
    match days {
        0 => DeadlineStatus::DueToday,
        d if d > 0 => DeadlineStatus::DaysLeft(d),
        d => DeadlineStatus::PassedDaysAgo(-d),
    }
}

/// A time of day as `HH:MM`, the form time inputs use.
///
/// ```
/// use chrono::NaiveTime;
/// use field_ledger::domain::china_time::hour_minute;
/// assert_eq!(hour_minute(NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "09:05");
/// ```
pub fn hour_minute(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The China Standard Time clock reading at `instant`, as `HH:MM`.
pub fn china_clock(instant: DateTime<Utc>) -> String {
    hour_minute(instant.with_timezone(&china_offset()).time())
}

/// The China Standard Time date and clock reading at `instant`, as `YYYY-MM-DD HH:MM:SS`: the
/// ISO 8601 order, with the space spreadsheets recognise as a date and time.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use field_ledger::domain::china_time::china_date_time;
/// let instant = Utc.with_ymd_and_hms(2021, 9, 14, 16, 30, 5).unwrap();
/// assert_eq!(china_date_time(instant), "2021-09-15 00:30:05");
/// ```
pub fn china_date_time(instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&china_offset());
    let time = local.time();
    format!(
        "{} {:02}:{:02}:{:02}",
        local.date_naive(),
        time.hour(),
        time.minute(),
        time.second()
    )
}
