//! Getting a file off the tablet: the system share sheet (`navigator.share` with files, e.g. to
//! WeChat or the office OA app) where the browser offers it, a download otherwise.
//!
//! Usage: `deliver(&name, media_type, bytes).await` from a click handler. The share sheet needs
//! the click's user activation, so call it without long work in between (building even a large
//! file takes well under the browser's activation window).

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FilePropertyBag, HtmlAnchorElement, Url};

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Handed to the share sheet and sent.
    Shared,
    /// Downloaded.
    Downloaded,
    /// The user closed the share sheet without sending.
    Cancelled,
}

/// Why a file could not be handed over at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryFailed;

fn navigator_function(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let function = Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    function.dyn_into::<Function>().ok().map(|f| (navigator, f))
}

fn make_file(name: &str, media_type: &str, parts: &Array) -> Result<File, DeliveryFailed> {
    let options = FilePropertyBag::new();
    options.set_type(media_type);
    File::new_with_u8_array_sequence_and_options(parts, name, &options).map_err(|_| DeliveryFailed)
}

fn share_data(file: &File) -> Object {
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(file));
    let _ = Reflect::set(&data, &"title".into(), &file.name().into());
    data
}

/// Whether the browser would share `file` through the system share sheet
/// (`navigator.canShare({ files })`, which checks the name's extension and the exact type).
fn can_share(file: &File) -> bool {
    let Some((navigator, can_share)) = navigator_function("canShare") else {
        return false;
    };
    if navigator_function("share").is_none() {
        return false;
    }
    can_share
        .call1(&navigator, &share_data(file))
        .is_ok_and(|answer| answer.is_truthy())
}

/// Whether the browser can share a file named like `name` of `media_type` through the system
/// share sheet. Desktop Linux Chromium cannot share at all; Android Chrome shares `.csv` files
/// but not `.json` (not on its list of shareable types), which are downloaded instead.
pub fn can_share_files(name: &str, media_type: &str) -> bool {
    make_file(name, media_type, &Array::new()).is_ok_and(|probe| can_share(&probe))
}

fn download(file: &File) -> Result<(), DeliveryFailed> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DeliveryFailed)?;
    let url = Url::create_object_url_with_blob(file).map_err(|_| DeliveryFailed)?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DeliveryFailed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&file.name());
    anchor.set_hidden(true);
    let body = document.body().ok_or(DeliveryFailed)?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // The download reads the object URL after this task: free it a minute later, not now.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Hands `bytes` over as the file `name`: shared where the browser can share files, downloaded
/// otherwise, and downloaded too if sharing fails for any reason but the user's cancelling.
pub async fn deliver(
    name: &str,
    media_type: &str,
    bytes: &[u8],
) -> Result<Delivery, DeliveryFailed> {
    deliver_parts(name, media_type, &Array::of1(&Uint8Array::from(bytes))).await
}

/// Hands over the file `name` made of `parts` (`Uint8Array`s and `Blob`s, concatenated by the
/// browser without copying the blobs), like [`deliver`].
pub async fn deliver_parts(
    name: &str,
    media_type: &str,
    parts: &Array,
) -> Result<Delivery, DeliveryFailed> {
    let file = make_file(name, media_type, parts)?;
    if can_share(&file) {
        if let Some((navigator, share)) = navigator_function("share") {
            let shared = share
                .call1(&navigator, &share_data(&file))
                .and_then(|promise| promise.dyn_into::<Promise>());
            if let Ok(promise) = shared {
                match JsFuture::from(promise).await {
                    Ok(_) => return Ok(Delivery::Shared),
                    Err(error) if error_name(&error) == "AbortError" => {
                        return Ok(Delivery::Cancelled)
                    }
                    // NotAllowedError (activation expired), DataError…: download instead.
                    Err(_) => {}
                }
            }
        }
    }
    download(&file).map(|()| Delivery::Downloaded)
}
