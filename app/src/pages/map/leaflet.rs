//! Leaflet and Leaflet.markercluster, loaded on the map page only: their JS and CSS are
//! vendored from npm into `dist/vendor/` and added to the document the first time a map opens,
//! so every other page stays as light as it was.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where Trunk copies the vendored files (the version is in the path, so a cached copy of an
/// older Leaflet is never mixed with a newer one).
const VENDOR: &str = "/vendor/leaflet-1.9.4";

#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup`: groups nearby markers into counted clusters as one zooms out.
    #[wasm_bindgen(extends = leaflet::FeatureGroup)]
    #[derive(Clone)]
    pub type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    pub fn marker_cluster_group(options: &JsValue) -> MarkerClusterGroup;

    /// Adds many markers at once (chunked, so a phone stays responsive).
    #[wasm_bindgen(method, js_name = addLayers)]
    pub fn add_layers(this: &MarkerClusterGroup, layers: &Array);

    /// `L.divIcon`: an icon drawn with HTML. (The leaflet crate's `DivIcon::new` builds an
    /// `L.Icon`, which throws for want of an image.)
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &leaflet::DivIconOptions) -> leaflet::DivIcon;
}

/// Appends `<tag>` with `attr`=`url` to the head and waits for it to load.
async fn load(tag: &str, attr: &str, url: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let el = doc.create_element(tag)?;
    if tag == "link" {
        el.set_attribute("rel", "stylesheet")?;
    }
    el.set_attribute(attr, url)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&el, &"onload".into(), &resolve);
        let _ = Reflect::set(&el, &"onerror".into(), &reject);
    });
    doc.head().ok_or("no head")?.append_child(&el)?;
    JsFuture::from(loaded).await.map(|_| ())
}

/// Loads Leaflet once per page load; later calls return at once.
pub async fn ensure_loaded() -> Result<(), JsValue> {
    if Reflect::has(&js_sys::global(), &"L".into()).unwrap_or(false)
        && Reflect::get(&js_sys::global(), &"L".into())
            .is_ok_and(|l| Reflect::has(&l, &"markerClusterGroup".into()).unwrap_or(false))
    {
        return Ok(());
    }
    load("link", "href", &format!("{VENDOR}/leaflet.css")).await?;
    load("link", "href", &format!("{VENDOR}/MarkerCluster.css")).await?;
    load(
        "link",
        "href",
        &format!("{VENDOR}/MarkerCluster.Default.css"),
    )
    .await?;
    load("script", "src", &format!("{VENDOR}/leaflet.js")).await?;
    load(
        "script",
        "src",
        &format!("{VENDOR}/leaflet.markercluster.js"),
    )
    .await
}
