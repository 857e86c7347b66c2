//! The event list: newest first, filters, recent places.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_draft::OTHER_ACTIVITY;
use field_ledger::domain::records::event_list::{matching_events, recent_places, EventFilter};
use field_ledger::domain::records::event_record::{ActivityChoice, Attendance, EventRecord};

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2021, 9, 1, 0, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn event(n: u128, activity: &str, unit: &str, day: u32, place: &str) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let choice = if activity == OTHER_ACTIVITY {
        ActivityChoice::Other {
            title: "其他".into(),
        }
    } else {
        ActivityChoice::Planned {
            activity_id: ActivityId::new(activity),
        }
    };
    let mut record = EventRecord::new(
        EventId(uuid::Uuid::from_u128(n)),
        &plan,
        DeviceId(uuid::Uuid::from_u128(99)),
        choice,
        UnitId::new(unit),
        NaiveDate::from_ymd_opt(2021, 9, day).unwrap(),
        at(n as i64),
    );
    record.place = place.into();
    record
}

fn ids(records: Vec<&EventRecord>) -> Vec<u128> {
    records.into_iter().map(|r| r.id.0.as_u128()).collect()
}

#[test]
fn newest_first_by_day_then_time_then_recording() {
    let mut morning = event(1, "qm2021-a01", "quality", 15, "广场");
    morning.start_time = NaiveTime::from_hms_opt(9, 0, 0);
    let mut afternoon = event(2, "qm2021-a01", "quality", 15, "广场");
    afternoon.start_time = NaiveTime::from_hms_opt(14, 0, 0);
    let earlier_day = event(3, "qm2021-a02", "quality", 14, "企业");
    let untimed_later_recorded = event(4, "qm2021-a02", "quality", 15, "社区");
    let mut same_slot_recorded_later = event(5, "qm2021-a03", "quality", 15, "企业");
    same_slot_recorded_later.start_time = NaiveTime::from_hms_opt(14, 0, 0);
    let records = [
        morning,
        afternoon,
        earlier_day,
        untimed_later_recorded,
        same_slot_recorded_later,
    ];
    assert_eq!(
        ids(matching_events(&records, &EventFilter::default())),
        vec![5, 2, 1, 4, 3]
    );
}

#[test]
fn deleted_events_leave_the_list_and_filters_narrow_it() {
    let records = [
        event(1, "qm2021-a01", "metrology-institute", 15, "中山公园广场"),
        event(2, "qm2021-a01", "metrology-standardization", 15, "人民公园"),
        event(3, OTHER_ACTIVITY, "quality", 16, "中山路社区").deleted_at(at(100)),
        event(4, OTHER_ACTIVITY, "quality", 16, "意式风情街"),
    ];
    let filter = |activity: &str, unit: Option<&str>, query: &str| EventFilter {
        activity: activity.into(),
        unit: unit.map(UnitId::new),
        place_query: query.into(),
    };
    assert_eq!(
        ids(matching_events(&records, &EventFilter::default())),
        vec![4, 2, 1]
    );
    assert_eq!(
        ids(matching_events(&records, &filter("qm2021-a01", None, ""))),
        vec![2, 1]
    );
    assert_eq!(
        ids(matching_events(&records, &filter(OTHER_ACTIVITY, None, ""))),
        vec![4]
    );
    assert_eq!(
        ids(matching_events(
            &records,
            &filter("", Some("metrology-institute"), "")
        )),
        vec![1]
    );
    assert_eq!(
        ids(matching_events(&records, &filter("", None, " 公园 "))),
        vec![2, 1]
    );
}

#[test]
fn recent_places_are_distinct_most_recent_first_and_per_kind() {
    let mut online = event(5, "qm2021-a09", "food-coordination", 16, "微信公众号");
    online.attendance = Attendance::Online;
    let records = [
        event(1, "qm2021-a01", "quality", 15, "广场"),
        event(2, "qm2021-a01", "quality", 15, "社区"),
        event(3, "qm2021-a01", "quality", 15, " 广场 "),
        event(4, "qm2021-a01", "quality", 15, "企业"),
        online,
    ];
    assert_eq!(
        recent_places(&records, Attendance::Offline, 2),
        vec!["企业", "广场"]
    );
    assert_eq!(
        recent_places(&records, Attendance::Offline, 8),
        vec!["企业", "广场", "社区"]
    );
    assert_eq!(
        recent_places(&records, Attendance::Online, 8),
        vec!["微信公众号"]
    );
}
