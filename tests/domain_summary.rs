//! The campaign summary (活动总结): what it says for a unit and for the district (figures,
//! sections per summary direction, photos and captions, videos, sources), and the Word package it
//! becomes: its parts, its well-formed XML, user text escaped, photos named and related.

use chrono::{NaiveDate, TimeZone, Utc};
use field_ledger::domain::exchange::export::{ExportFile, ExportKind, ExportRequest};
use field_ledger::domain::figures::statistics::{Figures, UnitKey};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, PhotoId, UnitId};
use field_ledger::domain::incoming::import::{plan_merge, read_export_file};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::plan::file_names::summary_file_name;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::image_header::{ImageHeader, ImageKind};
use field_ledger::domain::records::photo::{PhotoRecord, PHOTO_SCHEMA_VERSION};
use field_ledger::domain::summary::docx::{
    summary_docx, DocumentFacts, DocxPart, PhotoGap, PhotoSlot,
};
use field_ledger::domain::summary::gathering::{summary_outline, SummaryInput};
use field_ledger::domain::summary::outline::{ActivityLabel, SummaryOutline, SummaryScope};
use field_ledger::i18n::{summary_words, Language};
use std::collections::HashMap;

fn id(n: u128) -> String {
    format!("7d0c3b9e-8a4f-4c2e-9d1a-{n:012x}")
}

fn device_id(n: u128) -> DeviceId {
    DeviceId::parse(&id(900 + n)).unwrap()
}

struct Figured {
    heads: u32,
    minutes: u32,
    reports: u32,
}

fn event(n: u128, activity: &str, unit: &str, day: u32, figures: Figured) -> EventRecord {
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

fn photo(n: u128, event: &EventRecord, caption: &str, selected: bool) -> PhotoRecord {
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
struct Fixture {
    campaign: Campaign,
    events: Vec<EventRecord>,
    photos: Vec<PhotoRecord>,
    sign_ins: HashMap<EventId, usize>,
}

fn fixture() -> Fixture {
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

fn outline(fixture: &Fixture, scope: SummaryScope, english: bool) -> SummaryOutline {
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

fn food() -> SummaryScope {
    SummaryScope::Unit(UnitKey::Unit(UnitId::new("food")))
}

fn four(figures: &Figures) -> (u32, u64, u64, u64) {
    (
        figures.events,
        figures.person_times,
        figures.publicity_minutes,
        figures.publicity_reports,
    )
}

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

fn facts() -> DocumentFacts<'static> {
    DocumentFacts {
        issuing_unit: "天津市河北区市场监督管理局",
        campaign_name: "质量月2021",
        exported_at: NaiveDate::from_ymd_opt(2021, 10, 12)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap(),
        app_version: "0.1.0+abc1234",
    }
}

fn jpeg_header() -> ImageHeader {
    ImageHeader {
        kind: ImageKind::Jpeg,
        width: 1280,
        height: 960,
    }
}

fn parts(summary: &SummaryOutline, slots: &[PhotoSlot], language: Language) -> Vec<DocxPart> {
    summary_docx(summary, slots, &summary_words(language), &facts())
}

fn xml_part<'a>(parts: &'a [DocxPart], wanted: &str) -> &'a str {
    parts
        .iter()
        .find_map(|part| match part {
            DocxPart::Xml(name, bytes) if name == wanted => {
                Some(std::str::from_utf8(bytes).unwrap())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no part {wanted}"))
}

/// Every XML part parses (quick-xml checks that every element closes in order).
fn assert_well_formed(parts: &[DocxPart]) {
    for part in parts {
        if let DocxPart::Xml(name, bytes) = part {
            let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
            let mut buffer = Vec::new();
            loop {
                match reader.read_event_into(&mut buffer) {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(error) => panic!("{name} is not well-formed: {error}"),
                }
                buffer.clear();
            }
        }
    }
}

#[test]
fn the_word_package_has_its_parts_and_the_photos_in_order() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let slots = [
        PhotoSlot::Embedded(jpeg_header()),
        PhotoSlot::Gap(PhotoGap::Damaged),
    ];
    let parts = parts(&summary, &slots, Language::ZhCn);
    let names: Vec<&str> = parts
        .iter()
        .map(|part| match part {
            DocxPart::Xml(name, _) | DocxPart::Photo(name, _) => name.as_str(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/media/photo1.jpg",
        ]
    );
    assert_eq!(parts[9], DocxPart::Photo("word/media/photo1.jpg".into(), 0));
    assert_well_formed(&parts);

    let document = xml_part(&parts, "word/document.xml");
    for text in [
        "天津市河北区市场监督管理局",
        "质量月2021活动总结",
        "（食品科\u{3000}2021年9月1日至9月30日）",
        "2021年9月1日至9月30日，食品科共开展活动3场，参加活动127人次，宣传时长150分钟，宣传报道4篇。",
        "一、总体情况",
        "二、质量主题宣传",
        "本方向暂无活动记录。",
        "三、质量提升行动",
        "七、质量强企惠民",
        "【请在此处填写本方向的主要做法、取得的成效和典型经验。】",
        "八、活动照片",
        "图1\u{3000}食品经营许可质量检查现场，工作人员核对许可证",
        "【此处缺少照片 食品科_“服务解难题，质量促发展”_1.jpg：本设备上存储的图像已损坏，请重新添加后再导出。】",
        "图2\u{3000}意式风情街食品质量知识宣讲，市民现场咨询",
        "九、活动视频",
        "VID_0920_01.mp4、VID_0920_02.mp4",
        "本文数据来自3条活动记录（记录设备：平板3），由活动台账 0.1.0+abc1234 于2021年10月12日 14:30（北京时间）生成",
    ] {
        assert!(document.contains(text), "document.xml lacks {text}");
    }
    // A 1280×960 photo across the text's 156 mm (5,616,000 EMU), so 117 mm tall (at 208 dpi).
    assert!(document.contains(r#"<wp:extent cx="5616000" cy="4212000"/>"#));
    assert!(document.contains(r#"r:embed="rIdPhoto1""#));
    let relationships = xml_part(&parts, "word/_rels/document.xml.rels");
    assert!(relationships.contains(r#"Id="rIdPhoto1""#));
    assert!(relationships.contains(r#"Target="media/photo1.jpg""#));
    assert!(!relationships.contains("rIdPhoto2"), "a gap has no picture");
    let core = xml_part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>天津市河北区市场监督管理局质量月2021活动总结</dc:title>"));
    assert!(core.contains("2021-10-12T14:30:00+08:00"));
}

#[test]
fn small_photos_are_never_enlarged() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let small = ImageHeader {
        kind: ImageKind::Png,
        width: 300,
        height: 150,
    };
    let parts = parts(
        &summary,
        &[
            PhotoSlot::Embedded(small),
            PhotoSlot::Gap(PhotoGap::Missing),
        ],
        Language::ZhCn,
    );
    // 300 px at 150 dpi: 2 inches, 1,828,800 EMU.
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains(r#"<wp:extent cx="1828800" cy="914400"/>"#));
    assert!(document.contains("本设备上已没有这张照片的图像"));
    assert!(matches!(&parts[9], DocxPart::Photo(name, 0) if name == "word/media/photo1.png"));
}

#[test]
fn user_text_is_escaped_and_what_xml_cannot_hold_becomes_a_space() {
    let mut fixture = fixture();
    fixture.events[0].place = "<w:t>&\"广场\"\u{1}\u{b}</w:t>".into();
    fixture.photos[0].caption = "]]><script>alert(1)</script>".into();
    let summary = outline(&fixture, food(), false);
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(jpeg_header()); 2],
        Language::ZhCn,
    );
    assert_well_formed(&parts);
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains("&lt;w:t&gt;&amp;"));
    assert!(!document.contains('\u{1}') && !document.contains('\u{b}'));
    assert!(document.contains("]]&gt;&lt;script&gt;"));
}

#[test]
fn the_english_document_speaks_english() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), true);
    let parts = parts(&summary, &[], Language::En);
    let document = xml_part(&parts, "word/document.xml");
    for text in [
        "1. Overview",
        "2. Quality publicity",
        "No events were recorded under this direction.",
        "8. Photos",
    ] {
        assert!(document.contains(text), "document.xml lacks {text}");
    }
    assert!(document.contains("Food Section held 3 events, 127 person-times"));
}

// The real `zip` crate is a host-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_package_is_a_zip_that_a_real_reader_opens() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let jpeg: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0x03, 0xC0, 0x05, 0x00, 3, 0, 0, 0xFF, 0xD9,
    ];
    let header = ImageHeader::read(jpeg).unwrap();
    assert_eq!((header.width, header.height), (1280, 960));
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(header), PhotoSlot::Embedded(header)],
        Language::ZhCn,
    );
    let members: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|part| match part {
            DocxPart::Xml(name, bytes) => (name.as_str(), bytes.as_slice()),
            DocxPart::Photo(name, _) => (name.as_str(), jpeg),
        })
        .collect();
    let time = facts().exported_at;
    let bytes = field_ledger::domain::exchange::zip_archive::archive_bytes(&members, time).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut photo = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("word/media/photo2.jpg").unwrap(),
        &mut photo,
    )
    .unwrap();
    assert_eq!(photo, jpeg, "the photo byte for byte");
    assert!(archive.by_name("word/styles.xml").is_ok());
}

#[test]
fn damaged_images_are_told_apart_from_real_ones() {
    assert_eq!(ImageHeader::read(b""), None);
    assert_eq!(
        ImageHeader::read(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]),
        None,
        "cut short"
    );
    assert_eq!(
        ImageHeader::read(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]),
        None,
        "no frame header"
    );
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&1024u32.to_be_bytes());
    png.extend_from_slice(&768u32.to_be_bytes());
    let header = ImageHeader::read(&png).unwrap();
    assert_eq!(
        (header.kind, header.width, header.height),
        (ImageKind::Png, 1024, 768)
    );
    // A JPEG with a JFIF segment before its frame.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    jpeg.extend_from_slice(&[0; 14]);
    jpeg.extend_from_slice(&[0xFF, 0xC2, 0, 11, 8, 0x04, 0x00, 0x03, 0x00, 3]);
    let header = ImageHeader::read(&jpeg).unwrap();
    assert_eq!(
        (header.width, header.height),
        (768, 1024),
        "progressive, portrait"
    );
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

/// A minimal baseline JPEG: SOI, an APP1 segment holding an Exif thumbnail (with its own end
/// marker), a frame header of 1024×768, a scan with data, EOI.
fn small_jpeg() -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend_from_slice(&[0xFF, 0xE1, 0, 6, 0xFF, 0xD8, 0xFF, 0xD9]);
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0x03, 0x00, 0x04, 0x00, 1, 1, 0x11, 0]);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    jpeg.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}

fn checked(bytes: &[u8], piece: usize) -> Option<ImageHeader> {
    let mut check = field_ledger::domain::records::image_header::ImageCheck::new();
    for chunk in bytes.chunks(piece) {
        check.feed(chunk);
    }
    check.finish()
}

#[test]
fn a_photo_cut_short_is_damaged_whatever_the_pieces_it_is_read_in() {
    let jpeg = small_jpeg();
    for piece in [1, 2, 3, 7, 1024] {
        let header = checked(&jpeg, piece).unwrap_or_else(|| panic!("whole, pieces of {piece}"));
        assert_eq!(
            (header.kind, header.width, header.height),
            (ImageKind::Jpeg, 1024, 768)
        );
        // Cut anywhere before its end marker (the thumbnail's own marker does not count).
        for cut in 1..jpeg.len() - 1 {
            assert_eq!(
                checked(&jpeg[..cut], piece),
                None,
                "cut at {cut}, pieces of {piece}"
            );
        }
        // Data a camera appends after the end (a motion photo's video) is fine.
        let mut appended = jpeg.clone();
        appended.extend_from_slice(b"MotionPhoto_Data\x00\x01");
        assert!(checked(&appended, piece).is_some());
    }
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&1024u32.to_be_bytes());
    png.extend_from_slice(&768u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(checked(&png, 5), None, "a PNG without IEND is cut short");
    png.extend_from_slice(&[0, 0, 0, 0]);
    png.extend_from_slice(b"IEND");
    png.extend_from_slice(&[0xAE, 0x42, 0x60, 0x82]);
    assert_eq!(checked(&png, 5).map(|h| h.kind), Some(ImageKind::Png));
    assert_eq!(checked(b"<html>proxy says no</html>", 4), None);
}

#[test]
fn a_caption_with_control_characters_stays_valid_xml_in_the_picture_description() {
    let mut fixture = fixture();
    fixture.photos[0].caption = "现场\u{1}照片\u{b}".into();
    let summary = outline(&fixture, food(), false);
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(jpeg_header()); 2],
        Language::ZhCn,
    );
    assert_well_formed(&parts);
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains("descr=\"现场 照片 \""));
}
