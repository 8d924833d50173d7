//! The company map: branches, clients, venues, suppliers and events on a Leaflet map, with
//! category chips, a search box, a list of what is in view, "near me", and a sheet per place.
//! `?place=<id>` opens a place's sheet, so a post's "📍 at …" link lands on it.

mod canvas;
mod form;
mod leaflet;
mod list;
mod manage;
mod sheet;
mod view_box;

pub use manage::ManageMapPage;

use crate::api;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::latest::Latest;
use crate::router::{navigate, query_param, use_location};
use balai_protocol::places::{NearPlace, PlaceCategory, PlacesInBox};
use canvas::{Focus, MapCanvas};
use leptos::prelude::*;
use list::{NearList, PlaceList};
use sheet::PlaceSheet;
use view_box::{ViewBox, in_view};

#[component]
pub fn MapPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <MapBody/>
        </RequireLogin>
    }
}

/// What the person is filtering by: categories (none = all) and text.
#[derive(Clone, Default, PartialEq)]
struct Filter {
    categories: Vec<String>,
    text: String,
}

#[component]
fn MapBody() -> impl IntoView {
    let location = use_location();
    let selected = Memo::new(move |_| {
        location.0.with(|url| {
            let query = url.split_once('?').map_or("", |(_, q)| q);
            Some(query_param(query, "place")).filter(|p| !p.is_empty())
        })
    });
    let categories = RwSignal::new(Vec::<PlaceCategory>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::place_categories().await {
            categories.set(list);
        }
    });
    let filter = RwSignal::new(Filter::default());
    let view = RwSignal::new(None::<ViewBox>);
    // The last answer (drawn on the map) and the box and filter it was fetched for.
    let found = RwSignal::new(None::<PlacesInBox>);
    let fetched = StoredValue::new(None::<(ViewBox, Filter)>);
    let latest = Latest::new();
    let offline = RwSignal::new(false);
    let near = RwSignal::new(None::<Vec<NearPlace>>);
    let focus = RwSignal::new(None::<Focus>);
    // Fetch when the view leaves what was fetched (or the filter changes): a padded box, so
    // most pans need nothing new.
    Effect::new(move |_| {
        let (Some(v), f) = (view.get(), filter.get()) else {
            return;
        };
        let covered = fetched.with_value(|last| {
            last.as_ref().is_some_and(|(b, last_filter)| {
                *last_filter == f
                    && b.contains_box(&v)
                    && found.with_untracked(|a| a.as_ref().is_some_and(|a| !a.truncated))
            })
        });
        if covered {
            return;
        }
        let padded = v.padded();
        let ticket = latest.begin();
        leptos::task::spawn_local(async move {
            let answer = api::places_in_box(&padded.to_query(), &f.categories, &f.text).await;
            if !latest.is_current(ticket) {
                return;
            }
            match answer {
                Ok(places) => {
                    offline.set(false);
                    fetched.set_value(Some((padded, f)));
                    found.set(Some(places));
                }
                Err(e) => offline.set(e.is_network()),
            }
        });
    });
    let listed = Memo::new(move |_| {
        let v = view.get()?;
        found.with(|a| a.as_ref().map(|a| in_view(a, &v)))
    });
    let toggle = move |id: String| {
        filter.update(|f| {
            if let Some(i) = f.categories.iter().position(|c| *c == id) {
                f.categories.remove(i);
            } else {
                f.categories.push(id);
            }
        });
        near.set(None);
    };
    let text = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.update(|f| f.text = text.get_untracked());
        near.set(None);
    };
    let open = Callback::new(move |id: String| navigate(&format!("/map?place={id}")));
    let session = crate::session::use_session();
    let editor =
        move || session.is_admin() || session.user().is_some_and(|me| me.grants.place_editor);
    let chips = move || {
        categories
            .get()
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                let pressed = {
                    let id = id.clone();
                    move || filter.with(|f| f.categories.contains(&id)).to_string()
                };
                view! {
                    <button type="button" class="chip" aria-pressed=pressed
                        data-category=c.id.clone() on:click=move |_| toggle(id.clone())>
                        {c.icon.clone()} " " {c.name.clone()}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <section class="map-page">
            <form class="map-search" role="search" on:submit=search>
                <label class="visually-hidden" for="map-q">{t(Msg::SearchPlaces)}</label>
                <input id="map-q" type="search" placeholder=t(Msg::SearchPlaces)
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                <button type="submit">{t(Msg::Search)}</button>
            </form>
            <div class="chips" role="group" aria-label=t(Msg::Categories)>
                <button type="button" class="chip"
                    aria-pressed=move || filter.with(|f| f.categories.is_empty()).to_string()
                    on:click=move |_| filter.update(|f| f.categories.clear())>
                    {t(Msg::AllPlaces)}
                </button>
                {chips}
            </div>
            <Show when=editor>
                <p><a class="chip" href="/map/manage">"🛠 " {t(Msg::ManageMap)}</a></p>
            </Show>
            <Show when=move || offline.get()>
                <p class="notice" role="status">{t(Msg::MapOffline)}</p>
            </Show>
            <div class="map-layout">
                <MapCanvas
                    found=found.into()
                    categories=categories.into()
                    focus=focus.into()
                    on_bbox=move |b: String| view.set(ViewBox::parse(&b))
                    on_select=open
                />
                <aside class="map-side">
                    {move || match selected.get() {
                        Some(id) => view! {
                            <PlaceSheet id=id categories=categories.into() focus=focus/>
                        }.into_any(),
                        None => view! {
                            <NearList near=near categories=categories.into()
                                filter_categories=Signal::derive(move || filter.with(|f| f.categories.clone()))
                                filter_text=Signal::derive(move || filter.with(|f| f.text.clone()))
                                focus=focus on_open=open/>
                            <Show when=move || near.with(Option::is_none)>
                                <PlaceList found=listed.into() categories=categories.into() on_open=open/>
                            </Show>
                        }.into_any(),
                    }}
                </aside>
            </div>
        </section>
    }
}
