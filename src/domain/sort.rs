//! One stable sort for the whole app: every call sorts indices through the same non-generic
//! function (one instance of the standard library's sort in the wasm instead of one per type and
//! comparison), then moves the items into place.
//!
//! A size trick, kept in this one module. What it saves, measured with twiggy on the release
//! build: 17 instances of `slice::sort_by` became one, which with dropping chrono's strftime
//! took the app shell from 571 to 548 KB gzip (about 20 KB of it the sort). It is as stable as
//! std's sort (property-tested against it in `tests/domain_sort.rs`) and a little slower (an
//! index vector, then a pass of swaps), which no list of this app notices. How to undo: replace
//! `sort::sort_by(items, f)` with `items.sort_by(f)` at its callers, then delete this file.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    // Position i receives the item that was at order[i]: follow each cycle once.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Sorts `items` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}
