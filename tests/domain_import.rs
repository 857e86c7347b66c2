//! Reading import files: every kind of bad file is refused with its reason, and the message
//! names the file, in Chinese and in English. Nothing here panics on any input (see also
//! `domain_import_fuzz.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod export_fixture;

use export_fixture::*;
use field_ledger::domain::exchange::export::{ExportKind, ExportReadError, RecordKind};
use field_ledger::domain::incoming::import::{read_export_file, FileProblem};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::i18n::{file_problem_message, Language};

fn read(bytes: &[u8]) -> Result<(), FileProblem> {
    read_export_file(bytes, &Campaign::quality_month_2021()).map(|_| ())
}

fn report() -> String {
    export(ExportKind::Report, false).to_json()
}

#[test]
fn a_good_report_reads() {
    assert_eq!(read(report().as_bytes()), Ok(()));
    // With a byte-order mark too, as some Windows tools save it.
    assert_eq!(read(format!("\u{feff}{}", report()).as_bytes()), Ok(()));
}

#[test]
fn every_bad_file_gets_its_reason() {
    let junk = vec![0x50u8; 50 * 1024 * 1024];
    assert_eq!(read(&junk), Err(FileProblem::NotJson));
    assert_eq!(read(b""), Err(FileProblem::Empty));
    assert_eq!(read(b"[1, 2]"), Err(FileProblem::NotJson));
    assert_eq!(
        read(b"{\"a\": 1}"),
        Err(FileProblem::Unreadable(ExportReadError::NotAnExport))
    );
    let text = report();
    let cut = read(&text.as_bytes()[..text.len() / 2]);
    assert!(matches!(
        cut,
        Err(FileProblem::Unreadable(ExportReadError::Syntax {
            truncated: true,
            ..
        }))
    ));
    let newer = text.replace("\"format_version\":1", "\"format_version\":2");
    assert_eq!(
        read(newer.as_bytes()),
        Err(FileProblem::Unreadable(ExportReadError::NewerFormat(2)))
    );
    let other = text.replace("quality-month-2021", "quality-month-2026");
    assert!(matches!(
        read(other.as_bytes()),
        Err(FileProblem::OtherCampaign { .. })
    ));
    // A record that breaks the plan (an activity the plan does not have).
    let events_start = text.find("\"events\":[").unwrap();
    let edited = format!(
        "{}{}",
        &text[..events_start],
        text[events_start..].replacen("qm2021-a01", "qm2021-a99", 1)
    );
    assert!(matches!(
        read(edited.as_bytes()),
        Err(FileProblem::InvalidRecord {
            kind: RecordKind::Event,
            ..
        })
    ));
    // A sign-in of an event the file does not carry.
    let (events, roster) = fixture();
    let device = device();
    let campaign = Campaign::quality_month_2021();
    let request = request(ExportKind::Report, false, &device, &campaign);
    let mut orphan =
        field_ledger::domain::exchange::export::ExportFile::build(&request, &events, &roster);
    orphan.events.retain(|e| e.id != orphan.roster[0].event_id);
    assert!(matches!(
        read(orphan.to_json().as_bytes()),
        Err(FileProblem::OrphanSignIn { .. })
    ));
}

#[test]
fn messages_name_the_file_and_the_problem() {
    let name = "质量月2021_食品科_平板2_report.json";
    let cut = FileProblem::Unreadable(ExportReadError::Syntax {
        line: 1,
        column: 9,
        truncated: true,
    });
    assert_eq!(
        file_problem_message(Language::ZhCn, name, &cut),
        "「质量月2021_食品科_平板2_report.json」：文件不完整，可能没有传完。请对方重新发送。"
    );
    assert_eq!(
        file_problem_message(Language::En, name, &FileProblem::NotJson),
        "“质量月2021_食品科_平板2_report.json”: not a JSON file or report pack (perhaps a photo, a spreadsheet or a damaged file). Choose a JSON file or report pack (ZIP) exported by Field Ledger."
    );
    let damaged = FileProblem::Pack(
        field_ledger::domain::exchange::report_pack::PackProblem::PhotoDamaged {
            file: "计量所_计量便民服务日_1.jpg".into(),
        },
    );
    assert_eq!(
        file_problem_message(Language::ZhCn, "报送包.zip", &damaged),
        "「报送包.zip」：报送包中的照片「计量所_计量便民服务日_1.jpg」缺失或已损坏。"
    );
    let other = FileProblem::OtherCampaign {
        title: Campaign::quality_month_2021().title,
    };
    assert!(file_problem_message(Language::ZhCn, name, &other).contains("本设备没有这个活动"));
}

#[test]
fn a_file_whose_plan_was_changed_by_the_sender_is_told_apart() {
    use field_ledger::domain::incoming::import::read_export_file_of;
    use field_ledger::domain::planning::plan_edit::{copy_to_year, new_activity};
    let here = copy_to_year(
        &Campaign::quality_month_2021(),
        field_ledger::domain::ids::CampaignId::new("qm-2026"),
        2026,
    );
    // The sender added a 20th activity and recorded under it.
    let mut theirs = here.clone();
    let mut added = new_activity(&theirs);
    added.short_title.zh = "质量开放日".into();
    theirs.activities.push(added.clone());
    let mut record = event(1, planned(added.id.as_str()), "metrology-institute", 15);
    record.campaign_id = theirs.id.clone();
    let device = device();
    let file = field_ledger::domain::exchange::export::ExportFile::build(
        &request(ExportKind::Report, false, &device, &theirs),
        &[record],
        &[],
    );
    let bytes = file.to_json().into_bytes();
    assert_eq!(
        read_export_file_of(&bytes, std::slice::from_ref(&here)).unwrap_err(),
        FileProblem::PlanDiffers
    );
    // Without the device's plan, the file brings its own and is read.
    assert!(read_export_file_of(&bytes, &[]).is_ok());
    assert!(
        file_problem_message(Language::ZhCn, "a.json", &FileProblem::PlanDiffers)
            .contains("请先请对方导出方案文件")
    );
}
