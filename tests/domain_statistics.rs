//! Campaign statistics on a fixture whose answers were worked out by hand.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use field_ledger::domain::china_time::DeadlineStatus;
use field_ledger::domain::figures::statistics::{
    campaign_statistics, ActivityKey, Figures, StatisticsFilter, UnitKey,
};
use field_ledger::domain::ids::{ActivityId, CounterId, DeviceId, DirectionId, EventId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, Attendance, EventRecord};
use std::collections::{BTreeMap, HashMap};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, d).unwrap()
}

fn event(n: u128, activity: Option<&str>, unit: &str, start: u32) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let choice = match activity {
        Some(id) => ActivityChoice::Planned {
            activity_id: ActivityId::new(id),
        },
        None => ActivityChoice::Other {
            title: "安全用药直播".into(),
        },
    };
    let mut record = EventRecord::new(
        EventId(uuid::Uuid::from_u128(n)),
        &plan,
        DeviceId(uuid::Uuid::from_u128(7)),
        choice,
        UnitId::new(unit),
        day(start),
        Utc.with_ymd_and_hms(2021, 9, 1, 0, 0, 0).unwrap(),
    );
    record.place = "地点".into();
    record.recorder = "王芳".into();
    record
}

fn counters(pairs: &[(&str, u64)]) -> BTreeMap<CounterId, u64> {
    pairs
        .iter()
        .map(|(id, n)| (CounterId::new(*id), *n))
        .collect()
}

/// E1, E2: activity 1 on 15 Sep; E3: elevator week 20–26 Sep; E4: an online "other" event of an
/// office just after midnight on 16 Sep; E5: screen slogans of another office on 30 Sep;
/// E6: deleted (never counts).
fn fixture() -> (Vec<EventRecord>, HashMap<EventId, usize>) {
    let mut e1 = event(1, Some("qm2021-a01"), "metrology-institute", 15);
    e1.head_count = 37;
    (
        e1.publicity_minutes,
        e1.publicity_reports,
        e1.materials_handed_out,
    ) = (120, 2, 200);
    e1.extra_counts
        .insert(CounterId::new("bp-monitors-tested"), 86);
    let mut e2 = event(2, Some("qm2021-a01"), "metrology-standardization", 15);
    e2.head_count = 10;
    (
        e2.publicity_minutes,
        e2.publicity_reports,
        e2.materials_handed_out,
    ) = (60, 1, 50);
    e2.extra_counts
        .insert(CounterId::new("bp-monitors-tested"), 14);
    let mut e3 = event(3, Some("qm2021-a10"), "special-equipment", 20);
    e3.end_date = Some(day(26));
    (
        e3.publicity_minutes,
        e3.publicity_reports,
        e3.materials_handed_out,
    ) = (300, 3, 500);
    e3.extra_counts
        .insert(CounterId::new("boards-displayed"), 4);
    e3.extra_counts.insert(CounterId::new("drills-held"), 1);
    let mut e4 = event(4, None, "market-offices", 16);
    e4.office_name = Some("望海楼市场监管所".into());
    e4.attendance = Attendance::Online;
    e4.start_time = NaiveTime::from_hms_opt(0, 10, 0);
    e4.head_count = 1200;
    e4.direction_id = DirectionId::new("publicity");
    (e4.publicity_minutes, e4.publicity_reports) = (90, 1);
    let mut e5 = event(5, Some("qm2021-a19"), "market-offices", 30);
    e5.office_name = Some("建昌道市场监管所".into());
    e5.extra_counts.insert(CounterId::new("screen-hours"), 48);
    let mut e6 = event(6, Some("qm2021-a01"), "metrology-institute", 15)
        .deleted_at(Utc.with_ymd_and_hms(2021, 9, 16, 0, 0, 0).unwrap());
    e6.head_count = 999;
    let sign_ins = HashMap::from([(e1.id, 3), (e3.id, 5), (e6.id, 4)]);
    (vec![e1, e2, e3, e4, e5, e6], sign_ins)
}

fn figures(
    events: u32,
    person_times: u64,
    minutes: u64,
    reports: u64,
    materials: u64,
    extra: &[(&str, u64)],
) -> Figures {
    Figures {
        events,
        person_times,
        publicity_minutes: minutes,
        publicity_reports: reports,
        materials,
        extra: counters(extra),
    }
}

#[test]
fn totals_count_every_live_event_once_with_heads_and_sign_ins() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    assert_eq!(
        stats.total,
        figures(
            5,
            1255,
            570,
            7,
            750,
            &[
                ("boards-displayed", 4),
                ("bp-monitors-tested", 100),
                ("drills-held", 1),
                ("screen-hours", 48)
            ]
        )
    );
    assert_eq!(stats.deadline, DeadlineStatus::DaysLeft(15));
}

#[test]
fn every_planned_activity_is_listed_with_other_events_last() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    assert_eq!(stats.per_activity.len(), 20);
    let of = |id: &str| {
        stats
            .per_activity
            .iter()
            .find(|(k, _)| *k == ActivityKey::Planned(ActivityId::new(id)))
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(
        of("qm2021-a01"),
        figures(2, 50, 180, 3, 250, &[("bp-monitors-tested", 100)])
    );
    assert_eq!(
        of("qm2021-a10"),
        figures(
            1,
            5,
            300,
            3,
            500,
            &[("boards-displayed", 4), ("drills-held", 1)]
        )
    );
    assert_eq!(
        of("qm2021-a19"),
        figures(1, 0, 0, 0, 0, &[("screen-hours", 48)])
    );
    assert_eq!(
        of("qm2021-a02"),
        Figures::default(),
        "no events yet: listed with zeros"
    );
    assert_eq!(
        stats.per_activity[19],
        (ActivityKey::Other, figures(1, 1200, 90, 1, 0, &[]))
    );
}

#[test]
fn each_office_is_its_own_unit_after_the_plan_units() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    let units: Vec<(UnitKey, u64)> = stats
        .per_unit
        .iter()
        .map(|(k, f)| (k.clone(), f.person_times))
        .collect();
    assert_eq!(
        units,
        vec![
            (UnitKey::Unit(UnitId::new("metrology-standardization")), 10),
            (UnitKey::Unit(UnitId::new("metrology-institute")), 40),
            (UnitKey::Unit(UnitId::new("special-equipment")), 5),
            (UnitKey::Office("建昌道市场监管所".into()), 0),
            (UnitKey::Office("望海楼市场监管所".into()), 1200),
        ]
    );
}

#[test]
fn days_count_events_on_their_first_day_and_show_spans() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    let days: Vec<(NaiveDate, u32, u64)> = stats
        .per_day
        .iter()
        .map(|d| (d.day, d.figures.events, d.figures.person_times))
        .collect();
    // The online event at 00:10 on the 16th (China time) belongs to the 16th.
    assert_eq!(
        days,
        vec![
            (day(15), 2, 50),
            (day(16), 1, 1200),
            (day(20), 1, 5),
            (day(30), 1, 0)
        ]
    );
    assert_eq!(
        stats.per_day[2].spans,
        vec![(EventId(uuid::Uuid::from_u128(3)), day(20), day(26))]
    );
    assert!(stats.per_day[0].spans.is_empty());
}

#[test]
fn directions_follow_the_plan_order_including_empty_ones() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    let directions: Vec<(&str, u32)> = stats
        .per_direction
        .iter()
        .map(|(d, f)| (d.as_str(), f.events))
        .collect();
    assert_eq!(
        directions,
        vec![
            ("publicity", 3),
            ("improvement", 0),
            ("enforcement", 0),
            ("consumer-rights", 0),
            ("assistance", 0),
            ("enterprises-people", 2),
        ]
    );
}

#[test]
fn filters_narrow_by_start_day_and_unit() {
    let plan = Campaign::quality_month_2021();
    let (events, sign_ins) = fixture();
    let range = StatisticsFilter {
        from: Some(day(16)),
        to: Some(day(25)),
        unit: None,
    };
    let stats = campaign_statistics(&plan, &events, &sign_ins, &range, day(30));
    assert_eq!((stats.total.events, stats.total.person_times), (2, 1205));
    let office = StatisticsFilter {
        unit: Some(UnitKey::Office("望海楼市场监管所".into())),
        ..Default::default()
    };
    let stats = campaign_statistics(&plan, &events, &sign_ins, &office, day(30));
    assert_eq!((stats.total.events, stats.total.person_times), (1, 1200));
}

#[test]
fn an_activity_the_plan_does_not_know_counts_with_other_events() {
    let plan = Campaign::quality_month_2021();
    let (mut events, sign_ins) = fixture();
    let mut unknown = event(9, Some("qm2099-a01"), "quality", 17);
    unknown.head_count = 5;
    events.push(unknown);
    let stats = campaign_statistics(
        &plan,
        &events,
        &sign_ins,
        &StatisticsFilter::default(),
        day(30),
    );
    let other = &stats.per_activity[19];
    assert_eq!((other.1.events, other.1.person_times), (2, 1205));
    let rows: u32 = stats.per_activity.iter().map(|(_, f)| f.events).sum();
    assert_eq!(
        rows, stats.total.events,
        "every counted event is in exactly one row"
    );
}
