//! Photos chosen for a post (the camera or the gallery): scaled down on the phone, shown
//! before sending, each removable.

use crate::i18n::{Msg, t};
use crate::images;
use balai_protocol::limits::{POST_PHOTO_SIDE_PX, POST_PHOTOS_MAX};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Adds to `photos` (as JPEG `data:` URLs, at most `POST_PHOTOS_MAX`) what is chosen; `busy`
/// while photos are being scaled (a post sent meanwhile would go without them).
#[component]
pub fn PhotoPicker(
    photos: RwSignal<Vec<String>>,
    busy: RwSignal<bool>,
    input_id: &'static str,
) -> impl IntoView {
    let unreadable = RwSignal::new(false);
    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // Choosing the same photo again after removing it is a change too.
        input.set_value("");
        unreadable.set(false);
        busy.set(true);
        leptos::task::spawn_local(async move {
            for file in files {
                if photos.with_untracked(Vec::len) >= POST_PHOTOS_MAX {
                    break;
                }
                match images::jpeg_data_url(&file, f64::from(POST_PHOTO_SIDE_PX)).await {
                    Some(url) => photos.update(|p| p.push(url)),
                    None => unreadable.set(true),
                }
            }
            busy.set(false);
        });
    };
    let full = move || photos.with(Vec::len) >= POST_PHOTOS_MAX;
    view! {
        <div class="photo-picker">
            <Show when=move || photos.with(|p| !p.is_empty())>
                <ul class="photo-previews">
                    {move || photos.get().into_iter().enumerate().map(|(n, url)| view! {
                        <li>
                            <img src=url alt=""/>
                            <button type="button" class="remove-photo"
                                aria-label=t(Msg::RemovePhoto)
                                on:click=move |_| photos.update(|p| { p.remove(n); })>
                                <span aria-hidden="true">"✕"</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <label class="chip add-photo" class:disabled=full for=input_id>
                "📷 " {t(Msg::AddPhotos)}
                <input id=input_id class="visually-hidden" type="file" accept="image/*" multiple
                    disabled=full on:change=chosen/>
            </label>
            <Show when=move || unreadable.get()>
                <p class="error small" role="alert">{t(Msg::PhotoUnreadable)}</p>
            </Show>
        </div>
    }
}
