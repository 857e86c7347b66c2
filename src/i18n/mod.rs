//! The i18n layer: every string the interface shows comes from here.
//!
//! Chinese (zh-CN) is the default, English the second language. Fixed texts are the [`Text`] keys,
//! each defined with both languages side by side so neither can be forgotten; texts with numbers or
//! dates in them are the functions below. Campaign content (plan texts) and user data are not
//! translated: they are shown as entered, marked with their own language.

mod csv_words;
mod import_messages;
mod import_texts;
mod messages;
mod photo_messages;
mod photo_texts;
mod plan_messages;
mod plan_texts;
mod summary_words;
mod sync_messages;
mod texts;

pub use csv_words::{all_csv_words, csv_words};

pub use import_messages::{
    file_name_quotes, file_problem_message, file_problem_reason, import_done, import_failed,
    reading_progress, reverted_message,
};
pub use import_texts::ImportText;
pub use messages::{
    attendance_breakdown, chart_summary, day_label, event_title, event_when, events_count,
    export_failed, export_status, exported_message, failed_save_message, fields_to_fix, not_saved,
    outside_period_warning, person_times_label, problem_message, purged_message, records_left_out,
    records_skipped, show_earlier_sign_ins, storage_used, stored_counts, unexported_label,
    Delivered,
};
pub use photo_messages::{
    caption_counter, delete_with_photos, event_photos_question, long_side_choice, not_an_image,
    pack_photos, pack_too_large, photo_problem, photo_problems, photo_size, stored_photos,
    summary_photos, summary_scope_own, unit_selection,
};
pub use photo_texts::PhotoText;
pub use plan_messages::{
    campaign_added, kept_for_records, plan_file_problem, plan_problem, plan_replace_question,
};
pub use plan_texts::PlanText;
pub use summary_words::summary_words;
pub use sync_messages::{
    sync_last, sync_pending, sync_plans_kept, sync_plans_received, sync_problem, sync_refused,
};
pub use texts::Text;

/// A table of fixed texts, Chinese and English.
pub trait Words: Copy + Send + Sync + 'static {
    /// Simplified Chinese.
    fn zh(self) -> &'static str;
    /// English.
    fn en(self) -> &'static str;
}

use crate::domain::china_time::DeadlineStatus;
use crate::domain::plan::campaign::{LocalizedText, Period};
use chrono::{Datelike, NaiveDate};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Language {
    /// Simplified Chinese, the working language of every user.
    #[default]
    ZhCn,
    /// English.
    En,
}

impl Language {
    /// Both languages, default first.
    pub const ALL: [Language; 2] = [Language::ZhCn, Language::En];

    /// BCP 47 tag, for `lang` attributes and storage.
    pub fn code(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }

    /// Reads a tag written by [`Language::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The language's own name, as shown on the switch that selects it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::ZhCn => "中文",
            Language::En => "English",
        }
    }

    /// The language the switch offers when this one is active.
    pub fn other(self) -> Self {
        match self {
            Language::ZhCn => Language::En,
            Language::En => Language::ZhCn,
        }
    }

    /// The fixed text `key` (of any table) in this language.
    pub fn text<W: Words>(self, key: W) -> &'static str {
        match self {
            Language::ZhCn => key.zh(),
            Language::En => key.en(),
        }
    }
}

/// Campaign content in the best available form for `language`, with the language it is really in
/// (for the `lang` attribute): English falls back to Chinese where the plan has no English.
pub fn localized(language: Language, text: &LocalizedText) -> (&str, Language) {
    match (language, &text.en) {
        (Language::En, Some(english)) if !english.trim().is_empty() => (english, Language::En),
        _ => (&text.zh, Language::ZhCn),
    }
}

/// A calendar day: `2021年9月15日` or `15 Sep 2021`.
///
/// ```
/// use chrono::NaiveDate;
/// use field_ledger::i18n::{format_date, Language};
/// let day = NaiveDate::from_ymd_opt(2021, 9, 15).unwrap();
/// assert_eq!(format_date(Language::ZhCn, day), "2021年9月15日");
/// assert_eq!(format_date(Language::En, day), "15 Sep 2021");
/// ```
pub fn format_date(language: Language, day: NaiveDate) -> String {
    match language {
        Language::ZhCn => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
        Language::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!(
                "{} {} {}",
                day.day(),
                MONTHS[day.month0() as usize],
                day.year()
            )
        }
    }
}

/// A campaign period: `2021年9月1日至9月30日` or `1 – 30 Sep 2021`.
pub fn format_period(language: Language, period: Period) -> String {
    let same_year = period.start.year() == period.end.year();
    let same_month = same_year && period.start.month() == period.end.month();
    match language {
        Language::ZhCn if same_year => format!(
            "{}至{}月{}日",
            format_date(language, period.start),
            period.end.month(),
            period.end.day()
        ),
        Language::ZhCn => format!(
            "{}至{}",
            format_date(language, period.start),
            format_date(language, period.end)
        ),
        Language::En if same_month => format!(
            "{} – {}",
            period.start.day(),
            format_date(language, period.end)
        ),
        Language::En => format!(
            "{} – {}",
            format_date(language, period.start),
            format_date(language, period.end)
        ),
    }
}

/// The big figure and its caption for a deadline: (`"12"`, `"天后截止"`), (`"3"`, `"days overdue"`).
pub fn deadline_figure(language: Language, status: DeadlineStatus) -> (String, &'static str) {
    match (status, language) {
        (DeadlineStatus::DaysLeft(days), Language::ZhCn) => (days.to_string(), "天后截止"),
        (DeadlineStatus::DaysLeft(1), Language::En) => ("1".into(), "day left"),
        (DeadlineStatus::DaysLeft(days), Language::En) => (days.to_string(), "days left"),
        (DeadlineStatus::DueToday, Language::ZhCn) => ("0".into(), "今天截止"),
        (DeadlineStatus::DueToday, Language::En) => ("0".into(), "due today"),
        (DeadlineStatus::PassedDaysAgo(days), Language::ZhCn) => (days.to_string(), "天前已截止"),
        (DeadlineStatus::PassedDaysAgo(1), Language::En) => ("1".into(), "day since deadline"),
        (DeadlineStatus::PassedDaysAgo(days), Language::En) => {
            (days.to_string(), "days since deadline")
        }
    }
}

/// A sentence for a deadline, for screen readers and notices:
/// `距截止还有 12 天` / `Deadline passed 3 days ago`.
pub fn deadline_sentence(language: Language, status: DeadlineStatus) -> String {
    match (status, language) {
        (DeadlineStatus::DaysLeft(days), Language::ZhCn) => format!("距截止还有 {days} 天"),
        (DeadlineStatus::DaysLeft(1), Language::En) => "1 day left".into(),
        (DeadlineStatus::DaysLeft(days), Language::En) => format!("{days} days left"),
        (DeadlineStatus::DueToday, Language::ZhCn) => "今天截止".into(),
        (DeadlineStatus::DueToday, Language::En) => "Due today".into(),
        (DeadlineStatus::PassedDaysAgo(days), Language::ZhCn) => format!("已于 {days} 天前截止"),
        (DeadlineStatus::PassedDaysAgo(1), Language::En) => "Deadline passed 1 day ago".into(),
        (DeadlineStatus::PassedDaysAgo(days), Language::En) => {
            format!("Deadline passed {days} days ago")
        }
    }
}

/// A list of names joined the way each language joins them: `计量标准化科、计量所` / `A, B`.
pub fn join_names<'a>(language: Language, names: impl IntoIterator<Item = &'a str>) -> String {
    let separator = match language {
        Language::ZhCn => "、",
        Language::En => ", ",
    };
    names.into_iter().collect::<Vec<_>>().join(separator)
}

/// An activity's number as the plan counts them: `第1项` / `No. 1`.
pub fn activity_number(language: Language, number: u32) -> String {
    match language {
        Language::ZhCn => format!("第{number}项"),
        Language::En => format!("No. {number}"),
    }
}
