//! Live sync's decisions against a model of a CouchDB server (linear history per document, 409 on
//! a stale `_rev`, the rank check of `validate_doc_update`, sibling leaves as a cluster or a
//! `new_edits: false` write leaves them, answers lost on the way back, a restore from an older
//! backup), driven by proptest through any interleaving of edits on three tablets (one with its
//! clock a day behind), pushes, pulls and failures. Afterwards every tablet and the server hold the
//! same version of every record, which is the merge of every version ever made, and no edit is
//! lost: each is either in the history of the final version or kept as a conflict document.
// proptest is a host-only dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, TimeZone, Utc};
use field_ledger::domain::ids::{ActivityId, DeviceId, EventId, UnitId};
use field_ledger::domain::plan::campaign::Campaign;
use field_ledger::domain::records::event_record::{ActivityChoice, EventRecord};
use field_ledger::domain::records::merge::{join, same_state};
use field_ledger::domain::sync::document::{
    ConflictDocument, DocRank, Rev, SyncDocument, Synced, VersionMark,
};
use field_ledger::domain::sync::settle::{
    acknowledged, settle, PendingMarker, PushAnswer, Settled,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

const RECORDS: u128 = 3;
const TABLETS: usize = 3;

fn owner() -> UnitId {
    UnitId::new("food")
}

fn record(n: u128) -> EventRecord {
    let campaign = Campaign::quality_month_2021();
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 2, 0, 0).unwrap();
    let mut event = EventRecord::new(
        EventId::parse(&format!("7d0c3b9e-8a4f-4c2e-9d1a-{n:012x}")).unwrap(),
        &campaign,
        DeviceId::parse("7d0c3b9e-8a4f-4c2e-9d1a-000000000999").unwrap(),
        ActivityChoice::Planned {
            activity_id: ActivityId::new("qm2021-a05"),
        },
        UnitId::new("food"),
        chrono::NaiveDate::from_ymd_opt(2021, 9, 15).unwrap(),
        now,
    );
    event.place = "意式风情街".into();
    event.recorder = "李明".into();
    event
}

/// One leaf of a document on the model server.
#[derive(Clone)]
struct Leaf {
    depth: u32,
    rev: Rev,
    record: EventRecord,
}

/// The model server: per document its leaves (the winner chosen as CouchDB does: deepest, then
/// the highest revision string), and the conflict documents.
#[derive(Clone, Default)]
struct Server {
    docs: BTreeMap<String, Vec<Leaf>>,
    conflicts: BTreeMap<String, ConflictDocument<EventRecord>>,
    /// Changes with every restore from a backup (the identity document a real server keeps).
    identity: u32,
    next_rev: u64,
}

impl Server {
    fn winner(&self, id: &str) -> Option<&Leaf> {
        self.docs
            .get(id)?
            .iter()
            .max_by(|a, b| (a.depth, &a.rev).cmp(&(b.depth, &b.rev)))
    }

    fn new_rev(&mut self, depth: u32) -> Rev {
        self.next_rev += 1;
        format!("{depth}-{:08x}", self.next_rev)
    }

    /// `_bulk_docs` of one document (new edits): 409 unless based on the winning leaf.
    fn put(&mut self, doc: &SyncDocument<EventRecord>) -> PushAnswer {
        let winner = self.winner(&doc.id).cloned();
        match (&winner, &doc.rev) {
            (None, None) => {
                let rev = self.new_rev(1);
                self.docs.insert(
                    doc.id.clone(),
                    vec![Leaf {
                        depth: 1,
                        rev: rev.clone(),
                        record: doc.record.clone(),
                    }],
                );
                PushAnswer::Stored(rev)
            }
            (Some(leaf), Some(rev)) if *rev == leaf.rev => {
                // validate_doc_update: the rank never goes down.
                if DocRank::of(&doc.record) < DocRank::of(&leaf.record) {
                    return PushAnswer::Refused("rank lowered".into());
                }
                let rev = self.new_rev(leaf.depth + 1);
                let leaves = self.docs.get_mut(&doc.id).expect("exists");
                let at = leaves
                    .iter()
                    .position(|l| l.rev == leaf.rev)
                    .expect("winner");
                leaves[at] = Leaf {
                    depth: leaf.depth + 1,
                    rev: rev.clone(),
                    record: doc.record.clone(),
                };
                PushAnswer::Stored(rev)
            }
            _ => PushAnswer::Conflict,
        }
    }

    /// A document as read with `conflicts=true`: the winner, and the other leaves.
    fn read(
        &self,
        id: &str,
    ) -> Option<(SyncDocument<EventRecord>, Vec<SyncDocument<EventRecord>>)> {
        let winner = self.winner(id)?;
        let as_doc = |leaf: &Leaf| SyncDocument::of(&leaf.record, &owner(), Some(leaf.rev.clone()));
        let others = self.docs[id]
            .iter()
            .filter(|l| l.rev != winner.rev)
            .map(as_doc)
            .collect();
        Some((as_doc(winner), others))
    }

    fn delete_leaf(&mut self, id: &str, rev: &Rev) {
        if let Some(leaves) = self.docs.get_mut(id) {
            if leaves.len() > 1 {
                leaves.retain(|l| &l.rev != rev);
            }
        }
    }
}

/// A tablet: its records, pending markers and the server revisions it has seen.
#[derive(Clone, Default)]
struct Tablet {
    records: HashMap<String, EventRecord>,
    markers: HashMap<String, PendingMarker>,
    revs: HashMap<String, Rev>,
    /// The conflict documents this tablet wrote, kept so a restored server gets them again.
    conflicts: BTreeMap<String, ConflictDocument<EventRecord>>,
    identity: u32,
    skew_hours: i64,
}

/// Everything the run made: every version, with the version it was made from.
#[derive(Default)]
struct History {
    parents: HashMap<(String, VersionMark), Option<VersionMark>>,
    versions: HashMap<String, Vec<EventRecord>>,
    /// Versions some tablet has held: a version only the server ever had (a sibling leaf) is
    /// lost with the server's data when it is restored from an older backup, and nobody can bring
    /// it back.
    on_a_tablet: HashSet<(String, VersionMark)>,
    /// Server-only versions, until a tablet holds them.
    server_only: Vec<(String, VersionMark)>,
}

impl History {
    fn made(&mut self, id: &str, from: Option<&EventRecord>, version: &EventRecord) {
        self.parents
            .entry((id.to_owned(), VersionMark::of(version)))
            .or_insert(from.map(VersionMark::of));
        self.versions
            .entry(id.to_owned())
            .or_default()
            .push(version.clone());
    }

    fn ancestors(&self, id: &str, from: VersionMark) -> HashSet<VersionMark> {
        let mut seen = HashSet::new();
        let mut at = Some(from);
        while let Some(mark) = at {
            if !seen.insert(mark) {
                break;
            }
            at = self.parents.get(&(id.to_owned(), mark)).copied().flatten();
        }
        seen
    }
}

#[derive(Debug, Clone)]
enum Step {
    Edit {
        tablet: usize,
        record: u128,
        place: u8,
        heads: u8,
    },
    Push {
        tablet: usize,
        fail: Fail,
    },
    Pull {
        tablet: usize,
    },
    /// A cluster or `new_edits: false` leaves a sibling of the winning leaf.
    Sibling {
        record: u128,
        place: u8,
    },
    /// The server is restored from the backup taken at the last `Backup`.
    Backup,
    Restore,
}

#[derive(Debug, Clone, Copy)]
enum Fail {
    None,
    /// The request never reached the server.
    Before,
    /// The server applied it; the answer was lost.
    After,
}

fn step() -> impl Strategy<Value = Step> {
    let tablet = 0..TABLETS;
    prop_oneof![
        4 => (tablet.clone(), 0..RECORDS, 0..4u8, 0..200u8)
            .prop_map(|(tablet, record, place, heads)| Step::Edit { tablet, record, place, heads }),
        3 => (tablet.clone(), prop_oneof![3 => Just(Fail::None), 1 => Just(Fail::Before), 1 => Just(Fail::After)])
            .prop_map(|(tablet, fail)| Step::Push { tablet, fail }),
        3 => tablet.prop_map(|tablet| Step::Pull { tablet }),
        1 => (0..RECORDS, 0..4u8).prop_map(|(record, place)| Step::Sibling { record, place }),
        1 => Just(Step::Backup),
        1 => Just(Step::Restore),
    ]
}

const PLACES: [&str; 4] = ["意式风情街", "中山公园广场", "望海楼社区", "建昌道社区"];

struct World {
    server: Server,
    backup: Option<Server>,
    tablets: Vec<Tablet>,
    history: History,
    clock: i64,
}

impl World {
    fn new() -> Self {
        let mut history = History::default();
        let mut first = Tablet::default();
        for n in 0..RECORDS {
            let event = record(n);
            let id = event.doc_id();
            history.made(&id, None, &event);
            first
                .markers
                .insert(id.clone(), PendingMarker::after_save(None, None, &event));
            first.records.insert(id, event);
        }
        let mut tablets = vec![first, Tablet::default(), Tablet::default()];
        tablets[2].skew_hours = -24;
        Self {
            server: Server::default(),
            backup: None,
            tablets,
            history,
            clock: 0,
        }
    }

    /// Applies what settling decided: stores, writes conflicts, pushes, deletes leaves.
    fn apply(&mut self, t: usize, id: &str, settled: Settled<EventRecord>) {
        let tablet = &mut self.tablets[t];
        for conflict in settled.conflicts {
            tablet
                .conflicts
                .entry(conflict.id.clone())
                .or_insert(conflict.clone());
            self.server
                .conflicts
                .entry(conflict.id.clone())
                .or_insert(conflict);
        }
        if settled.store {
            tablet.records.insert(id.to_owned(), settled.merged.clone());
            self.history
                .on_a_tablet
                .insert((id.to_owned(), VersionMark::of(&settled.merged)));
        }
        match settled.marker {
            Some(marker) => tablet.markers.insert(id.to_owned(), marker),
            None => tablet.markers.remove(id),
        };
        if let Some(push) = settled.push {
            let answer = self.server.put(&push);
            if let PushAnswer::Stored(rev) = &answer {
                for leaf in &settled.delete_leaves {
                    self.server.delete_leaf(id, leaf);
                }
                let tablet = &mut self.tablets[t];
                tablet.revs.insert(id.to_owned(), rev.clone());
                if tablet
                    .markers
                    .get(id)
                    .is_some_and(|m| acknowledged(m, push.version(), &answer))
                {
                    tablet.markers.remove(id);
                }
            }
        } else if let Some((doc, _)) = self.server.read(id) {
            self.tablets[t]
                .revs
                .insert(id.to_owned(), doc.rev.unwrap_or_default());
        }
    }

    /// A restored server lost what came after its backup: the tablet compares everything again
    /// and puts back, as waiting, what the server lacks or holds older.
    fn check_identity(&mut self, t: usize) {
        if self.tablets[t].identity == self.server.identity {
            return;
        }
        let ids: Vec<String> = self.tablets[t].records.keys().cloned().collect();
        for id in ids {
            let on_server = self
                .server
                .read(&id)
                .map(|(doc, _)| VersionMark::of(&doc.record));
            let tablet = &mut self.tablets[t];
            let here = &tablet.records[&id];
            if on_server != Some(VersionMark::of(here)) && !tablet.markers.contains_key(&id) {
                tablet
                    .markers
                    .insert(id.clone(), PendingMarker::after_restore(here));
            }
            tablet.revs.remove(&id);
        }
        for (id, conflict) in &self.tablets[t].conflicts {
            self.server
                .conflicts
                .entry(id.clone())
                .or_insert(conflict.clone());
        }
        self.tablets[t].identity = self.server.identity;
    }

    fn run(&mut self, step: &Step) {
        self.clock += 1;
        match *step {
            Step::Edit {
                tablet: t,
                record: n,
                place,
                heads,
            } => {
                let id = record(n).doc_id();
                let tablet = &mut self.tablets[t];
                let Some(previous) = tablet.records.get(&id).cloned() else {
                    return;
                };
                let now = Utc.with_ymd_and_hms(2021, 9, 16, 0, 0, 0).unwrap()
                    + Duration::minutes(self.clock)
                    + Duration::hours(tablet.skew_hours);
                let mut next = previous.next_revision(now);
                next.place = PLACES[place as usize].into();
                next.head_count = u32::from(heads);
                let marker =
                    PendingMarker::after_save(tablet.markers.get(&id), Some(&previous), &next);
                tablet.markers.insert(id.clone(), marker);
                tablet.records.insert(id.clone(), next.clone());
                self.history.made(&id, Some(&previous), &next);
            }
            Step::Push { tablet: t, fail } => {
                self.check_identity(t);
                let mut ids: Vec<String> = self.tablets[t].markers.keys().cloned().collect();
                ids.sort();
                for id in ids {
                    let tablet = &mut self.tablets[t];
                    let here = tablet.records[&id].clone();
                    let doc = SyncDocument::of(&here, &owner(), tablet.revs.get(&id).cloned());
                    tablet.markers.get_mut(&id).expect("pending").note_sent();
                    let answer = match fail {
                        Fail::Before => continue,
                        Fail::After => {
                            self.server.put(&doc);
                            continue;
                        }
                        Fail::None => self.server.put(&doc),
                    };
                    match answer {
                        PushAnswer::Stored(rev) => {
                            let tablet = &mut self.tablets[t];
                            tablet.revs.insert(id.clone(), rev.clone());
                            if acknowledged(
                                &tablet.markers[&id],
                                doc.version(),
                                &PushAnswer::Stored(rev),
                            ) {
                                tablet.markers.remove(&id);
                            }
                        }
                        PushAnswer::Conflict => {
                            let (server, leaves) =
                                self.server.read(&id).expect("a 409 means it exists");
                            let tablet = &self.tablets[t];
                            let settled = settle(
                                Some(&here),
                                tablet.markers.get(&id),
                                &server,
                                &leaves,
                                &owner(),
                            );
                            self.apply(t, &id, settled);
                        }
                        other => panic!("unexpected answer {other:?}"),
                    }
                }
            }
            Step::Pull { tablet: t } => {
                self.check_identity(t);
                let ids: Vec<String> = self.server.docs.keys().cloned().collect();
                for id in ids {
                    let (server, leaves) = self.server.read(&id).expect("listed");
                    let tablet = &self.tablets[t];
                    if tablet.revs.get(&id) == server.rev.as_ref() && leaves.is_empty() {
                        continue; // nothing new since this tablet last saw it
                    }
                    let settled = settle(
                        tablet.records.get(&id),
                        tablet.markers.get(&id),
                        &server,
                        &leaves,
                        &owner(),
                    );
                    self.apply(t, &id, settled);
                }
            }
            Step::Sibling { record: n, place } => {
                let id = record(n).doc_id();
                let Some(winner) = self.server.winner(&id).cloned() else {
                    return;
                };
                let now = Utc.with_ymd_and_hms(2021, 9, 16, 0, 0, 0).unwrap()
                    + Duration::minutes(self.clock);
                let mut sibling = winner.record.next_revision(now);
                sibling.place = format!("{} 分会场", PLACES[place as usize]);
                self.history.made(&id, Some(&winner.record), &sibling);
                self.history
                    .server_only
                    .push((id.clone(), VersionMark::of(&sibling)));
                let rev = self.server.new_rev(winner.depth + 1);
                self.server.docs.get_mut(&id).expect("exists").push(Leaf {
                    depth: winner.depth + 1,
                    rev,
                    record: sibling,
                });
            }
            Step::Backup => self.backup = Some(self.server.clone()),
            Step::Restore => {
                if let Some(backup) = self.backup.clone() {
                    let history = &mut self.history;
                    let lost: Vec<(String, VersionMark)> = history
                        .server_only
                        .iter()
                        .filter(|v| !history.on_a_tablet.contains(v))
                        .filter(|(id, mark)| {
                            backup.docs.get(id).is_none_or(|leaves| {
                                leaves.iter().all(|l| VersionMark::of(&l.record) != *mark)
                            })
                        })
                        .cloned()
                        .collect();
                    for (id, mark) in lost {
                        if let Some(versions) = history.versions.get_mut(&id) {
                            versions.retain(|v| VersionMark::of(v) != mark);
                        }
                    }
                    let identity = self.server.identity + 1;
                    let next_rev = self.server.next_rev;
                    self.server = backup;
                    self.server.identity = identity;
                    self.server.next_rev = next_rev;
                }
            }
        }
    }

    /// Every tablet pushes and pulls, without failures, until nothing is waiting.
    fn settle_down(&mut self) {
        for _ in 0..8 {
            for t in 0..TABLETS {
                self.run(&Step::Push {
                    tablet: t,
                    fail: Fail::None,
                });
                self.run(&Step::Pull { tablet: t });
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_interleaving_converges_to_the_merge_of_every_version_and_loses_no_edit(
        steps in proptest::collection::vec(step(), 0..40)
    ) {
        let mut world = World::new();
        for step in &steps {
            world.run(step);
        }
        world.settle_down();
        for n in 0..RECORDS {
            let id = record(n).doc_id();
            let (server, leaves) = world.server.read(&id).expect("every record reached the server");
            prop_assert!(leaves.is_empty(), "{id}: leaves left on the server");
            let everything = world.history.versions[&id].iter().skip(1)
                .fold(world.history.versions[&id][0].clone(), |a, b| join(&a, b));
            prop_assert!(same_state(&server.record, &everything), "{id}: the server holds the merge of every version");
            for (t, tablet) in world.tablets.iter().enumerate() {
                prop_assert!(tablet.markers.is_empty(), "tablet {t}: nothing left waiting");
                if let Some(here) = tablet.records.get(&id) {
                    prop_assert!(same_state(here, &everything), "tablet {t} holds the merge of {id}");
                }
            }
            // No edit lost: each version says what the final version or a conflict document says,
            // or is in the history of a version that does (a tablet's own later edit replaced it).
            let substance = |v: &EventRecord| {
                let mut bare = v.clone();
                bare.revision = 0;
                bare.updated_at = chrono::DateTime::<Utc>::UNIX_EPOCH;
                VersionMark::of(&bare)
            };
            let mut said: HashSet<VersionMark> = HashSet::from([substance(&everything)]);
            for conflict in world.server.conflicts.values().filter(|c| c.id.starts_with(&format!("conflict:{id}:"))) {
                said.insert(substance(&conflict.record));
            }
            let mut history_marks: HashSet<VersionMark> = HashSet::new();
            for version in world.history.versions[&id].iter().filter(|v| said.contains(&substance(v))) {
                history_marks.extend(world.history.ancestors(&id, VersionMark::of(version)));
            }
            let kept: HashSet<VersionMark> = world.history.versions[&id].iter()
                .filter(|v| history_marks.contains(&VersionMark::of(*v)))
                .map(substance)
                .collect();
            for version in &world.history.versions[&id] {
                prop_assert!(kept.contains(&substance(version)),
                    "{id}: the version at revision {} ({}, {}) is neither in the final history nor kept as a conflict",
                    version.revision, version.place, version.head_count);
            }
        }
        // Tablets that pulled know every record.
        for tablet in &world.tablets[1..] {
            prop_assert_eq!(tablet.records.len() as u128, RECORDS);
        }
    }
}

#[test]
fn a_tablet_a_day_behind_keeps_its_edit_as_a_conflict() {
    let mut world = World::new();
    world.run(&Step::Push {
        tablet: 0,
        fail: Fail::None,
    });
    world.run(&Step::Pull { tablet: 1 });
    world.run(&Step::Pull { tablet: 2 });
    // Both edit the same version; the tablet a day behind saves "later" by the wall clock.
    world.run(&Step::Edit {
        tablet: 1,
        record: 0,
        place: 1,
        heads: 10,
    });
    world.run(&Step::Edit {
        tablet: 2,
        record: 0,
        place: 2,
        heads: 20,
    });
    world.settle_down();
    let id = record(0).doc_id();
    let (server, _) = world.server.read(&id).unwrap();
    assert_eq!(
        server.record.place, "中山公园广场",
        "same revision: the later clock wins"
    );
    let conflicts: Vec<&str> = world
        .server
        .conflicts
        .values()
        .map(|c| c.record.place.as_str())
        .collect();
    assert_eq!(
        conflicts,
        ["望海楼社区"],
        "the other edit is kept for review, not dropped"
    );
}
