//! Sentences with values in them: field errors, storage failures, counts.

use super::{format_period, Language, Text};
use crate::domain::plan::campaign::{Campaign, Period};
use crate::domain::records::event_record::{ActivityChoice, EventRecord};
use crate::domain::storage_failure::{FailedSave, SavedThing, StorageFailure};
use crate::domain::validation::Problem;

/// What is wrong with a field, naming it: `请填写活动地点` / `Place is required`.
pub fn problem_message(language: Language, label: &str, problem: &Problem) -> String {
    match (language, problem) {
        (Language::ZhCn, Problem::Required) => format!("请填写{label}"),
        (Language::En, Problem::Required) => format!("{label} is required"),
        (Language::ZhCn, Problem::TooLong(max)) => format!("{label}最多 {max} 个字"),
        (Language::En, Problem::TooLong(max)) => format!("{label} can be at most {max} characters"),
        (Language::ZhCn, Problem::TooLarge(max)) => format!("{label}不能超过 {max}"),
        (Language::En, Problem::TooLarge(max)) => format!("{label} cannot be more than {max}"),
        (Language::ZhCn, Problem::NotInPlan) => format!("{label}不在活动方案中，请重新选择"),
        (Language::En, Problem::NotInPlan) => format!("{label} is not in the plan; choose again"),
        (Language::ZhCn, Problem::BeforeStart) => format!("{label}不能早于开始"),
        (Language::En, Problem::BeforeStart) => format!("{label} cannot be before the start"),
        (Language::ZhCn, Problem::NotAPhoneNumber) => format!("{label}不是有效的电话号码"),
        (Language::En, Problem::NotAPhoneNumber) => format!("{label} is not a phone number"),
        (Language::ZhCn, Problem::UnsupportedVersion(v)) => {
            format!("{label}的数据版本 {v} 无法识别")
        }
        (Language::En, Problem::UnsupportedVersion(v)) => {
            format!("{label} has an unknown data version {v}")
        }
        (Language::ZhCn, Problem::NotAWholeNumber) => format!("{label}须为 0 或正整数"),
        (Language::En, Problem::NotAWholeNumber) => {
            format!("{label} must be a whole number, 0 or more")
        }
        (Language::ZhCn, Problem::NotADate) => format!("{label}不是有效日期"),
        (Language::En, Problem::NotADate) => format!("{label} is not a valid date"),
        (Language::ZhCn, Problem::NotATime) => format!("{label}不是有效时间"),
        (Language::En, Problem::NotATime) => format!("{label} is not a valid time"),
        (Language::ZhCn, Problem::FewerThanListed(n)) => {
            format!("{label}不能少于所列视频文件名的个数（{n}）")
        }
        (Language::En, Problem::FewerThanListed(n)) => {
            format!("{label} cannot be fewer than the {n} file names listed")
        }
    }
}

/// The warning beside a date outside the campaign period; saving is still allowed.
pub fn outside_period_warning(language: Language, period: Period) -> String {
    let period = format_period(language, period);
    match language {
        Language::ZhCn => format!("日期不在活动期间（{period}）内，仍可保存"),
        Language::En => format!("This date is outside the campaign ({period}); you can still save"),
    }
}

/// How many fields need fixing: `有 3 处需要修改` / `3 fields need fixing`.
pub fn fields_to_fix(language: Language, count: usize) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!("有 {n} 处需要修改"),
        (Language::En, 1) => "1 field needs fixing".to_owned(),
        (Language::En, n) => format!("{n} fields need fixing"),
    }
}

/// The button under the sign-in list that shows `more` earlier sign-ins not listed yet.
pub fn show_earlier_sign_ins(language: Language, more: usize) -> String {
    match (language, more) {
        (Language::ZhCn, n) => format!("显示更早的签到（还有 {n} 人）"),
        (Language::En, 1) => "Show the earlier sign-in (1 more)".to_owned(),
        (Language::En, n) => format!("Show earlier sign-ins ({n} more)"),
    }
}

/// Why storage failed, as the user is told.
pub fn storage_failure_reason(failure: StorageFailure) -> Text {
    match failure {
        StorageFailure::Blocked => Text::StorageBlocked,
        StorageFailure::QuotaExceeded => Text::StorageFull,
        StorageFailure::Unreadable => Text::StorageUnreadable,
        StorageFailure::NewerVersion => Text::DatabaseNewer,
        StorageFailure::Conflict => Text::SaveConflict,
        StorageFailure::ClosedForUpgrade => Text::StorageClosedForUpgrade,
    }
}

/// Says what was not saved and why: `「计量便民服务日」未保存：浏览器存储空间已满…`.
pub fn not_saved(language: Language, what: &str, failure: StorageFailure) -> String {
    let reason = language.text(storage_failure_reason(failure));
    match language {
        Language::ZhCn => format!("「{what}」未保存。{reason}"),
        Language::En => format!("“{what}” was not saved. {reason}"),
    }
}

/// The storage notice: what was not saved (or read), and why.
pub fn failed_save_message(language: Language, failed: &FailedSave) -> String {
    let what = match &failed.what {
        SavedThing::Language => language.text(Text::InterfaceLanguage).to_owned(),
        SavedThing::DeviceSettings => language.text(Text::NavDevice).to_owned(),
        SavedThing::Draft => language.text(Text::EventDraftName).to_owned(),
        SavedThing::Event(title) => title.clone(),
        SavedThing::HeadCount => language.text(Text::HeadCountName).to_owned(),
        SavedThing::Purge => language.text(Text::PurgePersonalData).to_owned(),
        SavedThing::SignIn(name) => format!("{}：{name}", language.text(Text::SignInName)).replace(
            '：',
            if language == Language::En {
                ": "
            } else {
                "："
            },
        ),
        SavedThing::ExportJournal => language.text(Text::ExportJournalName).to_owned(),
        SavedThing::Photo => language.text(super::PhotoText::PhotoName).to_owned(),
        SavedThing::PhotoSetting => language.text(super::PhotoText::ShrinkSetting).to_owned(),
        SavedThing::CampaignPlan => language.text(super::PlanText::PlanThing).to_owned(),
        SavedThing::StoredRecords => {
            let reason = language.text(storage_failure_reason(failed.failure));
            return format!("{}{reason}", language.text(Text::StoredRecordsUnreadable));
        }
    };
    not_saved(language, &what, failed.failure)
}

/// An event's title as lists show it, with the language it is in: the planned activity's short
/// title, or an "other" event's own title (user data, taken as Chinese).
pub fn event_title(
    language: Language,
    campaign: &Campaign,
    record: &EventRecord,
) -> (String, Language) {
    match &record.activity {
        ActivityChoice::Planned { activity_id } => match campaign.activity(activity_id) {
            Some(activity) => {
                let (title, in_language) = super::localized(language, &activity.short_title);
                (title.to_owned(), in_language)
            }
            None => (activity_id.to_string(), Language::ZhCn),
        },
        ActivityChoice::Other { title } => (title.clone(), Language::ZhCn),
    }
}

/// When an event ran: `2021年9月15日 09:00–11:30`, `15 – 21 Sep 2021`.
pub fn event_when(language: Language, record: &EventRecord) -> String {
    let mut when = match record.end_date {
        Some(end) if end != record.start_date => format_period(
            language,
            Period {
                start: record.start_date,
                end,
            },
        ),
        _ => super::format_date(language, record.start_date),
    };
    let time = |t: Option<chrono::NaiveTime>| t.map(crate::domain::china_time::hour_minute);
    match (time(record.start_time), time(record.end_time)) {
        (Some(start), Some(end)) => when.push_str(&format!(" {start}–{end}")),
        (Some(start), None) => when.push_str(&format!(" {start}")),
        (None, Some(end)) => when.push_str(&format!(" –{end}")),
        (None, None) => {}
    }
    when
}

/// Records left unread: `newer` written by a newer app version, `unreadable` not readable at all.
/// Both stay in storage untouched.
pub fn records_skipped(language: Language, newer: usize, unreadable: usize) -> String {
    let mut parts = Vec::new();
    if newer > 0 {
        parts.push(match language {
            Language::ZhCn => format!("有 {newer} 条记录由更新版本的活动台账保存，此版本未加载"),
            Language::En => format!(
                "{newer} records were saved by a newer version of Field Ledger and were not loaded"
            ),
        });
    }
    if unreadable > 0 {
        parts.push(match language {
            Language::ZhCn => format!("有 {unreadable} 条记录无法读取"),
            Language::En => format!("{unreadable} records could not be read"),
        });
    }
    match language {
        Language::ZhCn => format!("{}；数据保持原样，未作修改。", parts.join("；")),
        Language::En => format!("{}; they are left untouched.", parts.join("; ")),
    }
}

/// An event's attendance: `40 人次` / `40 attendances`.
pub fn person_times_label(language: Language, count: u64) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!("{n} 人次"),
        (Language::En, 1) => "1 attendance".to_owned(),
        (Language::En, n) => format!("{n} attendances"),
    }
}

/// How an event's attendance is made up: `= 37 计数 + 3 签到` / `= 37 counted + 3 signed in`.
pub fn attendance_breakdown(language: Language, counted: u32, signed_in: usize) -> String {
    match language {
        Language::ZhCn => format!("= {counted} 计数 + {signed_in} 签到"),
        Language::En => format!("= {counted} counted + {signed_in} signed in"),
    }
}

/// After a purge: `已清除 12 人的个人信息` / `Personal data of 12 attendees purged`.
pub fn purged_message(language: Language, count: usize) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!("已清除 {n} 人的个人信息。"),
        (Language::En, 1) => "Personal data of 1 attendee purged.".to_owned(),
        (Language::En, n) => format!("Personal data of {n} attendees purged."),
    }
}

/// Storage used and left: `已用 12.3 MB，剩余 1.2 GB` / `12.3 MB used, 1.2 GB left`.
pub fn storage_used(
    language: Language,
    budget: crate::domain::storage_budget::StorageBudget,
) -> String {
    let size = |bytes: f64| {
        const MB: f64 = 1024.0 * 1024.0;
        if bytes >= 1024.0 * MB {
            format!("{:.1} GB", bytes / (1024.0 * MB))
        } else {
            format!("{:.1} MB", bytes / MB)
        }
    };
    match language {
        Language::ZhCn => format!(
            "已用 {}，剩余 {}",
            size(budget.usage),
            size(budget.available())
        ),
        Language::En => format!(
            "{} used, {} left",
            size(budget.usage),
            size(budget.available())
        ),
    }
}

/// What this tablet holds: `本机有 12 条活动记录、340 条签到` / `12 events and 340 sign-ins on this tablet`.
pub fn stored_counts(language: Language, events: usize, sign_ins: usize) -> String {
    match language {
        Language::ZhCn => format!("本机有 {events} 条活动记录、{sign_ins} 条签到"),
        Language::En => format!("{events} events and {sign_ins} sign-ins on this tablet"),
    }
}

/// A date range's text, for charts' and tables' captions: `9月15日–9月20日` / `15–20 Sep`.
pub fn day_label(language: Language, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match language {
        Language::ZhCn => format!("{}月{}日", day.month(), day.day()),
        Language::En => {
            let full = super::format_date(language, day);
            full.rsplit_once(' ')
                .map_or(full.clone(), |(day_month, _)| day_month.to_owned())
        }
    }
}

/// A chart's text alternative: `每日活动数量：9月15日 2，9月16日 1` / `Events per day: 15 Sep 2, …`.
pub fn chart_summary(language: Language, title: &str, bars: &[(String, u64)]) -> String {
    let items: Vec<String> = bars
        .iter()
        .map(|(label, value)| format!("{label} {value}"))
        .collect();
    match language {
        Language::ZhCn => format!("{title}：{}", items.join("，")),
        Language::En => format!("{title}: {}", items.join(", ")),
    }
}

/// How many events the list shows: `共 12 条` / `12 events`.
pub fn events_count(language: Language, count: usize) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!("共 {n} 条"),
        (Language::En, 1) => "1 event".to_owned(),
        (Language::En, n) => format!("{n} events"),
    }
}

/// The export page's status line: how many events have changes not yet exported, and when the
/// last export was (a China time).
pub fn export_status(
    language: Language,
    unexported: usize,
    last_export: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    use crate::domain::china_time::{china_clock, china_today};
    let when = last_export.map(|at| {
        let day = crate::i18n::format_date(language, china_today(at));
        format!("{day} {}", china_clock(at))
    });
    match (language, when, unexported) {
        (Language::ZhCn, None, 0) => "还没有可导出的活动记录。".to_owned(),
        (Language::ZhCn, None, n) => {
            format!("本平板还没有导出过本活动方案的记录，{n} 条活动记录待导出。")
        }
        (Language::ZhCn, Some(when), 0) => format!("所有更改均已导出（上次导出：{when}）。"),
        (Language::ZhCn, Some(when), n) => {
            format!("上次导出（{when}）之后，{n} 条活动记录有更改，尚未导出。")
        }
        (Language::En, None, 0) => "No events to export yet.".to_owned(),
        (Language::En, None, 1) => {
            "Nothing of this campaign exported from this tablet yet: 1 event to export.".to_owned()
        }
        (Language::En, None, n) => {
            format!("Nothing of this campaign exported from this tablet yet: {n} events to export.")
        }
        (Language::En, Some(when), 0) => format!("Every change is exported (last export: {when})."),
        (Language::En, Some(when), 1) => {
            format!("1 event has changed since the last export ({when}).")
        }
        (Language::En, Some(when), n) => {
            format!("{n} events have changed since the last export ({when}).")
        }
    }
}

/// The accessible name of the "not exported" badge (with sync on: neither exported nor synced).
pub fn unexported_label(language: Language, count: usize, syncing: bool) -> String {
    match (language, count, syncing) {
        (Language::ZhCn, n, false) => format!("{n} 条活动记录有未导出的更改"),
        (Language::ZhCn, n, true) => format!("{n} 条活动记录有既未导出也未上传的更改"),
        (Language::En, 1, false) => "1 event with changes not exported".to_owned(),
        (Language::En, n, false) => format!("{n} events with changes not exported"),
        (Language::En, 1, true) => "1 event with changes neither exported nor synced".to_owned(),
        (Language::En, n, true) => format!("{n} events with changes neither exported nor synced"),
    }
}

/// How an export file left the tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    /// Through the system share sheet.
    Shared,
    /// As a download.
    Downloaded,
}

/// Confirmation after an export: the file's name and where it went.
pub fn exported_message(language: Language, how: Delivered, file_name: &str) -> String {
    match (language, how) {
        (Language::ZhCn, Delivered::Shared) => format!("已分享「{file_name}」。"),
        (Language::ZhCn, Delivered::Downloaded) => {
            format!("已下载「{file_name}」，可在“下载”文件夹中找到。")
        }
        (Language::En, Delivered::Shared) => format!("Shared “{file_name}”."),
        (Language::En, Delivered::Downloaded) => {
            format!("Downloaded “{file_name}”: it is in the Downloads folder.")
        }
    }
}

/// An export that could not be made: the file and why.
pub fn export_failed(language: Language, file_name: &str, failure: StorageFailure) -> String {
    let reason = language.text(storage_failure_reason(failure));
    match language {
        Language::ZhCn => format!("「{file_name}」未能导出：读取记录失败。{reason}"),
        Language::En => {
            format!("“{file_name}” was not exported: the records could not be read. {reason}")
        }
    }
}

/// A warning that some stored records could not go into the file.
pub fn records_left_out(language: Language, count: usize) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!(
            "注意：有 {n} 条记录由更新版本的应用写入或无法读取，未包含在文件中；请更新应用后再导出。"
        ),
        (Language::En, 1) => "Note: 1 record was written by a newer app version or cannot be read, and is not in the file. Update the app and export again.".to_owned(),
        (Language::En, n) => format!("Note: {n} records were written by a newer app version or cannot be read, and are not in the file. Update the app and export again."),
    }
}
