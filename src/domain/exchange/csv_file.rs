//! Writing one CSV file the way Excel, WPS and LibreOffice open it by double-click: UTF-8 with a
//! byte-order mark, CRLF line ends, RFC 4180 quoting, and no cell that could run as a formula.

use std::borrow::Cow;

/// `text` made safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, TAB or CR would make
/// Excel, WPS or LibreOffice treat the cell as a formula, so such text gets an apostrophe first.
///
/// ```
/// use field_ledger::domain::exchange::csv_export::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=1+1"), "'=1+1");
/// assert_eq!(spreadsheet_safe("社区广场"), "社区广场");
/// ```
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A CSV file being written: BOM first, CRLF line ends, quoting only where needed.
///
/// The bytes that need quoting and the escaping of quotes come from `csv_core` (the `csv`
/// crate's core); the writer itself is a plain `Vec`. `csv::Writer` (and `csv_core::Writer::field`)
/// is not used: its quoting-style switch keeps the `NonNumeric` style's `f64`/`i128` parsers and
/// their tables in the wasm (about 17 KB gzip) although the files never use that style.
pub(super) struct CsvFile {
    /// Only asked which bytes need quoting (`,`, `"`, CR, LF), i.e. `QuoteStyle::Necessary`.
    core: csv_core::Writer,
    bytes: Vec<u8>,
}

impl CsvFile {
    /// A file holding only `header`, so far.
    pub(super) fn new(header: &[&str]) -> Self {
        let mut file = Self {
            core: csv_core::WriterBuilder::new()
                .terminator(csv_core::Terminator::CRLF)
                .build(),
            bytes: "\u{feff}".as_bytes().to_vec(),
        };
        file.row(header.iter().map(|cell| Cow::Borrowed(*cell)));
        file
    }

    /// Writes `cell` as one field, in quotes (with quotes doubled) if it holds a special byte.
    fn field(&mut self, cell: &[u8]) {
        if !cell.iter().any(|&byte| self.core.is_special_byte(byte)) {
            self.bytes.extend_from_slice(cell);
            return;
        }
        // Quotes around, and room for every byte doubled in between.
        let start = self.bytes.len();
        self.bytes.resize(start + 2 + 2 * cell.len(), b'"');
        let (_, _, written) = csv_core::quote(cell, &mut self.bytes[start + 1..], b'"', b'"', true);
        self.bytes.truncate(start + 1 + written);
        self.bytes.push(b'"');
    }

    /// Appends one row.
    pub(super) fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cow<'a, str>>) {
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.bytes.push(b',');
            }
            match spreadsheet_safe(&cell) {
                Cow::Owned(prefixed) => self.field(prefixed.as_bytes()),
                Cow::Borrowed(_) => self.field(cell.as_bytes()),
            }
        }
        self.bytes.extend_from_slice(b"\r\n");
    }

    /// The file's bytes.
    pub(super) fn finish(self) -> Vec<u8> {
        self.bytes
    }
}
