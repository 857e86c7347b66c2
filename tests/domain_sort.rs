//! The app's one stable sort (one instance in the wasm) orders exactly as the standard library's
//! stable sort does.
#![cfg(not(target_arch = "wasm32"))]

use field_ledger::domain::sort::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    #[test]
    fn it_sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
        // Sorted by the first field only: equal keys keep their order (the second field tells).
        let mut expected = items.clone();
        expected.sort_by_key(|item| item.0);
        let mut ours = items.clone();
        sort_by_key(&mut ours, |item| item.0);
        prop_assert_eq!(&ours, &expected);

        let mut expected = items.clone();
        expected.sort_by_key(|item| std::cmp::Reverse(item.1));
        let mut ours = items;
        sort_by(&mut ours, |a, b| b.1.cmp(&a.1));
        prop_assert_eq!(ours, expected);
    }
}
