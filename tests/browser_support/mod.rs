//! What the storage tests in the browser share: raw JavaScript for set-up that must not go
//! through the adapter under test, and deleting the records database.
// Each test crate uses part of it.
#![allow(dead_code)]

use field_ledger::storage::records::DATABASE_NAME;
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `body` (JavaScript returning a promise) with `arg` and awaits it.
pub async fn run_js(body: &str, arg: &JsValue) -> JsValue {
    let function = Function::new_with_args("arg", body);
    let promise: Promise = function
        .call1(&JsValue::NULL, arg)
        .unwrap()
        .unchecked_into();
    JsFuture::from(promise).await.unwrap()
}

/// Deletes the records database, so a test starts from nothing.
pub async fn delete_database() {
    run_js(
        "return new Promise((ok, fail) => { const r = indexedDB.deleteDatabase(arg); \
         r.onsuccess = () => ok(); r.onerror = () => fail(r.error); r.onblocked = () => ok(); });",
        &JsValue::from_str(DATABASE_NAME),
    )
    .await;
}
