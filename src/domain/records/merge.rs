//! Merge rules: how the copies of one record that arrive from several tablets become one.
//!
//! The rules are written out for users and reviewers in `docs/merge-rules.md`; in short:
//!
//! - Records (events and roster entries) are matched by UUID.
//! - Of two versions of a record, the one with the higher [`VersionRank`] wins: revision, then
//!   change time, then the device the record was made on, then a hash of its content. That is a
//!   total order, so the result never depends on the order files are merged in.
//! - A field a version withholds (a report's phones) never overwrites a value: the winner keeps the
//!   phone of the best-ranked version that carried one ([`KeptPhone`]).
//! - Tombstones (deleted records) are versions like any other.
//! - [`join`] is idempotent, commutative and associative (tested with proptest in
//!   `tests/domain_merge.rs`), which is what lets the Quality Section merge files in any order, any
//!   number of times.
//! - A losing version that was edited alongside the winner rather than before it (see
//!   [`edited_alongside`]) is a conflict the user reviews; choosing it ([`choose`]) makes a new
//!   revision, so merging the same files again does not undo the choice.

use super::event_record::EventRecord;
use super::photo::PhotoRecord;
use super::record_version::{content_hash, RecordOrigin, VersionRank};
use super::roster::{KeptPhone, RosterEntry};
use crate::domain::ids::{DeviceId, EventId, PhotoId, RosterEntryId};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt::Debug;
use std::hash::Hash;

/// A record that can be merged: events and roster entries.
pub trait Mergeable: Clone + Serialize + PartialEq + Debug {
    /// Its UUID.
    type Id: Copy + Ord + Hash + Debug;
    /// The record's UUID.
    fn record_id(&self) -> Self::Id;
    /// Revision and change time, the cheap part of the rank.
    fn stamp(&self) -> (u32, DateTime<Utc>);
    /// Sets revision and change time (for [`choose`]).
    fn set_stamp(&mut self, revision: u32, updated_at: DateTime<Utc>);
    /// The device the record was made on, if it says.
    fn made_on(&self) -> Option<DeviceId>;
    /// Whether the version is a tombstone.
    fn is_deleted(&self) -> bool;
    /// Where this version came from.
    fn origin(&self) -> Option<&RecordOrigin>;
    /// Sets where this version came from.
    fn set_origin(&mut self, origin: Option<RecordOrigin>);
    /// Whether this version withholds any field.
    fn withholds(&self) -> bool;
    /// The version without origin, kept values and, when `drop_withholdable`, the withholdable
    /// fields: what its hashes are computed over.
    fn bare(&self, drop_withholdable: bool) -> Self;
    /// Makes `winner`'s kept values the best among its own and `other`'s (see [`KeptPhone`]).
    fn keep_withheld_values(winner: &mut Self, other: &Self);
}

fn hash_of<R: Serialize>(record: &R) -> u64 {
    content_hash(&serde_json::to_vec(record).unwrap_or_default())
}

/// The hash of the version's content without its withholdable fields: the
/// [`VersionRank::identity`] alone, for what needs no more (sync's version marks).
pub fn identity_hash<R: Mergeable>(record: &R) -> u64 {
    hash_of(&record.bare(true))
}

/// The version's full rank.
pub fn rank<R: Mergeable>(record: &R) -> VersionRank {
    let (revision, updated_at) = record.stamp();
    VersionRank {
        revision,
        updated_at,
        device: record.made_on(),
        identity: identity_hash(record),
        complete: !record.withholds(),
        content: hash_of(&record.bare(false)),
    }
}

/// Compares two versions of one record by [`VersionRank`], hashing only when revision, time
/// and device tie (which is rare except for identical copies).
pub fn compare<R: Mergeable>(a: &R, b: &R) -> Ordering {
    (a.stamp(), a.made_on())
        .cmp(&(b.stamp(), b.made_on()))
        .then_with(|| rank(a).cmp(&rank(b)))
}

/// The merge of two versions of one record: the higher-ranked one, with the best withheld
/// values of both. Of two copies of the same version, `a` is kept, so a record keeps the origin
/// it was first received with.
pub fn join<R: Mergeable>(a: &R, b: &R) -> R {
    let (winner, loser) = if compare(a, b) == Ordering::Less {
        (b, a)
    } else {
        (a, b)
    };
    let mut joined = winner.clone();
    R::keep_withheld_values(&mut joined, loser);
    joined
}

/// A hash of a record's whole state apart from its origin (kept values included): tells whether a
/// stored record is still exactly what an import wrote.
pub fn state_hash<R: Mergeable>(record: &R) -> u64 {
    let mut state = record.clone();
    state.set_origin(None);
    hash_of(&state)
}

/// Whether two states of a record are the same apart from their origin.
pub fn same_state<R: Mergeable>(a: &R, b: &R) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    a.set_origin(None);
    b.set_origin(None);
    a == b
}

/// Whether `a` and `b` differ in what they say (not just in revision, time, origin or a withheld
/// value) and were edited alongside each other rather than one after the other: the same
/// revision, or the lower revision saved later. Such a loser is listed as a conflict.
pub fn edited_alongside<R: Mergeable>(a: &R, b: &R) -> bool {
    let ((rev_a, time_a), (rev_b, time_b)) = (a.stamp(), b.stamp());
    let alongside =
        rev_a == rev_b || (rev_a < rev_b && time_a > time_b) || (rev_b < rev_a && time_b > time_a);
    // The same state (the common case: a version against the merge it won) says nothing
    // different, and is told without serialising either.
    alongside && !same_state(a, b) && say_different_things(a, b)
}

/// Whether two versions of a record differ in what they say: not just in revision, change time,
/// origin or a withheld value.
pub fn say_different_things<R: Mergeable>(a: &R, b: &R) -> bool {
    let drop_withholdable = a.withholds() || b.withholds();
    let substance = |record: &R| {
        let mut bare = record.bare(drop_withholdable);
        bare.set_stamp(0, DateTime::<Utc>::UNIX_EPOCH);
        serde_json::to_vec(&bare).unwrap_or_default()
    };
    substance(a) != substance(b)
}

/// The record as the user chose it in the conflict list: `chosen`'s content as a new revision
/// above both it and `current`, saved at `now` and made on this device, so no later merge of the
/// same files undoes the choice.
pub fn choose<R: Mergeable>(current: &R, chosen: &R, now: DateTime<Utc>) -> R {
    let mut next = chosen.clone();
    let (rev_current, time_current) = current.stamp();
    let (rev_chosen, time_chosen) = chosen.stamp();
    let revision = rev_current.max(rev_chosen).saturating_add(1);
    next.set_stamp(revision, now.max(time_current).max(time_chosen));
    next.set_origin(None);
    join(&next, current)
}

/// The [`Mergeable`] methods both record types answer from the same fields: `id`, `revision`,
/// `updated_at`, `deleted` and `origin`.
macro_rules! record_fields {
    ($id:ty) => {
        fn record_id(&self) -> $id {
            self.id
        }
        fn stamp(&self) -> (u32, DateTime<Utc>) {
            (self.revision, self.updated_at)
        }
        fn set_stamp(&mut self, revision: u32, updated_at: DateTime<Utc>) {
            (self.revision, self.updated_at) = (revision, updated_at);
        }
        fn is_deleted(&self) -> bool {
            self.deleted
        }
        fn origin(&self) -> Option<&RecordOrigin> {
            self.origin.as_ref()
        }
        fn set_origin(&mut self, origin: Option<RecordOrigin>) {
            self.origin = origin;
        }
    };
}

/// The [`Mergeable`] methods of a record type with no withholdable field (events, photos): its
/// bare version is itself without origin.
macro_rules! never_withholds {
    () => {
        fn withholds(&self) -> bool {
            false
        }
        fn bare(&self, _drop_withholdable: bool) -> Self {
            let mut bare = self.clone();
            bare.origin = None;
            bare
        }
        fn keep_withheld_values(_winner: &mut Self, _other: &Self) {}
    };
}

impl Mergeable for EventRecord {
    type Id = EventId;

    record_fields!(EventId);
    never_withholds!();
    fn made_on(&self) -> Option<DeviceId> {
        Some(self.device_id)
    }
}

/// Photos merge like events: by revision, time and content; the image goes with the record.
impl Mergeable for PhotoRecord {
    type Id = PhotoId;

    record_fields!(PhotoId);
    never_withholds!();
    fn made_on(&self) -> Option<DeviceId> {
        None
    }
}

impl Mergeable for RosterEntry {
    type Id = RosterEntryId;

    record_fields!(RosterEntryId);
    fn made_on(&self) -> Option<DeviceId> {
        None
    }
    fn withholds(&self) -> bool {
        self.withholds_phone()
    }
    fn bare(&self, drop_withholdable: bool) -> Self {
        let mut bare = self.clone();
        bare.origin = None;
        bare.kept_phone = None;
        if drop_withholdable {
            bare.phone = None;
            bare.withheld.clear();
        }
        bare
    }
    fn keep_withheld_values(winner: &mut Self, other: &Self) {
        if !winner.withholds_phone() {
            winner.kept_phone = None;
            return;
        }
        let offered = if other.withholds_phone() {
            other.kept_phone.clone()
        } else {
            Some(KeptPhone {
                phone: other.phone.clone(),
                from: rank(other),
            })
        };
        if let Some(offered) = offered {
            let better = winner
                .kept_phone
                .as_ref()
                .is_none_or(|kept| offered.from > kept.from);
            if better {
                winner.kept_phone = Some(offered);
            }
        }
    }
}

/// How many records a merge would add, change, leave, delete, and find in conflict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Records this device does not have yet.
    pub new: usize,
    /// Records that change (a newer version, or a phone learnt).
    pub updated: usize,
    /// Records already here as they are, or here in a newer version.
    pub unchanged: usize,
    /// Records that become deleted (or arrive already deleted).
    pub deleted: usize,
    /// Records with a version edited alongside the winner: listed for review. These are also
    /// counted in one of the other four.
    pub conflicting: usize,
}

/// A losing version edited alongside the winner, for the user to review.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<R> {
    /// The version the merge kept.
    pub kept: R,
    /// The version that lost.
    pub other: R,
}
