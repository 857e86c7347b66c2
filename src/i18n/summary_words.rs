//! The words of the campaign summary (活动总结) as a Word document, in both languages side by
//! side: headings, table columns, the sentences around the figures, and the notes where the user
//! writes or a photo is missing. The Chinese follows the plan's own wording (活动数量, 参加活动人次,
//! 宣传时长, 宣传报道数量) and the numbering of government documents (一、 and （一）).

use super::{format_date, format_period, Language};
use crate::domain::figures::statistics::Figures;
use crate::domain::ids::DeviceId;
use crate::domain::summary::docx::{PhotoGap, SummaryWords};
use chrono::{Datelike, NaiveDateTime, Timelike};

const ZH_NUMBERS: [&str; 12] = [
    "一、",
    "二、",
    "三、",
    "四、",
    "五、",
    "六、",
    "七、",
    "八、",
    "九、",
    "十、",
    "十一、",
    "十二、",
];
const EN_NUMBERS: [&str; 12] = [
    "1. ", "2. ", "3. ", "4. ", "5. ", "6. ", "7. ", "8. ", "9. ", "10. ", "11. ", "12. ",
];

fn zh_figures(figures: &Figures) -> String {
    format!(
        "开展活动{}场，参加活动{}人次，宣传时长{}分钟，宣传报道{}篇",
        figures.events, figures.person_times, figures.publicity_minutes, figures.publicity_reports
    )
}

fn en_figures(figures: &Figures) -> String {
    format!(
        "{} events, {} person-times, {} minutes of publicity and {} publicity reports",
        figures.events, figures.person_times, figures.publicity_minutes, figures.publicity_reports
    )
}

fn short_id(id: &DeviceId) -> String {
    id.to_string().chars().take(8).collect()
}

/// The summary's words in Chinese.
fn chinese() -> SummaryWords {
    SummaryWords {
        summary: "活动总结",
        district: "全区",
        scope_line: |scope, period| format!("（{scope}\u{3000}{period}）"),
        period: |period| format_period(Language::ZhCn, period),
        date: |day| format_date(Language::ZhCn, day),
        short_date: |day| format!("{}月{}日", day.month(), day.day()),
        numbers: ZH_NUMBERS,
        sub_numbers: ["（一）", "（二）", "（三）"],
        overview: "总体情况",
        totals_sentence: |scope, period, figures| {
            format!("{period}，{scope}共{}。", zh_figures(figures))
        },
        direction_sentence: |figures| format!("本方向共{}。", zh_figures(figures)),
        by_activity: "各项活动开展情况",
        by_unit: "各单位开展情况",
        direction_events: "活动开展情况",
        direction_narrative: "主要做法和成效",
        narrative_prompt: "【请在此处填写本方向的主要做法、取得的成效和典型经验。】",
        empty_direction: "本方向暂无活动记录。",
        figure_columns: [
            "活动数量（场）",
            "参加活动人次",
            "宣传时长（分钟）",
            "宣传报道数量（篇）",
        ],
        number_column: "序号",
        activity_column: "活动",
        unit_column: "单位",
        date_column: "日期",
        place_column: "地点或平台",
        total: "合计",
        other_activities: "其他活动",
        colon: "：",
        photos: "活动照片",
        no_photos: "本次未选送照片。",
        photo_label: |n| format!("图{n}"),
        photo_gap: |file, gap| match gap {
            PhotoGap::Missing => {
                format!(
                    "【此处缺少照片 {file}：本设备上已没有这张照片的图像，请重新添加后再导出。】"
                )
            }
            PhotoGap::Damaged => {
                format!("【此处缺少照片 {file}：本设备上存储的图像已损坏，请重新添加后再导出。】")
            }
        },
        videos: "活动视频",
        no_videos: "本次未记录视频。",
        video_line: |date, activity, count, files| {
            if files.is_empty() {
                format!("{date}\u{3000}{activity}：视频{count}段（未记录文件名）。")
            } else {
                format!("{date}\u{3000}{activity}：视频{count}段，{files}。")
            }
        },
        list_separator: "、",
        unnamed_device: |id| format!("设备{}", short_id(id)),
        sources: |events, devices, time, version| {
            format!(
                "本文数据来自{events}条活动记录（记录设备：{devices}），由活动台账 {version} 于{time}（北京时间）生成；正式报送前请核对。"
            )
        },
        time: |time: NaiveDateTime| {
            format!(
                "{} {:02}:{:02}",
                format_date(Language::ZhCn, time.date()),
                time.hour(),
                time.minute()
            )
        },
        app_name: "活动台账",
    }
}

/// The summary's words in English.
fn english() -> SummaryWords {
    SummaryWords {
        summary: " activity summary",
        district: "District",
        scope_line: |scope, period| format!("({scope}, {period})"),
        period: |period| format_period(Language::En, period),
        date: |day| format_date(Language::En, day),
        // "15 Sep 2021" without its year (chrono's strftime would add about 10 KB of wasm).
        short_date: |day| {
            let date = format_date(Language::En, day);
            date.rsplit_once(' ').map_or(date.clone(), |(day_month, _)| day_month.to_owned())
        },
        numbers: EN_NUMBERS,
        sub_numbers: ["(a) ", "(b) ", "(c) "],
        overview: "Overview",
        totals_sentence: |scope, period, figures| {
            format!("{period}: {scope} held {}.", en_figures(figures))
        },
        direction_sentence: |figures| format!("Under this direction: {}.", en_figures(figures)),
        by_activity: "By planned activity",
        by_unit: "By unit",
        direction_events: "Events",
        direction_narrative: "What was done and achieved",
        narrative_prompt: "[Write here what was done under this direction, what it achieved and what worked well.]",
        empty_direction: "No events were recorded under this direction.",
        figure_columns: [
            "Events",
            "Person-times",
            "Publicity (minutes)",
            "Publicity reports",
        ],
        number_column: "No.",
        activity_column: "Activity",
        unit_column: "Unit",
        date_column: "Date",
        place_column: "Place or platform",
        total: "Total",
        other_activities: "Other events",
        colon: ": ",
        photos: "Photos",
        no_photos: "No photos were selected.",
        photo_label: |n| format!("Figure {n}"),
        photo_gap: |file, gap| match gap {
            PhotoGap::Missing => format!(
                "[Photo {file} missing here: its image is no longer on this device. Attach it again and export again.]"
            ),
            PhotoGap::Damaged => format!(
                "[Photo {file} missing here: the image stored on this device is damaged. Attach it again and export again.]"
            ),
        },
        videos: "Videos",
        no_videos: "No videos were recorded.",
        video_line: |date, activity, count, files| {
            let videos = if count == 1 { "video" } else { "videos" };
            if files.is_empty() {
                format!("{date}, {activity}: {count} {videos} (file names not recorded).")
            } else {
                format!("{date}, {activity}: {count} {videos}, {files}.")
            }
        },
        list_separator: ", ",
        unnamed_device: |id| format!("device {}", short_id(id)),
        sources: |events, devices, time, version| {
            format!(
                "The figures come from {events} event records (devices: {devices}). Made by Field Ledger {version} on {time} (China time); check them before sending."
            )
        },
        time: |time: NaiveDateTime| {
            format!(
                "{} {:02}:{:02}",
                format_date(Language::En, time.date()),
                time.hour(),
                time.minute()
            )
        },
        app_name: "Field Ledger",
    }
}

/// The summary's words in `language`.
pub fn summary_words(language: Language) -> SummaryWords {
    match language {
        Language::ZhCn => chinese(),
        Language::En => english(),
    }
}
