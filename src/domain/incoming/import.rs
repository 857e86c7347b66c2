//! Importing export files on the Quality Section's device: a verdict per file, then a plan of what
//! merging them would change, worked out before anything is stored.
//!
//! Reading never panics on any bytes (fuzzed in `tests/domain_import_fuzz.rs`). Planning uses the
//! rules of [`crate::domain::records::merge`]; the storage adapter then writes the plan's records, and the stored
//! copies they replace (the snapshot that "undo last import" restores), in one transaction.

use super::received::ReceivedRecords;
use crate::domain::exchange::export::{ExportFile, ExportReadError, RecordKind};
use crate::domain::ids::ReceivedFileId;
use crate::domain::plan::campaign::Campaign;
use crate::domain::records::event_record::EventRecord;
use crate::domain::records::merge::{
    edited_alongside, join, rank, same_state, Conflict, Mergeable, Tally,
};
use crate::domain::records::record_version::RecordOrigin;
use crate::domain::records::roster::RosterEntry;
use crate::domain::validation::FieldError;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The largest file the importer reads (an export of 10,000 events and 100,000 sign-ins is about
/// 40 MB); anything bigger is refused before it is read into memory.
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file cannot be imported. Every variant is shown with the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Bigger than [`MAX_IMPORT_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// No bytes at all.
    Empty,
    /// Not JSON text at all (a photo, a spreadsheet, random bytes).
    NotJson,
    /// JSON, but unreadable as an export: cut short, wrong shape, newer format, bad record.
    Unreadable(ExportReadError),
    /// An export of a campaign this device does not have.
    OtherCampaign {
        /// The campaign's title, as the file gives it.
        title: crate::domain::plan::campaign::LocalizedText,
    },
    /// A record breaks the plan's rules (edited by hand, or written by a broken tool).
    InvalidRecord {
        /// Its list.
        kind: RecordKind,
        /// Its 1-based position in that list.
        position: usize,
        /// What is wrong with it.
        errors: Vec<FieldError>,
    },
    /// A sign-in of an event the file does not carry.
    OrphanSignIn {
        /// Its 1-based position in `roster`.
        position: usize,
    },
    /// A report pack (ZIP) that cannot be read.
    Pack(crate::domain::exchange::report_pack::PackProblem),
    /// The file's campaign is new here, and the plan it carries breaks a rule.
    BadPlan(crate::domain::planning::plan_edit::PlanProblem),
    /// Records fit the plan the file carries but not this device's plan of the same campaign
    /// (the sender's plan was changed): the plan file should be shared first.
    PlanDiffers,
}

/// Whether `head` (a file's first bytes) can start a JSON object: optional BOM and white space,
/// then `{`. Lets junk be refused without reading a large file.
pub fn starts_like_json_object(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    head.iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|byte| *byte == b'{')
}

/// Reads one file's bytes as an export of `campaign`, checking every record against the plan.
/// A file of another campaign is refused.
pub fn read_export_file(bytes: &[u8], campaign: &Campaign) -> Result<ExportFile, FileProblem> {
    let file = read_export_file_of(bytes, std::slice::from_ref(campaign))?;
    if file.campaign.id != campaign.id {
        return Err(FileProblem::OtherCampaign {
            title: file.campaign.title.clone(),
        });
    }
    Ok(file)
}

/// Reads one file's bytes as an export of any campaign: records are checked against the device's
/// own plan of the file's campaign when `known` holds it, else against the plan the file carries
/// (which must itself be valid; importing the file then adds that campaign).
pub fn read_export_file_of(bytes: &[u8], known: &[Campaign]) -> Result<ExportFile, FileProblem> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(FileProblem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    if !starts_like_json_object(bytes) {
        return Err(FileProblem::NotJson);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotJson)?;
    let mut file = ExportFile::from_json(text).map_err(FileProblem::Unreadable)?;
    let campaign = match known.iter().find(|c| c.id == file.campaign.id) {
        Some(known) => known,
        None => {
            if let Some(problem) = crate::domain::planning::plan_edit::plan_problems(&file.campaign)
                .into_iter()
                .next()
            {
                return Err(FileProblem::BadPlan(problem));
            }
            &file.campaign
        }
    };
    if let Err(problem) = check_records(&file, campaign) {
        // Records that fit the sender's own, different plan: say so rather than "invalid".
        let fits_own = file.campaign != *campaign && check_records(&file, &file.campaign).is_ok();
        return Err(if fits_own {
            FileProblem::PlanDiffers
        } else {
            problem
        });
    }
    // A kept phone must come from a version ranked below the one keeping it (as merging makes
    // it); one that does not (a hand-edited file) is dropped, or merging would depend on order.
    for entry in &mut file.roster {
        let consistent = entry.kept_phone.as_ref().is_some_and(|kept| {
            entry.withholds_phone() && kept.from < crate::domain::records::merge::rank(entry)
        });
        if !consistent {
            entry.kept_phone = None;
        }
    }
    Ok(file)
}

fn check_records(file: &ExportFile, campaign: &Campaign) -> Result<(), FileProblem> {
    let invalid = |kind, position, errors| FileProblem::InvalidRecord {
        kind,
        position,
        errors,
    };
    for (index, event) in file.events.iter().enumerate() {
        // A tombstone only has to say which campaign it belongs to: the plan may have moved on.
        let checked = if event.deleted {
            event.validate(campaign).err().map(|errors| {
                errors
                    .into_iter()
                    .filter(|e| e.field == crate::domain::validation::Field::Campaign)
                    .collect::<Vec<_>>()
            })
        } else {
            event.validate(campaign).err()
        };
        if let Some(errors) = checked.filter(|errors| !errors.is_empty()) {
            return Err(invalid(RecordKind::Event, index + 1, errors));
        }
    }
    let events: HashSet<_> = file.events.iter().map(|e| e.id).collect();
    for (index, entry) in file.roster.iter().enumerate() {
        if !events.contains(&entry.event_id) {
            return Err(FileProblem::OrphanSignIn {
                position: index + 1,
            });
        }
        if !entry.deleted {
            if let Err(errors) = entry.validate() {
                return Err(invalid(RecordKind::RosterEntry, index + 1, errors));
            }
        }
    }
    Ok(())
}

/// What merging a batch does to one kind of record.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan<R> {
    /// The counts the preview shows.
    pub tally: Tally,
    /// Each record that changes: its stored copy (`None`: new) and its merged version.
    pub changes: Vec<(Option<R>, R)>,
    /// Versions to review.
    pub conflicts: Vec<Conflict<R>>,
}

/// Merges `incoming` versions into `stored`, in any order with the same result.
pub fn plan_merge<R: Mergeable>(
    stored: &HashMap<R::Id, R>,
    incoming: impl IntoIterator<Item = R>,
) -> MergePlan<R> {
    let mut merged: BTreeMap<R::Id, R> = BTreeMap::new();
    let mut seen: HashMap<R::Id, Vec<R>> = HashMap::new();
    for version in incoming {
        let id = version.record_id();
        let current = merged.get(&id).or_else(|| stored.get(&id));
        let joined = match current {
            Some(current) => join(current, &version),
            None => version.clone(),
        };
        merged.insert(id, joined);
        seen.entry(id).or_default().push(version);
    }
    let mut plan = MergePlan {
        tally: Tally::default(),
        changes: Vec::new(),
        conflicts: Vec::new(),
    };
    for (id, after) in merged {
        let before = stored.get(&id);
        let versions = seen.remove(&id).unwrap_or_default();
        let conflicts = conflicts_with(&after, before.into_iter().chain(&versions));
        if !conflicts.is_empty() {
            plan.tally.conflicting += 1;
        }
        plan.conflicts.extend(conflicts);
        let unchanged = before.is_some_and(|before| same_state(before, &after));
        if unchanged {
            plan.tally.unchanged += 1;
            continue;
        }
        if after.is_deleted() && before.is_none_or(|b| !b.is_deleted()) {
            plan.tally.deleted += 1;
        } else if before.is_none() {
            plan.tally.new += 1;
        } else {
            plan.tally.updated += 1;
        }
        plan.changes.push((before.cloned(), after));
    }
    plan
}

/// The versions among `versions` that lost to `kept` while edited alongside it, one per content.
fn conflicts_with<'a, R: Mergeable + 'a>(
    kept: &R,
    versions: impl Iterator<Item = &'a R>,
) -> Vec<Conflict<R>> {
    let mut listed = HashSet::new();
    versions
        .filter(|version| edited_alongside(*version, kept))
        .filter(|version| listed.insert(rank(*version)))
        .map(|version| Conflict {
            kept: kept.clone(),
            other: version.clone(),
        })
        .collect()
}

/// One file of a batch, with the ID it is received under.
#[derive(Debug, Clone, Copy)]
pub struct IncomingFile<'a> {
    /// The ID drawn for it.
    pub id: ReceivedFileId,
    /// Its contents.
    pub export: &'a ExportFile,
}

impl IncomingFile<'_> {
    /// The file's records as they are received and kept: each version marked with this file and
    /// the device that exported it.
    pub fn records(&self) -> ReceivedRecords {
        let origin = RecordOrigin {
            file_id: self.id,
            device_id: self.export.device.id,
        };
        let mut carried = ReceivedRecords {
            events: self.export.events.clone(),
            roster: self.export.roster.clone(),
            photos: Vec::new(),
        };
        for event in &mut carried.events {
            event.origin = Some(origin.clone());
        }
        for entry in &mut carried.roster {
            entry.origin = Some(origin.clone());
        }
        carried
    }
}

/// What importing a batch of files changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Events.
    pub events: MergePlan<EventRecord>,
    /// Roster entries.
    pub roster: MergePlan<RosterEntry>,
}

/// Plans the import of `files` over the stored records; each incoming version is marked with the
/// file and device it came from.
pub fn plan_import(
    stored_events: &HashMap<crate::domain::ids::EventId, EventRecord>,
    stored_roster: &HashMap<crate::domain::ids::RosterEntryId, RosterEntry>,
    files: &[IncomingFile<'_>],
) -> ImportPlan {
    let carried: Vec<ReceivedRecords> = files.iter().map(IncomingFile::records).collect();
    let events = carried.iter().flat_map(|c| c.events.iter().cloned());
    let roster = carried.iter().flat_map(|c| c.roster.iter().cloned());
    ImportPlan {
        events: plan_merge(stored_events, events),
        roster: plan_merge(stored_roster, roster),
    }
}

/// A record once `removed`'s contribution is taken away, without undoing anything else: the
/// merge of the stored version (unless it came from `removed`), the versions in the other files
/// still received, and the version this device had before `removed` was imported if it was made
/// here. `None`: no other source has the record, so it goes.
pub fn without_file<R: Mergeable>(
    removed: ReceivedFileId,
    stored: Option<&R>,
    in_other_files: &[R],
    before_import: Option<&R>,
) -> Option<R> {
    let stored = stored.filter(|r| r.origin().is_none_or(|o| o.file_id != removed));
    let local_before = before_import.filter(|r| r.origin().is_none());
    stored
        .into_iter()
        .chain(in_other_files)
        .chain(local_before)
        .fold(None, |merged: Option<R>, version| {
            Some(match merged {
                Some(merged) => join(&merged, version),
                None => version.clone(),
            })
        })
}

/// What an undo or a removal did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reverted {
    /// Records put back as they were (or removed, if the import had added them).
    pub restored: usize,
    /// Records changed since the import, left as they are.
    pub kept: usize,
}
