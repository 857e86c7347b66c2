//! Reading a photo in the browser: its size as shown (Chromium applies the camera's EXIF
//! orientation when it decodes, so a portrait photo taken sideways reads as portrait), a shrunk
//! copy of a very large one, and a small JPEG thumbnail drawn on a canvas, so lists never decode
//! full photos.

use crate::domain::records::photo::{is_jpeg, shrunk_size};
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
    /// The image to store: the file itself, or a shrunk copy of the same type.
    pub image: Blob,
    /// A JPEG thumbnail.
    pub thumbnail: Blob,
}

/// Decodes `file` (of media type `media_type`); a JPG or PNG whose long side exceeds `long_side`
/// (`0`: never) is redrawn smaller, never below the report minimum when it met it. `None` when
/// it is not an image the browser can show.
pub async fn read_photo(file: &Blob, media_type: &str, long_side: u32) -> Option<ReadPhoto> {
    let window = web_sys::window()?;
    let decoding = window.create_image_bitmap_with_blob(file).ok()?;
    let bitmap: ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let (mut width, mut height) = (bitmap.width(), bitmap.height());
    let same_type = match media_type {
        "image/png" => Some("image/png"),
        other if is_jpeg(other) => Some("image/jpeg"),
        _ => None,
    };
    let mut image = file.clone();
    if let (Some(kind), Some((w, h))) = (
        same_type,
        shrunk_size(width, height, long_side).filter(|_| long_side > 0),
    ) {
        image = draw(&bitmap, w, h, kind).await?;
        (width, height) = (w, h);
    }
    let scale = f64::from(THUMBNAIL_LONG_SIDE) / f64::from(width.max(height).max(1));
    let scale = scale.min(1.0);
    let thumb = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    let thumbnail = draw(&bitmap, thumb(width), thumb(height), "image/jpeg").await?;
    bitmap.close();
    Some(ReadPhoto {
        width,
        height,
        image,
        thumbnail,
    })
}

/// `bitmap` drawn at `width`×`height` and encoded as `media_type`.
async fn draw(bitmap: &ImageBitmap, width: u32, height: u32, media_type: &str) -> Option<Blob> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .ok()?;
    canvas_blob(&canvas, media_type).await
}

async fn canvas_blob(canvas: &HtmlCanvasElement, media_type: &str) -> Option<Blob> {
    let mut queued = Ok(());
    let promise = Promise::new(&mut |resolve: Function, _| {
        queued = canvas.to_blob_with_type(&resolve, media_type);
    });
    queued.ok()?;
    let value: JsValue = JsFuture::from(promise).await.ok()?;
    value.dyn_into().ok()
}
