//! The fixed interface texts, each key with its Chinese and English side by side.

/// Defines a table of fixed texts: an enum with every key's Chinese and English side by side; a
/// key without both does not compile. Used for [`Text`] here and for
/// [`ImportText`](super::import_texts::ImportText).
macro_rules! texts {
    ($(#[$table_doc:meta])* $table:ident { $($(#[$doc:meta])* $key:ident => $zh:literal, $en:literal;)+ }) => {
        $(#[$table_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $table {
            $($(#[$doc])* $key,)+
        }

        impl $table {
            /// Every key, for completeness tests.
            pub const ALL: &'static [$table] = &[$($table::$key,)+];

            /// Simplified Chinese.
            pub fn zh(self) -> &'static str {
                match self { $($table::$key => $zh,)+ }
            }

            /// English.
            pub fn en(self) -> &'static str {
                match self { $($table::$key => $en,)+ }
            }
        }

        impl super::Words for $table {
            fn zh(self) -> &'static str {
                $table::zh(self)
            }
            fn en(self) -> &'static str {
                $table::en(self)
            }
        }
    };
}
pub(crate) use texts;

texts! {
    /// A fixed interface text.
    Text {
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
    /// Navigation: the event list (home).
    NavHome => "活动记录", "Events";
    /// Navigation: the campaign overview.
    NavOverview => "活动概览", "Overview";
    /// Navigation: this device's settings.
    NavDevice => "本机设置", "Device";
    /// Accessible name of the main navigation.
    MainNavigation => "主导航", "Main navigation";
    /// Heading of the device set-up page.
    DeviceSetupTitle => "本机设置", "Set up this tablet";
    /// Explanation on the device set-up page.
    DeviceSetupIntro => "请填写这台平板的信息。每条活动记录和导出文件都会带上这些信息，之后可随时修改。", "Tell the app about this tablet. Every record and export carries these details; you can change them later.";
    /// Label of the device label field.
    DeviceLabel => "设备名称", "Device label";
    /// Hint for the device label.
    DeviceLabelHint => "例如：平板3", "e.g. Tablet 3";
    /// Label of the owning unit field.
    DeviceUnit => "所属单位", "Owning unit";
    /// Label of the office name field.
    OfficeName => "所名称", "Office name";
    /// Hint for the office name.
    OfficeNameHint => "例如：望海楼市场监管所", "e.g. Wanghailou Market Supervision Office";
    /// Label of the default recorder field.
    DefaultRecorder => "默认记录人", "Default recorder";
    /// Button saving the device set-up.
    SaveDevice => "保存设置", "Save settings";
    /// Placeholder option of a unit choice.
    ChooseUnit => "请选择单位", "Choose a unit";
    /// Confirmation after saving the device set-up.
    DeviceSaved => "本机设置已保存", "Device settings saved";
    /// Heading of the event list.
    EventsTitle => "活动记录", "Events";
    /// Button starting a new event.
    NewEvent => "新建活动", "New event";
    /// Label of the activity filter.
    FilterActivity => "按活动筛选", "Activity";
    /// Option: no activity filter.
    AllActivities => "全部活动", "All activities";
    /// Label of the unit filter.
    FilterUnit => "按单位筛选", "Unit";
    /// Option: no unit filter.
    AllUnits => "全部单位", "All units";
    /// Label of the place search.
    SearchPlace => "搜索地点", "Search place";
    /// Shown when no event is stored yet.
    NoEventsYet => "还没有活动记录。点击“新建活动”开始登记。", "No events yet. Tap “New event” to record one.";
    /// Shown when the filters match nothing.
    NoMatches => "没有符合条件的活动。", "No events match these filters.";
    /// Button showing more rows of a long list.
    ShowMore => "显示更多", "Show more";
    /// Button editing an event.
    Edit => "修改", "Edit";
    /// Button deleting an event.
    Delete => "删除", "Delete";
    /// Button undoing a delete.
    Undo => "撤销", "Undo";
    /// Notice after a delete.
    EventDeleted => "活动记录已删除。", "Event deleted.";
    /// Notice after an undo.
    EventRestored => "活动记录已恢复。", "Event restored.";
    /// The activity choice for events outside the plan.
    OtherActivity => "其他活动（自填名称）", "Other event (own title)";
    /// An online event.
    Online => "线上", "Online";
    /// An in-person event.
    Offline => "线下", "In person";
    /// Notice that a draft is waiting.
    DraftWaiting => "有一条尚未保存的活动草稿。", "An unsaved event draft is waiting.";
    /// Button continuing a draft.
    ContinueDraft => "继续填写", "Continue";
    /// Button discarding a draft.
    DiscardDraft => "丢弃草稿", "Discard draft";
    /// Heading of the new-event form.
    NewEventTitle => "新建活动", "New event";
    /// Heading of the edit form.
    EditEventTitle => "修改活动", "Edit event";
    /// Label: planned activity.
    FieldActivity => "计划活动", "Planned activity";
    /// Placeholder option: no activity chosen.
    ChooseActivity => "请选择活动", "Choose an activity";
    /// Label: title of an "other" event.
    FieldOtherTitle => "活动名称", "Event title";
    /// Label: organising unit.
    FieldUnit => "组织单位", "Organising unit";
    /// Label: first day.
    FieldStartDate => "日期", "Date";
    /// Label: last day.
    FieldEndDate => "结束日期（多日活动）", "End date (multi-day events)";
    /// Label: start time.
    FieldStartTime => "开始时间", "Start time";
    /// Label: end time.
    FieldEndTime => "结束时间", "End time";
    /// Label: online or in person.
    FieldMode => "活动形式", "Format";
    /// Label: place.
    FieldPlace => "活动地点", "Place";
    /// Label: platform.
    FieldPlatform => "线上平台", "Platform";
    /// Label: recent places.
    RecentPlaces => "最近用过", "Recently used";
    /// Label: recorder.
    FieldRecorder => "记录人", "Recorder";
    /// Label: publicity minutes.
    FieldPublicityMinutes => "宣传时长（分钟）", "Publicity time (minutes)";
    /// Label: publicity reports.
    FieldPublicityReports => "宣传报道数量", "Publicity reports";
    /// Label: materials handed out.
    FieldMaterials => "发放资料（份）", "Materials handed out";
    /// Label: head count.
    FieldHeadCount => "参加人次", "Attendance";
    /// Label: how many videos were taken.
    FieldVideoCount => "视频数量", "Videos taken";
    /// Label: the videos' file names.
    FieldVideoFiles => "视频文件名（每行一个）", "Video file names (one per line)";
    /// Label: notes.
    FieldNotes => "备注", "Notes";
    /// Heading of the activity's extra counters.
    ExtraCounters => "本活动统计项", "This activity's figures";
    /// Button saving an event.
    SaveEvent => "保存", "Save";
    /// Button leaving a form without saving.
    Cancel => "取消", "Cancel";
    /// Confirmation after saving an event.
    EventSaved => "活动已保存。", "Event saved.";
    /// Shown while stored records are being read.
    Loading => "正在读取本机数据……", "Reading the data on this tablet…";
    /// The database was written by a newer version of the app.
    DatabaseNewer => "本机数据由更新版本的活动台账保存，此版本无法打开。数据保持原样，未作任何修改，请使用最新版本。", "The data on this tablet was saved by a newer version of Field Ledger and cannot be opened by this one. It has been left untouched; please use the latest version.";
    /// Label of the record being edited that no longer exists.
    EventNotFound => "找不到这条活动记录，可能已被删除。", "This event was not found; it may have been deleted.";
    /// What was not saved: the language choice.
    InterfaceLanguage => "界面语言", "Interface language";
    /// What was not saved: the event form in progress.
    EventDraftName => "活动草稿", "Event draft";
    /// Notice when the stored records cannot be read.
    StoredRecordsUnreadable => "本机数据无法读取。", "The data on this tablet could not be read.";
    /// Button opening an event's attendance.
    OpenAttendance => "签到计数", "Attendance";
    /// Heading of the attendance page.
    AttendanceTitle => "参加人员", "Attendance";
    /// Label of the total person-times.
    AttendanceTotal => "参加活动人次", "Total attendance";
    /// Button opening the full-screen counter.
    OpenCounter => "打开计数器", "Open counter";
    /// Label of the typed head count.
    TypedHeadCount => "直接填写计数人次（大型或线上活动）", "Type the head count (large or online events)";
    /// Button setting the typed head count.
    SetHeadCount => "设为此数", "Set count";
    /// Heading of the sign-in roster.
    RosterTitle => "签到名单", "Sign-in roster";
    /// The consent line where names and phones are taken.
    RosterConsent => "登记姓名和电话仅用于本次活动统计，电话号码隐藏显示，可随时清除。", "Names and phone numbers are collected only for this event's records; phones are shown masked and can be purged at any time.";
    /// Label: attendee name.
    AttendeeName => "姓名", "Name";
    /// Label: attendee phone.
    AttendeePhone => "电话（可选）", "Phone (optional)";
    /// Label: attendee community or company.
    AttendeeAffiliation => "社区或单位（可选）", "Community or company (optional)";
    /// Button adding an attendee.
    AddAttendee => "签到", "Sign in";
    /// Button removing an attendee.
    RemoveAttendee => "移除", "Remove";
    /// Warning: the same name is already signed in.
    DuplicateName => "名单中已有同名人员。若确为另一人，请再次点击“签到”。", "Someone with this name is already signed in. If this is another person, press “Sign in” again.";
    /// Shown when the roster is empty.
    RosterEmpty => "还没有人签到。", "Nobody has signed in yet.";
    /// Counter: add one.
    CounterPlus => "加一", "Add one";
    /// Counter: remove one.
    CounterMinus => "减一", "Remove one";
    /// Counter: every tap is on disk.
    CounterSaved => "已保存", "Saved";
    /// Counter: a tap is being written.
    CounterSaving => "正在保存……", "Saving…";
    /// Button leaving the counter.
    CloseCounter => "完成", "Done";
    /// Caption of the counted heads.
    CountedHeads => "计数人次", "Counted";
    /// What was not saved: the head count.
    HeadCountName => "计数人次", "Head count";
    /// What was not saved: a sign-in.
    SignInName => "签到", "Sign-in";
    /// Button purging personal data.
    PurgePersonalData => "清除姓名和电话", "Purge names and phones";
    /// Confirmation question before purging.
    PurgeConfirm => "将清除这台平板上本次活动方案所有签到人员的姓名、电话和单位，签到人次保留。此操作无法撤销。", "This removes the names, phones and affiliations of everyone signed in at this campaign's events on this tablet; attendance counts are kept. This cannot be undone.";
    /// Heading of the personal-data section.
    PersonalData => "个人信息", "Personal data";
    /// Button confirming the purge.
    PurgeNow => "确认清除", "Purge now";
    /// A purged attendee, as the roster shows it.
    PurgedAttendee => "（个人信息已清除）", "(personal data purged)";
    /// A new build is waiting.
    UpdateAvailable => "新版本已就绪。已保存的记录和未完成的草稿在更新后都会保留。", "A new version is ready. Saved records and unfinished drafts are kept through the update.";
    /// Button applying the update.
    UpdateReload => "更新并重新加载", "Update and reload";
    /// The server answered.
    ServerReachable => "服务器可连接", "Server reachable";
    /// The server did not answer.
    ServerUnreachable => "离线：服务器不可达（数据仍保存在本机）", "Offline: server unreachable (data stays on this tablet)";
    /// Heading of the storage section.
    StorageTitle => "存储空间", "Storage";
    /// Storage is persisted.
    StoragePersisted => "浏览器已同意持久保存本机数据，不会在空间紧张时自动清除。", "The browser keeps this data persistently and will not clear it under storage pressure.";
    /// Storage is not persisted.
    StorageNotPersisted => "浏览器未同意持久保存：空间紧张时可能清除数据，请及时导出。", "The browser has not granted persistent storage: it may clear data under storage pressure, so export regularly.";
    /// Button asking the browser to keep the data persistently.
    StoragePersistAsk => "请求浏览器持久保存本机数据", "Ask the browser to keep this data";
    /// A persistence request waits for the browser's or the user's answer.
    StoragePersistAsking => "已向浏览器请求，正在等待答复（浏览器可能会弹出询问）。", "Asked the browser; waiting for its answer (it may ask you).";
    /// Less than 10 % left.
    StorageLow => "剩余存储空间不足 10%，请尽快导出数据并清理空间。", "Less than 10 % of storage is left: export your data and free up space soon.";
    /// Label of the app version.
    AppVersion => "应用版本", "App version";
    /// A save refused because the stored record is newer.
    SaveConflict => "这条记录刚在另一个窗口中更新过，已保留较新的版本。请重新打开这条记录后再修改。", "This record was just changed in another window; the newer version was kept. Open the record again to change it.";
    /// The database was upgraded by a newer version in another window.
    StorageClosedForUpgrade => "另一个窗口中的新版本已升级本机数据，请重新加载本页后再保存。", "A newer version in another window upgraded the data on this tablet; reload this page, then save again.";
    /// Navigation: statistics.
    NavStats => "活动统计", "Statistics";
    /// Heading of the statistics page.
    StatsTitle => "活动统计", "Campaign statistics";
    /// Figure: events held.
    StatEvents => "活动数量", "Events held";
    /// Figure: person-times.
    StatAttendance => "参加活动人次", "Attendance";
    /// Figure: publicity minutes.
    StatPublicityMinutes => "宣传时长（分钟）", "Publicity (minutes)";
    /// Figure: publicity reports.
    StatReports => "宣传报道数量", "Publicity reports";
    /// Figure: materials.
    StatMaterials => "发放资料（份）", "Materials handed out";
    /// Filter: first day.
    StatsFrom => "开始日期", "From";
    /// Filter: last day.
    StatsTo => "结束日期", "To";
    /// Heading: per activity.
    PerActivity => "按计划活动", "By planned activity";
    /// Heading: per unit.
    PerUnit => "按组织单位", "By organising unit";
    /// Heading: per day.
    PerDay => "按日期（多日活动计入开始日）", "By day (multi-day events count on their first day)";
    /// Heading: per direction.
    PerDirection => "按总结方向", "By summary direction";
    /// Column: activity.
    ColumnActivity => "活动", "Activity";
    /// Column: unit.
    ColumnUnit => "单位", "Unit";
    /// Column: day.
    ColumnDay => "日期", "Day";
    /// Column: direction.
    ColumnDirection => "方向", "Direction";
    /// Chart: events per day.
    ChartEventsPerDay => "每日活动数量", "Events per day";
    /// Chart: attendance per day.
    ChartAttendancePerDay => "每日参加人次", "Attendance per day";
    /// Chart: events per activity.
    ChartEventsPerActivity => "各计划活动数量", "Events per planned activity";
    /// Column: the activity's own figures.
    ColumnExtra => "本活动统计项", "Activity's own figures";
    /// Chart: attendance per activity.
    ChartAttendancePerActivity => "各计划活动参加人次", "Attendance per planned activity";
    /// Button printing the summary.
    PrintSummary => "打印活动总结", "Print the summary";
    /// Heading of the units that took part.
    UnitsTookPart => "参与单位", "Units that took part";
    /// Shown when nothing is recorded in the range.
    NoStatistics => "所选范围内还没有活动记录。", "No events recorded in this range.";
    /// Button that dismisses a notice.
    Dismiss => "知道了", "Dismiss";
    /// Navigation: the export page.
    NavExport => "导出", "Export";
    /// Heading of the export page.
    ExportPageTitle => "导出与发送", "Export and send";
    /// The storage notice's name for the export journal.
    ExportJournalName => "未导出更改的记录", "Record of changes not exported";
    /// Heading: files for the Quality Section.
    ForQualitySection => "发给质量科", "For the Quality Section";
    /// What the files for the Quality Section are.
    ForQualitySectionHint => "报告文件（JSON）由质量科导入汇总；CSV 表格可用 Excel 或 WPS 直接打开。", "The Quality Section imports and merges the report file (JSON); the CSV tables open in Excel or WPS.";
    /// Check box: include full phone numbers.
    IncludePhones => "包含完整联系电话", "Include full phone numbers";
    /// What leaving phones out means.
    IncludePhonesHint => "默认不含联系电话：报告文件中隐去号码，CSV 中显示为 138****5678。", "By default phone numbers are left out of the report file and masked as 138****5678 in the CSV.";
    /// Warning when phones are included.
    IncludePhonesWarning => "文件将包含居民的完整手机号，请只发给质量科。", "The files will carry residents' full phone numbers: send them to the Quality Section only.";
    /// Label of the CSV header language choice.
    CsvHeaderLanguage => "CSV 表头语言", "CSV header language";
    /// Export button: the report JSON.
    ExportReportJson => "报告文件（JSON）", "Report file (JSON)";
    /// Export button: the events CSV.
    ExportEventsCsv => "活动记录表（CSV）", "Events table (CSV)";
    /// Export button: the roster CSV.
    ExportRosterCsv => "签到名单（CSV）", "Sign-in roster (CSV)";
    /// Export button: the summary CSV.
    ExportSummaryCsv => "汇总表（CSV）", "Summary table (CSV)";
    /// Heading: backing up the tablet.
    BackupHeading => "备份本平板", "Back up this tablet";
    /// What a backup is for.
    BackupHint => "完整备份包含联系电话，用于更换或恢复平板，请妥善保管，不要发到群里。", "A complete backup, phone numbers included, for restoring or replacing this tablet. Keep it safe; do not post it to a group chat.";
    /// Export button: the complete backup.
    ExportBackupJson => "完整备份（JSON）", "Complete backup (JSON)";
    /// Export button: the report pack.
    ExportReportPack => "报送包（ZIP：报告、表格、选送照片）", "Report pack (ZIP: report, tables, selected photos)";
    /// Export button: the backup pack.
    ExportBackupPack => "完整备份包（ZIP：含全部照片）", "Complete backup pack (ZIP, every photo)";
    /// Heading of the Word summary's section.
    SummaryDocHeading => "活动总结", "Activity summary";
    /// What the Word summary is.
    SummaryDocHint => "生成可编辑的 Word 初稿（活动总结）：四项数据、按六个总结方向列出的活动、选送照片及说明、视频文件名都已填好，只需在标出的位置写工作情况，再通过 OA 报送。", "Makes an editable Word draft of the activity summary: the four figures, the events under each of the six summary directions, the selected photos with their captions and the video names are filled in; write the narrative where marked, then send it through the OA system.";
    /// Label of the summary's scope choice.
    SummaryDocScope => "总结范围", "Summary for";
    /// The district scope.
    SummaryScopeDistrict => "全区（所有单位的记录，含导入的）", "The whole district (every unit's records, imported ones too)";
    /// Export button: the Word summary.
    ExportSummaryDoc => "活动总结（Word）", "Activity summary (Word)";
    /// Heading of the sync settings.
    SyncHeading => "与服务器同步", "Sync with the server";
    /// What sync is.
    SyncHint => "开启后，本机记录在有网络时自动上传到本单位的服务器数据库，并取回其他平板的记录；没有网络时照常记录，恢复网络后自动补传。不开启时，照常用文件导出报送。", "When on, this tablet's records go up to its unit's database on the server whenever there is a network, and records from other tablets come down; with no network, recording goes on as usual and everything goes up later. When off, files remain the way to send records.";
    /// Label: the server's path.
    SyncServer => "服务器地址（本网站下的路径）", "Server path (on this site)";
    /// Label: the account name.
    SyncUser => "本平板的账号", "This tablet's account";
    /// Label: the password.
    SyncPassword => "密码", "Password";
    /// Placeholder of the password field when one is stored.
    SyncPasswordKept => "已保存（加密）；如需更改请重新输入", "Saved (encrypted); type a new one to change it";
    /// Label: sync on or off.
    SyncEnabled => "开启同步", "Sync on";
    /// Sync setting: sign-ins go up with phone numbers.
    SyncIncludePhones => "上传签到电话号码", "Send sign-in phone numbers";
    /// What the phone setting means.
    SyncIncludePhonesHint => "默认不上传电话，与报送文件的规则相同；只在本单位确需时开启。开启前已上传的签到不补传电话。", "Phones stay on this tablet by default, as in report files; turn this on only where your unit needs them. Sign-ins already sent are not sent again with phones.";
    /// Button: save the sync settings.
    SyncSave => "保存同步设置", "Save sync settings";
    /// Button: sync now.
    SyncNow => "立即同步", "Sync now";
    /// Shown once the sync settings are saved.
    SyncSaved => "同步设置已保存。", "Sync settings saved.";
    /// Sync status: off.
    SyncStateOff => "同步未开启", "Sync is off";
    /// Sync status: in step.
    SyncStateIdle => "已同步", "In sync";
    /// Sync status: syncing.
    SyncStateSyncing => "正在同步……", "Syncing…";
    /// Sync status: server unreachable.
    SyncStateOffline => "无法连接服务器，记录保存在本机，恢复后自动上传", "Server not reachable: records are kept here and go up when it is back";
    /// Sync status: failed.
    SyncStateError => "同步出错", "Sync failed";
    /// The header's sync indicator: in step with the server.
    HeaderSyncIdle => "已同步", "Synced";
    /// The header's sync indicator: a round is going on.
    HeaderSyncSyncing => "同步中", "Syncing";
    /// The header's sync indicator: the server cannot be reached (records are kept here).
    HeaderSyncOffline => "未连接", "Offline";
    /// The header's sync indicator: the last round failed.
    HeaderSyncError => "同步出错", "Sync failed";
    /// The header's sync indicator's accessible name: it leads to the sync settings.
    HeaderSyncLink => "同步状态（打开本机设置）", "Sync status (opens this tablet's settings)";
    /// Heading of the records the server refused.
    SyncRefusedHeading => "服务器拒收的记录（保留在本机）", "Records the server refused (kept on this tablet)";
    /// The server path is not a path on this site.
    SyncServerPathInvalid => "服务器地址须为本网站下的路径，例如 couch/。", "The server path must be a path on this site, such as couch/.";
    /// Sync on without an account.
    SyncNoUser => "请填写本平板的账号。", "Enter this tablet's account.";
    /// Sync on without a password.
    SyncNoPassword => "请填写密码。", "Enter the password.";
    /// No WebCrypto.
    SyncNoEncryption => "此浏览器无法加密保存密码（需通过 HTTPS 访问）。", "This browser cannot keep the password encrypted (the app must be opened over HTTPS).";
    /// An office device without an office name.
    SyncNoOwner => "本机的市场监管所名称无法用作服务器数据库名，请在本机设置中改用拼音或字母。", "This device's office name cannot name a server database: use letters in the device settings.";
    /// Problem: unreachable.
    SyncProblemUnreachable => "无法连接服务器。", "The server cannot be reached.";
    /// Problem: wrong password.
    SyncProblemWrongPassword => "账号或密码不正确，服务器拒绝登录。", "The server refused the account name or password.";
    /// Problem: no password stored.
    SyncProblemNoPassword => "本机没有可用的密码，请重新输入。", "No usable password is stored on this tablet: type it again.";
    /// Verb on export buttons where the system share sheet is available.
    ActionShare => "分享", "Share";
    /// Verb on export buttons where files are downloaded.
    ActionDownload => "下载", "Download";
    /// Shown while an export file is being prepared.
    ExportPreparing => "正在生成文件……", "Preparing the file…";
    /// Shown when the browser refused to hand a file over.
    ExportNotHandedOver => "文件未能交出：浏览器拒绝了下载或分享，请重试。", "The file was not handed over: the browser refused the download or share. Please try again.";
    /// Shown when the user closed the share sheet.
    ExportCancelled => "已取消分享，文件未发送。", "Sharing cancelled: nothing was sent.";
    /// Shown for the moment the tablet app hands a screen it lacks to the office app.
    OpeningOtherApp => "正在打开……", "Opening…";
}
}
