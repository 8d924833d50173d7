use crate::api;
use crate::components::ack::AckBar;
use crate::components::post_photos::PostPhotos;
use crate::components::post_states::{PostChanges, PostStates};
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::offline::outbox::{Sent, send_or_queue};
use balai_protocol::feed::{Author, LikeState, Post};
use leptos::prelude::*;

/// The author's name, linking to their page and marked when they have left the company.
/// `plain`: no link, for names inside another link (search results).
#[component]
pub fn AuthorName(author: Author, #[prop(optional)] plain: bool) -> impl IntoView {
    let badge = author.former.then(|| {
        view! { <span class="badge">{t(Msg::FormerEmployee)}</span> }
    });
    if plain {
        view! { <span class="author">{author.name} {badge}</span> }.into_any()
    } else {
        view! {
            <a class="author" href=format!("/people/{}", author.id)>{author.name} {badge}</a>
        }
        .into_any()
    }
}

/// A post in the feed or at the top of its page. `body_html` was sanitized by the server.
/// `in_group`: shown on its group's page, so the group's name is left out. `pin`: offered to
/// a group's managers, called with the post's id.
#[component]
pub fn PostCard(
    post: Post,
    #[prop(optional)] link: bool,
    #[prop(optional)] in_group: bool,
    #[prop(optional_no_strip)] pin: Option<Callback<String>>,
) -> impl IntoView {
    // What the server said, unless liked or unliked here since (on this card or another
    // showing the same post).
    let shared = PostStates::use_context();
    let loaded = LikeState {
        liked: post.liked_by_me,
        like_count: post.like_count,
    };
    let id = StoredValue::new(post.id.clone());
    let changes = move || id.with_value(|id| shared.get(id));
    let state = move || changes().like.unwrap_or(loaded);
    let liked = move || state().liked;
    let record = move |like: LikeState| {
        shared.set(
            id.get_value(),
            PostChanges {
                like: Some(like),
                ..untrack(changes)
            },
        )
    };
    let toggle = move |want: bool| {
        // Show it at once; the server's answer settles the count.
        let count = untrack(state).like_count + if want { 1 } else { -1 };
        record(LikeState {
            liked: want,
            like_count: count,
        });
        // Offline, it waits in the outbox and the card keeps showing it.
        let write = api::set_like(&id.get_value(), want);
        leptos::task::spawn_local(async move {
            if let Ok(Sent::Now(state)) = send_or_queue::<LikeState>(write, api::new_key()).await {
                record(state);
            }
        });
    };
    let href = format!("/p/{}", post.id);
    let comments = post.comment_count;
    let edited = post.edited_at.is_some();
    let announced = post.announce_until.is_some();
    let group = post.group.clone().filter(|_| !in_group).map(|g| {
        view! {
            <a class="chip" href=format!("/g/{}", g.id)>
                <span class="muted">{t(Msg::InGroup)}</span> " " {g.name}
            </a>
        }
    });
    let place = post.place.clone().map(|p| {
        view! {
            <a class="chip" href=format!("/map?place={}", p.id)>
                "📍 " <span class="muted">{t(Msg::AtPlace)}</span> " " {p.name}
            </a>
        }
    });
    view! {
        <article class="card post" class:announcement=announced>
            <Show when=move || announced>
                <p class="badge">"📣 " {t(Msg::Announcement)}</p>
            </Show>
            <header class="post-head">
                <span>
                    <AuthorName author=post.author.clone()/>
                    {group}
                    {place}
                </span>
                <span class="muted small">
                    <TimeAgo at=post.created_at/>
                    <Show when=move || edited>" · " {t(Msg::Edited)}</Show>
                </span>
            </header>
            <div class="post-body" inner_html=post.body_html.clone()></div>
            <PostPhotos urls=post.photos.clone()/>
            {post.ack.map(|ack| view! { <AckBar post_id=post.id.clone() ack=ack/> })}
            <footer class="post-actions">
                <button
                    type="button"
                    class="chip"
                    class:active=liked
                    aria-pressed=move || liked().to_string()
                    on:click=move |_| toggle(!untrack(state).liked)
                >
                    {move || if liked() { "♥ " } else { "♡ " }}
                    {move || state().like_count}
                    <span class="visually-hidden">
                        {move || if liked() { t(Msg::Unlike) } else { t(Msg::Like) }}
                    </span>
                </button>
                {pin.map(|pin| view! {
                    <button type="button" class="chip" on:click=move |_| pin.run(id.get_value())>
                        "📌 " {t(Msg::Pin)}
                    </button>
                })}
                <Show when=move || link>
                    <a href=href.clone() class="chip">
                        "💬 " {comments} " " {t(Msg::Comments)}
                    </a>
                </Show>
            </footer>
        </article>
    }
}
