//! The fixed texts of the photos page, Chinese and English side by side.

use super::texts::texts;

texts! {
    /// A fixed text of the photos page.
    PhotoText {
        /// The event row's button to its photos.
        OpenPhotos => "照片", "Photos";
        /// Heading of the photos page.
        PhotosTitle => "活动照片", "Event photos";
        /// What the plan asks of report photos.
        PhotosHint => "上报要求：JPG 格式、不小于 1024×768 像素，每张配不超过 50 字的说明；每个单位选送 1–2 张。", "For the report: JPG, at least 1024×768 pixels, each with a caption of at most 50 characters; 1–2 photos per unit.";
        /// The camera button.
        TakePhoto => "拍照", "Take a photo";
        /// The gallery button.
        ChoosePhotos => "从相册选择", "Choose from gallery";
        /// A photo that meets the rule.
        MeetsRule => "符合上报要求", "Meets the report rule";
        /// Label of the caption field.
        Caption => "照片说明", "Caption";
        /// Label of the selection switch.
        SelectForReport => "选送上报", "Select for the report";
        /// Button deleting a photo.
        DeletePhoto => "删除照片", "Delete photo";
        /// Deleting an event with photos: download them first.
        DownloadEventPhotos => "先下载这些照片（ZIP）", "Download these photos first (ZIP)";
        /// Shown when the event has no photos.
        NoPhotos => "还没有照片。", "No photos yet.";
        /// While a photo is being stored.
        SavingPhoto => "正在保存照片…", "Saving the photo…";
        /// Link back to the event list.
        BackToEvents => "返回活动记录", "Back to events";
        /// Label of the shrink setting.
        ShrinkLabel => "大照片缩小到（长边）", "Shrink large photos to (long side)";
        /// The shrink setting's "never" choice.
        NeverShrink => "不缩小，保留原图", "Never: keep the original";
        /// The shrink setting, as the storage notice names it.
        ShrinkSetting => "照片缩小设置", "The photo size setting";
        /// What is not saved when a photo could not be stored.
        PhotoName => "照片", "The photo";
    }
}
