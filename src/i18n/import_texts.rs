//! The fixed texts of the import and received-files pages, Chinese and English side by side.

use super::texts::texts;

texts! {
    /// A fixed text of the import pages.
    ImportText {
        /// Main navigation: the import page.
        NavImport => "汇总导入", "Import";
        /// Heading of the import page.
        ImportTitle => "导入并汇总各平板的文件", "Import and merge files from every tablet";
        /// What the import page does.
        ImportHint => "选择各平板导出的 JSON 文件或报送包（ZIP，照片随之导入；可一次选多个），或拖放到下方。确认之前不会保存任何数据；同一文件导入两次不会重复计数。", "Choose the JSON files or report packs (ZIP, photos included) exported on each tablet (several at once), or drop them below. Nothing is stored until you confirm; importing a file twice never counts it twice.";
        /// The file picker's label.
        ChooseFiles => "选择文件", "Choose files";
        /// The drop zone's text.
        DropFilesHere => "或将文件拖放到这里", "or drop the files here";
        /// While the stored records are compared with the files.
        Comparing => "正在与已保存的记录比对…", "Comparing with the stored records…";
        /// While the merge is stored.
        SavingImport => "正在保存汇总结果…", "Saving the merged records…";
        /// Heading of the preview.
        PreviewHeading => "导入预览（尚未保存）", "Preview (nothing stored yet)";
        /// Column: file name.
        ColumnFile => "文件", "File";
        /// Column: device.
        ColumnDevice => "设备", "Device";
        /// Column: unit.
        ColumnUnit => "单位", "Unit";
        /// Column: export time.
        ColumnExported => "导出时间", "Exported";
        /// Column: received time.
        ColumnReceived => "接收时间", "Received";
        /// Column: events in a file.
        ColumnEvents => "活动记录", "Events";
        /// Column: sign-ins in a file.
        ColumnSignIns => "签到记录", "Sign-ins";
        /// Column: what happens to the file.
        ColumnStatus => "状态", "Status";
        /// A file that will be imported.
        FileReady => "可导入", "Ready";
        /// A file received before.
        FileReceivedBefore => "已接收过，不会重复计数", "Received before; not counted twice";
        /// A file that cannot be imported.
        FileRefused => "无法导入", "Cannot be imported";
        /// Row heading: events.
        RowEvents => "活动记录", "Events";
        /// Row heading: sign-ins.
        RowSignIns => "签到记录", "Sign-ins";
        /// Row: photos (from report packs).
        RowPhotos => "照片", "Photos";
        /// Column: new records.
        ColumnNew => "新增", "New";
        /// Column: updated records.
        ColumnUpdated => "更新", "Updated";
        /// Column: unchanged records.
        ColumnUnchanged => "无变化", "Unchanged";
        /// Column: deleted records.
        ColumnDeleted => "删除", "Deleted";
        /// Column: conflicting records.
        ColumnConflicting => "冲突待核对", "Conflicts to review";
        /// Caption of the overall counts.
        OverallCaption => "合并后的变化", "What the merge changes";
        /// Said when some chosen files are refused but others are fine.
        SomeFilesRefused => "有问题的文件不会导入；确认后只导入其余文件。", "The files with problems are not imported; confirming imports the others.";
        /// Said when no chosen file can be imported.
        NoFileToImport => "所选文件都无法导入，数据未作任何改动。", "None of the chosen files can be imported; nothing was changed.";
        /// Confirm button.
        ConfirmImport => "确认导入", "Import";
        /// Undo button.
        UndoLastImport => "撤销上次导入", "Undo last import";
        /// Said when there is no import to undo.
        NothingToUndo => "没有可撤销的导入。", "There is no import to undo.";
        /// Heading of the conflicts list.
        ConflictsHeading => "待核对的冲突", "Conflicts to review";
        /// What the conflicts list is.
        ConflictsHint => "同一条记录在不同平板上分别作了修改。汇总已按规则保留了一个版本；如应以另一版本为准，请选择“改用此版本”。", "The same record was changed separately on different tablets. The merge kept one version by its rules; if the other is right, choose “Use this version”.";
        /// Label of the kept version.
        KeptVersion => "当前保留", "Kept";
        /// Label of the other version.
        OtherVersion => "另一版本", "Other version";
        /// Button choosing the other version.
        UseThisVersion => "改用此版本", "Use this version";
        /// Button keeping the current version.
        KeepCurrent => "保留当前版本", "Keep current";
        /// Link to the received-files page.
        ReceivedFilesLink => "查看已接收文件", "See received files";
        /// Heading of the received-files page.
        ReceivedTitle => "已接收文件", "Received files";
        /// Shown when nothing was received.
        NothingReceived => "尚未接收任何文件。", "No files received yet.";
        /// Heading of the units with no file.
        UnitsWithoutFiles => "尚未报送文件的单位", "Units with no file yet";
        /// Shown when every unit has sent a file.
        EveryUnitSent => "方案中的所有单位都已报送。", "Every unit of the plan has sent a file.";
        /// Button removing one file's contribution.
        RemoveFile => "移除此文件", "Remove file";
        /// Confirmation of the removal.
        ConfirmRemoveFile => "确认移除", "Remove";
        /// Question before the removal.
        RemoveFileQuestion => "移除后，其他文件和本机的记录保持不变。确定移除此文件的数据吗？", "The other files and this device's own records stay as they are. Remove this file's data?";
        /// Link back to the import page.
        BackToImport => "返回汇总导入", "Back to import";
        /// A conflict whose record changed after it was listed.
        ConflictChangedSince => "该记录在列出冲突之后又有更新，未作改动；冲突已移除，请查看该记录的最新内容。", "This record changed after the conflict was listed, so nothing was changed; the conflict is gone. Check the record as it is now.";
        /// Before the device a version came from.
        FromDevice => "来自", "from";
        /// A sign-in, in the conflict list.
        SignInRecord => "签到", "Sign-in";
        /// Label of a deleted version in the conflict list.
        DeletedVersion => "已删除", "Deleted";
    }
}
