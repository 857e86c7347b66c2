//! The fixed interface texts, each key with its Chinese and English side by side.

/// Defines [`Text`] with every key's Chinese and English text; a key without both does not compile.
macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident => $zh:literal, $en:literal;)+) => {
        /// A fixed interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[$doc])* $key,)+
        }

        impl Text {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Text] = &[$(Text::$key,)+];

            /// Simplified Chinese.
            pub fn zh(self) -> &'static str {
                match self { $(Text::$key => $zh,)+ }
            }

            /// English.
            pub fn en(self) -> &'static str {
                match self { $(Text::$key => $en,)+ }
            }
        }
    };
}

texts! {
    /// The app's name in the header and title bar.
    AppName => "活动台账", "Field Ledger";
    /// Accessible name of the language switch.
    SwitchLanguage => "切换界面语言", "Switch interface language";
    /// Heading of the campaign overview page.
    CampaignOverview => "活动概览", "Campaign overview";
    /// Label of the campaign theme.
    Theme => "活动主题", "Theme";
    /// Label of the campaign period.
    Period => "活动时间", "Period";
    /// Label of the issuing unit.
    IssuedBy => "印发单位", "Issued by";
    /// Label of the document number.
    DocumentNumber => "文号", "Document no.";
    /// Label of the summary deadline.
    ReportDeadline => "总结报送截止", "Summary due";
    /// Caption of the planned-activities figure.
    PlannedActivitiesFigure => "项计划活动", "planned activities";
    /// Caption of the units figure.
    UnitsFigure => "个参与单位", "units taking part";
    /// Heading of the list of planned activities.
    PlannedActivities => "活动内容", "Planned activities";
    /// Label before an activity's lead units.
    LeadUnits => "牵头单位", "Lead units";
    /// Label before an activity's planned date.
    PlannedDate => "计划日期", "Planned date";
    /// Shown when an activity has no fixed date.
    DateNotFixed => "活动期间内", "During the campaign";
    /// Label before an activity's default summary direction.
    SummaryDirection => "总结方向", "Summary direction";
    /// Toggle showing the plan's full text of an activity.
    ShowPlanText => "方案原文", "Plan text";
    /// Storage notice: browser storage is blocked or missing.
    StorageBlocked => "浏览器存储不可用（可能处于无痕模式或被设置禁止），更改无法保存。请在浏览器设置中允许本站存储数据。", "Browser storage is unavailable (private mode or blocked by settings), so changes cannot be saved. Allow this site to store data in the browser settings.";
    /// Storage notice: the storage quota is used up.
    StorageFull => "浏览器存储空间已满，更改未保存。请先导出数据，再清理空间。", "Browser storage is full, so the change was not saved. Export your data, then free up space.";
    /// Storage notice: a stored value could not be read.
    StorageUnreadable => "浏览器中保存的设置无法读取，已使用默认设置。", "A stored setting could not be read; the default is used.";
    /// Button that dismisses a notice.
    Dismiss => "知道了", "Dismiss";
}
