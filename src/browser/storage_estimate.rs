//! Browser storage health: persistence (`navigator.storage.persist()`) and the usage estimate.
//!
//! Usage: `is_persisted().await` at every start (it never prompts); `request_persistence().await`
//! only after a user's action (Firefox answers `persist()` with a permission prompt);
//! `estimate().await` for the figures. All answer `None` where the browser has no Storage API.

use crate::domain::storage_budget::StorageBudget;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn storage_manager() -> Option<JsValue> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|s| !s.is_undefined())
}

async fn call(name: &str) -> Option<JsValue> {
    let manager = storage_manager()?;
    let method: Function = Reflect::get(&manager, &name.into()).ok()?.dyn_into().ok()?;
    let promise: Promise = method.call0(&manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// Whether the browser keeps this origin's data persistently now (`persisted()`: no prompt).
pub async fn is_persisted() -> Option<bool> {
    Some(call("persisted").await?.is_truthy())
}

/// Asks the browser to keep this origin's data (no eviction under storage pressure); answers
/// whether it is persisted now. Chromium and WebKit decide by themselves; Firefox asks the user,
/// so call this only from a user's action. The answer may never come (a prompt left open).
pub async fn request_persistence() -> Option<bool> {
    Some(call("persist").await?.is_truthy())
}

/// Storage used and available, as the browser estimates them.
pub async fn estimate() -> Option<StorageBudget> {
    let estimate = call("estimate").await?;
    let number = |name: &str| Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    Some(StorageBudget {
        usage: number("usage")?,
        quota: number("quota")?,
    })
}
