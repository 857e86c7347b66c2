//! The fixed texts of the campaigns page and the plan editor, Chinese and English side by side.

use super::texts::texts;

texts! {
    /// A fixed text of the campaigns page or the plan editor.
    PlanText {
        /// Navigation: the campaigns page.
        NavCampaigns => "活动方案", "Campaigns";
        /// What a storage failure concerned: a plan or the active campaign.
        PlanThing => "活动方案", "Campaign plan";
        /// Heading of the campaigns page.
        CampaignsTitle => "活动方案", "Campaigns";
        /// What the campaigns page is for.
        CampaignsHint => "本机记录的每条活动都属于一个活动方案。切换后，活动记录、统计和导出只显示当前方案的数据。", "Every event on this device belongs to one campaign. The event list, statistics and exports show the active campaign only.";
        /// Marks the active campaign.
        ActiveBadge => "当前", "Active";
        /// Switch to a campaign.
        Activate => "切换到此方案", "Switch to this campaign";
        /// Copy a campaign to a new year.
        CopyToYear => "复制为新一年", "Copy to a new year";
        /// Label: the year a copy is moved to.
        CopyYearLabel => "新方案的年份", "Year of the new campaign";
        /// Confirm the copy.
        CopyConfirm => "复制并编辑", "Copy and edit";
        /// Start a campaign from scratch.
        NewCampaign => "新建活动方案", "New campaign";
        /// The title a plan started from scratch gets until the user gives it one.
        NewPlanTitle => "新活动方案", "New campaign";
        /// A plan file of the built-in plan.
        BuiltInNotImported => "这是内置的 2021 年方案，本机已有，无需导入。", "This is the built-in 2021 plan: this device already has it.";
        /// A copy year that is not a year.
        YearInvalid => "请填写 2000 到 2100 之间的年份", "Enter a year between 2000 and 2100";
        /// An event page opened for an event of another campaign.
        EventOfOtherCampaign => "这条活动记录属于另一个活动方案。请先在“活动方案”中切换到该方案。", "This event belongs to another campaign. Switch to it under Campaigns first.";
        /// Delete a plan no record names.
        DeleteCampaign => "删除此方案（尚无记录）", "Delete this plan (no records)";
        /// Second tap to delete a plan.
        ConfirmDeleteCampaign => "确认删除此方案", "Tap again to delete this plan";
        /// Edit the active plan.
        EditPlan => "编辑方案", "Edit plan";
        /// Import a plan file.
        ImportPlan => "导入方案文件（JSON）", "Import a plan file (JSON)";
        /// Export the plan as a file.
        ExportPlan => "导出方案文件（JSON）", "Export the plan file (JSON)";
        /// A plan file imported.
        PlanImported => "已导入活动方案：", "Campaign plan imported: ";
        /// A plan file holding the very plan this device has.
        PlanSame => "本机已有内容完全相同的方案，未作更改：", "This device already has exactly this plan; nothing changed: ";
        /// Replace a plan with a file's version.
        ReplacePlan => "用文件中的版本替换", "Replace with the file's version";
        /// Keep the plan on this device.
        KeepPlan => "保留本机的版本", "Keep this device's version";
        /// Heading of the plan editor.
        EditorTitle => "编辑活动方案", "Edit campaign plan";
        /// The built-in plan cannot be edited.
        BuiltInReadOnly => "内置的 2021 年方案不能修改。请复制为新一年后再编辑。", "The built-in 2021 plan cannot be changed. Copy it to a new year, then edit the copy.";
        /// Label: title.
        PlanTitle => "方案标题", "Title";
        /// Label: short name.
        PlanShortTitle => "简称（用于文件名）", "Short name (for file names)";
        /// Label: issuing unit.
        IssuingUnit => "印发单位", "Issued by";
        /// Label: document number.
        DocumentNumber => "文号", "Document number";
        /// Label: theme.
        Theme => "活动主题", "Theme";
        /// Label: first day.
        PeriodStart => "开始日期", "First day";
        /// Label: last day.
        PeriodEnd => "结束日期", "Last day";
        /// Label: report deadline.
        Deadline => "总结报送截止日期", "Report deadline";
        /// Heading: units.
        UnitsHeading => "参加单位", "Units";
        /// Label: a unit's name.
        UnitName => "单位名称", "Unit name";
        /// Add a unit.
        AddUnit => "添加单位", "Add a unit";
        /// Heading: directions.
        DirectionsHeading => "总结方向", "Summary directions";
        /// Label: a direction's name.
        DirectionName => "方向名称", "Direction";
        /// Add a direction.
        AddDirection => "添加总结方向", "Add a direction";
        /// Heading: activities.
        ActivitiesHeading => "活动安排", "Planned activities";
        /// Label: an activity's title.
        ActivityTitle => "活动名称", "Activity title";
        /// Label: an activity's description.
        ActivityDescription => "活动内容", "Description";
        /// Label: lead units.
        LeadUnits => "牵头单位", "Lead units";
        /// Label: planned date.
        PlannedDate => "计划日期（可空）", "Planned date (optional)";
        /// Label: default direction.
        DefaultDirection => "默认总结方向", "Default summary direction";
        /// Label: a counter's name.
        CounterName => "本活动统计项", "Activity's own figure";
        /// Label: a counter's measure word.
        CounterUnit => "计量单位（如：台、家）", "Measure word (e.g. units, firms)";
        /// Add a counter.
        AddCounter => "添加统计项", "Add a figure";
        /// Delete an activity that no record names.
        DeleteActivity => "删除（尚无记录）", "Delete (no records yet)";
        /// Delete a unit that nothing names.
        DeleteUnit => "删除单位", "Delete unit";
        /// Add an activity.
        AddActivity => "添加活动", "Add an activity";
        /// Move up.
        MoveUp => "上移", "Move up";
        /// Move down.
        MoveDown => "下移", "Move down";
        /// Retire switch.
        Retired => "停用（不再用于新记录）", "Retired (not offered for new events)";
        /// The plan differs from the stored one.
        Unsaved => "有未保存的修改（已暂存在本机；导出的是已保存的方案）", "Unsaved changes (kept on this device; the export is of the saved plan)";
        /// The editor took up unsaved edits left earlier.
        DraftContinued => "已恢复上次未保存的修改。保存后才会生效。", "Your unsaved changes from last time are back. They take effect only when saved.";
        /// The editor took up unsaved edits made before the plan was replaced.
        DraftOutdated => "已恢复上次未保存的修改，但它们是在本方案被替换（例如导入了方案文件）之前做的：保存将以这些修改覆盖现在的方案。", "Your unsaved changes from last time are back, but they were made before this plan was replaced (for example by a plan file): saving them overwrites the plan as it is now.";
        /// Throw away unsaved plan edits.
        DiscardDraft => "放弃未保存的修改", "Discard unsaved changes";
        /// On the campaigns page: a plan with unsaved edits.
        CampaignUnsaved => "有未保存的修改", "Unsaved changes";
        /// Save the plan.
        SavePlan => "保存方案", "Save plan";
        /// Heading of the problems list.
        PlanProblems => "方案有以下问题，未保存：", "The plan was not saved; please fix:";
    }
}
