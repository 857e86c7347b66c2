//! Instants are read directly in the form the app writes them and through chrono's general
//! parser otherwise: the same instant either way, for any text.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeZone, Utc};
use field_ledger::domain::instant::parse_instant;
use proptest::prelude::*;

fn chrono_reads(text: &str) -> Option<DateTime<Utc>> {
    text.parse::<DateTime<Utc>>().ok()
}

#[test]
fn the_written_form_and_other_forms_read_as_chrono_reads_them() {
    let at = Utc.with_ymd_and_hms(2021, 9, 1, 1, 0, 0).unwrap();
    assert_eq!(parse_instant("2021-09-01T01:00:00Z"), Some(at));
    assert_eq!(parse_instant("2021-09-01T09:00:00+08:00"), Some(at));
    for text in [
        "2021-09-01T01:00:00.123Z",
        "2021-09-01T01:00:00.123456789Z",
        "2016-12-31T23:59:60Z",
        "2021-02-29T01:00:00Z",
        "2021-09-01T24:00:00Z",
        "2021-09-01 01:00:00Z",
        "2021-09-01T01:00:00",
        "2021-09-01T01:00:00.Z",
        "２０２１-09-01T01:00:00Z",
        "",
    ] {
        assert_eq!(parse_instant(text), chrono_reads(text), "{text}");
    }
}

proptest! {
    /// Every instant the app writes reads back as itself.
    #[test]
    fn written_instants_read_back(seconds in 0i64..8_000_000_000, nanos in 0u32..1_000_000_000) {
        let at = Utc.timestamp_opt(seconds, nanos).unwrap();
        let written: String = serde_json::from_str(&serde_json::to_string(&at).unwrap()).unwrap();
        prop_assert_eq!(parse_instant(&written), Some(at));
    }

    /// Text shaped like the written form, right or wrong, reads as chrono reads it.
    #[test]
    fn near_misses_read_as_chrono_reads_them(
        text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,11})?[Zz]?",
    ) {
        prop_assert_eq!(parse_instant(&text), chrono_reads(&text));
    }
}
