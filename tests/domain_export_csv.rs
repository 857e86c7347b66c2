//! The CSV exports match their golden copies byte for byte, are Excel-ready (BOM, CRLF, quoting),
//! neutralise formulas, add up to the statistics; export file names say what they hold.
//!
//! Golden files live in `tests/fixtures/export/`; after an intended change, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test domain_export_csv` and review the diff.
// Host only: the golden files are read from the host.
#![cfg(not(target_arch = "wasm32"))]

mod export_fixture;

use export_fixture::*;
use field_ledger::domain::exchange::csv_export::{
    events_csv, roster_csv, spreadsheet_safe, summary_csv,
};
use field_ledger::domain::ids::UnitId;
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::plan::file_names::{export_file_name, ExportTable};
use field_ledger::i18n::{csv_words, Language};
use std::path::PathBuf;

/// A golden file's path.
fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

/// Compares `bytes` with the golden file `name`, or rewrites it under `UPDATE_GOLDEN=1`.
fn assert_golden(name: &str, bytes: &[u8]) {
    let path = fixture_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let golden = std::fs::read(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
    assert!(
        golden == bytes,
        "{name} differs from its golden file:\n--- golden\n{}\n--- now\n{}",
        String::from_utf8_lossy(&golden),
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn csv_files_match_their_golden_copies() {
    let campaign = Campaign::quality_month_2021();
    let (events, roster) = fixture();
    let counts = sign_ins(&roster);
    let statistics = fixture_statistics();
    for language in [Language::ZhCn, Language::En] {
        let words = csv_words(language);
        let code = language.code();
        assert_golden(
            &format!("events.{code}.csv"),
            &events_csv(&campaign, &events, &counts, &words),
        );
        assert_golden(
            &format!("roster.{code}.csv"),
            &roster_csv(&campaign, &events, &roster, false, &words),
        );
        assert_golden(
            &format!("summary.{code}.csv"),
            &summary_csv(&campaign, &statistics, &words),
        );
    }
    assert_golden(
        "roster.phones.zh-CN.csv",
        &roster_csv(
            &campaign,
            &events,
            &roster,
            true,
            &csv_words(Language::ZhCn),
        ),
    );
}

#[test]
fn csv_files_are_excel_ready() {
    let campaign = Campaign::quality_month_2021();
    let (events, roster) = fixture();
    let counts = sign_ins(&roster);
    let bytes = events_csv(&campaign, &events, &counts, &csv_words(Language::ZhCn));
    assert!(
        bytes.starts_with("\u{feff}记录编号,".as_bytes()),
        "BOM then the first header"
    );
    let text = String::from_utf8(bytes).unwrap();
    // Every line ends in CRLF; the note's own line break is inside a quoted cell.
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        4,
        "header and three live events"
    );
    assert!(text.contains("\"居民反映良好，\n下次增加摊位\""));
    // RFC 4180: quotes doubled inside a quoted cell; the formula neutralised.
    assert!(text.contains(r#""其他活动：安全用药直播, ""线上""""#));
    assert!(text.contains(r#""'=HYPERLINK(""http://x"",""y"")""#));
    assert!(text.contains(",'-李四,"));
    // The deleted event is not a row.
    assert!(!text.contains("999"));

    let roster_text = String::from_utf8(roster_csv(
        &campaign,
        &events,
        &roster,
        false,
        &csv_words(Language::ZhCn),
    ))
    .unwrap();
    assert!(roster_text.contains("138****5678"));
    assert!(!roster_text.contains("13812345678"));
    assert!(
        !roster_text.contains("错签"),
        "removed sign-ins are not rows"
    );
    assert!(roster_text.contains(",'@赵六,"));
}

#[test]
fn every_formula_trigger_is_neutralised() {
    for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let safe = spreadsheet_safe(text);
        assert!(safe.starts_with('\''), "{text:?} became {safe:?}");
        assert_eq!(&safe[1..], text);
    }
    for text in ["", "2021-09-15", "张三", "'already", " =x"] {
        assert_eq!(spreadsheet_safe(text), text);
    }
}

#[test]
fn the_summary_adds_up_to_the_statistics() {
    let campaign = Campaign::quality_month_2021();
    let statistics = fixture_statistics();
    // 37 + 3 sign-ins, 12 + 1 purged sign-in (still counted), 480.
    assert_eq!(statistics.total.person_times, 533);
    let text = String::from_utf8(summary_csv(
        &campaign,
        &statistics,
        &csv_words(Language::ZhCn),
    ))
    .unwrap();
    let total_line = text.lines().last().unwrap();
    assert!(total_line.starts_with("合计,,"), "{total_line}");
    assert!(total_line.ends_with(",3,533,180,5"), "{total_line}");
}

#[test]
fn file_names_say_what_they_hold() {
    let campaign = Campaign::quality_month_2021();
    let mut device = device();
    let name = export_file_name(&campaign, &device, day(15), ExportTable::Events);
    assert_eq!(name, "质量月2021_食品科_平板3_2021-09-15_events.csv");
    assert_eq!(
        export_file_name(&campaign, &device, day(15), ExportTable::Report),
        "质量月2021_食品科_平板3_2021-09-15_report.json"
    );
    device.unit_id = UnitId::new("market-offices");
    device.office_name = Some("光复道 市场监管所".into());
    device.label = "../平板_3:A*".into();
    assert_eq!(
        export_file_name(&campaign, &device, day(15), ExportTable::Roster),
        "质量月2021_光复道-市场监管所_-平板-3-A-_2021-09-15_roster.csv"
    );
}
