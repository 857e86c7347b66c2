//! Sentences of the import pages: why a file is refused (always naming it), progress, outcomes.

use super::{Language, Text};
use crate::domain::exchange::export::{ExportReadError, RecordKind};
use crate::domain::exchange::report_pack::{PackProblem, MAX_PACK_BYTES};
use crate::domain::incoming::import::Reverted;
use crate::domain::incoming::import::{FileProblem, MAX_IMPORT_BYTES};
use crate::domain::records::merge::Tally;
use crate::domain::records::photo::CAPTION_MAX_CHARS;
use crate::domain::records::schema::MigrationError;
use crate::domain::storage_failure::StorageFailure;
use crate::domain::validation::{Field, FieldError};

fn record_noun(language: Language, kind: RecordKind) -> &'static str {
    match (language, kind) {
        (Language::ZhCn, RecordKind::Event) => "活动记录",
        (Language::ZhCn, RecordKind::RosterEntry) => "签到记录",
        (Language::En, RecordKind::Event) => "event",
        (Language::En, RecordKind::RosterEntry) => "sign-in",
    }
}

fn field_name(language: Language, field: &Field) -> String {
    let text = match field {
        Field::Activity => Text::FieldActivity,
        Field::OtherTitle => Text::FieldOtherTitle,
        Field::OrganisingUnit => Text::FieldUnit,
        Field::StartDate => Text::FieldStartDate,
        Field::EndDate => Text::FieldEndDate,
        Field::StartTime => Text::FieldStartTime,
        Field::EndTime => Text::FieldEndTime,
        Field::Place => Text::FieldPlace,
        Field::Platform => Text::FieldPlatform,
        Field::Recorder => Text::FieldRecorder,
        Field::HeadCount => Text::FieldHeadCount,
        Field::PublicityMinutes => Text::FieldPublicityMinutes,
        Field::PublicityReports => Text::FieldPublicityReports,
        Field::MaterialsHandedOut => Text::FieldMaterials,
        Field::VideoCount => Text::FieldVideoCount,
        Field::VideoFiles => Text::FieldVideoFiles,
        Field::Notes => Text::FieldNotes,
        Field::AttendeeName => Text::AttendeeName,
        // The rest are named by their key, which is what a person fixing the file would search.
        other => return other.key(),
    };
    language.text(text).to_owned()
}

/// Why the file `name` cannot be imported, naming it first: `「name」：reason`.
pub fn file_problem_message(language: Language, name: &str, problem: &FileProblem) -> String {
    let (open, close) = file_name_quotes(language);
    format!(
        "{open}{name}{close}{}",
        file_problem_reason(language, problem)
    )
}

/// The marks around a file name that starts a sentence: `「` `」：` or `“` `”: `.
pub fn file_name_quotes(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::ZhCn => ("「", "」："),
        Language::En => ("“", "”: "),
    }
}

/// Why a file cannot be imported, to follow its name.
pub fn file_problem_reason(language: Language, problem: &FileProblem) -> String {
    let zh = language == Language::ZhCn;
    let why = match problem {
        FileProblem::TooLarge { bytes } => {
            let (size, limit) = (bytes / 1_048_576, MAX_IMPORT_BYTES / 1_048_576);
            if zh {
                format!("文件过大（{size} MB，上限 {limit} MB），不是活动台账的导出文件。")
            } else {
                format!("too large ({size} MB; the limit is {limit} MB): not a Field Ledger export.")
            }
        }
        FileProblem::Empty if zh => "文件是空的。".to_owned(),
        FileProblem::Empty => "the file is empty.".to_owned(),
        FileProblem::NotJson if zh => {
            "不是 JSON 文件或报送包（可能是图片、表格或已损坏的文件）。请选择活动台账导出的 JSON 文件或报送包（ZIP）。".to_owned()
        }
        FileProblem::NotJson => {
            "not a JSON file or report pack (perhaps a photo, a spreadsheet or a damaged file). Choose a JSON file or report pack (ZIP) exported by Field Ledger.".to_owned()
        }
        FileProblem::Unreadable(error) => read_error(language, error),
        FileProblem::OtherCampaign { title } => {
            if zh {
                format!("属于活动“{}”，本设备没有这个活动，未导入。", title.zh)
            } else {
                let title = title.en.as_deref().unwrap_or(&title.zh);
                format!("belongs to the campaign “{title}”, which this device does not have; not imported.")
            }
        }
        FileProblem::InvalidRecord {
            kind,
            position,
            errors,
        } => {
            let noun = record_noun(language, *kind);
            let fields = field_list(language, errors);
            if zh {
                format!("第 {position} 条{noun}有误（{fields}），文件可能被改动过。")
            } else {
                format!("{noun} {position} is invalid ({fields}); the file may have been edited.")
            }
        }
        FileProblem::OrphanSignIn { position } if zh => {
            format!("第 {position} 条签到记录所属的活动不在文件中，文件不完整。")
        }
        FileProblem::OrphanSignIn { position } => {
            format!("sign-in {position} belongs to an event the file does not carry; the file is incomplete.")
        }
        FileProblem::Pack(problem) => pack_problem_reason(language, problem),
        FileProblem::PlanDiffers if zh => "文件中的活动方案与本机的不同（对方方案有新增或修改的活动、单位或统计项），文件里的记录用到了本机方案没有的内容。请先请对方导出方案文件并在“活动方案”中导入，再导入此文件。".to_owned(),
        FileProblem::PlanDiffers => "the campaign plan in the file differs from this device's (activities, units or figures were added or changed there), and its records use what this device's plan lacks. Import the sender's plan file under Campaigns first, then this file.".to_owned(),
        FileProblem::BadPlan(problem) if zh => {
            format!("文件中的活动方案有误：{}", super::plan_problem(language, problem))
        }
        FileProblem::BadPlan(problem) => format!(
            "the campaign plan in the file is invalid: {}",
            super::plan_problem(language, problem)
        ),
    };
    why
}

fn field_list(language: Language, errors: &[FieldError]) -> String {
    let names: Vec<String> = errors
        .iter()
        .map(|error| field_name(language, &error.field))
        .collect();
    names.join(if language == Language::ZhCn {
        "、"
    } else {
        ", "
    })
}

fn read_error(language: Language, error: &ExportReadError) -> String {
    let zh = language == Language::ZhCn;
    match error {
        ExportReadError::Syntax {
            truncated: true, ..
        } => {
            if zh {
                "文件不完整，可能没有传完。请对方重新发送。".to_owned()
            } else {
                "the file is cut short; it may not have been sent in full. Ask for it again."
                    .to_owned()
            }
        }
        ExportReadError::Syntax { line, column, .. } => {
            if zh {
                format!("JSON 格式错误（第 {line} 行第 {column} 列），文件已损坏或被改动。")
            } else {
                format!("broken JSON (line {line}, column {column}); the file is damaged or was edited.")
            }
        }
        ExportReadError::NotAnExport if zh => "是 JSON 文件，但不是活动台账的导出文件。".to_owned(),
        ExportReadError::NotAnExport => "JSON, but not a Field Ledger export.".to_owned(),
        ExportReadError::NewerFormat(version) => {
            if zh {
                format!("由更新版本的活动台账导出（格式版本 {version}），请先更新本应用再导入。")
            } else {
                format!("exported by a newer Field Ledger (format version {version}); update this app, then import it.")
            }
        }
        ExportReadError::Campaign(_) if zh => "文件中的活动方案无效。".to_owned(),
        ExportReadError::Campaign(_) => "the campaign plan inside is not valid.".to_owned(),
        ExportReadError::Record {
            kind,
            position,
            problem,
        } => {
            let noun = record_noun(language, *kind);
            match (problem, zh) {
                (MigrationError::NewerVersion(_), true) => {
                    format!("第 {position} 条{noun}由更新版本的应用写入，请先更新本应用再导入。")
                }
                (MigrationError::NewerVersion(_), false) => {
                    format!("{noun} {position} was written by a newer app version; update this app, then import it.")
                }
                (_, true) => format!("第 {position} 条{noun}格式错误，无法读取。"),
                (_, false) => format!("{noun} {position} cannot be read: wrong layout."),
            }
        }
    }
}

/// Progress while files are read: `正在读取第 2/10 个文件：…`.
pub fn reading_progress(language: Language, done: usize, total: usize, name: &str) -> String {
    match language {
        Language::ZhCn => format!("正在读取第 {done}/{total} 个文件：{name}"),
        Language::En => format!("Reading file {done} of {total}: {name}"),
    }
}

/// What a confirmed import did.
pub fn import_done(language: Language, files: usize, events: Tally, roster: Tally) -> String {
    let roster_changed = roster.new + roster.updated + roster.deleted;
    let events_changed = events.new + events.updated + events.deleted;
    if files == 0 && events_changed + roster_changed == 0 {
        return match language {
            Language::ZhCn => "所选文件都已接收过，数据没有变化。".to_owned(),
            Language::En => "Every chosen file was received before; nothing changed.".to_owned(),
        };
    }
    let conflicts = events.conflicting + roster.conflicting;
    match language {
        Language::ZhCn => {
            let mut text = format!(
                "已导入 {files} 个文件：活动记录新增 {} 条、更新 {} 条、删除 {} 条；签到记录变动 {roster_changed} 条。",
                events.new, events.updated, events.deleted
            );
            if conflicts > 0 {
                text.push_str(&format!("有 {conflicts} 条记录存在冲突，请在下方核对。"));
            }
            text
        }
        Language::En => {
            let mut text = format!(
                "Imported {files} file(s): {} new, {} updated and {} deleted events; {roster_changed} sign-ins changed.",
                events.new, events.updated, events.deleted
            );
            if conflicts > 0 {
                text.push_str(&format!(
                    " {conflicts} record(s) are in conflict: review them below."
                ));
            }
            text
        }
    }
}

/// What an undo or a removal did.
pub fn reverted_message(language: Language, reverted: Reverted) -> String {
    let Reverted { restored, kept } = reverted;
    match language {
        Language::ZhCn if kept == 0 => format!("已撤销：{restored} 条记录恢复为导入前的状态。"),
        Language::ZhCn => format!(
            "已撤销：{restored} 条记录恢复为导入前的状态；{kept} 条记录此后已被修改，保持不变。"
        ),
        Language::En if kept == 0 => {
            format!("Undone: {restored} records are back as they were before the import.")
        }
        Language::En => format!(
            "Undone: {restored} records are back as they were before the import; {kept} changed since and were left as they are."
        ),
    }
}

/// An import step that storage refused: nothing of it was stored.
pub fn import_failed(language: Language, failure: StorageFailure) -> String {
    let reason = language.text(super::messages::storage_failure_reason(failure));
    match language {
        Language::ZhCn => format!("未保存，数据没有任何改动。{reason}"),
        Language::En => format!("Not stored; nothing was changed. {reason}"),
    }
}

fn pack_problem_reason(language: Language, problem: &PackProblem) -> String {
    let zh = language == Language::ZhCn;
    match problem {
        PackProblem::Damaged if zh => "ZIP 文件已损坏或不完整，或被解压后重新压缩过。请导入平板导出的原始报送包。".to_owned(),
        PackProblem::Damaged => "the ZIP file is damaged or incomplete, or was unpacked and zipped again. Import the pack as the tablet exported it.".to_owned(),
        PackProblem::NotAPack if zh => "是 ZIP 文件，但不是活动台账的报送包（缺少 pack.json 或其中的报告文件）。".to_owned(),
        PackProblem::NotAPack => "a ZIP file, but not a Field Ledger report pack (pack.json or its report file is missing).".to_owned(),
        PackProblem::NewerFormat if zh => "报送包由更新版本的活动台账生成，请先更新本应用。".to_owned(),
        PackProblem::NewerFormat => "the pack was made by a newer version of Field Ledger; update this app first.".to_owned(),
        PackProblem::BadManifest if zh => "报送包中的 pack.json 无法读取，文件可能被改动过。".to_owned(),
        PackProblem::BadManifest => "the pack's pack.json cannot be read; the file may have been edited.".to_owned(),
        PackProblem::PhotoDamaged { file } if zh => format!("报送包中的照片「{file}」缺失或已损坏。"),
        PackProblem::PhotoDamaged { file } => format!("the photo “{file}” in the pack is missing or damaged."),
        PackProblem::PhotoInvalid { file } if zh => format!("报送包中照片「{file}」的记录有误（所属活动不在包中、重复列出，或说明超过 {CAPTION_MAX_CHARS} 个字）。"),
        PackProblem::PhotoInvalid { file } => format!("the record of the photo “{file}” in the pack is invalid (its event is not in the pack, it is listed twice, or its caption is over {CAPTION_MAX_CHARS} characters)."),
        PackProblem::TooLarge { bytes } if zh => format!("报送包过大（{} MB，上限 {} MB）。", bytes / 1_048_576, MAX_PACK_BYTES / 1_048_576),
        PackProblem::TooLarge { bytes } => format!("the pack is too large ({} MB; the limit is {} MB).", bytes / 1_048_576, MAX_PACK_BYTES / 1_048_576),
    }
}
