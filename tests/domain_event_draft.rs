//! The event form: pre-filling, parsing what was typed, and refusing what is wrong.

mod draft_fixture;

use chrono::{NaiveDate, NaiveTime};
use draft_fixture::*;
use field_ledger::domain::form_input::parse_count;
use field_ledger::domain::ids::{CounterId, DeviceId, EventId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::device::DeviceProfile;
use field_ledger::domain::records::event_draft::{
    DraftWarning, EventDraft, SaveContext, OTHER_ACTIVITY,
};
use field_ledger::domain::records::event_record::{ActivityChoice, Attendance};
use field_ledger::domain::validation::{Field, FieldError, Problem, COUNT_MAX};

fn save(
    draft: &EventDraft,
    plan: &Campaign,
    device: &DeviceProfile,
) -> Result<
    (
        field_ledger::domain::records::event_record::EventRecord,
        Vec<DraftWarning>,
    ),
    Vec<FieldError>,
> {
    draft.to_record(SaveContext {
        campaign: plan,
        device,
        new_id: new_id(),
        now: now(),
        existing: None,
    })
}

#[test]
fn the_quickest_event_is_an_activity_and_a_place() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    assert_eq!(
        draft.organising_unit, "metrology-institute",
        "the device's unit leads activity 1"
    );
    assert_eq!(draft.direction, "enterprises-people");
    draft.place = " 中山公园广场 ".into();
    let (record, warnings) = save(&draft, &plan, &device).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(record.place, "中山公园广场");
    assert_eq!(record.start_date, today());
    assert_eq!(record.recorder, "王芳");
    assert_eq!(record.device_id, device.id);
    assert_eq!((record.revision, record.created_at), (1, now()));
}

#[test]
fn an_activity_the_device_does_not_lead_starts_with_its_first_lead_unit() {
    let plan = Campaign::quality_month_2021();
    let device = device("quality");
    let mut draft = EventDraft::blank(new_id(), &device, "", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    assert_eq!(draft.organising_unit, "metrology-standardization");
    draft
        .extra_counts
        .insert(CounterId::new("bp-monitors-tested"), "3".into());
    draft.choose_activity(&plan, &device, "qm2021-a17");
    assert_eq!(
        draft.organising_unit, "quality",
        "the device's unit is one of activity 17's leads"
    );
    assert!(
        draft.extra_counts.is_empty(),
        "activity 17 has no monitor counter"
    );
}

#[test]
fn every_wrong_field_is_named_in_form_order() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.start_time = "15:00".into();
    draft.end_time = "09:00".into();
    draft.materials = "-5".into();
    draft.publicity_minutes = "2.5".into();
    draft.publicity_reports = "2000000".into();
    draft
        .extra_counts
        .insert(CounterId::new("bp-monitors-tested"), "abc".into());
    assert_eq!(
        fields(save(&draft, &plan, &device).unwrap_err()),
        vec![
            (Field::EndTime, Problem::BeforeStart),
            (Field::Place, Problem::Required),
            (Field::Recorder, Problem::Required),
            (Field::PublicityMinutes, Problem::NotAWholeNumber),
            (Field::PublicityReports, Problem::TooLarge(COUNT_MAX)),
            (Field::MaterialsHandedOut, Problem::NotAWholeNumber),
            (
                Field::ExtraCounter(CounterId::new("bp-monitors-tested")),
                Problem::NotAWholeNumber
            ),
        ]
    );
}

#[test]
fn missing_activity_date_and_bad_dates_are_reported_not_guessed() {
    let plan = Campaign::quality_month_2021();
    let device = device("quality");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.start_date.clear();
    draft.end_date = "2021-13-40".into();
    draft.start_time = "25:00".into();
    draft.place = "社区".into();
    assert_eq!(
        fields(save(&draft, &plan, &device).unwrap_err()),
        vec![
            (Field::Activity, Problem::Required),
            (Field::Direction, Problem::NotInPlan),
            (Field::StartDate, Problem::Required),
            (Field::EndDate, Problem::NotADate),
            (Field::StartTime, Problem::NotATime),
        ]
    );
}

#[test]
fn an_end_date_before_the_start_is_refused_and_outside_the_month_only_warns() {
    let plan = Campaign::quality_month_2021();
    let device = device("special-equipment");
    let mut draft = EventDraft::blank(new_id(), &device, "李强", today());
    draft.choose_activity(&plan, &device, "qm2021-a10");
    draft.place = "小区".into();
    draft.end_date = "2021-09-14".into();
    assert_eq!(
        fields(save(&draft, &plan, &device).unwrap_err()),
        vec![(Field::EndDate, Problem::BeforeStart)]
    );
    draft.end_date = "2021-10-03".into();
    let (record, warnings) = save(&draft, &plan, &device).unwrap();
    assert_eq!(warnings, vec![DraftWarning::OutsideCampaignPeriod]);
    assert_eq!(record.end_date, NaiveDate::from_ymd_opt(2021, 10, 3));
}

#[test]
fn online_other_events_use_the_platform_and_their_own_title() {
    let plan = Campaign::quality_month_2021();
    let device = device("drugs-cosmetics");
    let mut draft = EventDraft::blank(new_id(), &device, "赵敏", today());
    draft.choose_activity(&plan, &device, OTHER_ACTIVITY);
    draft.direction = "publicity".into();
    draft.online = true;
    draft.place = "被忽略的地点".into();
    draft.start_time = "09:30".into();
    assert_eq!(
        fields(save(&draft, &plan, &device).unwrap_err()),
        vec![
            (Field::OtherTitle, Problem::Required),
            (Field::Platform, Problem::Required)
        ]
    );
    draft.other_title = "安全用药直播".into();
    draft.platform = "抖音直播".into();
    let (record, _) = save(&draft, &plan, &device).unwrap();
    assert_eq!(
        record.activity,
        ActivityChoice::Other {
            title: "安全用药直播".into()
        }
    );
    assert_eq!(
        (record.attendance, record.place.as_str()),
        (Attendance::Online, "抖音直播")
    );
    assert_eq!(record.start_time, NaiveTime::from_hms_opt(9, 30, 0));
}

#[test]
fn editing_keeps_identity_and_raises_the_revision() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let mut draft = EventDraft::blank(new_id(), &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.place = "广场".into();
    draft.materials = "２００".into();
    let (original, _) = save(&draft, &plan, &device).unwrap();
    assert_eq!(original.materials_handed_out, 200);

    let mut edit = EventDraft::from_record(&original);
    assert_eq!(edit.editing, Some(original.id));
    assert_eq!(edit.materials, "200");
    edit.place = "中山公园".into();
    let later = now() + chrono::Duration::hours(2);
    let (edited, _) = edit
        .to_record(SaveContext {
            campaign: &plan,
            device: &device,
            new_id: EventId::parse("00000000-0000-4000-8000-000000000000").unwrap(),
            now: later,
            existing: Some(&original),
        })
        .unwrap();
    assert_eq!(
        (edited.id, edited.created_at, edited.revision),
        (original.id, original.created_at, 2)
    );
    assert_eq!(
        (edited.updated_at, edited.place.as_str()),
        (later, "中山公园")
    );
}

#[test]
fn counts_accept_what_a_chinese_keyboard_types_and_nothing_else() {
    assert_eq!(parse_count("  ７ "), Ok(7));
    assert_eq!(parse_count("0"), Ok(0));
    assert_eq!(parse_count("1000000"), Ok(COUNT_MAX));
    assert_eq!(parse_count("1000001"), Err(Problem::TooLarge(COUNT_MAX)));
    assert_eq!(
        parse_count("99999999999999999999999"),
        Err(Problem::TooLarge(COUNT_MAX))
    );
    for bad in ["-5", "－5", "3.5", "十", "1e3", "+4", "5 人"] {
        assert_eq!(parse_count(bad), Err(Problem::NotAWholeNumber), "{bad}");
    }
}

#[test]
fn a_device_needs_a_label_a_unit_and_for_offices_the_office_name() {
    let plan = Campaign::quality_month_2021();
    let mut profile = device("market-offices");
    assert_eq!(
        profile.validate(&plan).unwrap_err(),
        vec![FieldError::new(Field::OfficeName, Problem::Required)]
    );
    profile.office_name = Some(" 望海楼市场监管所 ".into());
    assert_eq!(profile.validate(&plan), Ok(()));
    assert_eq!(
        profile.office_for(&plan).as_deref(),
        Some("望海楼市场监管所")
    );
    profile.label = " ".into();
    profile.unit_id = UnitId::new("");
    assert_eq!(
        fields(profile.validate(&plan).unwrap_err()),
        vec![
            (Field::DeviceLabel, Problem::Required),
            (Field::DeviceUnit, Problem::Required)
        ]
    );
}

#[test]
fn a_new_draft_keeps_its_id_so_a_retried_save_replaces_rather_than_duplicates() {
    let plan = Campaign::quality_month_2021();
    let device = device("metrology-institute");
    let fixed = EventId::parse("11111111-2222-4333-8444-555555555555").unwrap();
    let mut draft = EventDraft::blank(fixed, &device, "王芳", today());
    draft.choose_activity(&plan, &device, "qm2021-a01");
    draft.place = "广场".into();
    let (first, _) = save(&draft, &plan, &device).unwrap();
    let (again, _) = save(&draft, &plan, &device).unwrap();
    assert_eq!((first.id, again.id), (fixed, fixed));
    let text = serde_json::to_string(&draft).unwrap();
    let back: EventDraft = serde_json::from_str(&text).unwrap();
    assert_eq!(back.new_id, Some(fixed));
}

#[test]
fn an_other_event_starts_with_a_real_direction_so_what_is_shown_is_what_is_saved() {
    let plan = Campaign::quality_month_2021();
    let device = device("drugs-cosmetics");
    let mut draft = EventDraft::blank(new_id(), &device, "赵敏", today());
    draft.choose_activity(&plan, &device, OTHER_ACTIVITY);
    assert_eq!(draft.direction, "publicity");
    draft.direction = "consumer-rights".into();
    draft.choose_activity(&plan, &device, OTHER_ACTIVITY);
    assert_eq!(
        draft.direction, "consumer-rights",
        "a chosen direction is kept"
    );
}

#[test]
fn the_device_form_becomes_a_profile_keeping_identity_and_naming_the_office() {
    use field_ledger::domain::plan::device::DeviceForm;
    let plan = Campaign::quality_month_2021();
    assert!(plan.names_offices("market-offices") && !plan.names_offices("quality"));
    let form = DeviceForm {
        label: " 平板3 ".into(),
        unit: "market-offices".into(),
        office: "".into(),
        recorder: "王芳".into(),
    };
    let new = DeviceId::parse("11111111-2222-4333-8444-555555555555").unwrap();
    assert_eq!(
        fields(form.to_profile(&plan, None, new, now()).unwrap_err()),
        vec![(Field::OfficeName, Problem::Required)]
    );
    let form = DeviceForm {
        office: " 望海楼市场监管所 ".into(),
        ..form
    };
    let first = form.to_profile(&plan, None, new, now()).unwrap();
    assert_eq!((first.id, first.label.as_str()), (new, "平板3"));
    assert_eq!(first.office_name.as_deref(), Some("望海楼市场监管所"));
    let later = now() + chrono::Duration::days(1);
    let changed = DeviceForm {
        unit: "quality".into(),
        ..DeviceForm::from_profile(Some(&first))
    };
    let other_id = DeviceId::parse("99999999-2222-4333-8444-555555555555").unwrap();
    let second = changed
        .to_profile(&plan, Some(&first), other_id, later)
        .unwrap();
    assert_eq!(
        (second.id, second.created_at, second.updated_at),
        (first.id, now(), later)
    );
    assert_eq!(
        second.office_name, None,
        "an office name only goes with the offices' unit"
    );
}
