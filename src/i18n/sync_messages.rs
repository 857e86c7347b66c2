//! Live sync's messages with values in them: the last success, what waits, why a round failed, a
//! record the server refused.

use super::{format_date, Language, Text};
use crate::domain::china_time::china_offset;
use crate::domain::storage_failure::StorageFailure;
use chrono::{DateTime, Timelike, Utc};

/// `上次同步：2021年9月15日 10:05` / `Last synced: 15 Sep 2021 10:05`, or that it never was.
pub fn sync_last(language: Language, at: Option<DateTime<Utc>>) -> String {
    let Some(at) = at else {
        return match language {
            Language::ZhCn => "尚未同步".to_owned(),
            Language::En => "Not synced yet".to_owned(),
        };
    };
    let local = at.with_timezone(&china_offset());
    let time = format!(
        "{} {:02}:{:02}",
        format_date(language, local.date_naive()),
        local.hour(),
        local.minute()
    );
    match language {
        Language::ZhCn => format!("上次同步：{time}（北京时间）"),
        Language::En => format!("Last synced: {time} (China time)"),
    }
}

/// `待上传 3 条记录` / `3 records waiting to go up`.
pub fn sync_pending(language: Language, count: usize) -> String {
    match (language, count) {
        (Language::ZhCn, n) => format!("待上传 {n} 条记录"),
        (Language::En, 1) => "1 record waiting to go up".to_owned(),
        (Language::En, n) => format!("{n} records waiting to go up"),
    }
}

/// Plan titles in the interface's language, quoted and listed: `「甲」、「乙」` / `“A”, “B”`.
fn quoted_titles(
    language: Language,
    titles: &[crate::domain::plan::campaign::LocalizedText],
) -> String {
    let quoted = titles.iter().map(|title| {
        let text = super::localized(language, title).0;
        match language {
            Language::ZhCn => format!("「{text}」"),
            Language::En => format!("“{text}”"),
        }
    });
    let separator = match language {
        Language::ZhCn => "、",
        Language::En => ", ",
    };
    quoted.collect::<Vec<_>>().join(separator)
}

/// `已收到质量科发布的活动方案：「…」。` and, when the plan in use is among them, that the new
/// version applies when the app is next opened.
pub fn sync_plans_received(
    language: Language,
    titles: &[crate::domain::plan::campaign::LocalizedText],
    active_changed: bool,
) -> String {
    let names = quoted_titles(language, titles);
    match language {
        Language::ZhCn => {
            let mut text = format!("已收到质量科发布的活动方案：{names}。");
            if active_changed {
                text.push_str("正在使用的方案有新版本，重新打开应用后生效。");
            }
            text
        }
        Language::En => {
            let mut text = format!("Plans published by the Quality Section received: {names}.");
            if active_changed {
                text.push_str(
                    " The plan in use has a new version: it applies when the app is next opened.",
                );
            }
            text
        }
    }
}

/// `「…」在本机改过，未用质量科发布的版本替换。…`: plans kept because they were changed here.
pub fn sync_plans_kept(
    language: Language,
    titles: &[crate::domain::plan::campaign::LocalizedText],
) -> String {
    let names = quoted_titles(language, titles);
    match language {
        Language::ZhCn => format!(
            "{names}在本机改过，未用质量科发布的版本替换；如需采用发布的版本，请在「活动方案」页导入质量科的方案文件。"
        ),
        Language::En => format!(
            "{names} changed on this tablet: not replaced by the version the Quality Section published. To use that version, import the Quality Section's plan file on the Campaigns page."
        ),
    }
}

/// Why the last round failed, in words.
pub fn sync_problem(
    language: Language,
    problem: &crate::domain::sync::status::SyncProblem,
) -> String {
    use crate::domain::sync::status::SyncProblem;
    match problem {
        SyncProblem::Unreachable => language.text(Text::SyncProblemUnreachable).to_owned(),
        SyncProblem::WrongPassword => language.text(Text::SyncProblemWrongPassword).to_owned(),
        SyncProblem::NoPassword => language.text(Text::SyncProblemNoPassword).to_owned(),
        SyncProblem::Storage(failure) => storage_problem(language, *failure),
        SyncProblem::Server(status, reason) => match language {
            Language::ZhCn => format!("服务器返回错误（{status}）：{reason}"),
            Language::En => format!("The server answered with an error ({status}): {reason}"),
        },
    }
}

fn storage_problem(language: Language, failure: StorageFailure) -> String {
    let reason = language.text(super::messages::storage_failure_reason(failure));
    match language {
        Language::ZhCn => format!("同步已暂停：本机存储出错。{reason}"),
        Language::En => format!("Sync has paused: this tablet's storage failed. {reason}"),
    }
}

/// One record the server refused: what it is (in the interface's language), and the reason with
/// the language it is in (the server's own words are English; the app's, the interface's).
pub fn sync_refused(
    language: Language,
    doc_id: &str,
    reason: &str,
) -> (String, (String, &'static str)) {
    let kind = doc_id.split(':').next().unwrap_or_default();
    let what = match (language, kind) {
        (Language::ZhCn, "event") => "活动记录",
        (Language::ZhCn, "roster") => "签到记录",
        (Language::ZhCn, "photo") => "照片记录",
        (Language::ZhCn, _) => "记录",
        (Language::En, "event") => "Event",
        (Language::En, "roster") => "Sign-in",
        (Language::En, "photo") => "Photo",
        (Language::En, _) => "Record",
    };
    let id = doc_id.split(':').next_back().unwrap_or(doc_id);
    // No reason: the whole request was refused (this account is no member of that database).
    let reason = match (reason.trim(), language) {
        ("", Language::ZhCn) => (
            "本机账号无权写入该记录所属单位的服务器数据库".to_owned(),
            "zh-CN",
        ),
        ("", Language::En) => (
            "this tablet's account may not write the database of the unit the record belongs to"
                .to_owned(),
            "en",
        ),
        (reason, _) => (reason.to_owned(), "en"),
    };
    let what = match language {
        Language::ZhCn => format!("{what} {id}：服务器拒收——"),
        Language::En => format!("{what} {id}: refused by the server — "),
    };
    (what, reason)
}
