//! The Leaflet map itself: tiles through the Worker, one clustered marker per place (coloured by
//! category), and counted circles where the server answered with cluster hints instead.

use super::leaflet::{MarkerClusterGroup, div_icon, ensure_loaded, marker_cluster_group};
use crate::api;
use balai_protocol::places::{MapConfig, PlaceCategory, PlacesInBox};
use js_sys::{Array, Object, Reflect};
use leaflet::{
    CircleMarker, DivIconOptions, LatLng, LayerGroup, Map, MapOptions, Marker, MarkerOptions,
    Point, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Indonesia, whole, on a phone.
const HOME: (f64, f64, f64) = (-2.5, 118.0, 4.0);

/// Where the map should look, as the page asks: a point and a zoom, ringed when it is a place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Focus {
    pub lat: f64,
    pub lng: f64,
    pub zoom: f64,
    pub ring: bool,
}

/// The live map, kept while the page is open.
#[derive(Clone)]
struct Live {
    map: Map,
    markers: MarkerClusterGroup,
    hints: LayerGroup,
    /// A ring around the place whose sheet is open.
    chosen: LayerGroup,
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Leaflet puts the attribution in as HTML: escape the setting, it is text.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn create(el: &web_sys::HtmlElement, config: &MapConfig) -> Result<Live, JsValue> {
    let map_options = MapOptions::new();
    // Canvas draws thousands of circle markers far faster than one SVG node each.
    map_options.set_prefer_canvas(true);
    let map = Map::new_with_element(el, &map_options)?;
    map.set_view(&LatLng::new(HOME.0, HOME.1), HOME.2);
    let tile_options = TileLayerOptions::new();
    tile_options.set_attribution(escape(&config.attribution));
    tile_options.set_max_zoom(f64::from(config.max_zoom));
    TileLayer::new_options(&config.tile_url, &tile_options).add_to(&map);
    // Only the tile server's attribution: Leaflet's own prefix is a small link, hard to tap.
    if let Ok(control) = Reflect::get(&map, &"attributionControl".into())
        && let Ok(set_prefix) = Reflect::get(&control, &"setPrefix".into())
    {
        let _ = js_sys::Function::from(set_prefix).call1(&control, &false.into());
    }
    let markers = marker_cluster_group(&options(&[
        ("chunkedLoading", true.into()),
        ("showCoverageOnHover", false.into()),
        ("maxClusterRadius", 60.into()),
        ("iconCreateFunction", cluster_icon()),
    ]));
    markers.add_to(&map);
    let hints = LayerGroup::new();
    hints.add_to(&map);
    let chosen = LayerGroup::new();
    chosen.add_to(&map);
    Ok(Live {
        map,
        markers,
        hints,
        chosen,
    })
}

/// Leaflet.markercluster's counted circles, drawn 44 px wide (its own are 40) so a thumb can tap
/// them; the plugin's classes keep its colours by size.
fn cluster_icon() -> JsValue {
    Closure::<dyn Fn(JsValue) -> JsValue>::new(|cluster: JsValue| {
        let count = Reflect::get(&cluster, &"getChildCount".into())
            .ok()
            .and_then(|f| js_sys::Function::from(f).call0(&cluster).ok())
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0) as u32;
        let size = match count {
            0..10 => "small",
            10..100 => "medium",
            _ => "large",
        };
        let icon_options = DivIconOptions::new();
        icon_options.set_html(format!("<div><span>{count}</span></div>"));
        icon_options.set_class_name(format!("marker-cluster marker-cluster-{size}"));
        icon_options.set_icon_size(Point::new(44.0, 44.0));
        JsValue::from(div_icon(&icon_options))
    })
    .into_js_value()
}

/// The place id a clicked marker carries (set in its options when drawn).
fn clicked_place(event: &JsValue) -> Option<String> {
    let layer = Reflect::get(event, &"layer".into()).ok()?;
    let opts = Reflect::get(&layer, &"options".into()).ok()?;
    Reflect::get(&opts, &"placeId".into()).ok()?.as_string()
}

/// Draws `found`, timed as the `map-draw` performance measure (which `bench/map.mjs` reads).
fn draw(live: &Live, found: &PlacesInBox, categories: &[PlaceCategory]) {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("map-draw-start");
    }
    draw_layers(live, found, categories);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("map-draw", "map-draw-start");
    }
}

fn draw_layers(live: &Live, found: &PlacesInBox, categories: &[PlaceCategory]) {
    live.markers.clear_layers();
    live.hints.clear_layers();
    if found.truncated {
        // Too many to send: counted circles from the server's grid; a tap zooms in there.
        for hint in &found.clusters {
            let icon_options = DivIconOptions::new();
            icon_options.set_html(format!("<span>{}</span>", hint.count));
            icon_options.set_class_name("map-hint".into());
            icon_options.set_icon_size(Point::new(44.0, 44.0));
            let marker_options = MarkerOptions::new();
            marker_options.set_icon(div_icon(&icon_options).into());
            let at = LatLng::new(hint.lat, hint.lng);
            let marker = Marker::new_with_options(&at, &marker_options);
            let map = live.map.clone();
            let zoom_in = Closure::<dyn Fn()>::new(move || {
                map.set_view(&at, map.get_zoom() + 2.0);
            });
            marker.on("click", zoom_in.as_ref());
            zoom_in.forget();
            live.hints.add_layer(&marker);
        }
        return;
    }
    let layers = Array::new_with_length(found.places.len() as u32);
    for (i, place) in found.places.iter().enumerate() {
        let colour = categories
            .iter()
            .find(|c| c.id == place.category_id)
            .map_or("#555555", |c| c.colour.as_str());
        let marker = CircleMarker::new_with_options(
            &LatLng::new(place.lat, place.lng),
            &options(&[
                ("radius", 9.into()),
                ("color", "#ffffff".into()),
                ("weight", 2.into()),
                ("fillColor", colour.into()),
                ("fillOpacity", 0.95.into()),
                ("placeId", place.id.as_str().into()),
            ]),
        );
        layers.set(i as u32, marker.into());
    }
    live.markers.add_layers(&layers);
}

/// The map. Reports its box (`west,south,east,north`) after every move, draws `found`, calls
/// `on_select` with a tapped place's id, and flies to `focus` when the page sets it.
#[component]
pub fn MapCanvas(
    found: Signal<Option<PlacesInBox>>,
    categories: Signal<Vec<PlaceCategory>>,
    focus: Signal<Option<Focus>>,
    #[prop(into)] on_bbox: Callback<String>,
    #[prop(into)] on_select: Callback<String>,
) -> impl IntoView {
    let el = NodeRef::<Div>::new();
    let live = StoredValue::new_local(None::<Live>);
    let failed = RwSignal::new(false);
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(div) = el.get() else { return };
        leptos::task::spawn_local(async move {
            let loaded = ensure_loaded().await;
            let config = api::map_config().await.unwrap_or_else(|_| MapConfig {
                tile_url: "/api/tiles/{z}/{x}/{y}".into(),
                attribution: "© OpenStreetMap contributors".into(),
                max_zoom: 18,
            });
            let Ok(made) = loaded.and_then(|_| create(&div, &config)) else {
                failed.set(true);
                return;
            };
            let map = made.map.clone();
            let report = move || on_bbox.run(map.get_bounds().to_bbox_string());
            let report_on_move = report.clone();
            made.map.on_move_end(Box::new(move |_| report_on_move()));
            let select = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
                if let Some(id) = clicked_place(&ev) {
                    on_select.run(id);
                }
            });
            made.markers.on("click", select.as_ref());
            select.forget();
            live.set_value(Some(made));
            ready.set(true);
            report();
        });
    });
    // Redraw when the places change (and once the map exists).
    Effect::new(move |_| {
        let found = found.get();
        let categories = categories.get();
        if !ready.get() {
            return;
        }
        live.with_value(|l| {
            if let (Some(l), Some(found)) = (l, &found) {
                draw(l, found, &categories);
            }
        });
    });
    Effect::new(move |_| {
        let Some(f) = focus.get() else { return };
        if !ready.get() {
            return;
        }
        live.with_value(|l| {
            if let Some(l) = l {
                let at = LatLng::new(f.lat, f.lng);
                l.map.set_view(&at, f.zoom);
                l.chosen.clear_layers();
                if f.ring {
                    let ring = CircleMarker::new_with_options(
                        &at,
                        &options(&[
                            ("radius", 18.into()),
                            ("color", "#0f5e57".into()),
                            ("weight", 4.into()),
                            ("fill", false.into()),
                            ("interactive", false.into()),
                        ]),
                    );
                    l.chosen.add_layer(&ring);
                }
            }
        });
    });
    on_cleanup(move || {
        live.with_value(|l| {
            if let Some(l) = l {
                l.map.remove();
            }
        });
    });
    view! {
        <div class="map-canvas" node_ref=el data-testid="map" data-ready=move || ready.get().to_string()
            role="region" aria-label="Map"></div>
        <Show when=move || failed.get()>
            <p class="error" role="alert">{crate::i18n::t(crate::i18n::Msg::MapUnavailable)}</p>
        </Show>
    }
}
