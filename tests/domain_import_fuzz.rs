//! The importer never panics on any bytes: valid exports mutated by truncation, byte flips,
//! values of the wrong type and inserted junk, each either read or refused with a reason.
//!
//! 2,000 cases in the test command; the benchmark runs 100,000 with `FUZZ_CASES=100000`. The
//! count is printed.
// proptest runs on the host only.
#![cfg(not(target_arch = "wasm32"))]

mod export_fixture;

use field_ledger::domain::exchange::export::ExportKind;
use field_ledger::domain::incoming::import::read_export_file;
use field_ledger::domain::plan::campaign::Campaign;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file at this fraction of its length.
    Truncate(f64),
    /// XOR one byte (at this fraction) with a value.
    Flip(f64, u8),
    /// Replace the value after the n-th `":` with a value of another type.
    WrongType(usize, &'static str),
    /// Insert bytes at this fraction.
    Insert(f64, Vec<u8>),
}

const WRONG_VALUES: &[&str] = &[
    "null",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "-1",
    "1.5",
    "1e999",
    "18446744073709551616",
    "true",
    "\"2021-02-30\"",
    "\"99999-01-01T00:00:00Z\"",
    "\"\\ud800\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Mutation::Truncate),
        (0.0..1.0f64, 1u8..=255).prop_map(|(at, with)| Mutation::Flip(at, with)),
        (0usize..400, prop::sample::select(WRONG_VALUES))
            .prop_map(|(n, value)| Mutation::WrongType(n, value)),
        (0.0..1.0f64, prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
    ]
}

fn position(bytes: &[u8], fraction: f64) -> usize {
    ((bytes.len() as f64 * fraction) as usize).min(bytes.len())
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    match mutation {
        Mutation::Truncate(at) => bytes.truncate(position(bytes, *at)),
        Mutation::Flip(at, with) => {
            let at = position(bytes, *at);
            if let Some(byte) = bytes.get_mut(at) {
                *byte ^= with;
            }
        }
        Mutation::WrongType(n, value) => {
            let starts: Vec<usize> = bytes
                .windows(2)
                .enumerate()
                .filter(|(_, pair)| pair == b"\":")
                .map(|(i, _)| i + 2)
                .collect();
            if starts.is_empty() {
                return;
            }
            let start = starts[n % starts.len()];
            // The old value runs to the next `,` or `}` at its level; a rough cut is enough here.
            let end = bytes[start..]
                .iter()
                .position(|b| *b == b',' || *b == b'}')
                .map_or(bytes.len(), |offset| start + offset);
            bytes.splice(start..end, value.bytes());
        }
        Mutation::Insert(at, junk) => {
            let at = position(bytes, *at);
            bytes.splice(at..at, junk.iter().copied());
        }
    }
}

#[test]
fn the_importer_never_panics_on_mutated_exports() {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let plan = Campaign::quality_month_2021();
    let originals = [
        export_fixture::export(ExportKind::Report, false).to_json(),
        export_fixture::export(ExportKind::Backup, true).to_json(),
    ];
    let (read, refused) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(0usize..2, prop::collection::vec(mutation(), 1..4)),
            |(which, mutations)| {
                let mut bytes = originals[which].clone().into_bytes();
                for mutation in &mutations {
                    apply(&mut bytes, mutation);
                }
                // A panic here fails the case; proptest then shrinks it to the smallest input.
                match read_export_file(&bytes, &plan) {
                    Ok(_) => read.fetch_add(1, Ordering::Relaxed),
                    Err(_) => refused.fetch_add(1, Ordering::Relaxed),
                };
                Ok(())
            },
        )
        .unwrap();
    let (read, refused) = (read.into_inner(), refused.into_inner());
    println!(
        "importer fuzz: {} mutated exports, {read} still readable, {refused} refused with a reason, 0 panics",
        read + refused
    );
    assert!(read + refused >= cases as usize);
    assert!(
        refused > cases as usize / 2,
        "most mutations must be caught"
    );
}

#[test]
fn arbitrary_bytes_are_refused_without_panicking() {
    let plan = Campaign::quality_month_2021();
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..2048), |bytes| {
            prop_assert!(read_export_file(&bytes, &plan).is_err());
            Ok(())
        })
        .unwrap();
}
