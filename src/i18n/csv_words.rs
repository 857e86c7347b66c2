//! The words of the CSV exports — column headers and the few values the app writes itself — in
//! both languages side by side. Chinese is the default; English is offered for users who share
//! files with English readers.

use super::Language;
use crate::domain::exchange::csv_export::{
    CsvWords, EVENT_COLUMNS, ROSTER_COLUMNS, SUMMARY_COLUMNS,
};

/// Events file header, in column order.
const EVENT_HEADER: [(&str, &str); EVENT_COLUMNS] = [
    ("记录编号", "Record ID"),
    ("活动序号", "Activity no."),
    ("活动", "Activity"),
    ("组织单位", "Organising unit"),
    ("开始日期", "Start date"),
    ("结束日期", "End date"),
    ("开始时间", "Start time"),
    ("结束时间", "End time"),
    ("形式", "Format"),
    ("地点或平台", "Place or platform"),
    ("清点人数", "Heads counted"),
    ("签到人数", "Signed in"),
    ("参加活动人次", "Person-times"),
    ("宣传时长（分钟）", "Publicity (minutes)"),
    ("宣传报道数量", "Publicity reports"),
    ("发放资料（份）", "Materials handed out"),
    ("本活动统计项", "Activity's own figures"),
    ("总结方向", "Summary direction"),
    ("记录人", "Recorder"),
    ("备注", "Notes"),
    ("设备编号", "Device ID"),
    ("修订版本", "Revision"),
    ("最后修改（北京时间）", "Last changed (China time)"),
];

/// Roster file header, in column order.
const ROSTER_HEADER: [(&str, &str); ROSTER_COLUMNS] = [
    ("签到编号", "Sign-in ID"),
    ("记录编号", "Record ID"),
    ("活动序号", "Activity no."),
    ("活动", "Activity"),
    ("活动日期", "Event date"),
    ("组织单位", "Organising unit"),
    ("姓名", "Name"),
    ("联系电话", "Phone"),
    ("社区或单位", "Community or company"),
    ("签到时间（北京时间）", "Signed in (China time)"),
    ("个人信息已清除", "Personal data purged"),
];

/// Summary file header, in column order.
const SUMMARY_HEADER: [(&str, &str); SUMMARY_COLUMNS] = [
    ("分组", "Grouping"),
    ("序号或编号", "No. or ID"),
    ("名称", "Name"),
    ("活动数量", "Events"),
    ("参加活动人次", "Person-times"),
    ("宣传时长（分钟）", "Publicity (minutes)"),
    ("宣传报道数量", "Publicity reports"),
];

/// The report pack's `captions.csv` header.
const CAPTIONS_HEADER: [(&str, &str); 6] = [
    ("文件", "File"),
    ("单位", "Unit"),
    ("活动", "Activity"),
    ("照片说明", "Caption"),
    ("宽（像素）", "Width (px)"),
    ("高（像素）", "Height (px)"),
];

/// The report pack's `videos.csv` header.
const VIDEOS_HEADER: [(&str, &str); 6] = [
    ("单位", "Unit"),
    ("活动", "Activity"),
    ("活动日期", "Event date"),
    ("地点或平台", "Place or platform"),
    ("视频数量", "Videos"),
    ("视频文件名", "Video file names"),
];

/// The CSV words in `language`.
pub fn csv_words(language: Language) -> CsvWords {
    let pick = |(zh, en): (&'static str, &'static str)| match language {
        Language::ZhCn => zh,
        Language::En => en,
    };
    CsvWords {
        english: language == Language::En,
        event_header: EVENT_HEADER.map(pick),
        roster_header: ROSTER_HEADER.map(pick),
        summary_header: SUMMARY_HEADER.map(pick),
        offline: pick(("线下", "In person")),
        online: pick(("线上", "Online")),
        other_activity: pick(("其他活动", "Other events")),
        by_activity: pick(("按活动", "By activity")),
        by_unit: pick(("按单位", "By unit")),
        total: pick(("合计", "Total")),
        yes: pick(("是", "Yes")),
        colon: pick(("：", ": ")),
        list_separator: pick(("；", "; ")),
        before_unit: pick(("", " ")),
        captions_header: CAPTIONS_HEADER.map(pick),
        videos_header: VIDEOS_HEADER.map(pick),
    }
}

/// Every header and word in both languages, for the completeness test.
pub fn all_csv_words() -> Vec<(&'static str, &'static str)> {
    let zh = csv_words(Language::ZhCn);
    let en = csv_words(Language::En);
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    pairs.extend(zh.event_header.into_iter().zip(en.event_header));
    pairs.extend(zh.roster_header.into_iter().zip(en.roster_header));
    pairs.extend(zh.summary_header.into_iter().zip(en.summary_header));
    pairs.extend(zh.captions_header.into_iter().zip(en.captions_header));
    pairs.extend(zh.videos_header.into_iter().zip(en.videos_header));
    for (a, b) in [
        (zh.offline, en.offline),
        (zh.online, en.online),
        (zh.other_activity, en.other_activity),
        (zh.by_activity, en.by_activity),
        (zh.by_unit, en.by_unit),
        (zh.total, en.total),
        (zh.yes, en.yes),
    ] {
        pairs.push((a, b));
    }
    pairs
}
