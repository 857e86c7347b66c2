//! Keeps the screen on while the head counter is open (Screen Wake Lock API, where available).
//!
//! Usage: `let lock = ScreenWakeLock::request();` and `lock.release()` when leaving. Browsers
//! without the API, or that refuse the lock (battery saver), simply keep their normal timeout.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A held (or pending) screen wake lock.
#[derive(Debug, Clone, Copy)]
pub struct ScreenWakeLock {
    sentinel: StoredValue<Option<JsValue>, LocalStorage>,
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.dyn_into::<Function>().ok())
}

impl ScreenWakeLock {
    /// Asks for the screen to stay on.
    pub fn request() -> Self {
        let lock = Self {
            sentinel: StoredValue::new_local(None),
        };
        let navigator: JsValue = window().navigator().into();
        let wake_lock =
            Reflect::get(&navigator, &JsValue::from_str("wakeLock")).unwrap_or_default();
        let promise = method(&wake_lock, "request")
            .and_then(|request| request.call1(&wake_lock, &JsValue::from_str("screen")).ok())
            .and_then(|value| value.dyn_into::<Promise>().ok());
        if let Some(promise) = promise {
            leptos::task::spawn_local(async move {
                if let Ok(sentinel) = JsFuture::from(promise).await {
                    lock.sentinel.set_value(Some(sentinel));
                }
            });
        }
        lock
    }

    /// Lets the screen sleep again.
    pub fn release(self) {
        if let Some(sentinel) = self.sentinel.try_get_value().flatten() {
            if let Some(release) = method(&sentinel, "release") {
                let _ = release.call0(&sentinel);
            }
        }
    }
}
