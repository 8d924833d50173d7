//! The lists beside (or, on a phone, under) the map: the places in view, and "near me".

use super::canvas::Focus;
use crate::api;
use crate::i18n::{Msg, t};
use balai_protocol::places::{NearPlace, PlaceCategory, PlacePin, PlacesInBox};
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A list row shows at most this many places; the map shows them all.
const LIST_MAX: usize = 50;

/// The icon of a place's category.
pub fn icon(categories: &[PlaceCategory], id: &str) -> String {
    categories
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| "📍".to_string(), |c| c.icon.clone())
}

fn distance(metres: f64) -> String {
    if metres < 1000.0 {
        format!("{} m", (metres / 10.0).round() * 10.0)
    } else {
        format!("{:.1} km", metres / 1000.0)
    }
}

#[component]
fn PlaceRow(
    pin: PlacePin,
    icon: String,
    #[prop(optional_no_strip)] away: Option<f64>,
    on_open: Callback<String>,
) -> impl IntoView {
    let id = pin.id.clone();
    view! {
        <li>
            <button type="button" class="list-row place-row" on:click=move |_| on_open.run(id.clone())>
                <span class="place-icon" aria-hidden="true">{icon}</span>
                <span class="place-text">
                    <span class="place-name">{pin.name.clone()}</span>
                    <span class="muted small">{pin.address.clone()}</span>
                </span>
                {away.map(|m| view! { <span class="distance">{distance(m)}</span> })}
            </button>
        </li>
    }
}

/// The places in the map's view, by name.
#[component]
pub fn PlaceList(
    found: Signal<Option<PlacesInBox>>,
    categories: Signal<Vec<PlaceCategory>>,
    on_open: Callback<String>,
) -> impl IntoView {
    let rows = move || {
        let Some(found) = found.get() else {
            return view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any();
        };
        if found.truncated {
            return view! {
                <p class="muted" data-testid="place-count">
                    {found.total} " " {t(Msg::PlacesZoomIn)}
                </p>
            }
            .into_any();
        }
        if found.places.is_empty() {
            return view! { <p class="muted">{t(Msg::NoPlacesHere)}</p> }.into_any();
        }
        let cats = categories.get();
        let mut pins = found.places;
        pins.sort_by(|a, b| a.name.cmp(&b.name));
        let shown = pins.len().min(LIST_MAX);
        let total = pins.len();
        view! {
            <p class="muted small" data-testid="place-count">{total} " " {t(Msg::PlacesInView)}</p>
            <ul class="list place-list">
                {pins.into_iter().take(shown).map(|pin| {
                    let icon = icon(&cats, &pin.category_id);
                    view! { <PlaceRow pin=pin icon=icon away=None on_open=on_open/> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <div class="place-list-wrap">{rows}</div> }
}

/// The browser's position, asked once (the browser asks the person first).
pub(super) async fn position() -> Result<(f64, f64), JsValue> {
    let geo = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .geolocation()?;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(true);
        options.set_timeout(15_000);
        options.set_maximum_age(60_000);
        let _ = geo.get_current_position_with_error_callback_and_options(
            &resolve,
            Some(&reject),
            &options,
        );
    });
    let pos = JsFuture::from(promise).await?;
    let coords = Reflect::get(&pos, &"coords".into())?;
    let read = |k: &str| {
        Reflect::get(&coords, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Ok((
        read("latitude").ok_or("no latitude")?,
        read("longitude").ok_or("no longitude")?,
    ))
}

/// "Near me": the nearest places (within the filter) with distances, nearest first.
#[component]
pub fn NearList(
    near: RwSignal<Option<Vec<NearPlace>>>,
    categories: Signal<Vec<PlaceCategory>>,
    filter_categories: Signal<Vec<String>>,
    filter_text: Signal<String>,
    focus: RwSignal<Option<Focus>>,
    on_open: Callback<String>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<Msg>);
    let find = move |_| {
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match position().await {
                Err(_) => problem.set(Some(Msg::LocationDenied)),
                Ok((lat, lng)) => {
                    focus.set(Some(Focus {
                        lat,
                        lng,
                        zoom: 12.0,
                        ring: false,
                    }));
                    match api::places_near(
                        lat,
                        lng,
                        &filter_categories.get_untracked(),
                        &filter_text.get_untracked(),
                    )
                    .await
                    {
                        Ok(list) => near.set(Some(list)),
                        Err(_) => problem.set(Some(Msg::MapOffline)),
                    }
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="near">
            <button type="button" class="primary" disabled=move || busy.get() on:click=find>
                "📍 " {t(Msg::NearMe)}
            </button>
            <Show when=move || near.with(Option::is_some)>
                <button type="button" on:click=move |_| near.set(None)>{t(Msg::ShowAllInView)}</button>
            </Show>
            {move || problem.get().map(|m| view! { <p class="error" role="alert">{t(m)}</p> })}
            {move || near.get().map(|list| {
                let cats = categories.get();
                view! {
                    <ul class="list place-list" data-testid="near-list">
                        {list.into_iter().map(|n| {
                            let icon = icon(&cats, &n.place.category_id);
                            view! { <PlaceRow pin=n.place icon=icon away=Some(n.distance_m) on_open=on_open/> }
                        }).collect_view()}
                    </ul>
                }
            })}
        </div>
    }
}
