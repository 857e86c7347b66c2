//! The WordprocessingML pieces the summary is made of: an XML writer that escapes (through
//! `quick-xml`) and drops what XML cannot hold, paragraphs, runs, bordered tables and inline
//! pictures sized for the page.

use crate::domain::records::image_header::ImageHeader;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// DrawingML's namespaces, for pictures.
pub(super) const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub(super) const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// A4 in twentieths of a point (twips); the GB/T 9704 margins are in `super::MARGINS`.
pub(super) const PAGE: (u32, u32) = (11906, 16838);
/// The text's width: 210 − 28 − 26 = 156 mm (the left and right margins, 1588 and 1474 twips).
pub(super) const TEXT_WIDTH: u32 = PAGE.0 - 1588 - 1474;
/// English Metric Units per millimetre, for pictures.
const EMU_PER_MM: u64 = 36_000;
/// The largest picture: the text's width, and a height that leaves room for its caption.
const PICTURE_MAX_MM: (u64, u64) = (156, 120);
/// Pictures are never printed at fewer dots per inch than this, so they stay sharp: a small
/// photo is printed small rather than enlarged.
const PICTURE_MIN_DPI: u64 = 150;

/// `text` with the characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) and line
/// breaks as spaces: user text from any source (an imported record, a pasted caption) can go into
/// an element or an attribute without making the file unreadable.
pub(super) fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => ' ',
            c => c,
        })
        .collect()
}

/// A writer of XML events into bytes. Writing into a `Vec` cannot fail, so its `io::Result`s
/// are dropped here once.
pub(super) struct Xml(quick_xml::Writer<Vec<u8>>);

impl Xml {
    pub(super) fn new() -> Self {
        let mut xml = Self(quick_xml::Writer::new(Vec::new()));
        xml.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        xml
    }

    pub(super) fn event(&mut self, event: Event<'_>) {
        let _infallible = self.0.write_event(event);
    }

    pub(super) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Start(start));
    }

    pub(super) fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Empty(start));
    }

    /// Text, escaped; characters XML 1.0 cannot hold become spaces.
    pub(super) fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::new(&xml_safe(text))));
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.0.into_inner()
    }
}

/// A paragraph of one text run in `style`; a `Narrative` one is highlighted, where the user
/// writes.
pub(super) fn paragraph(xml: &mut Xml, style: &str, text: &str) {
    paragraph_kept(xml, style, text, false);
}

/// A paragraph kept on the page of the next one (a sentence that introduces a table) when
/// `keep_next`.
pub(super) fn paragraph_kept(xml: &mut Xml, style: &str, text: &str, keep_next: bool) {
    xml.open("w:p", &[]);
    xml.open("w:pPr", &[]);
    xml.empty("w:pStyle", &[("w:val", style)]);
    if keep_next {
        xml.empty("w:keepNext", &[]);
    }
    xml.close("w:pPr");
    run(xml, text, false, style == "Narrative");
    xml.close("w:p");
}

pub(super) fn run(xml: &mut Xml, text: &str, bold: bool, highlight: bool) {
    xml.open("w:r", &[]);
    if bold || highlight {
        xml.open("w:rPr", &[]);
        if bold {
            xml.empty("w:b", &[]);
        }
        if highlight {
            xml.empty("w:highlight", &[("w:val", "yellow")]);
        }
        xml.close("w:rPr");
    }
    xml.open("w:t", &[("xml:space", "preserve")]);
    xml.text(text);
    xml.close("w:t");
    xml.close("w:r");
}

/// A bordered table: `widths` in twips (summing to the text's width), a header row repeated on
/// every page, then `rows`; a last row `bold_last` is the total. Borders are set on the table
/// itself, not through a table style, so WPS and Word draw them alike.
pub(super) fn table(
    xml: &mut Xml,
    widths: &[u32],
    header: &[&str],
    rows: &[Vec<String>],
    bold_last: bool,
) {
    debug_assert_eq!(
        widths.iter().sum::<u32>(),
        TEXT_WIDTH,
        "a table fills the text's width"
    );
    xml.open("w:tbl", &[]);
    xml.open("w:tblPr", &[]);
    let total = TEXT_WIDTH.to_string();
    xml.empty("w:tblW", &[("w:w", &total), ("w:type", "dxa")]);
    xml.empty("w:jc", &[("w:val", "center")]);
    xml.open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        let attributes = [
            ("w:val", "single"),
            ("w:sz", "4"),
            ("w:space", "0"),
            ("w:color", "000000"),
        ];
        xml.empty(side, &attributes);
    }
    xml.close("w:tblBorders");
    xml.empty("w:tblLayout", &[("w:type", "fixed")]);
    xml.close("w:tblPr");
    xml.open("w:tblGrid", &[]);
    for width in widths {
        xml.empty("w:gridCol", &[("w:w", &width.to_string())]);
    }
    xml.close("w:tblGrid");
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    table_row(xml, widths, &header, true, true);
    for (index, row) in rows.iter().enumerate() {
        table_row(
            xml,
            widths,
            row,
            false,
            bold_last && index + 1 == rows.len(),
        );
    }
    xml.close("w:tbl");
    // Word needs a paragraph between two tables, and the text reads better with air after one.
    paragraph(xml, "TableText", "");
}

pub(super) fn table_row(xml: &mut Xml, widths: &[u32], cells: &[String], header: bool, bold: bool) {
    xml.open("w:tr", &[]);
    xml.open("w:trPr", &[]);
    xml.empty("w:cantSplit", &[]);
    if header {
        xml.empty("w:tblHeader", &[]);
    }
    xml.close("w:trPr");
    for (cell, width) in cells.iter().zip(widths) {
        xml.open("w:tc", &[]);
        xml.open("w:tcPr", &[]);
        xml.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        xml.empty("w:vAlign", &[("w:val", "center")]);
        xml.close("w:tcPr");
        xml.open("w:p", &[]);
        xml.open("w:pPr", &[]);
        xml.empty("w:pStyle", &[("w:val", "TableText")]);
        xml.close("w:pPr");
        run(xml, cell, bold, false);
        xml.close("w:p");
        xml.close("w:tc");
    }
    xml.close("w:tr");
}

/// An inline picture of `header`'s size, fitted to the page and to [`PICTURE_MIN_DPI`].
pub(super) fn picture(
    xml: &mut Xml,
    header: ImageHeader,
    relationship: &str,
    n: usize,
    caption: &str,
) {
    let (width, height) = (u64::from(header.width), u64::from(header.height));
    // The scale from pixels to EMU (micro-units: EMU per pixel × 1,000,000), the smallest of:
    // the widest, the tallest, and the least dense the picture may be.
    let emu_per_inch = 914_400u64;
    let scale = [
        PICTURE_MAX_MM.0 * EMU_PER_MM * 1_000_000 / width,
        PICTURE_MAX_MM.1 * EMU_PER_MM * 1_000_000 / height,
        emu_per_inch * 1_000_000 / PICTURE_MIN_DPI,
    ]
    .into_iter()
    .min()
    .unwrap_or(0);
    let cx = (width * scale / 1_000_000).to_string();
    let cy = (height * scale / 1_000_000).to_string();
    let id = n.to_string();
    let name = format!("Picture {n}");
    xml.open("w:p", &[]);
    xml.open("w:pPr", &[]);
    xml.empty("w:pStyle", &[("w:val", "Picture")]);
    xml.close("w:pPr");
    xml.open("w:r", &[]);
    xml.open("w:drawing", &[]);
    let distances = [
        ("distT", "0"),
        ("distB", "0"),
        ("distL", "0"),
        ("distR", "0"),
    ];
    xml.open("wp:inline", &distances);
    xml.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    xml.empty(
        "wp:effectExtent",
        &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
    );
    xml.empty(
        "wp:docPr",
        &[("id", &id), ("name", &name), ("descr", &xml_safe(caption))],
    );
    xml.open("wp:cNvGraphicFramePr", &[]);
    xml.empty(
        "a:graphicFrameLocks",
        &[("xmlns:a", A), ("noChangeAspect", "1")],
    );
    xml.close("wp:cNvGraphicFramePr");
    xml.open("a:graphic", &[("xmlns:a", A)]);
    xml.open("a:graphicData", &[("uri", PIC)]);
    xml.open("pic:pic", &[("xmlns:pic", PIC)]);
    xml.open("pic:nvPicPr", &[]);
    xml.empty("pic:cNvPr", &[("id", &id), ("name", &name)]);
    xml.empty("pic:cNvPicPr", &[]);
    xml.close("pic:nvPicPr");
    xml.open("pic:blipFill", &[]);
    xml.empty("a:blip", &[("r:embed", relationship)]);
    xml.open("a:stretch", &[]);
    xml.empty("a:fillRect", &[]);
    xml.close("a:stretch");
    xml.close("pic:blipFill");
    xml.open("pic:spPr", &[]);
    xml.open("a:xfrm", &[]);
    xml.empty("a:off", &[("x", "0"), ("y", "0")]);
    xml.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    xml.close("a:xfrm");
    xml.open("a:prstGeom", &[("prst", "rect")]);
    xml.empty("a:avLst", &[]);
    xml.close("a:prstGeom");
    xml.close("pic:spPr");
    xml.close("pic:pic");
    xml.close("a:graphicData");
    xml.close("a:graphic");
    xml.close("wp:inline");
    xml.close("w:drawing");
    xml.close("w:r");
    xml.close("w:p");
}
