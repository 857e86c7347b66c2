//! How the adapter turns browser errors into [`StorageFailure`]s and records into stored text:
//! shared by every storage file, so it sits below them all.

use crate::domain::storage_failure::StorageFailure;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The [`StorageFailure`] a browser error (a `DOMException` by name) stands for.
pub(super) fn failure(error: JsValue) -> StorageFailure {
    let name = Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    StorageFailure::from_error_name(&name)
}

/// The text a record is stored as: its JSON, in ASCII (see
/// [`ascii_json`](crate::domain::records::ascii_json::ascii_json)).
pub(super) fn json<T: serde::Serialize>(value: &T) -> Result<String, StorageFailure> {
    serde_json::to_string(value)
        .map(crate::domain::records::ascii_json::ascii_json)
        .map_err(|_| StorageFailure::Unreadable)
}
