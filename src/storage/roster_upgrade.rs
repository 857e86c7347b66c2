//! Database version 5's upgrade step: the sign-ins of the layout before it (one value per key)
//! moved into pages ([`roster_pages`](crate::domain::records::roster_pages)) inside the upgrade's
//! own transaction.

use super::stores::{LEGACY_ROSTER_STORE, ROSTER_LIVE_STORE, ROSTER_PAGES_STORE};
use super::waiting::Callbacks;
use crate::domain::records::roster_pages::pages_from_entry_keys;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbTransaction};

/// Where values of the old store that are not text (no build writes one) are kept, untouched:
/// this prefix, then a number. Reads count them as unreadable.
const KEPT_AS_THEY_ARE: &str = "unfiled-values/";

/// Version 5's upgrade step: moves the sign-ins of the layout before it (store `roster`, one
/// value per key) into pages, with each event's live count, then deletes the old store; all in
/// the upgrade's own transaction, so a failure leaves the database as it was, and its cause goes
/// into `cause` (a failure of this code's own requests leaves none on the transaction). Every
/// value is kept: one that is not text is stored as it is. The callback goes into `keep` (alive
/// until the database has opened).
pub(super) fn queue_roster_upgrade(
    database: &IdbDatabase,
    upgrade: &IdbTransaction,
    keep: &Callbacks,
    cause: &Rc<RefCell<Option<JsValue>>>,
) -> Result<(), JsValue> {
    let legacy = upgrade.object_store(LEGACY_ROSTER_STORE)?;
    let keys = legacy.get_all_keys()?;
    let values = legacy.get_all()?;
    let (database, upgrade, reading) = (database.clone(), upgrade.clone(), values.clone());
    let cause = cause.clone();
    let on_values = Closure::<dyn FnMut()>::once(move || {
        let moved = (|| -> Result<(), JsValue> {
            let keys: Array = keys.result()?.unchecked_into();
            let values: Array = reading.result()?.unchecked_into();
            let page_store = upgrade.object_store(ROSTER_PAGES_STORE)?;
            let mut stored = Vec::with_capacity(values.length() as usize);
            let mut kept = 0u32;
            for (key, value) in keys.iter().zip(values.iter()) {
                match (key.as_string(), value.as_string()) {
                    (Some(key), Some(text)) => stored.push((key, text)),
                    _ => {
                        let key = format!("{KEPT_AS_THEY_ARE}{kept:06}");
                        page_store.put_with_key(&value, &JsValue::from_str(&key))?;
                        kept += 1;
                    }
                }
            }
            let (pages, counts) = pages_from_entry_keys(stored);
            for (key, text) in pages {
                page_store.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&key))?;
            }
            let live = upgrade.object_store(ROSTER_LIVE_STORE)?;
            for (event, count) in counts {
                live.put_with_key(&JsValue::from_f64(count as f64), &JsValue::from_str(&event))?;
            }
            database.delete_object_store(LEGACY_ROSTER_STORE)
        })();
        if let Err(error) = moved {
            *cause.borrow_mut() = Some(error);
            let _ = upgrade.abort();
        }
    });
    values.set_onsuccess(Some(on_values.as_ref().unchecked_ref()));
    keep.borrow_mut().push(on_values);
    Ok(())
}
