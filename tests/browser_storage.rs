//! The storage adapter against the real localStorage of headless Chromium.
#![cfg(target_arch = "wasm32")]

use field_ledger::domain::storage_failure::StorageFailure;
use field_ledger::i18n::Language;
use field_ledger::storage::keys;
use field_ledger::storage::preferences::{load_language, save_language};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn language_is_absent_until_chosen_then_read_back() {
    local_storage().remove_item(keys::LANGUAGE).unwrap();
    assert_eq!(load_language(), Ok(None));
    save_language(Language::En).unwrap();
    assert_eq!(
        local_storage().get_item(keys::LANGUAGE).unwrap().as_deref(),
        Some("\"en\"")
    );
    assert_eq!(load_language(), Ok(Some(Language::En)));
    save_language(Language::ZhCn).unwrap();
    assert_eq!(load_language(), Ok(Some(Language::ZhCn)));
}

#[wasm_bindgen_test]
fn a_stored_value_this_build_cannot_read_is_reported_not_guessed() {
    local_storage().set_item(keys::LANGUAGE, "\"fr\"").unwrap();
    assert_eq!(load_language(), Err(StorageFailure::Unreadable));
    local_storage()
        .set_item(keys::LANGUAGE, "{not json")
        .unwrap();
    assert_eq!(load_language(), Err(StorageFailure::Unreadable));
    local_storage().remove_item(keys::LANGUAGE).unwrap();
}
