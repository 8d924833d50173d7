use crate::i18n::{Msg, t};
use crate::router::{encode, navigate};
use leptos::prelude::*;

/// The one search box: goes to the search page for what was typed.
#[component]
pub fn SearchBox(value: String) -> impl IntoView {
    let text = RwSignal::new(value);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = text.get_untracked();
        if !q.trim().is_empty() {
            navigate(&format!("/search?q={}", encode(q.trim())));
        }
    };
    view! {
        <form class="search" role="search" on:submit=submit>
            <label class="visually-hidden" for="search-q">{t(Msg::Search)}</label>
            <input id="search-q" type="search" enterkeyhint="search" placeholder=t(Msg::SearchHint)
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <button type="submit" aria-label=t(Msg::Search)>"🔍"</button>
        </form>
    }
}
