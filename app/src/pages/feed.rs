use crate::api::{self, Source};
use crate::components::celebrations::CelebrationsCard;
use crate::components::composer::Prefill;
use crate::components::post_card::PostCard;
use crate::components::post_list::PostList;
use crate::components::require_login::RequireLogin;
use crate::components::search_box::SearchBox;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn FeedPage() -> impl IntoView {
    view! { <RequireLogin><Feed/></RequireLogin> }
}

const FILTERS: [(&str, Msg); 3] = [
    ("all", Msg::FilterAll),
    ("following", Msg::FilterFollowing),
    ("mine", Msg::FilterMine),
];

/// Home: search, the pinned announcements, the filter chips, and the chosen feed.
#[component]
fn Feed() -> impl IntoView {
    let filter = RwSignal::new("all");
    provide_context(Prefill(RwSignal::new(None)));
    let pinned = RwSignal::new(Vec::new());
    let saved = RwSignal::new(Vec::new());
    // Side by side: on a slow network the filter chips do not wait for the announcements.
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::announcements().await {
            pinned.set(list);
        }
    });
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::saved_filters().await {
            saved.set(list);
        }
    });
    view! {
        <h1 class="visually-hidden">{t(Msg::Feed)}</h1>
        <SearchBox value=String::new()/>
        <p class="tabs">
            <a class="chip" href="/ideas">"💡 " {t(Msg::IdeasTitle)}</a>
            <a class="chip" href="/round-tables">"🎤 " {t(Msg::RoundTables)}</a>
        </p>
        <For each=move || pinned.get() key=|p| p.id.clone() let:post>
            <PostCard post=post link=true/>
        </For>
        <CelebrationsCard/>
        <div class="tabs" role="group">
            {FILTERS.into_iter().map(|(value, label)| view! {
                <button type="button" class="chip" aria-pressed=move || (filter.get() == value).to_string()
                    on:click=move |_| filter.set(value)>{t(label)}</button>
            }).collect_view()}
            <For each=move || saved.get() key=|f| f.id.clone() let:f>
                {match f.query.as_str() {
                    "filter=following" | "filter=mine" => {
                        let value = if f.query.ends_with("mine") { "mine" } else { "following" };
                        view! {
                            <button type="button" class="chip" on:click=move |_| filter.set(value)>{f.name}</button>
                        }.into_any()
                    }
                    query => view! { <a class="chip" href=saved_href(query)>{f.name}</a> }.into_any(),
                }}
            </For>
        </div>
        {move || {
            let value = filter.get();
            view! { <PostList source=Source::Home(value) compose=value == "all"/> }
        }}
    }
}

/// Where a saved filter's chip leads: its tag's or group's page, or the home feed filtered.
fn saved_href(query: &str) -> String {
    match query.split_once('=') {
        Some(("tag", tag)) => format!("/t/{}", crate::router::encode(tag)),
        Some(("group", id)) => format!("/g/{id}"),
        _ => "/".to_string(),
    }
}
