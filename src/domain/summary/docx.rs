//! Writes a [`SummaryOutline`] as a Word document (`.docx`, Office Open XML), laid out as a
//! Chinese government document (GB/T 9704-2012): A4 portrait, margins 37/35/28/26 mm, title in
//! 方正小标宋简体 22 pt, body in 仿宋_GB2312 16 pt on a fixed 28.95 pt line, first-level headings
//! in 黑体 and second-level in 楷体_GB2312, page numbers "— 1 —" centred.
//!
//! The parts that never change are files beside this one (`docx/styles.xml`, `fontTable.xml`,
//! `settings.xml`, `footer1.xml`, the content types and package relationships), where they can be
//! read and changed as XML. The document itself is written here through `quick-xml`, which does
//! the escaping; no XML is built from string templates, and user text that XML cannot hold
//! (control characters) becomes a space rather than an unreadable file. Photos go in as they are
//! stored: the parts list names each photo's bytes, which the caller takes from storage (see
//! `workflows::summary_doc_files`), so no image passes through this code.
//!
//! The styles name every Chinese font in its East-Asian slot (`w:eastAsia`), which WPS and Word
//! use for Chinese characters, and Times New Roman for Latin letters and digits; `fontTable.xml`
//! gives each Chinese font the font to fall back to where it is missing (仿宋_GB2312 → 仿宋,
//! 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体).

use super::outline::{ActivityLabel, SummaryOutline, SummaryScope};
use crate::domain::figures::statistics::Figures;
use crate::domain::ids::DeviceId;
use crate::domain::plan::campaign::Period;
use crate::domain::records::image_header::ImageHeader;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// The words of the summary, in one language (filled in by the i18n layer).
#[derive(Debug, Clone)]
pub struct SummaryWords {
    /// "活动总结", after the campaign's name in the title.
    pub summary: &'static str,
    /// The district scope's name: "全区".
    pub district: &'static str,
    /// The line under the title: scope and period.
    pub scope_line: fn(scope: &str, period: &str) -> String,
    /// A campaign period as text.
    pub period: fn(Period) -> String,
    /// A day as text.
    pub date: fn(NaiveDate) -> String,
    /// A day within the campaign's year, for tables: "9月20日".
    pub short_date: fn(NaiveDate) -> String,
    /// First-level heading numbers: "一、", "二、"…
    pub numbers: [&'static str; 12],
    /// Second-level heading numbers: "（一）", "（二）"…
    pub sub_numbers: [&'static str; 3],
    /// First heading: the figures in total.
    pub overview: &'static str,
    /// The opening sentence: scope, period and the four figures.
    pub totals_sentence: fn(scope: &str, period: &str, figures: &Figures) -> String,
    /// A direction's opening sentence: its four figures.
    pub direction_sentence: fn(figures: &Figures) -> String,
    /// Heading of the table per planned activity.
    pub by_activity: &'static str,
    /// Heading of the table per unit.
    pub by_unit: &'static str,
    /// Heading of a direction's events (or figures).
    pub direction_events: &'static str,
    /// Heading of a direction's narrative.
    pub direction_narrative: &'static str,
    /// The marked paragraph where the user writes a direction's narrative.
    pub narrative_prompt: &'static str,
    /// A direction without events.
    pub empty_direction: &'static str,
    /// The four figures' column headers.
    pub figure_columns: [&'static str; 4],
    /// Column headers: no., activity, unit, date, place.
    pub number_column: &'static str,
    /// See `number_column`.
    pub activity_column: &'static str,
    /// See `number_column`.
    pub unit_column: &'static str,
    /// See `number_column`.
    pub date_column: &'static str,
    /// See `number_column`.
    pub place_column: &'static str,
    /// The total row.
    pub total: &'static str,
    /// Events outside the plan, together.
    pub other_activities: &'static str,
    /// Between a label and its value.
    pub colon: &'static str,
    /// Heading of the photos.
    pub photos: &'static str,
    /// No photo selected.
    pub no_photos: &'static str,
    /// A photo's label before its caption: "图1".
    pub photo_label: fn(n: usize) -> String,
    /// The note left where a photo could not go in.
    pub photo_gap: fn(file: &str, gap: PhotoGap) -> String,
    /// Heading of the videos.
    pub videos: &'static str,
    /// No videos recorded.
    pub no_videos: &'static str,
    /// One event's videos: day, activity, count, file names.
    pub video_line: fn(date: &str, activity: &str, count: u32, files: &str) -> String,
    /// Between items of a list.
    pub list_separator: &'static str,
    /// A device without a known label.
    pub unnamed_device: fn(id: &DeviceId) -> String,
    /// The closing line: events, devices, export time, app version.
    pub sources: fn(events: usize, devices: &str, time: &str, version: &str) -> String,
    /// A time of day (China time) as text.
    pub time: fn(NaiveDateTime) -> String,
    /// The app's name, as the document's author.
    pub app_name: &'static str,
}

/// Why a selected photo is not in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoGap {
    /// Its image is no longer stored on this device.
    Missing,
    /// Its stored image is damaged (not a readable JPEG or PNG).
    Damaged,
}

/// What became of one selected photo, in the outline's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSlot {
    /// Its stored image goes in as it is.
    Embedded(ImageHeader),
    /// It could not: the document says so where it would have been.
    Gap(PhotoGap),
}

/// Everything else the document names.
#[derive(Debug, Clone, Copy)]
pub struct DocumentFacts<'a> {
    /// The plan's issuing unit.
    pub issuing_unit: &'a str,
    /// The campaign's name for the title (e.g. 质量月2021).
    pub campaign_name: &'a str,
    /// The export time, China time.
    pub exported_at: NaiveDateTime,
    /// The app build.
    pub app_version: &'a str,
}

/// One part of the package, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxPart {
    /// An XML part: its name and bytes.
    Xml(String, Vec<u8>),
    /// Photo `n` of the outline: its name in the package; its bytes are the stored image's.
    Photo(String, usize),
}

const STYLES: &[u8] = include_bytes!("docx/styles.xml");
const FONT_TABLE: &[u8] = include_bytes!("docx/fontTable.xml");
const SETTINGS: &[u8] = include_bytes!("docx/settings.xml");
const FOOTER: &[u8] = include_bytes!("docx/footer1.xml");
const CONTENT_TYPES: &[u8] = include_bytes!("docx/content-types.xml");
const PACKAGE_RELS: &[u8] = include_bytes!("docx/package-rels.xml");

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const RELATIONSHIP_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// A4 in twentieths of a point (twips), and the GB/T 9704 margins: 37, 35, 28, 26 mm.
const PAGE: (u32, u32) = (11906, 16838);
const MARGINS: [(&str, u32); 6] = [
    ("w:top", 2098),
    ("w:bottom", 1984),
    ("w:left", 1588),
    ("w:right", 1474),
    ("w:header", 851),
    ("w:footer", 1134),
];
/// The text's width: 210 − 28 − 26 = 156 mm.
const TEXT_WIDTH: u32 = PAGE.0 - 1588 - 1474;
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
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => ' ',
            c => c,
        })
        .collect()
}

/// A writer of XML events into bytes. Writing into a `Vec` cannot fail, so its `io::Result`s
/// are dropped here once.
struct Xml(quick_xml::Writer<Vec<u8>>);

impl Xml {
    fn new() -> Self {
        let mut xml = Self(quick_xml::Writer::new(Vec::new()));
        xml.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        xml
    }

    fn event(&mut self, event: Event<'_>) {
        let _infallible = self.0.write_event(event);
    }

    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Start(start));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Empty(start));
    }

    /// Text, escaped; characters XML 1.0 cannot hold become spaces.
    fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::new(&xml_safe(text))));
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner()
    }
}

/// A paragraph of one text run in `style`; a `Narrative` one is highlighted, where the user
/// writes.
fn paragraph(xml: &mut Xml, style: &str, text: &str) {
    paragraph_kept(xml, style, text, false);
}

/// A paragraph kept on the page of the next one (a sentence that introduces a table) when
/// `keep_next`.
fn paragraph_kept(xml: &mut Xml, style: &str, text: &str, keep_next: bool) {
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

fn run(xml: &mut Xml, text: &str, bold: bool, highlight: bool) {
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
fn table(xml: &mut Xml, widths: &[u32], header: &[&str], rows: &[Vec<String>], bold_last: bool) {
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

fn table_row(xml: &mut Xml, widths: &[u32], cells: &[String], header: bool, bold: bool) {
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

fn figure_cells(figures: &Figures) -> [String; 4] {
    [
        figures.events.to_string(),
        figures.person_times.to_string(),
        figures.publicity_minutes.to_string(),
        figures.publicity_reports.to_string(),
    ]
}

fn activity_name(label: &ActivityLabel, words: &SummaryWords) -> String {
    match label {
        ActivityLabel::Planned { title, .. } => title.clone(),
        ActivityLabel::Other(None) => words.other_activities.to_owned(),
        ActivityLabel::Other(Some(title)) => {
            format!("{}{}{title}", words.other_activities, words.colon)
        }
    }
}

/// An inline picture of `header`'s size, fitted to the page and to [`PICTURE_MIN_DPI`].
fn picture(xml: &mut Xml, header: ImageHeader, relationship: &str, n: usize, caption: &str) {
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

/// Column widths, in twips, of the tables (each sums to [`TEXT_WIDTH`]).
const FIGURE_WIDTH: u32 = 1200;
const NUMBER_WIDTH: u32 = 800;

fn with_figure_columns<'a>(first: &[&'a str], words: &'a SummaryWords) -> Vec<&'a str> {
    let mut header = first.to_vec();
    header.extend(words.figure_columns);
    header
}

fn overview(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords, scope: &str) {
    paragraph(
        xml,
        "Heading1",
        &format!("{}{}", words.numbers[0], words.overview),
    );
    let period = (words.period)(outline.period);
    paragraph(
        xml,
        "Normal",
        &(words.totals_sentence)(scope, &period, &outline.totals),
    );

    paragraph(
        xml,
        "Heading2",
        &format!("{}{}", words.sub_numbers[0], words.by_activity),
    );
    let mut rows: Vec<Vec<String>> = outline
        .per_activity
        .iter()
        .map(|row| {
            let number = match &row.activity {
                ActivityLabel::Planned { number, .. } => number.to_string(),
                ActivityLabel::Other(_) => String::new(),
            };
            let mut cells = vec![number, activity_name(&row.activity, words)];
            cells.extend(figure_cells(&row.figures));
            cells
        })
        .collect();
    let mut total = vec![String::new(), words.total.to_owned()];
    total.extend(figure_cells(&outline.totals));
    rows.push(total);
    let name_width = TEXT_WIDTH - NUMBER_WIDTH - 4 * FIGURE_WIDTH;
    let widths = [
        NUMBER_WIDTH,
        name_width,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
    ];
    let header = with_figure_columns(&[words.number_column, words.activity_column], words);
    table(xml, &widths, &header, &rows, true);

    if outline.scope == SummaryScope::District {
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[1], words.by_unit),
        );
        let mut rows: Vec<Vec<String>> = outline
            .per_unit
            .iter()
            .map(|(unit, figures)| {
                let mut cells = vec![unit.clone()];
                cells.extend(figure_cells(figures));
                cells
            })
            .collect();
        let mut total = vec![words.total.to_owned()];
        total.extend(figure_cells(&outline.totals));
        rows.push(total);
        let widths = [
            TEXT_WIDTH - 4 * FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
        ];
        table(
            xml,
            &widths,
            &with_figure_columns(&[words.unit_column], words),
            &rows,
            true,
        );
    }
}

fn directions(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords) {
    for (index, section) in outline.directions.iter().enumerate() {
        let number = words.numbers.get(index + 1).copied().unwrap_or("");
        paragraph(xml, "Heading1", &format!("{number}{}", section.name));
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[0], words.direction_events),
        );
        if section.is_empty() {
            paragraph(xml, "Normal", words.empty_direction);
        } else {
            let sentence = (words.direction_sentence)(&section.figures);
            paragraph_kept(xml, "Normal", &sentence, true);
            match outline.scope {
                SummaryScope::Unit(_) => {
                    let rows: Vec<Vec<String>> = section
                        .events
                        .iter()
                        .map(|event| {
                            let figures = figure_cells(&event.figures);
                            let [_, person_times, minutes, reports] = figures;
                            vec![
                                (words.short_date)(event.start_date),
                                activity_name(&event.activity, words),
                                event.place.clone(),
                                person_times,
                                minutes,
                                reports,
                            ]
                        })
                        .collect();
                    let widths = [1100, 2344, 1800, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH];
                    let [_, person_times, minutes, reports] = words.figure_columns;
                    let header = [
                        words.date_column,
                        words.activity_column,
                        words.place_column,
                        person_times,
                        minutes,
                        reports,
                    ];
                    table(xml, &widths, &header, &rows, false);
                }
                SummaryScope::District => {
                    let rows: Vec<Vec<String>> = section
                        .groups
                        .iter()
                        .map(|group| {
                            let mut cells =
                                vec![activity_name(&group.activity, words), group.unit.clone()];
                            cells.extend(figure_cells(&group.figures));
                            cells
                        })
                        .collect();
                    let widths = [
                        2645,
                        1400,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                    ];
                    let header =
                        with_figure_columns(&[words.activity_column, words.unit_column], words);
                    table(xml, &widths, &header, &rows, false);
                }
            }
        }
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[1], words.direction_narrative),
        );
        paragraph(xml, "Narrative", words.narrative_prompt);
    }
}

/// The photos, each with its caption under it, or the note on why it is missing.
fn photos(
    xml: &mut Xml,
    outline: &SummaryOutline,
    slots: &[PhotoSlot],
    words: &SummaryWords,
    number: &str,
) {
    paragraph(xml, "Heading1", &format!("{number}{}", words.photos));
    if outline.photos.is_empty() {
        paragraph(xml, "Normal", words.no_photos);
    }
    for (index, photo) in outline.photos.iter().enumerate() {
        match slots.get(index) {
            Some(PhotoSlot::Embedded(header)) => {
                let relationship = format!("rIdPhoto{}", index + 1);
                picture(xml, *header, &relationship, index + 1, &photo.caption);
            }
            Some(PhotoSlot::Gap(gap)) => {
                paragraph(xml, "Narrative", &(words.photo_gap)(&photo.file, *gap))
            }
            None => paragraph(
                xml,
                "Narrative",
                &(words.photo_gap)(&photo.file, PhotoGap::Missing),
            ),
        }
        let label = (words.photo_label)(index + 1);
        paragraph(xml, "Caption", &format!("{label}\u{3000}{}", photo.caption));
    }
}

fn videos(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords, number: &str) {
    paragraph(xml, "Heading1", &format!("{number}{}", words.videos));
    if outline.videos.is_empty() {
        paragraph(xml, "Normal", words.no_videos);
    }
    for video in &outline.videos {
        let line = (words.video_line)(
            &(words.date)(video.start_date),
            &activity_name(&video.activity, words),
            video.count,
            &video.files.join(words.list_separator),
        );
        paragraph(xml, "Normal", &line);
    }
}

fn sources(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords, facts: &DocumentFacts) {
    let devices: Vec<String> = outline
        .sources
        .devices
        .iter()
        .map(|(id, label)| label.clone().unwrap_or_else(|| (words.unnamed_device)(id)))
        .collect();
    let line = (words.sources)(
        outline.sources.events,
        &devices.join(words.list_separator),
        &(words.time)(facts.exported_at),
        facts.app_version,
    );
    paragraph(xml, "Sources", &line);
}

fn section_properties(xml: &mut Xml) {
    xml.open("w:sectPr", &[]);
    xml.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooter")],
    );
    let (width, height) = (PAGE.0.to_string(), PAGE.1.to_string());
    xml.empty("w:pgSz", &[("w:w", &width), ("w:h", &height)]);
    let margins: Vec<(&str, String)> = MARGINS.iter().map(|(k, v)| (*k, v.to_string())).collect();
    let mut attributes: Vec<(&str, &str)> = margins.iter().map(|(k, v)| (*k, v.as_str())).collect();
    attributes.push(("w:gutter", "0"));
    xml.empty("w:pgMar", &attributes);
    // 22 lines of 28 characters, as the standard's page holds.
    xml.empty(
        "w:docGrid",
        &[
            ("w:type", "linesAndChars"),
            ("w:linePitch", "579"),
            ("w:charSpace", "0"),
        ],
    );
    xml.close("w:sectPr");
}

/// `word/document.xml`.
fn document(
    outline: &SummaryOutline,
    slots: &[PhotoSlot],
    words: &SummaryWords,
    facts: &DocumentFacts,
) -> Vec<u8> {
    let mut xml = Xml::new();
    let namespaces = [
        ("xmlns:w", W),
        ("xmlns:r", R),
        ("xmlns:wp", WP),
        ("xmlns:a", A),
        ("xmlns:pic", PIC),
    ];
    xml.open("w:document", &namespaces);
    xml.open("w:body", &[]);
    paragraph(&mut xml, "Title", facts.issuing_unit);
    paragraph(
        &mut xml,
        "Title",
        &format!("{}{}", facts.campaign_name, words.summary),
    );
    let scope = match outline.scope {
        SummaryScope::District => words.district,
        SummaryScope::Unit(_) => outline.scope_name.as_str(),
    };
    let period = (words.period)(outline.period);
    paragraph(&mut xml, "Subtitle", &(words.scope_line)(scope, &period));
    overview(&mut xml, outline, words, scope);
    directions(&mut xml, outline, words);
    let next = outline.directions.len() + 1;
    let number = |n: usize| words.numbers.get(n).copied().unwrap_or("");
    photos(&mut xml, outline, slots, words, number(next));
    videos(&mut xml, outline, words, number(next + 1));
    sources(&mut xml, outline, words, facts);
    section_properties(&mut xml);
    xml.close("w:body");
    xml.close("w:document");
    xml.finish()
}

/// `word/_rels/document.xml.rels`: styles, settings, fonts, footer, and each embedded photo.
fn document_relationships(photos: &[(usize, String)]) -> Vec<u8> {
    let mut xml = Xml::new();
    xml.open("Relationships", &[("xmlns", RELATIONSHIPS)]);
    let mut relationship = |id: &str, kind: &str, target: &str| {
        let kind = format!("{RELATIONSHIP_TYPE}{kind}");
        xml.empty(
            "Relationship",
            &[("Id", id), ("Type", &kind), ("Target", target)],
        );
    };
    relationship("rIdStyles", "styles", "styles.xml");
    relationship("rIdSettings", "settings", "settings.xml");
    relationship("rIdFonts", "fontTable", "fontTable.xml");
    relationship("rIdFooter", "footer", "footer1.xml");
    for (index, file) in photos {
        relationship(
            &format!("rIdPhoto{}", index + 1),
            "image",
            &format!("media/{file}"),
        );
    }
    xml.close("Relationships");
    xml.finish()
}

/// `docProps/core.xml`: title, author and time, which file managers and the OA system show.
fn core_properties(title: &str, words: &SummaryWords, facts: &DocumentFacts) -> Vec<u8> {
    let mut xml = Xml::new();
    xml.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    xml.open("dc:title", &[]);
    xml.text(title);
    xml.close("dc:title");
    xml.open("dc:creator", &[]);
    xml.text(words.app_name);
    xml.close("dc:creator");
    // China time, written as such (W3CDTF with its offset).
    // Written out by hand: chrono's strftime machinery would add about 10 KB to the wasm.
    let time = facts.exported_at;
    let created = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+08:00",
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    );
    xml.open("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")]);
    xml.text(&created);
    xml.close("dcterms:created");
    xml.close("cp:coreProperties");
    xml.finish()
}

/// The package's parts, in order: `slots` says, for each of the outline's photos, whether its
/// stored image goes in (and its real format and size) or leaves a gap.
pub fn summary_docx(
    outline: &SummaryOutline,
    slots: &[PhotoSlot],
    words: &SummaryWords,
    facts: &DocumentFacts,
) -> Vec<DocxPart> {
    let embedded: Vec<(usize, String)> = slots
        .iter()
        .enumerate()
        .filter_map(|(index, slot)| match slot {
            PhotoSlot::Embedded(header) => Some((
                index,
                format!("photo{}.{}", index + 1, header.kind.extension()),
            )),
            PhotoSlot::Gap(_) => None,
        })
        .collect();
    let title = format!(
        "{}{}{}",
        facts.issuing_unit, facts.campaign_name, words.summary
    );
    let mut parts = vec![
        DocxPart::Xml("[Content_Types].xml".into(), CONTENT_TYPES.to_vec()),
        DocxPart::Xml("_rels/.rels".into(), PACKAGE_RELS.to_vec()),
        DocxPart::Xml(
            "docProps/core.xml".into(),
            core_properties(&title, words, facts),
        ),
        DocxPart::Xml(
            "word/document.xml".into(),
            document(outline, slots, words, facts),
        ),
        DocxPart::Xml(
            "word/_rels/document.xml.rels".into(),
            document_relationships(&embedded),
        ),
        DocxPart::Xml("word/styles.xml".into(), STYLES.to_vec()),
        DocxPart::Xml("word/settings.xml".into(), SETTINGS.to_vec()),
        DocxPart::Xml("word/fontTable.xml".into(), FONT_TABLE.to_vec()),
        DocxPart::Xml("word/footer1.xml".into(), FOOTER.to_vec()),
    ];
    parts.extend(
        embedded
            .into_iter()
            .map(|(index, file)| DocxPart::Photo(format!("word/media/{file}"), index)),
    );
    parts
}
