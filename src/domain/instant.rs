//! Reading the instants records carry (`created_at`, `updated_at`, `signed_in_at`): RFC 3339 text
//! in UTC, as the app writes it (`2021-09-01T01:00:00Z`, with up to nine fractional digits). That
//! form is read directly; anything else (another offset, a leap second, lower-case letters) goes
//! through chrono's general parser, which gives the same instant for the direct form too.
//!
//! Why: loading 100,000 sign-ins reads 300,000 instants, and chrono's general parser was about
//! half of the decoding time. A speed trick, kept in this one module. What it saves, measured by
//! `scripts/bench.sh`: the roster CSV of 100,000 sign-ins 1,095 → 1,027 ms, the JSON report
//! 1,228 → 1,190 ms, for about 1 KB of wasm. Property-tested to give chrono's instant for every
//! text (`tests/domain_instant.rs`). How to undo: make `parse_instant` call
//! `text.parse::<DateTime<Utc>>().ok()` only, and delete `direct`.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The instant `text` names, `None` if it names none.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    direct(text).or_else(|| text.parse::<DateTime<Utc>>().ok())
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, read digit by digit; `None` for any other form.
fn direct(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if bytes.len() < 20
        || bytes.last() != Some(&b'Z')
        || separators.iter().any(|&(at, byte)| bytes[at] != byte)
    {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |value, &digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + u32::from(digit - b'0'))
        })
    };
    let nanosecond = match &bytes[19..bytes.len() - 1] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            number(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let year = i32::try_from(number(&bytes[0..4])?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(&bytes[5..7])?, number(&bytes[8..10])?)?;
    let time = NaiveTime::from_hms_nano_opt(
        number(&bytes[11..13])?,
        number(&bytes[14..16])?,
        number(&bytes[17..19])?,
        nanosecond,
    )?;
    Some(Utc.from_utc_datetime(&date.and_time(time)))
}

/// Serde's reader for an instant field: `#[serde(deserialize_with = "instant::deserialize")]`.
pub fn deserialize<'de, D: Deserializer<'de>>(reader: D) -> Result<DateTime<Utc>, D::Error> {
    struct InstantText;
    impl Visitor<'_> for InstantText {
        type Value = DateTime<Utc>;
        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("an RFC 3339 date and time")
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            parse_instant(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }
    reader.deserialize_str(InstantText)
}
