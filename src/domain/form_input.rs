//! Reading what users type into form fields: counts, dates and times, with a field-specific
//! problem for anything that is not one.

use crate::domain::validation::{Problem, COUNT_MAX};
use chrono::{NaiveDate, NaiveTime};

/// Parses a count typed by a user: empty means 0; full-width digits (from a Chinese keyboard) are
/// accepted; negative, fractional or non-numeric text and values above [`COUNT_MAX`] are not.
///
/// ```
/// use field_ledger::domain::form_input::parse_count;
/// use field_ledger::domain::validation::Problem;
/// assert_eq!(parse_count(" １２ "), Ok(12));
/// assert_eq!(parse_count(""), Ok(0));
/// assert_eq!(parse_count("-5"), Err(Problem::NotAWholeNumber));
/// ```
pub fn parse_count(text: &str) -> Result<u32, Problem> {
    let digits: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            other => other,
        })
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotAWholeNumber);
    }
    match digits.parse::<u64>() {
        Ok(value) if value <= u64::from(COUNT_MAX) => Ok(value as u32),
        _ => Err(Problem::TooLarge(COUNT_MAX)),
    }
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    text.trim()
        .parse::<NaiveDate>()
        .map_err(|_| Problem::NotADate)
}

pub(crate) fn parse_required_date(text: &str) -> Result<NaiveDate, Problem> {
    if text.trim().is_empty() {
        Err(Problem::Required)
    } else {
        parse_date(text)
    }
}

pub(crate) fn parse_time(text: &str) -> Result<NaiveTime, Problem> {
    // "HH:MM" as a time input gives it, or "HH:MM:SS"; parsed by hand to keep chrono's
    // format parser out of the wasm.
    let parts: Vec<&str> = text.trim().split(':').collect();
    let number = |part: &str| {
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (hour, minute, second) = match parts.as_slice() {
        [h, m] => (number(h), number(m), Some(0)),
        [h, m, s] => (number(h), number(m), number(s)),
        _ => (None, None, None),
    };
    match (hour, minute, second) {
        (Some(h), Some(m), Some(s)) => NaiveTime::from_hms_opt(h, m, s).ok_or(Problem::NotATime),
        _ => Err(Problem::NotATime),
    }
}

pub(crate) fn parse_optional<T>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}
