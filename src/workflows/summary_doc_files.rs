//! Builds the campaign summary (活动总结) as a Word document in the browser: the records as stored
//! now, the domain's outline and document parts, and the selected photos' stored images as they
//! are, checked (a damaged image leaves a named gap, not a failed export) and laid into the
//! package by [`zip_members`] without being copied into wasm memory.

use crate::domain::exchange::export::ExportedDevice;
use crate::domain::exchange::report_pack::unit_key_name;
use crate::domain::ids::DeviceId;
use crate::domain::plan::campaign::Campaign;
use crate::domain::plan::file_names::summary_file_name;
use crate::domain::records::image_header::ImageCheck;
use crate::domain::summary::docx::{summary_docx, DocumentFacts, DocxPart, PhotoGap, PhotoSlot};
use crate::domain::summary::gathering::{summary_outline, SummaryInput};
use crate::domain::summary::outline::SummaryScope;
use crate::i18n::{summary_words, Language};
use crate::state::event_records::EventRecords;
use crate::workflows::export_files::{ExportContext, ExportRecords};
use crate::workflows::report_pack_files::PackFailure;
use crate::workflows::sync_image_fetch::image_here_or_fetched;
use crate::workflows::zip_members::{self, Member};
use chrono::NaiveDate;
use js_sys::Array;

/// A summary ready to hand over.
#[derive(Debug, Clone)]
pub struct BuiltSummary {
    /// Its file name.
    pub name: String,
    /// Its parts, in order (`Uint8Array`s and photo `Blob`s).
    pub parts: Array,
    /// Stored records that could not be counted (written by a newer version, or unreadable).
    pub left_out: usize,
    /// Photos in it.
    pub photos: usize,
    /// Selected photos left as a named gap: image missing or damaged.
    pub photo_gaps: usize,
}

/// The name the summary of `scope` gets on `today`.
pub fn summary_name(campaign: &Campaign, scope: &SummaryScope, today: NaiveDate) -> String {
    let words = summary_words(Language::ZhCn);
    let scope_name = match scope {
        SummaryScope::District => words.district.to_owned(),
        SummaryScope::Unit(unit) => unit_key_name(campaign, unit),
    };
    summary_file_name(campaign, &scope_name, words.summary, today)
}

/// The labels of this device and of every device whose files were imported here.
async fn device_labels(
    records: EventRecords,
    context: &ExportContext<'_>,
) -> Vec<(DeviceId, String)> {
    let mut labels = vec![(context.device.id, context.device.label.clone())];
    // The labels only name devices in the closing line: without them it names their IDs.
    let received = match records.database() {
        Ok(database) => database.load_received_files().await.ok(),
        Err(_) => None,
    };
    for file in received.map(|r| r.records).unwrap_or_default() {
        let ExportedDevice { id, label, .. } = file.device;
        if !labels.iter().any(|(known, _)| *known == id) {
            labels.push((id, label));
        }
    }
    labels
}

/// Builds the summary of `scope` in `language` from the records as stored now.
pub async fn build_summary(
    records: EventRecords,
    scope: SummaryScope,
    language: Language,
    context: ExportContext<'_>,
) -> Result<BuiltSummary, PackFailure> {
    let loaded = ExportRecords::load(records, false).await?;
    let database = records.database()?;
    let photos = database.load_all_photos().await?.records;
    let labels = device_labels(records, &context).await;
    let english = language == Language::En;
    let input = SummaryInput {
        campaign: context.campaign,
        events: loaded.events(),
        sign_ins: loaded.sign_ins(),
        photos: &photos,
        device_labels: &labels,
        english,
    };
    let outline = summary_outline(input, scope.clone());

    // Each selected photo's stored image, read once: it goes in if it really is a JPEG or PNG
    // (its own header says so, and its size), else the document names the gap.
    let mut slots = Vec::with_capacity(outline.photos.len());
    let mut images = Vec::new();
    for photo in &outline.photos {
        // An image that cannot be read leaves a gap like one that is gone: one photo never fails
        // the whole summary.
        // (A photo whose record came by sync has its image fetched now, once.)
        let record = photos.iter().find(|p| p.id == photo.id);
        let image = match record {
            Some(record) => image_here_or_fetched(&database, record).await,
            None => database.load_image(photo.id).await,
        };
        let Ok(Some(image)) = image else {
            slots.push(PhotoSlot::Gap(PhotoGap::Missing));
            continue;
        };
        let name = format!("photo{}", slots.len() + 1);
        match Member::image(&name, image, ImageCheck::new()).await {
            Some((member, header)) => {
                slots.push(PhotoSlot::Embedded(header));
                images.push(member);
            }
            None => slots.push(PhotoSlot::Gap(PhotoGap::Damaged)),
        }
    }

    let words = summary_words(language);
    let campaign_name =
        context
            .campaign
            .short_title
            .as_ref()
            .map_or(context.campaign.id.as_str(), |title| {
                match (&title.en, english) {
                    (Some(en), true) => en.as_str(),
                    _ => title.zh.as_str(),
                }
            });
    let facts = DocumentFacts {
        issuing_unit: &context.campaign.issuing_unit,
        campaign_name,
        exported_at: context
            .now
            .with_timezone(&crate::domain::china_time::china_offset())
            .naive_local(),
        app_version: context.app_version,
    };
    let mut images = images.into_iter();
    let mut members = Vec::new();
    for part in summary_docx(&outline, &slots, &words, &facts) {
        match part {
            DocxPart::Xml(name, bytes) => members.push(Member::bytes(&name, bytes)),
            DocxPart::Photo(name, _) => {
                if let Some(member) = images.next() {
                    members.push(member.renamed(&name));
                }
            }
        }
    }
    let photo_gaps = slots
        .iter()
        .filter(|s| matches!(s, PhotoSlot::Gap(_)))
        .count();
    Ok(BuiltSummary {
        name: summary_name(context.campaign, &scope, context.today),
        parts: zip_members::assemble(&members, context.now).map_err(|_| PackFailure::TooLarge)?,
        left_out: loaded.left_out(),
        photos: slots.len() - photo_gaps,
        photo_gaps,
    })
}
