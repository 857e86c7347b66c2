//! Reading a photo in the browser: its size as shown (Chromium applies the camera's EXIF
//! orientation when it decodes, so a portrait photo taken sideways reads as portrait) and a small
//! JPEG thumbnail drawn on a canvas, so lists never decode full photos.

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

/// The long side of a thumbnail, in pixels (sharp at twice the size it is shown).
pub const THUMBNAIL_LONG_SIDE: u32 = 320;

/// A decoded photo.
#[derive(Debug, Clone)]
pub struct ReadPhoto {
    /// Width as shown.
    pub width: u32,
    /// Height as shown.
    pub height: u32,
    /// A JPEG thumbnail.
    pub thumbnail: Blob,
}

/// Decodes `image`; `None` when it is not an image the browser can show.
pub async fn read_photo(image: &Blob) -> Option<ReadPhoto> {
    let window = web_sys::window()?;
    let decoding = window.create_image_bitmap_with_blob(image).ok()?;
    let bitmap: ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let scale = f64::from(THUMBNAIL_LONG_SIDE) / f64::from(width.max(height).max(1));
    let scale = scale.min(1.0);
    let (thumb_width, thumb_height) = (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    );
    let canvas: HtmlCanvasElement = window
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(thumb_width);
    canvas.set_height(thumb_height);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(thumb_width),
            f64::from(thumb_height),
        )
        .ok()?;
    bitmap.close();
    let thumbnail = canvas_blob(&canvas).await?;
    Some(ReadPhoto {
        width,
        height,
        thumbnail,
    })
}

async fn canvas_blob(canvas: &HtmlCanvasElement) -> Option<Blob> {
    let mut queued = Ok(());
    let promise = Promise::new(&mut |resolve: Function, _| {
        queued = canvas.to_blob_with_type(&resolve, "image/jpeg");
    });
    queued.ok()?;
    let value: JsValue = JsFuture::from(promise).await.ok()?;
    value.dyn_into().ok()
}
