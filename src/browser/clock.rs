//! The one place the app reads the device clock; everything else receives the time as a value.

use crate::domain::china_time::{china_today, instant_from_epoch_millis};
use chrono::{DateTime, NaiveDate, Utc};

/// The current instant, from `Date.now()` (which Playwright's `page.clock` controls in tests).
pub fn now() -> DateTime<Utc> {
    instant_from_epoch_millis(js_sys::Date::now()).unwrap_or_default()
}

/// Today's calendar day in China Standard Time.
pub fn today_in_china() -> NaiveDate {
    china_today(now())
}
