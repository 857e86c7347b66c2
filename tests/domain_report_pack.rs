//! The report pack's contents: which photos go in under which names, `captions.csv`,
//! `videos.csv`, the manifest's checks, and how packed photos merge over stored ones.

use chrono::{TimeZone, Utc};
use field_ledger::domain::exchange::export::{ExportFile, ExportKind, ExportRequest};
use field_ledger::domain::exchange::report_pack::{
    captions_csv, photos_to_pack, plan_photos, read_manifest, videos_csv, PackManifest, PackPhotos,
    PackProblem, PhotoPlan, PACK_FORMAT,
};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, PhotoId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::photo::{PhotoRecord, PHOTO_SCHEMA_VERSION};
use std::collections::{HashMap, HashSet};

fn id(n: u128) -> String {
    format!("7d0c3b9e-8a4f-4c2e-9d1a-{n:012x}")
}

fn event(n: u128, activity: &str, unit: &str, office: Option<&str>, day: u32) -> EventRecord {
    let campaign = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, day, 2, 0, 0).unwrap();
    let mut event = EventRecord::new(
        EventId::parse(&id(n)).unwrap(),
        &campaign,
        DeviceId::parse(&id(99)).unwrap(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new(activity),
        },
        UnitId::new(unit),
        chrono::NaiveDate::from_ymd_opt(2021, 9, day).unwrap(),
        now,
    );
    event.office_name = office.map(str::to_owned);
    event.place = "中山公园".into();
    event.recorder = "李明".into();
    event
}

fn photo(n: u128, event: &EventRecord, caption: &str, selected: bool) -> PhotoRecord {
    let at = Utc.with_ymd_and_hms(2021, 9, 15, 3, 0, n as u32).unwrap();
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

fn words() -> field_ledger::domain::exchange::csv_export::CsvWords {
    field_ledger::i18n::csv_words(field_ledger::i18n::Language::ZhCn)
}

fn first_activity(campaign: &Campaign) -> (String, String) {
    let a = &campaign.activities[0];
    (a.id.to_string(), a.short_title.zh.clone())
}

#[test]
fn selected_photos_are_named_by_unit_activity_and_number() {
    let campaign = Campaign::quality_month_2021();
    let (activity, title) = first_activity(&campaign);
    let unit = campaign
        .units
        .iter()
        .find(|u| !campaign.names_offices(u.id.as_str()))
        .unwrap();
    let a = event(1, &activity, unit.id.as_str(), None, 15);
    let b = event(2, &activity, unit.id.as_str(), None, 16);
    let mut gone = event(3, &activity, unit.id.as_str(), None, 16);
    gone.deleted = true;
    let photos = vec![
        photo(2, &b, "第二场", true),
        photo(1, &a, "=HYPERLINK(\"x\")", true),
        photo(3, &a, "未选", false),
        photo(4, &gone, "已删活动", true),
    ];
    let events = vec![a.clone(), b.clone(), gone];
    let packed = photos_to_pack(&campaign, &events, &photos, PackPhotos::Selected);
    let names: Vec<&str> = packed.iter().map(|(_, p)| p.file.as_str()).collect();
    let stem = format!("{}_{}", unit.name.zh, title);
    assert_eq!(names, [format!("{stem}_1.jpg"), format!("{stem}_2.jpg")]);
    assert_eq!(packed[0].1.record.caption, "=HYPERLINK(\"x\")");

    let all = photos_to_pack(&campaign, &events, &photos, PackPhotos::All);
    assert_eq!(all.len(), 3, "every photo of live events");

    let csv = String::from_utf8(captions_csv(&campaign, &packed, &words())).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}文件,单位,活动,照片说明,宽（像素）,高（像素）"
    );
    assert_eq!(
        lines[1],
        format!(
            "{stem}_1.jpg,{},{title},\"'=HYPERLINK(\"\"x\"\")\",1280,960",
            unit.name.zh
        ),
        "a caption cannot run as a formula"
    );
}

#[test]
fn offices_name_their_photos_and_reserved_characters_are_replaced() {
    let campaign = Campaign::quality_month_2021();
    let (activity, title) = first_activity(&campaign);
    let offices = campaign
        .units
        .iter()
        .find(|u| campaign.names_offices(u.id.as_str()))
        .unwrap();
    let a = event(1, &activity, offices.id.as_str(), Some("城关/所"), 15);
    let photos = vec![photo(1, &a, "", true)];
    let events = vec![a];
    let packed = photos_to_pack(&campaign, &events, &photos, PackPhotos::Selected);
    assert_eq!(packed[0].1.file, format!("城关-所_{title}_1.jpg"));
}

#[test]
fn videos_are_listed_per_event() {
    let campaign = Campaign::quality_month_2021();
    let (activity, _) = first_activity(&campaign);
    let mut a = event(
        1,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        15,
    );
    a.video_count = 2;
    a.video_files = vec!["VID_001.mp4".into(), "VID_002.mp4".into()];
    let a_copy = a.clone();
    let b = event(
        2,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        16,
    );
    let csv = String::from_utf8(videos_csv(&campaign, &[a, b], &words())).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 2, "only the event with videos: {csv}");
    assert!(
        lines[1].ends_with(",2021-09-15,中山公园,2,VID_001.mp4；VID_002.mp4"),
        "{}",
        lines[1]
    );
    // In English: the plan's English names and the English list separator.
    let english = field_ledger::i18n::csv_words(field_ledger::i18n::Language::En);
    let csv = String::from_utf8(videos_csv(&campaign, &[a_copy], &english)).unwrap();
    let row = csv.trim_end().split("\r\n").nth(1).unwrap().to_owned();
    assert!(row.contains(",Metrology service day,"), "{row}");
    assert!(row.ends_with(",VID_001.mp4; VID_002.mp4"), "{row}");
}

fn export_of(events: Vec<EventRecord>) -> ExportFile {
    let campaign = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, 20, 2, 0, 0).unwrap();
    let device = field_ledger::domain::plan::device::DeviceProfile {
        id: DeviceId::parse(&id(99)).unwrap(),
        label: "平板1".into(),
        unit_id: campaign.units[0].id.clone(),
        office_name: Some("城关所".into()),
        default_recorder: String::new(),
        created_at: now,
        updated_at: now,
        schema_version: 1,
    };
    let request = ExportRequest {
        kind: ExportKind::Report,
        include_phones: false,
        app_version: "test",
        now,
        device: &device,
        campaign: &campaign,
    };
    ExportFile::build(&request, &events, &[])
}

#[test]
fn a_manifest_is_checked_against_its_export() {
    let campaign = Campaign::quality_month_2021();
    let (activity, _) = first_activity(&campaign);
    let a = event(
        1,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        15,
    );
    let export = export_of(vec![a.clone()]);
    let manifest = |photos: Vec<PhotoRecord>| {
        serde_json::to_vec(&PackManifest {
            format: PACK_FORMAT.into(),
            format_version: 1,
            export_file: "a.json".into(),
            photos: photos
                .into_iter()
                .map(
                    |record| field_ledger::domain::exchange::report_pack::PackedPhoto {
                        file: format!("{}.jpg", record.file_name),
                        record,
                    },
                )
                .collect(),
        })
        .unwrap()
    };
    assert_eq!(
        read_manifest(&manifest(vec![photo(1, &a, "好", true)]), &export)
            .unwrap()
            .photos
            .len(),
        1
    );
    let stranger = event(
        2,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        15,
    );
    assert_eq!(
        read_manifest(&manifest(vec![photo(1, &stranger, "", true)]), &export),
        Err(PackProblem::PhotoInvalid {
            file: "IMG_1.jpg.jpg".into()
        })
    );
    let long = "质".repeat(51);
    assert!(matches!(
        read_manifest(&manifest(vec![photo(1, &a, &long, true)]), &export),
        Err(PackProblem::PhotoInvalid { .. })
    ));
    let newer = br#"{"format":"field-ledger.report-pack","format_version":9}"#;
    assert_eq!(read_manifest(newer, &export), Err(PackProblem::NewerFormat));
    assert_eq!(
        read_manifest(b"{\"format\":\"x\",\"format_version\":1}", &export),
        Err(PackProblem::NotAPack)
    );
    assert_eq!(
        read_manifest(b"not json", &export),
        Err(PackProblem::BadManifest)
    );
}

/// `schemas/field-ledger-report-pack.schema.json` documents `pack.json` as written.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_manifest_validates_against_its_schema() {
    let campaign = Campaign::quality_month_2021();
    let (activity, _) = first_activity(&campaign);
    let a = event(
        1,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        15,
    );
    let mut removed = photo(2, &a, "", false);
    removed.deleted = true;
    let photos = vec![photo(1, &a, "现场", true), removed];
    let events = vec![a];
    let packed: Vec<_> = photos_to_pack(&campaign, &events, &photos, PackPhotos::Selected)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let manifest = PackManifest {
        format: PACK_FORMAT.into(),
        format_version: 1,
        export_file: "a.json".into(),
        photos: field_ledger::domain::exchange::report_pack::manifest_photos(
            &events, &photos, &packed, &campaign,
        ),
    };
    assert_eq!(
        manifest.photos.len(),
        2,
        "the removed photo's record travels too"
    );
    assert!(manifest.photos[1].file.is_empty());
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas/field-ledger-report-pack.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let value = serde_json::to_value(&manifest).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut wrong = value.clone();
    wrong["photos"][0]["record"]["caption"] = serde_json::Value::from("质".repeat(51));
    assert!(
        !validator.is_valid(&wrong),
        "a caption over 50 characters is invalid"
    );
}

#[test]
fn packed_photos_merge_by_revision_and_bring_images_only_when_needed() {
    let campaign = Campaign::quality_month_2021();
    let (activity, _) = first_activity(&campaign);
    let a = event(
        1,
        &activity,
        campaign.units[0].id.as_str(),
        Some("城关所"),
        15,
    );
    let stored_photo = photo(1, &a, "旧说明", false);
    let stored = HashMap::from([(stored_photo.id, stored_photo.clone())]);

    // The same photo again: nothing to do.
    assert!(
        plan_photos(&stored, [stored_photo.clone()], &HashSet::new())
            .changes
            .is_empty()
    );

    // A newer caption from the pack wins, and the image is already here.
    let mut edited =
        stored_photo.next_revision(Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap());
    edited.caption = "新说明".into();
    let plan = plan_photos(&stored, [edited.clone()], &HashSet::new());
    assert_eq!((plan.added(), plan.updated()), (0, 1));
    let (before, after) = &plan.changes[0];
    assert_eq!(after.caption, "新说明");
    assert!(!PhotoPlan::needs_image(before.as_ref(), after));

    // An older version loses; a new photo needs its image.
    let newer_here = HashMap::from([(edited.id, edited.clone())]);
    assert!(
        plan_photos(&newer_here, [stored_photo.clone()], &HashSet::new())
            .changes
            .is_empty()
    );
    let fresh = photo(2, &a, "", true);
    // Without its image a new photo cannot come; with it, it is added.
    assert!(plan_photos(&stored, [fresh.clone()], &HashSet::new())
        .changes
        .is_empty());
    let plan = plan_photos(
        &stored,
        [fresh.clone(), fresh.clone()],
        &HashSet::from([fresh.id]),
    );
    assert_eq!(plan.added(), 1);
    assert!(PhotoPlan::needs_image(None, &plan.changes[0].1));

    // Deselected on the tablet: the record travels without its image and still updates.
    let mut deselected =
        stored_photo.next_revision(Utc.with_ymd_and_hms(2021, 9, 17, 1, 0, 0).unwrap());
    deselected.selected = false;
    let selected_here = {
        let mut p = stored_photo.clone();
        p.selected = true;
        HashMap::from([(p.id, p)])
    };
    let plan = plan_photos(&selected_here, [deselected], &HashSet::new());
    assert_eq!(plan.updated(), 1);
    assert!(!plan.changes[0].1.selected);
}
