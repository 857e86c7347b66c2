//! Days are counted in China Standard Time, whatever the device's zone.

use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::china_time::{
    china_today, deadline_status, instant_from_epoch_millis, DeadlineStatus,
};
use field_ledger::domain::plan::campaign::Campaign;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_china_day_turns_at_16_00_utc() {
    let before = Utc.with_ymd_and_hms(2021, 10, 14, 15, 59, 59).unwrap();
    let after = Utc.with_ymd_and_hms(2021, 10, 14, 16, 0, 0).unwrap();
    assert_eq!(china_today(before), day(2021, 10, 14));
    assert_eq!(china_today(after), day(2021, 10, 15));
}

#[test]
fn deadline_counts_days_left_due_today_and_days_since() {
    let deadline = Campaign::quality_month_2021().report_deadline;
    assert_eq!(
        deadline_status(deadline, day(2021, 9, 1)),
        DeadlineStatus::DaysLeft(44)
    );
    assert_eq!(
        deadline_status(deadline, day(2021, 10, 14)),
        DeadlineStatus::DaysLeft(1)
    );
    assert_eq!(
        deadline_status(deadline, day(2021, 10, 15)),
        DeadlineStatus::DueToday
    );
    assert_eq!(
        deadline_status(deadline, day(2021, 10, 16)),
        DeadlineStatus::PassedDaysAgo(1)
    );
    assert_eq!(
        deadline_status(deadline, day(2026, 11, 24)),
        DeadlineStatus::PassedDaysAgo(1866)
    );
}

#[test]
fn epoch_millis_from_the_browser_become_instants() {
    let instant = instant_from_epoch_millis(1_634_227_200_000.0).unwrap();
    assert_eq!(
        instant,
        Utc.with_ymd_and_hms(2021, 10, 14, 16, 0, 0).unwrap()
    );
    assert_eq!(china_today(instant), day(2021, 10, 15));
    assert_eq!(instant_from_epoch_millis(f64::NAN), None);
}
