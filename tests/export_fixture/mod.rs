//! The records the export tests share: three live events (one with a formula as its place, one
//! online "other" event of an office), one deleted event, five sign-ins of which one removed and
//! one purged; the device; and export requests at a fixed time.
// Each test crate uses part of it.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use field_ledger::domain::exchange::export::{ExportFile, ExportKind, ExportRequest};
use field_ledger::domain::figures::statistics::{
    campaign_statistics, CampaignStatistics, StatisticsFilter,
};
use field_ledger::domain::ids::{ActivityId, CounterId, DeviceId, EventId, RosterEntryId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::records::event_record::{ActivityChoice, Attendance, EventRecord};
use field_ledger::domain::records::roster::RosterEntry;
use std::collections::HashMap;

/// `day` September 2021 at `hour:minute` China time.
pub fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    // China time = UTC + 8.
    Utc.with_ymd_and_hms(2021, 9, day, hour, minute, 0).unwrap() - chrono::Duration::hours(8)
}

/// `d` September 2021.
pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, d).unwrap()
}

/// Tablet 平板3 of the Food Section.
pub fn device() -> DeviceProfile {
    DeviceProfile {
        id: DeviceId(uuid::Uuid::from_u128(0xd3)),
        label: "平板3".into(),
        unit_id: UnitId::new("food"),
        office_name: None,
        default_recorder: "王芳".into(),
        created_at: at(1, 9, 0),
        updated_at: at(1, 9, 0),
        schema_version: 1,
    }
}

/// Event `n` of `activity` held by `unit` on `start` September, recorded that morning.
pub fn event(n: u128, activity: ActivityChoice, unit: &str, start: u32) -> EventRecord {
    let plan = Campaign::quality_month_2021();
    let mut record = EventRecord::new(
        EventId(uuid::Uuid::from_u128(n)),
        &plan,
        device().id,
        activity,
        UnitId::new(unit),
        day(start),
        at(start, 8, n as u32),
    );
    record.place = "河北区人民公园".into();
    record.recorder = "王芳".into();
    record
}

/// The planned activity `id`.
pub fn planned(id: &str) -> ActivityChoice {
    ActivityChoice::Planned {
        activity_id: ActivityId::new(id),
    }
}

/// Sign-in `n` at event `event` on 15 September, 09:`minute`.
pub fn sign_in(n: u128, event: u128, name: &str, phone: Option<&str>, minute: u32) -> RosterEntry {
    let mut entry = RosterEntry::new(
        RosterEntryId(uuid::Uuid::from_u128(n)),
        EventId(uuid::Uuid::from_u128(event)),
        name.into(),
        at(15, 9, minute),
    );
    entry.phone = phone.map(str::to_owned);
    entry.affiliation = Some("光复道街道".into());
    entry
}

/// Three live events (one with a formula as its place, one online "other" event of an office),
/// one deleted event; five sign-ins of which one removed and one purged.
pub fn fixture() -> (Vec<EventRecord>, Vec<RosterEntry>) {
    let mut e1 = event(1, planned("qm2021-a01"), "metrology-institute", 15);
    e1.head_count = 37;
    (
        e1.publicity_minutes,
        e1.publicity_reports,
        e1.materials_handed_out,
    ) = (120, 2, 200);
    e1.extra_counts
        .insert(CounterId::new("bp-monitors-tested"), 86);
    e1.start_time = NaiveTime::from_hms_opt(9, 0, 0);
    e1.end_time = NaiveTime::from_hms_opt(11, 30, 0);
    e1.notes = "居民反映良好，\n下次增加摊位".into();

    let mut e2 = event(2, planned("qm2021-a01"), "food", 15);
    e2.place = r#"=HYPERLINK("http://x","y")"#.into();
    e2.head_count = 12;
    e2.recorder = "-李四".into();

    let mut e3 = event(
        3,
        ActivityChoice::Other {
            title: "安全用药直播, \"线上\"".into(),
        },
        "market-offices",
        16,
    );
    e3.office_name = Some("光复道市场监管所".into());
    e3.attendance = Attendance::Online;
    e3.place = "微信视频号".into();
    e3.head_count = 480;
    e3.publicity_minutes = 60;
    e3.publicity_reports = 3;
    e3.end_date = Some(day(17));

    let mut e4 = event(4, planned("qm2021-a02"), "food", 18);
    e4.head_count = 999;
    let e4 = e4.deleted_at(at(18, 12, 0));

    let r1 = sign_in(11, 1, "张三", Some("13812345678"), 1);
    let r2 = sign_in(12, 1, "李梅", None, 2);
    let r3 = sign_in(13, 1, "@赵六", Some("022-26281234"), 3);
    let r4 = sign_in(14, 1, "错签", Some("13900000000"), 4).removed_at(at(15, 9, 5));
    let r5 = sign_in(15, 2, "周七", Some("13700001111"), 6).purged_at(at(20, 10, 0));
    (vec![e1, e2, e3, e4], vec![r1, r2, r3, r4, r5])
}

/// Live sign-ins per event.
pub fn sign_ins(roster: &[RosterEntry]) -> HashMap<EventId, usize> {
    let mut counts = HashMap::new();
    for entry in roster.iter().filter(|e| !e.deleted) {
        *counts.entry(entry.event_id).or_insert(0) += 1;
    }
    counts
}

/// The fixture exported as `kind`.
pub fn export(kind: ExportKind, include_phones: bool) -> ExportFile {
    let campaign = Campaign::quality_month_2021();
    let device = device();
    let (events, roster) = fixture();
    ExportFile::build(
        &request(kind, include_phones, &device, &campaign),
        &events,
        &roster,
    )
}

/// The request for a `kind` export at a fixed time.
pub fn request<'a>(
    kind: ExportKind,
    include_phones: bool,
    device: &'a DeviceProfile,
    campaign: &'a Campaign,
) -> ExportRequest<'a> {
    ExportRequest {
        kind,
        include_phones,
        app_version: "0.1.0+test",
        now: at(20, 17, 30),
        device,
        campaign,
    }
}

/// The campaign statistics of the fixture, as of 20 September.
pub fn fixture_statistics() -> CampaignStatistics {
    let (events, roster) = fixture();
    campaign_statistics(
        &Campaign::quality_month_2021(),
        &events,
        &sign_ins(&roster),
        &StatisticsFilter::default(),
        day(20),
    )
}
