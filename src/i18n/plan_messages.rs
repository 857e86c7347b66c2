//! Sentences of the plan editor and of plan files: what is wrong with a plan, naming the field,
//! the activity (by its number) or the ID.

use super::Language;
use crate::domain::planning::plan_edit::{IdKind, PlanProblem};

fn list_name(language: Language, kind: IdKind) -> &'static str {
    match (language, kind) {
        (Language::ZhCn, IdKind::Unit) => "单位",
        (Language::ZhCn, IdKind::Direction) => "总结方向",
        (Language::ZhCn, IdKind::Activity) => "活动",
        (Language::ZhCn, IdKind::Counter) => "统计项",
        (Language::En, IdKind::Unit) => "unit",
        (Language::En, IdKind::Direction) => "summary direction",
        (Language::En, IdKind::Activity) => "activity",
        (Language::En, IdKind::Counter) => "figure",
    }
}

/// What is wrong with a plan, in a sentence.
pub fn plan_problem(language: Language, problem: &PlanProblem) -> String {
    let zh = language == Language::ZhCn;
    match problem {
        PlanProblem::EmptyTitle if zh => "请填写活动方案标题。".to_owned(),
        PlanProblem::EmptyTitle => "The plan needs a title.".to_owned(),
        PlanProblem::PeriodReversed if zh => "活动结束日期不能早于开始日期。".to_owned(),
        PlanProblem::PeriodReversed => "The campaign cannot end before it starts.".to_owned(),
        PlanProblem::DeadlineBeforePeriodEnds if zh => {
            "总结报送截止日期不能早于活动结束日期。".to_owned()
        }
        PlanProblem::DeadlineBeforePeriodEnds => {
            "The report deadline cannot fall before the campaign ends.".to_owned()
        }
        PlanProblem::NoUnits if zh => "活动方案至少要有一个参加单位。".to_owned(),
        PlanProblem::NoUnits => "The plan needs at least one unit.".to_owned(),
        PlanProblem::EmptyUnitName { position } if zh => format!("第 {position} 个单位缺少名称。"),
        PlanProblem::EmptyUnitName { position } => format!("Unit {position} needs a name."),
        PlanProblem::EmptyDirectionName { position } if zh => {
            format!("第 {position} 个总结方向缺少名称。")
        }
        PlanProblem::EmptyDirectionName { position } => {
            format!("Summary direction {position} needs a name.")
        }
        PlanProblem::EmptyCounter { activity } if zh => {
            format!("第 {activity} 项活动的统计项缺少名称或计量单位。")
        }
        PlanProblem::EmptyCounter { activity } => format!(
            "One of activity {activity}'s own figures needs a name and a measure word."
        ),
        PlanProblem::DuplicateId { kind, id } if zh => {
            format!("有两个{}的编号都是“{id}”，编号不能重复。", list_name(language, *kind))
        }
        PlanProblem::DuplicateId { kind, id } => {
            format!("Two {}s share the ID “{id}”: IDs must be unique.", list_name(language, *kind))
        }
        PlanProblem::EmptyActivityTitle { activity } if zh => {
            format!("第 {activity} 项活动缺少名称。")
        }
        PlanProblem::EmptyActivityTitle { activity } => format!("Activity {activity} needs a title."),
        PlanProblem::NoLeadUnit { activity } if zh => {
            format!("第 {activity} 项活动没有牵头单位。")
        }
        PlanProblem::NoLeadUnit { activity } => format!("Activity {activity} needs a lead unit."),
        PlanProblem::UnknownUnit { activity, unit } if zh => {
            format!("第 {activity} 项活动的牵头单位“{unit}”不在单位名单中。")
        }
        PlanProblem::UnknownUnit { activity, unit } => {
            format!("Activity {activity} names the lead unit “{unit}”, which is not among the plan's units.")
        }
        PlanProblem::UnknownDirection {
            activity,
            direction,
        } if zh => format!("第 {activity} 项活动的总结方向“{direction}”不在方案中。"),
        PlanProblem::UnknownDirection {
            activity,
            direction,
        } => format!("Activity {activity} names the summary direction “{direction}”, which is not in the plan."),
    }
}

/// Why the plan file `name` cannot be imported, naming it first.
pub fn plan_file_problem(
    language: Language,
    name: &str,
    problem: &crate::domain::planning::plan_file::CampaignError,
) -> String {
    use crate::domain::planning::plan_file::CampaignError;
    let zh = language == Language::ZhCn;
    let why = match problem {
        CampaignError::Syntax { line, column, .. } if zh => {
            format!("不是有效的方案文件（第 {line} 行第 {column} 列有误）。")
        }
        CampaignError::Syntax { line, column, .. } => {
            format!("not a valid plan file (an error at line {line}, column {column}).")
        }
        CampaignError::NotACampaign if zh => "不是活动台账的方案文件。".to_owned(),
        CampaignError::NotACampaign => "not a Field Ledger plan file.".to_owned(),
        CampaignError::NewerFormat(_) if zh => {
            "方案文件由更新版本的活动台账生成，请先更新本应用。".to_owned()
        }
        CampaignError::NewerFormat(_) => {
            "the plan file was written by a newer version of Field Ledger; update this app first."
                .to_owned()
        }
        CampaignError::Invalid(problem) => plan_problem(language, problem),
    };
    let (open, close) = super::file_name_quotes(language);
    format!("{open}{name}{close}{why}")
}

/// Said after an import that brought a campaign new to this device.
pub fn campaign_added(language: Language, title: &str) -> String {
    match language {
        Language::ZhCn => format!("已新增活动方案“{title}”，可在“活动方案”中切换查看。"),
        Language::En => format!(" The campaign “{title}” was added; switch to it under Campaigns."),
    }
}

/// Said when a plan file replaced a plan here but dropped entries records here name.
pub fn kept_for_records(language: Language, kept: usize) -> String {
    match language {
        Language::ZhCn => format!("新方案删去的 {kept} 项仍有本机记录使用，已保留并停用。"),
        Language::En if kept == 1 => " One entry the new plan dropped is still named by records here: it was kept, retired.".to_owned(),
        Language::En => format!(" {kept} entries the new plan dropped are still named by records here: they were kept, retired."),
    }
}

/// One side of a plan replacement, in a few words: its activities in use and its period.
fn plan_outline(language: Language, plan: &crate::domain::plan::campaign::Campaign) -> String {
    let activities = plan.activities.iter().filter(|a| !a.retired).count();
    let units = plan.units.iter().filter(|u| !u.retired).count();
    let period = super::format_period(language, plan.period);
    match language {
        Language::ZhCn => format!("{activities} 项活动、{units} 个单位，{period}"),
        Language::En => format!("{activities} activities, {units} units, {period}"),
    }
}

/// Asked before a plan file replaces the plan of the same campaign on this device.
pub fn plan_replace_question(
    language: Language,
    name: &str,
    file_plan: &crate::domain::plan::campaign::Campaign,
    current: &crate::domain::plan::campaign::Campaign,
) -> String {
    let title = super::localized(language, &current.title).0;
    let in_file = plan_outline(language, file_plan);
    let here = plan_outline(language, current);
    match language {
        Language::ZhCn => format!(
            "本机已有“{title}”（{here}）。要用文件「{name}」中的版本（{in_file}）替换它吗？本机记录用到的单位和活动会保留。"
        ),
        Language::En => format!(
            "This device already has “{title}” ({here}). Replace it with the version in “{name}” ({in_file})? Units and activities that records here name are kept."
        ),
    }
}
