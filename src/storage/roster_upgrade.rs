//! Database version 5's upgrade step: the sign-ins of the layout before it (one value per key)
//! moved into pages ([`roster_pages`](crate::domain::records::roster_pages)) inside the upgrade's
//! own transaction.

use super::stores::{LEGACY_ROSTER_STORE, ROSTER_LIVE_STORE, ROSTER_PAGES_STORE};
use super::waiting::Callbacks;
use crate::domain::records::roster_pages::pages_from_entry_keys;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbTransaction};

/// Version 5's upgrade step: moves the sign-ins of the layout before it (store `roster`, one
/// value per key) into pages, with each event's live count, then deletes the old store; all in
/// the upgrade's own transaction, so a failure leaves the database as it was. The callback goes
/// into `keep` (alive until the database has opened).
pub(super) fn queue_roster_upgrade(
    database: &IdbDatabase,
    upgrade: &IdbTransaction,
    keep: &Callbacks,
) -> Result<(), JsValue> {
    let legacy = upgrade.object_store(LEGACY_ROSTER_STORE)?;
    let keys = legacy.get_all_keys()?;
    let values = legacy.get_all()?;
    let (database, upgrade, reading) = (database.clone(), upgrade.clone(), values.clone());
    let on_values = Closure::<dyn FnMut()>::once(move || {
        let moved = (|| -> Result<(), JsValue> {
            let keys: Array = keys.result()?.unchecked_into();
            let values: Array = reading.result()?.unchecked_into();
            // Every value is kept, or nothing is moved: a value that is not text (none is
            // written so) goes in as its JSON, and one that has none stops the upgrade.
            let as_text = |value: JsValue| {
                value.as_string().or_else(|| {
                    js_sys::JSON::stringify(&value)
                        .ok()
                        .and_then(|text| text.as_string())
                })
            };
            let stored = keys
                .iter()
                .zip(values.iter())
                .map(|(key, value)| Some((as_text(key)?, as_text(value)?)))
                .collect::<Option<Vec<(String, String)>>>()
                .ok_or(JsValue::NULL)?;
            drop(values);
            let (pages, counts) = pages_from_entry_keys(stored);
            let page_store = upgrade.object_store(ROSTER_PAGES_STORE)?;
            for (key, text) in pages {
                page_store.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
            }
            let live = upgrade.object_store(ROSTER_LIVE_STORE)?;
            for (event, count) in counts {
                live.put_with_key(&JsValue::from_f64(count as f64), &JsValue::from_str(&event))?;
            }
            database.delete_object_store(LEGACY_ROSTER_STORE)
        })();
        if moved.is_err() {
            let _ = upgrade.abort();
        }
    });
    values.set_onsuccess(Some(on_values.as_ref().unchecked_ref()));
    keep.borrow_mut().push(on_values);
    Ok(())
}
