//! The records the summary tests share: the Food Section's tablet with events under three
//! directions, a deleted one and one of the Metrology Institute's, photos selected and not; and
//! the outline of it for a scope.
// Each test crate uses part of it.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::figures::statistics::{Figures, UnitKey};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, PhotoId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::photo::{PhotoRecord, PHOTO_SCHEMA_VERSION};
use field_ledger::domain::summary::gathering::{summary_outline, SummaryInput};
use field_ledger::domain::summary::outline::{SummaryOutline, SummaryScope};
use std::collections::HashMap;

pub fn id(n: u128) -> String {
    format!("7d0c3b9e-8a4f-4c2e-9d1a-{n:012x}")
}

pub fn device_id(n: u128) -> DeviceId {
    DeviceId::parse(&id(900 + n)).unwrap()
}

pub struct Figured {
    pub heads: u32,
    pub minutes: u32,
    pub reports: u32,
}

pub fn event(n: u128, activity: &str, unit: &str, day: u32, figures: Figured) -> EventRecord {
    let campaign = Campaign::quality_month_2021();
    let now = Utc
        .with_ymd_and_hms(2021, 9, day, 2, (n / 60 % 60) as u32, (n % 60) as u32)
        .unwrap();
    let mut event = EventRecord::new(
        EventId::parse(&id(n)).unwrap(),
        &campaign,
        device_id(1),
        ActivityChoice::Planned {
            activity_id: ActivityId::new(activity),
        },
        UnitId::new(unit),
        NaiveDate::from_ymd_opt(2021, 9, day).unwrap(),
        now,
    );
    event.place = "意式风情街".into();
    event.recorder = "李明".into();
    event.head_count = figures.heads;
    event.publicity_minutes = figures.minutes;
    event.publicity_reports = figures.reports;
    event
}

pub fn photo(n: u128, event: &EventRecord, caption: &str, selected: bool) -> PhotoRecord {
    let at = Utc.with_ymd_and_hms(2021, 9, 20, 3, 0, n as u32).unwrap();
    PhotoRecord {
        id: PhotoId::parse(&id(100 + n)).unwrap(),
        event_id: event.id,
        file_name: format!("IMG_{n}.jpg"),
        media_type: "image/jpeg".into(),
        width: 1280,
        height: 960,
        bytes: 1000,
        caption: caption.into(),
        selected,
        created_at: at,
        updated_at: at,
        revision: 1,
        deleted: false,
        schema_version: PHOTO_SCHEMA_VERSION,
        origin: None,
    }
}

/// The Food Section's tablet: events under three directions (质量提升行动, 严格执法监督,
/// 质量强企惠民), a deleted one, and one of the Metrology Institute's; photos selected and not.
pub struct Fixture {
    pub campaign: Campaign,
    pub events: Vec<EventRecord>,
    pub photos: Vec<PhotoRecord>,
    pub sign_ins: HashMap<EventId, usize>,
}

pub fn fixture() -> Fixture {
    let campaign = Campaign::quality_month_2021();
    let licensing = event(
        1,
        "qm2021-a05",
        "food",
        10,
        Figured {
            heads: 30,
            minutes: 60,
            reports: 1,
        },
    );
    let restaurants = event(
        2,
        "qm2021-a07",
        "food",
        12,
        Figured {
            heads: 12,
            minutes: 0,
            reports: 2,
        },
    );
    let mut street = event(
        3,
        "qm2021-a17",
        "food",
        20,
        Figured {
            heads: 80,
            minutes: 90,
            reports: 1,
        },
    );
    street.video_count = 2;
    street.video_files = vec!["VID_0920_01.mp4".into(), "VID_0920_02.mp4".into()];
    let mut deleted = event(
        4,
        "qm2021-a05",
        "food",
        11,
        Figured {
            heads: 500,
            minutes: 500,
            reports: 5,
        },
    );
    deleted.deleted = true;
    let metrology = event(
        5,
        "qm2021-a01",
        "metrology-institute",
        15,
        Figured {
            heads: 200,
            minutes: 240,
            reports: 3,
        },
    );
    let photos = vec![
        photo(
            1,
            &licensing,
            "食品经营许可质量检查现场，工作人员核对许可证",
            true,
        ),
        photo(2, &restaurants, "未选送的照片", false),
        photo(3, &street, "意式风情街食品质量知识宣讲，市民现场咨询", true),
        photo(
            4,
            &metrology,
            "计量便民服务日现场，市民排队检测血压计",
            true,
        ),
    ];
    let sign_ins = HashMap::from([(street.id, 5), (metrology.id, 7)]);
    Fixture {
        campaign,
        events: vec![licensing, restaurants, street, deleted, metrology],
        photos,
        sign_ins,
    }
}

pub fn outline(fixture: &Fixture, scope: SummaryScope, english: bool) -> SummaryOutline {
    let labels = [(device_id(1), "平板3".to_owned())];
    let input = SummaryInput {
        campaign: &fixture.campaign,
        events: &fixture.events,
        sign_ins: &fixture.sign_ins,
        photos: &fixture.photos,
        device_labels: &labels,
        english,
    };
    summary_outline(input, scope)
}

pub fn food() -> SummaryScope {
    SummaryScope::Unit(UnitKey::Unit(UnitId::new("food")))
}

pub fn four(figures: &Figures) -> (u32, u64, u64, u64) {
    (
        figures.events,
        figures.person_times,
        figures.publicity_minutes,
        figures.publicity_reports,
    )
}
