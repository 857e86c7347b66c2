//! Sign-ins kept in pages per event: where a new sign-in goes, edits in place, removals, the live
//! count, and the move from the one-value-per-sign-in layout (database version 4 and before).

use chrono::{TimeZone, Utc};
use field_ledger::domain::ids::{EventId, RosterEntryId};
use field_ledger::domain::records::roster::RosterEntry;
use field_ledger::domain::records::roster_pages::{
    append, event_range, line_id, line_is_live, page_key, page_lines, pages_from_entry_keys,
    parse_page_key, EventPages, PAGE_ENTRIES,
};
use field_ledger::domain::records::schema::decode_roster_entry;
use std::collections::BTreeMap;

const EVENT: &str = "6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e11";

fn event() -> EventId {
    EventId::parse(EVENT).unwrap()
}

fn entry_id(n: u32) -> RosterEntryId {
    RosterEntryId::parse(&format!("00000000-0000-4000-8000-{n:012x}")).unwrap()
}

fn entry(n: u32) -> RosterEntry {
    let now = Utc.with_ymd_and_hms(2021, 9, 15, 1, 0, 0).unwrap();
    RosterEntry::new(entry_id(n), event(), format!("居民{n}"), now)
}

fn line(entry: &RosterEntry) -> String {
    serde_json::to_string(entry).unwrap()
}

#[test]
fn page_keys_sort_in_page_order_within_the_event_range() {
    assert_eq!(page_key(EVENT, 7), format!("{EVENT}/000007"));
    assert_eq!(parse_page_key(&page_key(EVENT, 42)), Some((EVENT, 42)));
    assert!(page_key(EVENT, 9) < page_key(EVENT, 10));
    let (lower, upper) = event_range(event());
    for page in [0, 1, 999_999] {
        let key = page_key(EVENT, page);
        assert!(lower <= key && key < upper, "{key} in [{lower}, {upper})");
    }
    assert!(page_key("6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e12", 0) > upper);
}

#[test]
fn a_new_sign_in_goes_to_the_last_page_until_it_is_full() {
    assert_eq!(append(None, "a"), (0, "a".to_string()));
    assert_eq!(append(Some((3, "a\nb")), "c"), (3, "a\nb\nc".to_string()));
    let full: Vec<String> = (0..PAGE_ENTRIES)
        .map(|n| format!("{{\"n\":{n}}}"))
        .collect();
    let full = full.join("\n");
    assert_eq!(append(Some((3, &full)), "c"), (4, "c".to_string()));
}

#[test]
fn an_edit_replaces_the_line_in_its_page_and_only_that_page_is_written() {
    let first = (0..PAGE_ENTRIES as u32)
        .map(|n| line(&entry(n)))
        .collect::<Vec<_>>();
    let second = [line(&entry(500))];
    let mut pages = EventPages::read(vec![
        (1, Some(second.join("\n"))),
        (0, Some(first.join("\n"))),
    ]);
    assert_eq!(pages.live_count(), PAGE_ENTRIES + 1);
    let removed = entry(5).removed_at(Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap());
    pages.put(removed.id, line(&removed));
    assert_eq!(pages.live_count(), PAGE_ENTRIES);
    assert_eq!(pages.find(removed.id), Some(line(&removed).as_str()));
    let changes = pages.changes();
    assert_eq!(changes.len(), 1, "only page 0 changed");
    let (number, text) = &changes[0];
    assert_eq!(*number, 0);
    let text = text.as_deref().unwrap();
    assert_eq!(
        page_lines(text).count(),
        PAGE_ENTRIES,
        "in place, not added"
    );
    assert_eq!(page_lines(text).nth(5), Some(line(&removed).as_str()));
}

#[test]
fn new_entries_fill_the_last_page_then_begin_the_next() {
    let mut pages = EventPages::read(Vec::new());
    for n in 0..(PAGE_ENTRIES as u32 * 2 + 1) {
        pages.put(entry_id(n), line(&entry(n)));
    }
    let changes = pages.changes();
    let numbers: Vec<u32> = changes.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, vec![0, 1, 2]);
    let sizes: Vec<usize> = changes
        .iter()
        .map(|(_, text)| page_lines(text.as_deref().unwrap()).count())
        .collect();
    assert_eq!(sizes, vec![PAGE_ENTRIES, PAGE_ENTRIES, 1]);
    assert_eq!(pages.live_count(), PAGE_ENTRIES * 2 + 1);
}

#[test]
fn taking_out_every_entry_of_a_page_deletes_the_page() {
    let mut pages = EventPages::read(vec![
        (0, Some(line(&entry(1)))),
        (1, Some([line(&entry(2)), line(&entry(3))].join("\n"))),
    ]);
    pages.remove(entry_id(1));
    pages.remove(entry_id(3));
    pages.remove(entry_id(99));
    let changes = pages.changes();
    assert_eq!(changes[0], (0, None));
    assert_eq!(changes[1], (1, Some(line(&entry(2)))));
    assert_eq!(pages.live_count(), 1);
}

#[test]
fn a_page_that_is_not_text_is_kept_and_never_added_to() {
    let mut pages = EventPages::read(vec![(0, Some(line(&entry(1)))), (1, None)]);
    pages.put(entry_id(2), line(&entry(2)));
    let changes = pages.changes();
    assert_eq!(
        changes,
        vec![(2, Some(line(&entry(2))))],
        "page 1 untouched"
    );
}

#[test]
fn json_with_line_breaks_stays_one_line_and_reads_the_same() {
    let pretty = serde_json::to_string_pretty(&entry(1)).unwrap();
    assert!(pretty.contains('\n'));
    let mut pages = EventPages::read(Vec::new());
    pages.put(entry_id(1), pretty.replace('\n', "\r\n"));
    let (_, text) = &pages.changes()[0];
    let text = text.as_deref().unwrap();
    assert_eq!(page_lines(text).count(), 1);
    assert_eq!(decode_roster_entry(text).unwrap(), entry(1));
    assert_eq!(pages.find(entry_id(1)), Some(text));
    assert!(!line_is_live("not json"));
}

#[test]
fn an_id_is_read_from_the_start_of_the_app_s_json_or_else_by_parsing() {
    let written = line(&entry(4));
    assert!(written.starts_with("{\"id\":\"00000000-0000-4000-8000-000000000004\","));
    assert_eq!(line_id(&written), Some(entry_id(4)));
    let reordered = r#"{"name":"x","id":"00000000-0000-4000-8000-000000000004"}"#;
    assert_eq!(line_id(reordered), Some(entry_id(4)));
    assert_eq!(
        line_id(r#"{"id":"not-a-uuid-but-36-characters-long!"}"#),
        None
    );
    assert_eq!(line_id("garbage"), None);
}

#[test]
fn the_stored_count_moves_by_what_changed_without_reading_every_line() {
    let lines = (0..10).map(|n| line(&entry(n))).collect::<Vec<_>>();
    let mut pages = EventPages::read(vec![(0, Some(lines.join("\n")))]);
    let now = Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap();
    pages.put(entry_id(2), line(&entry(2).removed_at(now)));
    pages.put(entry_id(3), line(&entry(3).purged_at(now)));
    pages.put(entry_id(50), line(&entry(50)));
    pages.remove(entry_id(4));
    pages.remove(entry_id(99));
    // 10 − 1 removed + 0 purged (still counted) + 1 added − 1 taken out.
    assert_eq!(pages.live_count(), 9);
    assert_eq!(pages.live_count_after(Some(10)), 9);
    // No stored count: every line counted.
    assert_eq!(pages.live_count_after(None), 9);
}

#[test]
fn an_entry_stored_twice_is_repaired_to_its_higher_revision() {
    let now = Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap();
    let newer = entry(1).removed_at(now);
    let mut pages = EventPages::read(vec![
        (0, Some([line(&newer), line(&entry(2))].join("\n"))),
        (1, Some(line(&entry(1)))),
    ]);
    assert_eq!(pages.find(entry_id(1)), Some(line(&newer).as_str()));
    assert_eq!(pages.lines().count(), 2, "one copy left");
    assert_eq!(
        pages.changes(),
        vec![(1, None)],
        "the older copy's page goes"
    );
    // The stored count cannot be trusted then: every line is counted.
    assert_eq!(pages.live_count_after(Some(2)), 1);
    pages.remove(entry_id(1));
    assert_eq!(pages.lines().count(), 1);
}

#[test]
fn many_changes_match_a_model_of_the_entries() {
    // Puts and removals in a fixed pseudo-random order, checked against a plain map.
    let mut pages = EventPages::read(Vec::new());
    let mut model: BTreeMap<u32, String> = BTreeMap::new();
    let mut seed = 7u32;
    for step in 0..3_000u32 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let n = (seed >> 8) % 400;
        if seed.is_multiple_of(5) {
            pages.remove(entry_id(n));
            model.remove(&n);
        } else {
            let mut e = entry(n);
            e.revision = step + 1;
            pages.put(e.id, line(&e));
            model.insert(n, line(&e));
        }
    }
    let mut stored: Vec<&str> = pages.lines().collect();
    stored.sort();
    let mut expected: Vec<&str> = model.values().map(String::as_str).collect();
    expected.sort();
    assert_eq!(stored, expected);
    // Rewritten and read back, the same.
    let reread = EventPages::read(pages.changes());
    assert_eq!(reread.lines().count(), model.len());
}

#[test]
fn the_old_layout_moves_into_pages_with_every_value_and_counts_of_live_lines() {
    let other = "1d6b1c40-0000-4000-8000-000000000001";
    let mut stored = Vec::new();
    for n in 0..250u32 {
        let e = entry(n);
        stored.push((format!("live/{EVENT}/{}", e.id), line(&e)));
    }
    let gone = entry(900).removed_at(Utc.with_ymd_and_hms(2021, 9, 16, 1, 0, 0).unwrap());
    stored.push((format!("removed/{EVENT}/{}", gone.id), line(&gone)));
    stored.push((
        format!("live/{other}/x"),
        "{\"schema_version\":99}".to_string(),
    ));
    // A key that names no event: filed under the event its text names, or `unfiled`.
    stored.push(("odd-key".to_string(), line(&entry(901))));
    stored.push(("odd-key-2".to_string(), "garbage".to_string()));
    let values = stored.len();
    let (pages, counts) = pages_from_entry_keys(stored.clone());
    let lines: usize = pages.iter().map(|(_, text)| page_lines(text).count()).sum();
    assert_eq!(lines, values, "every value kept");
    let mine: Vec<&(String, String)> = pages.iter().filter(|(k, _)| k.starts_with(EVENT)).collect();
    assert_eq!(mine.len(), 3, "252 sign-ins in pages of {PAGE_ENTRIES}");
    assert!(pages.iter().any(|(k, _)| k == &page_key(other, 0)));
    assert!(pages
        .iter()
        .any(|(k, t)| k == &page_key("unfiled", 0) && t == "garbage"));
    let counts: BTreeMap<String, usize> = counts.into_iter().collect();
    // Counted by what each line says, as every later write counts: the removed one is not, the
    // live one under an odd key is, a newer version's entry not saying it was removed is, an
    // unreadable value is not.
    assert_eq!(counts[EVENT], 251);
    assert_eq!(counts[other], 1);
    assert!(!counts.contains_key("unfiled") || counts["unfiled"] == 0);
    // Each moved line reads back as the entry it was.
    let first = page_lines(&mine[0].1).next().unwrap();
    assert_eq!(decode_roster_entry(first).unwrap(), entry(0));
}
