//! Every interface text exists in both languages, non-empty, each in its own script.

use chrono::NaiveDate;
use field_ledger::domain::china_time::DeadlineStatus;
use field_ledger::domain::plan::campaign::{Campaign, Period};
use field_ledger::i18n::{
    activity_number, deadline_figure, deadline_sentence, format_date, format_period, localized,
    ImportText, Language, PhotoText, Text, Words,
};

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'))
}

#[test]
fn every_key_has_non_empty_chinese_and_english() {
    check_table(Text::ALL);
    check_table(ImportText::ALL);
    check_table(PhotoText::ALL);
}

/// Every key of one text table: both languages, non-empty, each in its own script.
fn check_table<W: Words + std::fmt::Debug>(keys: &[W]) {
    for key in keys.iter().copied() {
        assert!(!key.zh().trim().is_empty(), "{key:?} has no Chinese");
        assert!(!key.en().trim().is_empty(), "{key:?} has no English");
        assert!(
            has_cjk(key.zh()),
            "{key:?} Chinese text is not Chinese: {}",
            key.zh()
        );
        assert!(
            !has_cjk(key.en()),
            "{key:?} English text has CJK: {}",
            key.en()
        );
    }
}

#[test]
fn numbers_and_dates_read_naturally_in_each_language() {
    let day = NaiveDate::from_ymd_opt(2021, 9, 15).unwrap();
    assert_eq!(format_date(Language::ZhCn, day), "2021年9月15日");
    assert_eq!(format_date(Language::En, day), "15 Sep 2021");
    let period = Campaign::quality_month_2021().period;
    assert_eq!(
        format_period(Language::ZhCn, period),
        "2021年9月1日至9月30日"
    );
    assert_eq!(format_period(Language::En, period), "1 – 30 Sep 2021");
    let across = Period {
        start: day,
        end: NaiveDate::from_ymd_opt(2022, 1, 2).unwrap(),
    };
    assert_eq!(
        format_period(Language::En, across),
        "15 Sep 2021 – 2 Jan 2022"
    );
    assert_eq!(activity_number(Language::ZhCn, 7), "第7项");
    assert_eq!(activity_number(Language::En, 7), "No. 7");
}

#[test]
fn deadline_wording_in_both_languages() {
    use DeadlineStatus::*;
    assert_eq!(
        deadline_sentence(Language::ZhCn, DaysLeft(10)),
        "距截止还有 10 天"
    );
    assert_eq!(deadline_sentence(Language::En, DaysLeft(1)), "1 day left");
    assert_eq!(
        deadline_sentence(Language::En, PassedDaysAgo(3)),
        "Deadline passed 3 days ago"
    );
    assert_eq!(
        deadline_sentence(Language::ZhCn, PassedDaysAgo(3)),
        "已于 3 天前截止"
    );
    assert_eq!(
        deadline_figure(Language::En, DueToday),
        ("0".into(), "due today")
    );
    for status in [
        DaysLeft(2),
        DaysLeft(1),
        DueToday,
        PassedDaysAgo(1),
        PassedDaysAgo(9),
    ] {
        assert!(!has_cjk(&deadline_sentence(Language::En, status)));
        assert!(!has_cjk(deadline_figure(Language::En, status).1));
        assert!(has_cjk(&deadline_sentence(Language::ZhCn, status)));
        assert!(has_cjk(deadline_figure(Language::ZhCn, status).1));
    }
}

#[test]
fn plan_content_falls_back_to_chinese_and_says_so() {
    let plan = Campaign::quality_month_2021();
    let unit = &plan.units[0];
    assert_eq!(
        localized(Language::ZhCn, &unit.name),
        ("计量标准化科", Language::ZhCn)
    );
    assert_eq!(
        localized(Language::En, &unit.name),
        ("Metrology & Standardization Section", Language::En)
    );
    let mut chinese_only = unit.name.clone();
    chinese_only.en = None;
    assert_eq!(
        localized(Language::En, &chinese_only),
        ("计量标准化科", Language::ZhCn)
    );
    for activity in &plan.activities {
        let (title, in_language) = localized(Language::En, &activity.short_title);
        assert_eq!(
            in_language,
            Language::En,
            "activity {} has an English title",
            activity.number
        );
        assert!(!has_cjk(title), "{title}");
    }
}

#[test]
fn language_codes_round_trip() {
    for language in Language::ALL {
        assert_eq!(Language::from_code(language.code()), Some(language));
        assert_ne!(language.other(), language);
    }
    assert_eq!(Language::from_code("fr"), None);
    assert_eq!(Language::default(), Language::ZhCn);
}

#[test]
fn every_csv_header_and_word_exists_in_both_languages() {
    let pairs = field_ledger::i18n::all_csv_words();
    assert!(pairs.len() > 40);
    for (zh, en) in pairs {
        assert!(has_cjk(zh), "CSV word not Chinese: {zh}");
        assert!(
            !en.trim().is_empty() && !has_cjk(en),
            "CSV word not English: {en}"
        );
    }
}

#[test]
fn every_word_of_the_word_summary_exists_in_both_languages() {
    use field_ledger::domain::figures::statistics::Figures;
    use field_ledger::domain::summary::docx::PhotoGap;
    let figures = Figures {
        events: 3,
        person_times: 120,
        publicity_minutes: 90,
        publicity_reports: 2,
        ..Figures::default()
    };
    let day = NaiveDate::from_ymd_opt(2021, 9, 15).unwrap();
    let period = Campaign::quality_month_2021().period;
    let texts = |language| {
        let w = field_ledger::i18n::summary_words(language);
        let mut texts: Vec<String> = [
            w.summary,
            w.overview,
            w.by_activity,
            w.by_unit,
            w.direction_events,
            w.direction_narrative,
            w.narrative_prompt,
            w.empty_direction,
            w.number_column,
            w.activity_column,
            w.unit_column,
            w.date_column,
            w.place_column,
            w.total,
            w.other_activities,
            w.photos,
            w.no_photos,
            w.videos,
            w.no_videos,
            w.app_name,
        ]
        .iter()
        .chain(&w.figure_columns)
        .map(|s| (*s).to_owned())
        .collect();
        texts.extend([
            (w.totals_sentence)("食品科", &(w.period)(period), &figures),
            (w.direction_sentence)(&figures),
            (w.photo_gap)("a.jpg", PhotoGap::Missing),
            (w.photo_gap)("a.jpg", PhotoGap::Damaged),
            (w.video_line)(&(w.date)(day), "x", 2, ""),
            (w.sources)(
                3,
                "平板3",
                &(w.time)(day.and_hms_opt(9, 5, 0).unwrap()),
                "0.1.0",
            ),
            (w.short_date)(day),
        ]);
        texts
    };
    let (zh, en) = (texts(Language::ZhCn), texts(Language::En));
    assert_eq!(zh.len(), en.len());
    for (zh, en) in zh.iter().zip(&en) {
        assert!(has_cjk(zh), "summary word not Chinese: {zh}");
        // Some English sentences hold the Chinese names they are given (平板3, 食品科).
        let own = en.replace("平板3", "").replace("食品科", "");
        assert!(
            !own.trim().is_empty() && !has_cjk(&own),
            "summary word not English: {en}"
        );
    }
    assert_eq!(
        texts(Language::En).last().map(String::as_str),
        Some("15 Sep")
    );
}
