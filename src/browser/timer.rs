//! Waiting without blocking: a timer that an [`AbortSignal`] can end early (live sync waits out its
//! backoff this way, and a tap on "sync now" or a save ends the wait).

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// Waits `milliseconds`, or until `signal` aborts, whichever comes first.
pub async fn wait(milliseconds: i32, signal: &AbortSignal) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if signal.aborted() {
        return;
    }
    let mut timer = None;
    let mut on_abort = None;
    let promise = Promise::new(&mut |resolve, _| {
        let done = resolve.clone();
        let on_timeout = Closure::<dyn FnMut()>::once(move || {
            let _ = done.call0(&JsValue::UNDEFINED);
        });
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                milliseconds,
            )
            .ok();
        timer = Some((on_timeout, id));
        let aborted = Closure::<dyn FnMut()>::once(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        signal.set_onabort(Some(aborted.as_ref().unchecked_ref()));
        on_abort = Some(aborted);
    });
    let _ = JsFuture::from(promise).await;
    signal.set_onabort(None);
    if let Some((_, Some(id))) = &timer {
        window.clear_timeout_with_handle(*id);
    }
    drop(timer);
    drop(on_abort);
}
