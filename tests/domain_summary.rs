//! The campaign summary (活动总结): what it says for a unit and for the district (figures,
//! sections per summary direction, photos and captions, videos, sources), the district's over
//! merged files, and the file's name. The Word package it becomes: `domain_summary_docx.rs`.

mod summary_fixture;

use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::exchange::export::{ExportFile, ExportKind, ExportRequest};
use field_ledger::domain::figures::statistics::{Figures, UnitKey};
use field_ledger::domain::ids::UnitId;
use field_ledger::domain::incoming::import::{plan_merge, read_export_file};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::plan::file_names::summary_file_name;
use field_ledger::domain::records::event_record::EventRecord;
use field_ledger::domain::summary::gathering::{summary_outline, SummaryInput};
use field_ledger::domain::summary::outline::{ActivityLabel, SummaryScope};
use field_ledger::i18n::{summary_words, Language};
use std::collections::HashMap;
use summary_fixture::*;

#[test]
fn a_units_summary_has_its_figures_sections_and_captions() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    assert_eq!(summary.scope_name, "食品科");
    // Three live events of the Food Section; the deleted one and the Metrology Institute's do
    // not count. 30 + 12 + (80 + 5 sign-ins) person-times.
    assert_eq!(four(&summary.totals), (3, 127, 150, 4));

    // Every activity the Food Section leads (5, 6, 7, 17), with its figures; no other.
    let rows: Vec<(u32, u32)> = summary
        .per_activity
        .iter()
        .map(|row| match &row.activity {
            ActivityLabel::Planned { number, .. } => (*number, row.figures.events),
            other => panic!("unexpected row {other:?}"),
        })
        .collect();
    assert_eq!(rows, [(5, 1), (6, 0), (7, 1), (17, 1)]);
    assert!(
        summary.per_unit.is_empty(),
        "a unit's summary has no table per unit"
    );

    // Every direction, in plan order; the three without events are there, and empty.
    let sections: Vec<(&str, u32)> = summary
        .directions
        .iter()
        .map(|d| (d.name.as_str(), d.figures.events))
        .collect();
    assert_eq!(
        sections,
        [
            ("质量主题宣传", 0),
            ("质量提升行动", 1),
            ("严格执法监督", 1),
            ("强化消费维权", 0),
            ("开展质量帮扶", 0),
            ("质量强企惠民", 1),
        ]
    );
    assert!(summary.directions[0].is_empty());
    let enterprises = &summary.directions[5];
    assert_eq!(enterprises.events.len(), 1);
    let line = &enterprises.events[0];
    assert_eq!(
        line.start_date,
        NaiveDate::from_ymd_opt(2021, 9, 20).unwrap()
    );
    assert_eq!(line.place, "意式风情街");
    assert_eq!(four(&line.figures), (1, 85, 90, 1));
    assert!(enterprises.groups.is_empty());

    // The selected photos of the unit's live events, named as in the report pack.
    let photos: Vec<(&str, &str)> = summary
        .photos
        .iter()
        .map(|p| (p.file.as_str(), p.caption.as_str()))
        .collect();
    assert_eq!(
        photos,
        [
            (
                "食品科_食品经营许可质量检查_1.jpg",
                "食品经营许可质量检查现场，工作人员核对许可证"
            ),
            (
                "食品科_“服务解难题，质量促发展”_1.jpg",
                "意式风情街食品质量知识宣讲，市民现场咨询"
            ),
        ]
    );
    assert_eq!(summary.videos.len(), 1);
    assert_eq!(
        summary.videos[0].files,
        ["VID_0920_01.mp4", "VID_0920_02.mp4"]
    );
    assert_eq!(summary.sources.events, 3);
    assert_eq!(
        summary.sources.devices,
        [(device_id(1), Some("平板3".to_owned()))]
    );
}

#[test]
fn the_district_summary_adds_every_unit_and_groups_directions_by_activity_and_unit() {
    let fixture = fixture();
    let district = outline(&fixture, SummaryScope::District, false);
    assert_eq!(four(&district.totals), (4, 334, 390, 7));
    let units: Vec<(&str, u32)> = district
        .per_unit
        .iter()
        .map(|(name, figures)| (name.as_str(), figures.events))
        .collect();
    assert_eq!(units, [("计量所", 1), ("食品科", 3)]);
    // All 19 planned activities show, so the Quality Section sees which had no events.
    assert_eq!(district.per_activity.len(), 19);
    let enterprises = &district.directions[5];
    assert!(
        enterprises.events.is_empty(),
        "the district lists figures, not events"
    );
    let groups: Vec<(String, &str, u32)> = enterprises
        .groups
        .iter()
        .map(|g| match &g.activity {
            ActivityLabel::Planned { title, .. } => {
                (title.clone(), g.unit.as_str(), g.figures.events)
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("计量便民服务日".to_owned(), "计量所", 1),
            ("“服务解难题，质量促发展”".to_owned(), "食品科", 1),
        ]
    );
    assert_eq!(district.photos.len(), 3);
    // Each direction's figures add up to the totals.
    let events: u32 = district.directions.iter().map(|d| d.figures.events).sum();
    assert_eq!(events, district.totals.events);
}

#[test]
fn english_names_come_from_the_plan() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), true);
    assert_eq!(summary.scope_name, "Food Section");
    assert_eq!(summary.directions[1].name, "Quality improvement");
}

/// Ten tablets, one per unit, each export its report; the Quality Section merges the ten files.
/// Its district summary equals the sum of the units' own summaries, unit by unit.
#[test]
fn the_district_summary_over_ten_merged_files_is_the_sum_of_the_units() {
    let campaign = Campaign::quality_month_2021();
    let units: Vec<&str> = campaign
        .units
        .iter()
        .filter(|u| !u.placeholder)
        .map(|u| u.id.as_str())
        .take(10)
        .collect();
    assert_eq!(units.len(), 10);
    let now = Utc.with_ymd_and_hms(2021, 10, 12, 6, 0, 0).unwrap();
    let no_sign_ins = HashMap::new();
    let mut files = Vec::new();
    let mut unit_totals = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        let device = DeviceProfile {
            id: device_id(u as u128 + 10),
            label: format!("平板{u}"),
            unit_id: UnitId::new(*unit),
            office_name: None,
            default_recorder: String::new(),
            created_at: now,
            updated_at: now,
            schema_version: 1,
        };
        let events: Vec<EventRecord> = (0..(u as u128 + 3))
            .map(|k| {
                let activity = &campaign.activities[(u + k as usize) % campaign.activities.len()];
                let figures = Figured {
                    heads: (u as u32 + 1) * 10 + k as u32,
                    minutes: 30 * k as u32,
                    reports: k as u32 % 3,
                };
                let mut e = event(
                    1000 * u as u128 + k,
                    activity.id.as_str(),
                    unit,
                    1 + (k as u32 % 30),
                    figures,
                );
                e.device_id = device.id;
                e
            })
            .collect();
        let own = summary_outline(
            SummaryInput {
                campaign: &campaign,
                events: &events,
                sign_ins: &no_sign_ins,
                photos: &[],
                device_labels: &[],
                english: false,
            },
            SummaryScope::Unit(UnitKey::Unit(UnitId::new(*unit))),
        );
        unit_totals.push((own.scope_name.clone(), own.totals.clone()));
        let request = ExportRequest {
            kind: ExportKind::Report,
            include_phones: false,
            app_version: "0.1.0+test",
            now,
            device: &device,
            campaign: &campaign,
        };
        files.push(ExportFile::build(&request, &events, []).to_json());
    }
    let read: Vec<ExportFile> = files
        .iter()
        .map(|json| read_export_file(json.as_bytes(), &campaign).unwrap())
        .collect();
    let merged = plan_merge(
        &HashMap::new(),
        read.iter().flat_map(|f| f.events.iter().cloned()),
    );
    let merged: Vec<EventRecord> = merged.changes.into_iter().map(|(_, after)| after).collect();
    let district = summary_outline(
        SummaryInput {
            campaign: &campaign,
            events: &merged,
            sign_ins: &no_sign_ins,
            photos: &[],
            device_labels: &[],
            english: false,
        },
        SummaryScope::District,
    );
    let mut sum = Figures::default();
    for (_, figures) in &unit_totals {
        sum.events += figures.events;
        sum.person_times += figures.person_times;
        sum.publicity_minutes += figures.publicity_minutes;
        sum.publicity_reports += figures.publicity_reports;
    }
    assert_eq!(four(&district.totals), four(&sum));
    let per_unit: Vec<(String, (u32, u64, u64, u64))> = district
        .per_unit
        .iter()
        .map(|(name, f)| (name.clone(), four(f)))
        .collect();
    let expected: Vec<(String, (u32, u64, u64, u64))> = unit_totals
        .iter()
        .map(|(name, f)| (name.clone(), four(f)))
        .collect();
    assert_eq!(per_unit, expected);
    assert_eq!(district.sources.devices.len(), 10);
}

#[test]
fn the_file_is_named_like_the_other_exports() {
    let campaign = Campaign::quality_month_2021();
    let day = NaiveDate::from_ymd_opt(2021, 10, 12).unwrap();
    let words = summary_words(Language::En);
    assert_eq!(
        summary_file_name(
            &campaign,
            "食品科",
            summary_words(Language::ZhCn).summary,
            day
        ),
        "质量月2021_食品科_活动总结_2021-10-12.docx"
    );
    assert_eq!(words.district, "District");
}
