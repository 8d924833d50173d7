//! A place's sheet: what it is, how to call and reach it, the posts about it, and a form to
//! suggest a correction.

use super::canvas::Focus;
use super::form::PlaceForm;
use super::list::icon;
use crate::api::{self, Source};
use crate::call::Call;
use crate::components::post_list::PostList;
use crate::components::tel::tel;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use crate::router::navigate;
use balai_protocol::Millis;
use balai_protocol::places::{
    NewSuggestion, Place, PlaceCategory, PlaceChanges, PlaceRef, PlaceVisibility,
};
use leptos::prelude::*;

/// An event's time, in the reader's language and time zone.
fn when(at: Millis) -> String {
    let date = js_sys::Date::new(&(at as f64).into());
    date.to_locale_string(crate::i18n::current().code(), &js_sys::Object::new())
        .into()
}

/// A `geo:` URI: phones open it in their maps app, with the place named.
fn geo(place: &Place) -> String {
    format!(
        "geo:{lat},{lng}?q={lat},{lng}({name})",
        lat = place.lat,
        lng = place.lng,
        name = crate::router::encode(&place.name)
    )
}

#[component]
pub fn PlaceSheet(
    id: String,
    categories: Signal<Vec<PlaceCategory>>,
    focus: RwSignal<Option<Focus>>,
) -> impl IntoView {
    let load = Call::<Place>::new();
    let place_id = StoredValue::new(id);
    let reload = move || {
        load.run(async move {
            let place = api::place(&place_id.get_value()).await?;
            focus.set(Some(Focus {
                lat: place.lat,
                lng: place.lng,
                zoom: 15.0,
                ring: true,
            }));
            Ok(place)
        })
    };
    reload();
    let body = move || {
        load.result.get().and_then(Result::ok).map(|place| {
            let cats = categories.get();
            let category = cats
                .iter()
                .find(|c| c.id == place.category_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let restricted = place.visibility == PlaceVisibility::Restricted;
            let event = place.starts_at.zip(place.ends_at);
            let can_edit = place.can_edit;
            let editable = place.clone();
            let place_ref = PlaceRef {
                id: place.id.clone(),
                name: place.name.clone(),
            };
            view! {
                <article class="card place-sheet" data-testid="place-sheet">
                    <p class="muted small">
                        {icon(&cats, &place.category_id)} " " {category}
                        <Show when=move || restricted>
                            " · " <span class="badge">{t(Msg::RestrictedPlace)}</span>
                        </Show>
                    </p>
                    <h2>{place.name.clone()}</h2>
                    <p>{place.address.clone()}</p>
                    {event.map(|(s, e)| view! { <p>"📅 " {when(s)} " – " {when(e)}</p> })}
                    {(!place.hours.is_empty()).then(|| view! { <p class="muted">"🕘 " {place.hours.clone()}</p> })}
                    {(!place.description.is_empty()).then(|| view! { <p>{place.description.clone()}</p> })}
                    <div class="actions">
                        {(!place.phone.is_empty()).then(|| view! {
                            <a class="chip" href=tel(&place.phone)>"📞 " {t(Msg::Call)} " " {place.phone.clone()}</a>
                        })}
                        <a class="chip" href=geo(&place)>"🧭 " {t(Msg::Directions)}</a>
                        <a class="chip" href=format!("/ideas?place={}", place.id)>{t(Msg::SuggestIdeaHere)}</a>
                    </div>
                    {place.department_name.clone().map(|d| view! { <p class="muted">"🏷 " {d}</p> })}
                    {place.group_id.clone().zip(place.group_name.clone()).map(|(g, name)| view! {
                        <p><a class="chip" href=format!("/g/{g}")>{t(Msg::InGroup)} " " {name}</a></p>
                    })}
                    {(!place.tags.is_empty()).then(|| view! {
                        <p class="chips">
                            {place.tags.iter().map(|tag| view! {
                                <a class="chip" href=format!("/t/{}", crate::router::encode(tag))>"#" {tag.clone()}</a>
                            }).collect_view()}
                        </p>
                    })}
                    <Show when=move || can_edit>
                        <EditPlace place=editable.clone() categories=categories on_saved=move |_| reload()/>
                    </Show>
                    <SuggestCorrection place_id=place.id.clone()/>
                </article>
                <h3>{t(Msg::PostsAboutPlace)}</h3>
                <PostList source=Source::Place(place.id.clone()) compose=true place=Some(place_ref)/>
            }
        })
    };
    view! {
        <div class="place-sheet-wrap">
            <button type="button" class="link" on:click=move |_| navigate("/map")>
                "← " {t(Msg::BackToMap)}
            </button>
            <Show when=move || load.pending.get()>
                <p class="muted">{t(Msg::Loading)}</p>
            </Show>
            {load.error_view()}
            {body}
        </div>
    }
}

/// For map editors: edit the place in place, or archive it.
#[component]
fn EditPlace(
    place: Place,
    categories: Signal<Vec<PlaceCategory>>,
    #[prop(into)] on_saved: Callback<Place>,
) -> impl IntoView {
    let id = StoredValue::new(place.id.clone());
    let archive = Call::new();
    let remove = move |_| {
        if confirm(t(Msg::ConfirmArchive)) {
            archive.run(async move {
                api::archive_place(&id.get_value()).await?;
                navigate("/map");
                Ok(())
            });
        }
    };
    view! {
        <details class="edit-place">
            <summary>{t(Msg::Edit)}</summary>
            <PlaceForm place=Some(place) categories=categories on_saved=on_saved/>
            <button type="button" class="danger wide" on:click=remove>{t(Msg::ArchivePlace)}</button>
            {archive.error_view()}
        </details>
    }
}

/// "Something wrong?": a note and, optionally, the right phone or address, for an editor.
#[component]
fn SuggestCorrection(place_id: String) -> impl IntoView {
    let place_id = StoredValue::new(place_id);
    let note = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    // Sent again after a failure, the suggestion keeps its key: the server makes it once.
    let key = StoredValue::new(api::new_key());
    let send = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let optional =
            |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let input = NewSuggestion {
            note: note.get_untracked(),
            changes: PlaceChanges {
                phone: optional(phone),
                address: optional(address),
                ..PlaceChanges::default()
            },
        };
        send.run(async move {
            api::suggest_correction(&place_id.get_value(), &input, &key.get_value()).await?;
            sent.set(true);
            Ok(())
        });
    };
    view! {
        <details class="suggest">
            <summary>{t(Msg::SuggestCorrection)}</summary>
            <Show when=move || !sent.get()
                fallback=|| view! { <p class="notice" role="status">{t(Msg::SuggestionSent)}</p> }>
                <form on:submit=submit>
                    <label>{t(Msg::WhatIsWrong)}
                        <textarea rows="2" required prop:value=move || note.get()
                            on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    </label>
                    <label>{t(Msg::CorrectPhone)}
                        <input type="tel" prop:value=move || phone.get()
                            on:input=move |ev| phone.set(event_target_value(&ev))/>
                    </label>
                    <label>{t(Msg::CorrectAddress)}
                        <input prop:value=move || address.get()
                            on:input=move |ev| address.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" disabled=move || send.pending.get()>{t(Msg::Send)}</button>
                    {send.error_view()}
                </form>
            </Show>
        </details>
    }
}
