//! Sentences of the photos page: why a photo misses the report rule, its size, the caption counter.

use super::Language;
use crate::domain::records::photo::{PhotoProblem, REPORT_MIN_LONG_SIDE, REPORT_MIN_SHORT_SIDE};

/// Why a photo cannot go into the report: `不是 JPG 格式` / `800×600, smaller than 1024×768`.
pub fn photo_problem(language: Language, problem: &PhotoProblem) -> String {
    let (long, short) = (REPORT_MIN_LONG_SIDE, REPORT_MIN_SHORT_SIDE);
    match (language, problem) {
        (Language::ZhCn, PhotoProblem::NotJpeg) => "不是 JPG 格式，上报照片须为 JPG".to_owned(),
        (Language::En, PhotoProblem::NotJpeg) => "not a JPG; report photos must be JPG".to_owned(),
        (Language::ZhCn, PhotoProblem::TooSmall { width, height }) => {
            format!("尺寸 {width}×{height}，小于 {long}×{short} 像素")
        }
        (Language::En, PhotoProblem::TooSmall { width, height }) => {
            format!("{width}×{height}, smaller than {long}×{short} pixels")
        }
    }
}

/// Every reason a photo misses the report rule, in one sentence.
pub fn photo_problems(language: Language, problems: &[PhotoProblem]) -> String {
    let separator = if language == Language::ZhCn {
        "；"
    } else {
        "; "
    };
    let reasons: Vec<String> = problems
        .iter()
        .map(|p| photo_problem(language, p))
        .collect();
    reasons.join(separator)
}

/// A photo's size: `1280×960 · 245 KB`.
pub fn photo_size(width: u32, height: u32, bytes: u64) -> String {
    let size = if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    };
    format!("{width}×{height} · {size}")
}

/// The live caption counter: `12/50`.
pub fn caption_counter(used: usize, max: usize) -> String {
    format!("{used}/{max}")
}

/// A chosen file the browser cannot show as an image.
pub fn not_an_image(language: Language, name: &str) -> String {
    match language {
        Language::ZhCn => format!("「{name}」不是可识别的图片，未添加。"),
        Language::En => format!("“{name}” is not an image this browser can read; not added."),
    }
}

/// Where the event's unit stands with its 1–2 report photos.
pub fn unit_selection(
    language: Language,
    unit: &str,
    status: crate::domain::records::photo::UnitSelection,
) -> String {
    use crate::domain::records::photo::UnitSelection;
    match (language, status) {
        (Language::ZhCn, UnitSelection::NoneYet) => {
            format!("{unit}还没有选送照片：请选送 1–2 张符合要求的照片。")
        }
        (Language::ZhCn, UnitSelection::Enough(n)) => format!("{unit}已选送 {n} 张照片。"),
        (Language::ZhCn, UnitSelection::TooMany(n)) => {
            format!("{unit}已选送 {n} 张，多于 2 张：请只保留 1–2 张。")
        }
        (Language::En, UnitSelection::NoneYet) => {
            format!("{unit} has selected no photo yet: select 1–2 that meet the rule.")
        }
        (Language::En, UnitSelection::Enough(1)) => format!("{unit} has selected 1 photo."),
        (Language::En, UnitSelection::Enough(n)) => format!("{unit} has selected {n} photos."),
        (Language::En, UnitSelection::TooMany(n)) => {
            format!("{unit} has selected {n} photos, more than 2: keep only 1–2.")
        }
    }
}

/// One choice of the shrink setting: `2560 像素（默认）` / `2560 px (default)`.
pub fn long_side_choice(language: Language, pixels: u32, default: bool) -> String {
    match (language, default) {
        (Language::ZhCn, true) => format!("{pixels} 像素（默认）"),
        (Language::ZhCn, false) => format!("{pixels} 像素"),
        (Language::En, true) => format!("{pixels} px (default)"),
        (Language::En, false) => format!("{pixels} px"),
    }
}

/// The photos stored on the device: `照片 3 张，共 2.4 MB`.
pub fn stored_photos(language: Language, count: usize, bytes: u64) -> String {
    let size = format!("{:.1} MB", bytes as f64 / 1_048_576.0);
    match (language, count) {
        (Language::ZhCn, n) => format!("照片 {n} 张，共 {size}"),
        (Language::En, 1) => format!("1 photo, {size}"),
        (Language::En, n) => format!("{n} photos, {size}"),
    }
}

/// What a pack holds: `含照片 3 张。` and, if some images were gone, how many were left out.
pub fn pack_photos(language: Language, photos: usize, missing: usize) -> String {
    let mut text = match language {
        Language::ZhCn => format!("含照片 {photos} 张。"),
        Language::En if photos == 1 => " It holds 1 photo.".to_owned(),
        Language::En => format!(" It holds {photos} photos."),
    };
    let left_out = match (language, missing) {
        (_, 0) => String::new(),
        (Language::ZhCn, n) => format!("另有 {n} 张照片的图像无法读取或已不在本设备上，未能打包。"),
        (Language::En, 1) => {
            " 1 photo could not go in: its image is unreadable or no longer on this device."
                .to_owned()
        }
        (Language::En, n) => format!(
            " {n} photos could not go in: their images are unreadable or no longer on this device."
        ),
    };
    text.push_str(&left_out);
    text
}

/// What the Word summary holds: `含照片 2 张。` and, where a selected photo could not go in, that
/// the document marks the gap.
pub fn summary_photos(language: Language, photos: usize, gaps: usize) -> String {
    let mut text = match language {
        Language::ZhCn => format!("含照片 {photos} 张。"),
        Language::En if photos == 1 => " It holds 1 photo.".to_owned(),
        Language::En => format!(" It holds {photos} photos."),
    };
    let gaps = match (language, gaps) {
        (_, 0) => String::new(),
        (Language::ZhCn, n) => format!(
            "有 {n} 张选送照片的图像已损坏或不在本设备上，文档中在其位置留有说明，请重新添加照片后再导出。"
        ),
        (Language::En, 1) => " 1 selected photo's image is damaged or no longer on this device: the document marks its place. Attach it again and export again.".to_owned(),
        (Language::En, n) => format!(
            " {n} selected photos' images are damaged or no longer on this device: the document marks their places. Attach them again and export again."
        ),
    };
    text.push_str(&gaps);
    text
}

/// The own unit in the summary's scope choice: `本机单位：食品科`.
pub fn summary_scope_own(language: Language, unit: &str) -> String {
    match language {
        Language::ZhCn => format!("本机单位：{unit}"),
        Language::En => format!("This tablet's unit: {unit}"),
    }
}

/// A pack too large for a plain ZIP (over 4 GB, or 65,535 files); for the backup pack, the
/// report pack (selected photos only) is suggested.
pub fn pack_too_large(language: Language, file_name: &str, backup: bool) -> String {
    let mut text = match language {
        Language::ZhCn => format!("「{file_name}」超过 4 GB 或 65,535 个文件，无法打包。"),
        Language::En => {
            format!("“{file_name}” would hold over 4 GB or 65,535 files: it cannot be packed.")
        }
    };
    if backup {
        text.push_str(match language {
            Language::ZhCn => "请改为导出报送包（只含选送照片）。",
            Language::En => " Export the report pack (selected photos only) instead.",
        });
    }
    text
}

/// Asked before an event with photos is deleted.
pub fn event_photos_question(language: Language, photos: usize) -> String {
    match language {
        Language::ZhCn => format!("这条活动有 {photos} 张照片。照片也要删除吗？"),
        Language::En if photos == 1 => "This event has a photo. Delete it too?".to_owned(),
        Language::En => format!("This event has {photos} photos. Delete them too?"),
    }
}

/// The button that deletes an event with its photos.
pub fn delete_with_photos(language: Language, photos: usize) -> String {
    match language {
        Language::ZhCn => format!("删除活动及 {photos} 张照片（照片不可恢复）"),
        Language::En if photos == 1 => {
            "Delete the event and its photo (the photo cannot be restored)".to_owned()
        }
        Language::En => {
            format!("Delete the event and its {photos} photos (they cannot be restored)")
        }
    }
}
