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

mod blocks;
mod facts;
mod sections;

pub use facts::{DocumentFacts, DocxPart, PhotoGap, PhotoSlot, SummaryWords};

use super::outline::{SummaryOutline, SummaryScope};
use blocks::{paragraph, Xml, A, PAGE, PIC};
use chrono::{Datelike, Timelike};
use sections::{directions, overview, photos, sources, videos};

const STYLES: &[u8] = include_bytes!("docx/styles.xml");
const FONT_TABLE: &[u8] = include_bytes!("docx/fontTable.xml");
const SETTINGS: &[u8] = include_bytes!("docx/settings.xml");
const FOOTER: &[u8] = include_bytes!("docx/footer1.xml");
const CONTENT_TYPES: &[u8] = include_bytes!("docx/content-types.xml");
const PACKAGE_RELS: &[u8] = include_bytes!("docx/package-rels.xml");

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const RELATIONSHIP_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// The GB/T 9704 margins, in twips: 37, 35, 28, 26 mm.
const MARGINS: [(&str, u32); 6] = [
    ("w:top", 2098),
    ("w:bottom", 1984),
    ("w:left", 1588),
    ("w:right", 1474),
    ("w:header", 851),
    ("w:footer", 1134),
];

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
