//! Getting files off the tablet, in headless Chromium: feature detection of the share sheet, and
//! which path a file takes when sharing works, is cancelled, or fails.
#![cfg(target_arch = "wasm32")]

use field_ledger::browser::share::{can_share_files, deliver, Delivery};
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn navigator() -> JsValue {
    web_sys::window().unwrap().navigator().into()
}

/// Replaces `navigator[name]` with the function whose body is `body` (JavaScript).
fn stub(name: &str, args: &str, body: &str) {
    let descriptor = Object::new();
    Reflect::set(
        &descriptor,
        &"value".into(),
        &Function::new_with_args(args, body),
    )
    .unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(&navigator().into(), &name.into(), &descriptor);
}

fn remove(name: &str) {
    Reflect::delete_property(&navigator().into(), &name.into()).unwrap();
}

/// What the stubbed `share` was last called with: `[file names]`, or undefined.
fn shared_names() -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &"sharedNames".into()).unwrap()
}

/// Removes the stubs when a test ends, passed or failed, so one failure does not spread.
struct Stubs;

impl Drop for Stubs {
    fn drop(&mut self) {
        remove("canShare");
        remove("share");
    }
}

/// Chromium's rule (Android and desktop): only files whose extension and exact type are on its
/// list are shared; `.csv` with `text/csv` is, `.json` is not, nor `text/csv;charset=utf-8`.
const CHROMIUM_CAN_SHARE: &str = "return Array.isArray(data.files) && data.files.length === 1 \
    && data.files.every(f => f.name.endsWith('.csv') && f.type === 'text/csv');";

#[wasm_bindgen_test]
async fn desktop_chromium_cannot_share_files_so_files_are_downloaded() {
    // Headless Linux Chromium has no navigator.share: the detection says so honestly.
    assert!(Reflect::get(&navigator(), &"share".into())
        .unwrap()
        .is_undefined());
    assert!(!can_share_files("a.csv", "text/csv"));
    let delivered = deliver("质量月2021_events.csv", "text/csv", b"\xef\xbb\xbfa,b\r\n")
        .await
        .unwrap();
    assert_eq!(delivered, Delivery::Downloaded);
}

#[wasm_bindgen_test]
async fn a_browser_that_shares_files_gets_the_share_sheet() {
    let _cleanup = Stubs;
    stub("canShare", "data", CHROMIUM_CAN_SHARE);
    stub(
        "share",
        "data",
        "window.sharedNames = data.files.map(f => f.name + ':' + f.type + ':' + f.size); return Promise.resolve();",
    );
    // The types the export page uses for each file.
    use field_ledger::domain::plan::file_names::ExportTable;
    assert!(can_share_files(
        "a.events.csv",
        ExportTable::Events.media_type()
    ));
    assert!(!can_share_files(
        "a.report.json",
        ExportTable::Report.media_type()
    ));
    let delivered = deliver("质量月2021_events.csv", "text/csv", b"a,b\r\n")
        .await
        .unwrap();
    assert_eq!(delivered, Delivery::Shared);
    let names: Vec<String> = js_sys::Array::from(&shared_names())
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect();
    assert_eq!(names, vec!["质量月2021_events.csv:text/csv:5".to_owned()]);

    // A JSON file is not shareable on Chromium: downloaded, and `share` is not called.
    Reflect::set(
        &web_sys::window().unwrap(),
        &"sharedNames".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(
        deliver("质量月2021_report.json", "application/json", b"{}\n")
            .await
            .unwrap(),
        Delivery::Downloaded
    );
    assert!(shared_names().is_undefined());

    // The user closes the sheet: nothing is sent, nothing downloaded.
    stub(
        "share",
        "data",
        "return Promise.reject(new DOMException('closed', 'AbortError'));",
    );
    assert_eq!(
        deliver("a.csv", "text/csv", b"x").await.unwrap(),
        Delivery::Cancelled
    );

    // Sharing refused (activation expired, a target that takes no files): download instead.
    stub(
        "share",
        "data",
        "return Promise.reject(new DOMException('no', 'NotAllowedError'));",
    );
    assert_eq!(
        deliver("a.csv", "text/csv", b"x").await.unwrap(),
        Delivery::Downloaded
    );

    // A browser whose canShare refuses files downloads without calling share.
    stub("canShare", "data", "return false;");
    stub(
        "share",
        "data",
        "window.sharedNames = ['called']; return Promise.resolve();",
    );
    Reflect::set(
        &web_sys::window().unwrap(),
        &"sharedNames".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(!can_share_files("a.csv", "text/csv"));
    assert_eq!(
        deliver("a.csv", "text/csv", b"x").await.unwrap(),
        Delivery::Downloaded
    );
    assert!(shared_names().is_undefined());
}
