//! Phone photos scaled down in the browser before they go up: a camera's 12-megapixel JPEG
//! becomes a few hundred KB, which a field network sends in seconds and the server accepts.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// JPEG quality of a scaled photo: no visible loss on a phone's screen.
const JPEG_QUALITY: f64 = 0.85;

/// `file` drawn on a canvas with its longest side at most `side` px; `None` when the browser
/// cannot decode it.
async fn drawn(file: &web_sys::File, side: f64) -> Option<web_sys::HtmlCanvasElement> {
    let window = web_sys::window()?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let scale = (side / w.max(h)).min(1.0);
    let (w, h) = ((w * scale).round(), (h * scale).round());
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
        .ok()?;
    Some(canvas)
}

/// `file` scaled down to `side` px as a JPEG blob (an upload of its own).
pub async fn jpeg_blob(file: &web_sys::File, side: f64) -> Option<web_sys::Blob> {
    let canvas = drawn(file, side).await?;
    let blob = js_sys::Promise::new(&mut |resolve, _reject| {
        let done =
            wasm_bindgen::closure::Closure::once_into_js(move |blob: wasm_bindgen::JsValue| {
                let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &blob);
            });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(JPEG_QUALITY),
        );
    });
    JsFuture::from(blob).await.ok()?.dyn_into().ok()
}

/// `file` scaled down to `side` px as a JPEG `data:` URL: shown as it is before sending, and
/// carried as base64 inside a JSON write (which the outbox keeps as text while offline).
pub async fn jpeg_data_url(file: &web_sys::File, side: f64) -> Option<String> {
    drawn(file, side)
        .await?
        .to_data_url_with_type_and_encoder_options(
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(JPEG_QUALITY),
        )
        .ok()
}

/// The base64 of a `data:` URL, as the API takes photos.
pub fn base64_of(data_url: &str) -> &str {
    data_url.split_once(',').map_or("", |(_, data)| data)
}
