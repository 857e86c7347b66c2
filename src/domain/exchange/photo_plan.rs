//! Merging the photos report packs bring over the stored ones: which change, which need their
//! image from a pack, and the preview's counts.

use crate::domain::ids::PhotoId;
use crate::domain::records::merge::{join, same_state, Tally};
use crate::domain::records::photo::PhotoRecord;
use std::collections::{HashMap, HashSet};

/// What importing packs would change among the stored photos.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoPlan {
    /// Each photo that changes: its stored version (if any) and the merged one.
    pub changes: Vec<(Option<PhotoRecord>, PhotoRecord)>,
    /// Distinct photos the packs carried.
    pub arriving: usize,
    /// Photos left out because they are not here and no pack carried their image (records of
    /// unselected photos in a report pack).
    pub without_image: usize,
}

impl PhotoPlan {
    /// Photos that are new here.
    pub fn added(&self) -> usize {
        self.changes
            .iter()
            .filter(|(before, after)| before.is_none() && !after.deleted)
            .count()
    }

    /// Whether the preview has a photo row: some pack brought a photo this device has or takes.
    pub fn has_photos(&self) -> bool {
        self.arriving > self.without_image
    }

    /// Photos already here whose caption or selection changes.
    pub fn updated(&self) -> usize {
        self.tally().updated
    }

    /// The preview's counts: new, updated, unchanged, deleted (never conflicting: photos are
    /// merged by rank alone).
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            unchanged: self.arriving - self.changes.len() - self.without_image,
            ..Default::default()
        };
        for (before, after) in &self.changes {
            match (before, after.deleted) {
                (Some(b), true) if b.deleted => tally.updated += 1,
                (_, true) => tally.deleted += 1,
                (None, false) => tally.new += 1,
                (Some(_), false) => tally.updated += 1,
            }
        }
        tally
    }

    /// Whether the merged photo needs its image from the pack: it is live, and no image is
    /// stored for it yet (new here, or stored only as a tombstone).
    pub fn needs_image(before: Option<&PhotoRecord>, after: &PhotoRecord) -> bool {
        !after.deleted && before.is_none_or(|b| b.deleted)
    }
}

/// Merges the photos of the packs being imported (`incoming`, with their origin set) over the
/// stored ones by the same rules as events: the higher revision wins, then the later change,
/// then the content. Only photos whose stored state changes are planned. A photo that would need
/// its image but whose image no pack carries (`with_image`) is left out: a record travels without
/// its image only to update a photo already here.
pub fn plan_photos(
    stored: &HashMap<PhotoId, PhotoRecord>,
    incoming: impl IntoIterator<Item = PhotoRecord>,
    with_image: &HashSet<PhotoId>,
) -> PhotoPlan {
    let mut merged: HashMap<PhotoId, PhotoRecord> = HashMap::new();
    for photo in incoming {
        let joined = match merged.get(&photo.id) {
            Some(other) => join(other, &photo),
            None => photo,
        };
        merged.insert(joined.id, joined);
    }
    let mut plan = PhotoPlan {
        arriving: merged.len(),
        ..PhotoPlan::default()
    };
    for (id, arriving) in merged {
        let before = stored.get(&id);
        let after = match before {
            Some(before) => join(before, &arriving),
            None => arriving,
        };
        if PhotoPlan::needs_image(before, &after) && !with_image.contains(&id) {
            plan.without_image += 1;
            continue;
        }
        if before.is_none_or(|b| !same_state(b, &after)) {
            plan.changes.push((before.cloned(), after));
        }
    }
    plan
}
