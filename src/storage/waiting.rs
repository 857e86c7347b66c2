//! Waiting for IndexedDB: a request's result, several requests queued at once, a transaction's
//! end. Each wait sets its handlers, awaits a promise, and takes the handlers off again, so no
//! closure (or the result it holds) outlives the wait, and none is called once freed.

use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbRequest, IdbTransaction};

/// Awaits an IndexedDB request: its result on success, its error on failure. The handlers are
/// removed and their closures freed once it settles, so nothing (such as a `getAll` result of
/// 10,000 records) is kept alive afterwards.
pub(super) async fn request_result(request: &IdbRequest) -> Result<JsValue, JsValue> {
    request_settled(request).await
}

/// Like [`request_result`], but listening from the moment it is called rather than from the
/// first poll: for several requests queued at once and awaited one after the other. Dropped
/// before the request settles (an earlier await failed), it takes its handlers off the request
/// first, so the browser never calls a freed closure.
pub(super) fn request_settled(
    request: &IdbRequest,
) -> impl std::future::Future<Output = Result<JsValue, JsValue>> {
    type Handler = Closure<dyn FnMut()>;
    /// The handlers of a request being waited for, taken off it when dropped.
    struct Listening {
        request: IdbRequest,
        _handlers: Option<(Handler, Handler)>,
    }
    impl Drop for Listening {
        fn drop(&mut self) {
            self.request.set_onsuccess(None);
            self.request.set_onerror(None);
        }
    }
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        let on_success = Closure::<dyn FnMut()>::once(move || {
            let _ = resolve.call1(&JsValue::UNDEFINED, &succeeded.result().unwrap_or_default());
        });
        let failed = request.clone();
        let on_error = Closure::<dyn FnMut()>::once(move || {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error.unwrap_or_default());
        });
        request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_success, on_error));
    });
    let listening = Listening {
        request: request.clone(),
        _handlers: handlers,
    };
    async move {
        let settled = JsFuture::from(promise).await;
        drop(listening);
        settled
    }
}

/// Awaits a transaction's end: `Ok` once it has completed (committed), its error if it aborts.
/// Call it right after queuing the transaction's requests, with no other await in between.
pub(super) async fn completion(transaction: &IdbTransaction) -> Result<JsValue, JsValue> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::<dyn FnMut()>::once(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let aborted = transaction.clone();
        let on_abort = Closure::<dyn FnMut()>::once(move || {
            let error = aborted.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error.unwrap_or_default());
        });
        transaction.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
        transaction.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
        handlers = Some((on_complete, on_abort));
    });
    let settled = JsFuture::from(promise).await;
    transaction.set_oncomplete(None);
    transaction.set_onabort(None);
    drop(handlers);
    settled
}

/// Request callbacks queued in a transaction (a read whose result decides the writes), kept
/// alive until the transaction ends.
pub(super) type Callbacks = Rc<RefCell<Vec<Closure<dyn FnMut()>>>>;
