//! The videos an event records: counted and named on the form, never fewer than named, and
//! absent from the stored JSON when there are none. A record with videos is written in layout
//! version 2, so a build that knows only version 1 refuses it rather than drop its videos.

mod draft_fixture;

use draft_fixture::*;
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::records::event_draft::{EventDraft, SaveContext};
use field_ledger::domain::records::event_record::EventRecord;
use field_ledger::domain::validation::{Field, FieldError, Problem};

fn save(
    draft: &EventDraft,
    plan: &Campaign,
    device: &DeviceProfile,
) -> Result<EventRecord, Vec<FieldError>> {
    draft
        .to_record(SaveContext {
            campaign: plan,
            device,
            new_id: new_id(),
            now: now(),
            existing: None,
        })
        .map(|(record, _)| record)
}

#[test]
fn videos_are_counted_and_named_but_never_fewer_than_listed() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.place = "中山公园广场".into();
    // Names without a count: the names are counted.
    draft.video_files = " VID_0915_01.mp4 \n\nVID_0915_02.mp4\n".into();
    let record = save(&draft, &plan, &device).unwrap();
    assert_eq!(record.video_count, 2);
    assert_eq!(record.video_files, ["VID_0915_01.mp4", "VID_0915_02.mp4"]);
    // More videos than names is fine (not every name is known).
    draft.video_count = "3".into();
    assert_eq!(save(&draft, &plan, &device).unwrap().video_count, 3);
    // Fewer than listed is refused, naming the field.
    draft.video_count = "1".into();
    let errors = fields(save(&draft, &plan, &device).unwrap_err());
    assert_eq!(errors, [(Field::VideoCount, Problem::FewerThanListed(2))]);
    assert_eq!(
        field_ledger::i18n::problem_message(
            field_ledger::i18n::Language::ZhCn,
            "视频数量",
            &Problem::FewerThanListed(2)
        ),
        "视频数量不能少于所列视频文件名的个数（2）"
    );
    // The form shows a saved record's videos again.
    draft.video_count = "2".into();
    let record = save(&draft, &plan, &device).unwrap();
    let again = EventDraft::from_record(&record);
    assert_eq!(
        (again.video_count.as_str(), again.video_files.as_str()),
        ("2", "VID_0915_01.mp4\nVID_0915_02.mp4")
    );
}

#[test]
fn an_event_without_videos_keeps_the_stored_form_it_had_before_videos_were_counted() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.place = "中山公园广场".into();
    let record = save(&draft, &plan, &device).unwrap();
    let json = serde_json::to_string(&record).unwrap();
    assert!(!json.contains("video"), "no video fields when none: {json}");
    assert!(json.contains(r#""schema_version":1"#), "{json}");
}

#[test]
fn an_event_with_videos_is_written_in_layout_version_2_and_read_back() {
    use field_ledger::domain::records::schema::{decode_event, MigrationError};
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.place = "中山公园广场".into();
    draft.video_count = "1".into();
    let record = save(&draft, &plan, &device).unwrap();
    assert_eq!(record.schema_version, 2);
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(decode_event(&json), Ok(record.clone()));
    assert_eq!(record.validate(&plan), Ok(()));
    // The videos taken out again: version 1 once more, which every build reads.
    draft.video_count = "0".into();
    let without = EventDraft::from_record(&record);
    let mut without = without;
    without.video_count = String::new();
    let resaved = save(&without, &plan, &device).unwrap();
    assert_eq!(resaved.schema_version, 1);
    // Builds from before the version was raised wrote videos in version-1 records: read as 2.
    let earlier = json.replace(r#""schema_version":2"#, r#""schema_version":1"#);
    assert_eq!(decode_event(&earlier), Ok(record.clone()));
    // A record put together claiming version 1 while counting videos is not valid.
    let mut mislabelled = record.clone();
    mislabelled.schema_version = 1;
    assert_eq!(
        fields(mislabelled.validate(&plan).unwrap_err()),
        [(Field::SchemaVersion, Problem::UnsupportedVersion(1))]
    );
    // Version 3 is a newer build's.
    let newer = json.replace(r#""schema_version":2"#, r#""schema_version":3"#);
    assert_eq!(decode_event(&newer), Err(MigrationError::NewerVersion(3)));
}
