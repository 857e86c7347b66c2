//! The plan's rule for report photos, caption length in characters, and shrinking sizes.

use field_ledger::domain::records::photo::{
    check_caption, report_problems, shrunk_size, PhotoProblem,
};

#[test]
fn a_large_jpg_meets_the_rule_and_small_or_other_types_say_why() {
    assert!(report_problems("image/jpeg", 1280, 960).is_empty());
    assert!(
        report_problems("image/jpeg", 768, 1024).is_empty(),
        "portrait counts"
    );
    assert_eq!(
        report_problems("image/png", 800, 600),
        vec![
            PhotoProblem::NotJpeg,
            PhotoProblem::TooSmall {
                width: 800,
                height: 600
            }
        ]
    );
    assert_eq!(
        report_problems("image/jpeg", 1024, 700),
        vec![PhotoProblem::TooSmall {
            width: 1024,
            height: 700
        }]
    );
    assert_eq!(
        report_problems("image/heic", 4032, 3024),
        vec![PhotoProblem::NotJpeg]
    );
}

#[test]
fn captions_count_characters_not_bytes() {
    let fifty: String = "质".repeat(50);
    assert!(
        check_caption(&fifty).is_ok(),
        "50 Chinese characters (150 bytes) are allowed"
    );
    assert!(check_caption(&format!("{fifty}量")).is_err());
    assert!(check_caption("").is_ok());
}

#[test]
fn shrinking_keeps_a_report_photo_report_sized() {
    assert_eq!(shrunk_size(4032, 3024, 2560), Some((2560, 1920)));
    assert_eq!(shrunk_size(3024, 4032, 2560), Some((1920, 2560)));
    assert_eq!(shrunk_size(2000, 1500, 2560), None);
    // Asked for 800 px, a report photo still stays 1024×768.
    assert_eq!(shrunk_size(4032, 3024, 800), Some((1024, 768)));
    // A panorama keeps its short side at 768.
    assert_eq!(shrunk_size(8000, 1000, 2560), Some((6144, 768)));
}

#[test]
fn a_unit_sends_one_or_two_photos() {
    use field_ledger::domain::records::photo::UnitSelection;
    assert_eq!(UnitSelection::of(0), UnitSelection::NoneYet);
    assert_eq!(UnitSelection::of(2), UnitSelection::Enough(2));
    assert_eq!(UnitSelection::of(3), UnitSelection::TooMany(3));
}
