//! Records are stored as ASCII JSON: every character outside ASCII written as a `\uXXXX` escape.
//!
//! A speed trick, kept in this one module. What it saves, measured in headless Chromium: its
//! IndexedDB reads 100,000 values of two-byte text (any Chinese name makes a JavaScript string
//! two-byte) in 2.2 s, and the same values in one-byte text in 0.55 s; the roster CSV of 100,000
//! sign-ins went from 3.9 s to about 1.4 s. The stored value is the same JSON, so every reader
//! (this app's older builds included) reads the same records.
//!
//! How to undo: store `serde_json::to_string(record)` as it is (drop the one call in
//! `storage::records`); records already stored in either form read the same.

/// `json` with every character outside ASCII written as a `\uXXXX` escape: the same JSON value,
/// in text a browser holds one byte per character. Records are stored in this form because
/// Chromium's IndexedDB reads 100,000 values of two-byte text (any Chinese name makes a string
/// two-byte) about four times slower than the same values in one-byte text (2.2 s against
/// 0.55 s, measured). Outside ASCII, JSON has characters only inside strings, where an escape
/// means the same character, so any JSON reader reads the same value.
pub fn ascii_json(json: String) -> String {
    if json.is_ascii() {
        return json;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(json.len() + json.len() / 2);
    let mut rest = json.as_str();
    // ASCII runs are copied whole; only the characters between them are written out.
    while let Some(at) = rest.bytes().position(|byte| !byte.is_ascii()) {
        out.push_str(&rest[..at]);
        let Some(c) = rest[at..].chars().next() else {
            break;
        };
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.push_str("\\u");
            for shift in [12, 8, 4, 0] {
                out.push(char::from(HEX[usize::from((*unit >> shift) & 0xf)]));
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out
}
