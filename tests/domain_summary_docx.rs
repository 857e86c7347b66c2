//! The campaign summary as a Word package: its parts, its well-formed XML, user text escaped,
//! photos named, related and sized, damaged images told apart, and a real ZIP reader opening it.

mod summary_fixture;

use chrono::NaiveDate;
use field_ledger::domain::records::image_header::{ImageHeader, ImageKind};
use field_ledger::domain::summary::docx::{
    summary_docx, DocumentFacts, DocxPart, PhotoGap, PhotoSlot,
};
use field_ledger::domain::summary::outline::SummaryOutline;
use field_ledger::i18n::{summary_words, Language};
use summary_fixture::*;

fn facts() -> DocumentFacts<'static> {
    DocumentFacts {
        issuing_unit: "天津市河北区市场监督管理局",
        campaign_name: "质量月2021",
        exported_at: NaiveDate::from_ymd_opt(2021, 10, 12)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap(),
        app_version: "0.1.0+abc1234",
    }
}

fn jpeg_header() -> ImageHeader {
    ImageHeader {
        kind: ImageKind::Jpeg,
        width: 1280,
        height: 960,
    }
}

fn parts(summary: &SummaryOutline, slots: &[PhotoSlot], language: Language) -> Vec<DocxPart> {
    summary_docx(summary, slots, &summary_words(language), &facts())
}

fn xml_part<'a>(parts: &'a [DocxPart], wanted: &str) -> &'a str {
    parts
        .iter()
        .find_map(|part| match part {
            DocxPart::Xml(name, bytes) if name == wanted => {
                Some(std::str::from_utf8(bytes).unwrap())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no part {wanted}"))
}

/// Every XML part parses (quick-xml checks that every element closes in order).
fn assert_well_formed(parts: &[DocxPart]) {
    for part in parts {
        if let DocxPart::Xml(name, bytes) = part {
            let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
            let mut buffer = Vec::new();
            loop {
                match reader.read_event_into(&mut buffer) {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(error) => panic!("{name} is not well-formed: {error}"),
                }
                buffer.clear();
            }
        }
    }
}

#[test]
fn the_word_package_has_its_parts_and_the_photos_in_order() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let slots = [
        PhotoSlot::Embedded(jpeg_header()),
        PhotoSlot::Gap(PhotoGap::Damaged),
    ];
    let parts = parts(&summary, &slots, Language::ZhCn);
    let names: Vec<&str> = parts
        .iter()
        .map(|part| match part {
            DocxPart::Xml(name, _) | DocxPart::Photo(name, _) => name.as_str(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/media/photo1.jpg",
        ]
    );
    assert_eq!(parts[9], DocxPart::Photo("word/media/photo1.jpg".into(), 0));
    assert_well_formed(&parts);

    let document = xml_part(&parts, "word/document.xml");
    for text in [
        "天津市河北区市场监督管理局",
        "质量月2021活动总结",
        "（食品科\u{3000}2021年9月1日至9月30日）",
        "2021年9月1日至9月30日，食品科共开展活动3场，参加活动127人次，宣传时长150分钟，宣传报道4篇。",
        "一、总体情况",
        "二、质量主题宣传",
        "本方向暂无活动记录。",
        "三、质量提升行动",
        "七、质量强企惠民",
        "【请在此处填写本方向的主要做法、取得的成效和典型经验。】",
        "八、活动照片",
        "图1\u{3000}食品经营许可质量检查现场，工作人员核对许可证",
        "【此处缺少照片 食品科_“服务解难题，质量促发展”_1.jpg：本设备上存储的图像已损坏，请重新添加后再导出。】",
        "图2\u{3000}意式风情街食品质量知识宣讲，市民现场咨询",
        "九、活动视频",
        "VID_0920_01.mp4、VID_0920_02.mp4",
        "本文数据来自3条活动记录（记录设备：平板3），由活动台账 0.1.0+abc1234 于2021年10月12日 14:30（北京时间）生成",
    ] {
        assert!(document.contains(text), "document.xml lacks {text}");
    }
    // A 1280×960 photo across the text's 156 mm (5,616,000 EMU), so 117 mm tall (at 208 dpi).
    assert!(document.contains(r#"<wp:extent cx="5616000" cy="4212000"/>"#));
    assert!(document.contains(r#"r:embed="rIdPhoto1""#));
    let relationships = xml_part(&parts, "word/_rels/document.xml.rels");
    assert!(relationships.contains(r#"Id="rIdPhoto1""#));
    assert!(relationships.contains(r#"Target="media/photo1.jpg""#));
    assert!(!relationships.contains("rIdPhoto2"), "a gap has no picture");
    let core = xml_part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>天津市河北区市场监督管理局质量月2021活动总结</dc:title>"));
    assert!(core.contains("2021-10-12T14:30:00+08:00"));
}

#[test]
fn small_photos_are_never_enlarged() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let small = ImageHeader {
        kind: ImageKind::Png,
        width: 300,
        height: 150,
    };
    let parts = parts(
        &summary,
        &[
            PhotoSlot::Embedded(small),
            PhotoSlot::Gap(PhotoGap::Missing),
        ],
        Language::ZhCn,
    );
    // 300 px at 150 dpi: 2 inches, 1,828,800 EMU.
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains(r#"<wp:extent cx="1828800" cy="914400"/>"#));
    assert!(document.contains("本设备上已没有这张照片的图像"));
    assert!(matches!(&parts[9], DocxPart::Photo(name, 0) if name == "word/media/photo1.png"));
}

#[test]
fn user_text_is_escaped_and_what_xml_cannot_hold_becomes_a_space() {
    let mut fixture = fixture();
    fixture.events[0].place = "<w:t>&\"广场\"\u{1}\u{b}</w:t>".into();
    fixture.photos[0].caption = "]]><script>alert(1)</script>".into();
    let summary = outline(&fixture, food(), false);
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(jpeg_header()); 2],
        Language::ZhCn,
    );
    assert_well_formed(&parts);
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains("&lt;w:t&gt;&amp;"));
    assert!(!document.contains('\u{1}') && !document.contains('\u{b}'));
    assert!(document.contains("]]&gt;&lt;script&gt;"));
}

#[test]
fn the_english_document_speaks_english() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), true);
    let parts = parts(&summary, &[], Language::En);
    let document = xml_part(&parts, "word/document.xml");
    for text in [
        "1. Overview",
        "2. Quality publicity",
        "No events were recorded under this direction.",
        "8. Photos",
    ] {
        assert!(document.contains(text), "document.xml lacks {text}");
    }
    assert!(document.contains("Food Section held 3 events, 127 person-times"));
}

// The real `zip` crate is a host-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_package_is_a_zip_that_a_real_reader_opens() {
    let fixture = fixture();
    let summary = outline(&fixture, food(), false);
    let jpeg: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0x03, 0xC0, 0x05, 0x00, 3, 0, 0, 0xFF, 0xD9,
    ];
    let header = ImageHeader::read(jpeg).unwrap();
    assert_eq!((header.width, header.height), (1280, 960));
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(header), PhotoSlot::Embedded(header)],
        Language::ZhCn,
    );
    let members: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|part| match part {
            DocxPart::Xml(name, bytes) => (name.as_str(), bytes.as_slice()),
            DocxPart::Photo(name, _) => (name.as_str(), jpeg),
        })
        .collect();
    let time = facts().exported_at;
    let bytes = field_ledger::domain::exchange::zip_archive::archive_bytes(&members, time).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut photo = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("word/media/photo2.jpg").unwrap(),
        &mut photo,
    )
    .unwrap();
    assert_eq!(photo, jpeg, "the photo byte for byte");
    assert!(archive.by_name("word/styles.xml").is_ok());
}

#[test]
fn damaged_images_are_told_apart_from_real_ones() {
    assert_eq!(ImageHeader::read(b""), None);
    assert_eq!(
        ImageHeader::read(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]),
        None,
        "cut short"
    );
    assert_eq!(
        ImageHeader::read(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]),
        None,
        "no frame header"
    );
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&1024u32.to_be_bytes());
    png.extend_from_slice(&768u32.to_be_bytes());
    let header = ImageHeader::read(&png).unwrap();
    assert_eq!(
        (header.kind, header.width, header.height),
        (ImageKind::Png, 1024, 768)
    );
    // A JPEG with a JFIF segment before its frame.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    jpeg.extend_from_slice(&[0; 14]);
    jpeg.extend_from_slice(&[0xFF, 0xC2, 0, 11, 8, 0x04, 0x00, 0x03, 0x00, 3]);
    let header = ImageHeader::read(&jpeg).unwrap();
    assert_eq!(
        (header.width, header.height),
        (768, 1024),
        "progressive, portrait"
    );
}

/// A minimal baseline JPEG: SOI, an APP1 segment holding an Exif thumbnail (with its own end
/// marker), a frame header of 1024×768, a scan with data, EOI.
fn small_jpeg() -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend_from_slice(&[0xFF, 0xE1, 0, 6, 0xFF, 0xD8, 0xFF, 0xD9]);
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0x03, 0x00, 0x04, 0x00, 1, 1, 0x11, 0]);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    jpeg.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}

fn checked(bytes: &[u8], piece: usize) -> Option<ImageHeader> {
    let mut check = field_ledger::domain::records::image_header::ImageCheck::new();
    for chunk in bytes.chunks(piece) {
        check.feed(chunk);
    }
    check.finish()
}

#[test]
fn a_photo_cut_short_is_damaged_whatever_the_pieces_it_is_read_in() {
    let jpeg = small_jpeg();
    for piece in [1, 2, 3, 7, 1024] {
        let header = checked(&jpeg, piece).unwrap_or_else(|| panic!("whole, pieces of {piece}"));
        assert_eq!(
            (header.kind, header.width, header.height),
            (ImageKind::Jpeg, 1024, 768)
        );
        // Cut anywhere before its end marker (the thumbnail's own marker does not count).
        for cut in 1..jpeg.len() - 1 {
            assert_eq!(
                checked(&jpeg[..cut], piece),
                None,
                "cut at {cut}, pieces of {piece}"
            );
        }
        // Data a camera appends after the end (a motion photo's video) is fine.
        let mut appended = jpeg.clone();
        appended.extend_from_slice(b"MotionPhoto_Data\x00\x01");
        assert!(checked(&appended, piece).is_some());
    }
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&1024u32.to_be_bytes());
    png.extend_from_slice(&768u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(checked(&png, 5), None, "a PNG without IEND is cut short");
    png.extend_from_slice(&[0, 0, 0, 0]);
    png.extend_from_slice(b"IEND");
    png.extend_from_slice(&[0xAE, 0x42, 0x60, 0x82]);
    assert_eq!(checked(&png, 5).map(|h| h.kind), Some(ImageKind::Png));
    assert_eq!(checked(b"<html>proxy says no</html>", 4), None);
}

#[test]
fn a_caption_with_control_characters_stays_valid_xml_in_the_picture_description() {
    let mut fixture = fixture();
    fixture.photos[0].caption = "现场\u{1}照片\u{b}".into();
    let summary = outline(&fixture, food(), false);
    let parts = parts(
        &summary,
        &[PhotoSlot::Embedded(jpeg_header()); 2],
        Language::ZhCn,
    );
    assert_well_formed(&parts);
    let document = xml_part(&parts, "word/document.xml");
    assert!(document.contains("descr=\"现场 照片 \""));
}
