//! The report pack's ZIP container, checked against a real ZIP implementation both ways: the
//! `zip` crate reads what we write (names, bytes, checksums), and we read what it writes.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use field_ledger::domain::exchange::zip_archive::{
    archive_bytes, archive_layout, ArchivePart, Crc32, MemberToWrite,
};
use field_ledger::domain::exchange::zip_reader::{
    find_central_directory, read_archive_bytes, ArchiveProblem,
};
use std::io::{Cursor, Read, Write};

fn stamp() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 9, 15)
        .and_then(|d| d.and_hms_opt(10, 30, 42))
        .unwrap()
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(Crc32::of(b"123456789"), 0xCBF4_3926);
    let mut split = Crc32::default();
    split.update(b"1234");
    split.update(b"56789");
    assert_eq!(split.finish(), 0xCBF4_3926);
    assert_eq!(Crc32::of(b""), 0);
}

#[test]
fn a_real_zip_reader_reads_what_we_write() {
    let photo: Vec<u8> = (0..70_000u32).map(|n| (n * 7 % 251) as u8).collect();
    let members: [(&str, &[u8]); 3] = [
        (
            "质量月2021_报告.json",
            br#"{"format":"field-ledger.export"}"#,
        ),
        ("photos/计量所_计量便民服务日_1.jpg", &photo),
        ("captions.csv", "file,caption\r\n".as_bytes()),
    ];
    let bytes = archive_bytes(&members, stamp()).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), 3);
    for (index, (name, content)) in members.iter().enumerate() {
        let mut file = archive.by_index(index).unwrap();
        assert_eq!(file.name(), *name, "UTF-8 name kept");
        assert_eq!(file.compression(), zip::CompressionMethod::Stored);
        let modified = file.last_modified().unwrap();
        assert_eq!(
            (
                modified.year(),
                modified.month(),
                modified.day(),
                modified.hour(),
                modified.minute(),
                modified.second()
            ),
            (2021, 9, 15, 10, 30, 42)
        );
        let mut read = Vec::new();
        // Reading to the end checks the CRC: a wrong one is an error.
        file.read_to_end(&mut read).unwrap();
        assert_eq!(&read, content);
    }
}

#[test]
fn we_read_what_a_real_zip_writer_writes_stored() {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.add_directory("photos/", stored).unwrap();
    writer.start_file("photos/街道_活动_1.jpg", stored).unwrap();
    writer.write_all(b"jpeg bytes").unwrap();
    writer.set_comment("a comment the end record must be found behind");
    let bytes = writer.finish().unwrap().into_inner();
    let members = read_archive_bytes(&bytes).unwrap();
    assert_eq!(members.len(), 2);
    assert!(members[0].0.is_folder());
    assert_eq!(members[1].0.name, "photos/街道_活动_1.jpg");
    assert_eq!(members[1].0.base_name(), "街道_活动_1.jpg");
    assert_eq!(members[1].1, b"jpeg bytes");
}

#[test]
fn deflated_members_are_listed_with_their_method() {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file("a.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    writer.write_all(&[b'a'; 1000]).unwrap();
    let bytes = writer.finish().unwrap().into_inner();
    let len = bytes.len() as u64;
    let directory = find_central_directory(&bytes, len).unwrap();
    let start = directory.offset as usize;
    let members = field_ledger::domain::exchange::zip_reader::read_members(
        &bytes[start..start + directory.len as usize],
        directory.members,
        len,
    )
    .unwrap();
    assert_eq!(
        members[0].method,
        field_ledger::domain::exchange::zip_archive::DEFLATED
    );
    assert_eq!(members[0].len, 1000);
    assert!(members[0].compressed_len < 100);
}

#[test]
fn the_layout_leaves_member_bytes_in_place() {
    let members = [MemberToWrite {
        name: "a.jpg".into(),
        size: 5,
        crc32: Crc32::of(b"hello"),
    }];
    let parts = archive_layout(&members, stamp()).unwrap();
    assert!(matches!(parts[1], ArchivePart::Member(0)));
    assert_eq!(parts.len(), 3);
}

#[test]
fn too_large_archives_are_refused_rather_than_written_wrong() {
    let huge = [MemberToWrite {
        name: "video.mp4".into(),
        size: 5_000_000_000,
        crc32: 0,
    }];
    assert!(archive_layout(&huge, stamp()).is_err());
}

#[test]
fn junk_cut_short_and_damaged_archives_are_told_apart_and_never_panic() {
    assert_eq!(
        read_archive_bytes(b"").unwrap_err(),
        ArchiveProblem::NotAnArchive
    );
    assert_eq!(
        read_archive_bytes(b"{\"format\":1}").unwrap_err(),
        ArchiveProblem::NotAnArchive
    );
    let good = archive_bytes(&[("a.txt", b"hello".as_slice())], stamp()).unwrap();
    assert_eq!(
        read_archive_bytes(&good[..good.len() - 10]).unwrap_err(),
        ArchiveProblem::NotAnArchive
    );
    let mut flipped = good.clone();
    flipped[30 + 5] ^= 0xFF; // a byte of the member: its CRC no longer matches
    assert_eq!(
        read_archive_bytes(&flipped).unwrap_err(),
        ArchiveProblem::Damaged
    );
    // Every single-byte change and every truncation: an answer, never a panic.
    for at in 0..good.len() {
        let _ = read_archive_bytes(&good[..at]);
        for value in [0u8, 0xFF, 0x50] {
            let mut changed = good.clone();
            changed[at] = value;
            let _ = read_archive_bytes(&changed);
        }
    }
}
