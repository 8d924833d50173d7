//! Bookmarks on one's own work page (reorder with ↑ ↓, add, remove), then the links shared with
//! one's position; and, for admins, the shared sets per position.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use balai_protocol::limits::{
    BOOKMARK_TITLE_MAX_CHARS, BOOKMARK_URL_MAX_CHARS, POSITION_MAX_CHARS,
};
use balai_protocol::people::{Bookmark, NewBookmark, NewPositionBookmark};
use leptos::prelude::*;

/// A link that opens outside the app (bookmarks are other systems).
#[component]
fn Link(bookmark: Bookmark) -> impl IntoView {
    view! {
        <a class="row-link" href=bookmark.url.clone() target="_blank" rel="noopener noreferrer">
            "🔗 " {bookmark.title}
        </a>
    }
}

/// A bookmark's title and link inputs (ids prefixed with `prefix`).
#[component]
fn LinkFields(
    prefix: &'static str,
    title: RwSignal<String>,
    url: RwSignal<String>,
) -> impl IntoView {
    let (title_id, url_id) = (format!("{prefix}-title"), format!("{prefix}-url"));
    view! {
        <label for=title_id.clone()>{t(Msg::BookmarkTitle)}</label>
        <input id=title_id type="text" required maxlength=BOOKMARK_TITLE_MAX_CHARS
            prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
        <label for=url_id.clone()>{t(Msg::BookmarkUrl)}</label>
        <input id=url_id type="url" required maxlength=BOOKMARK_URL_MAX_CHARS placeholder="https://"
            prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
    }
}

#[component]
pub fn MyBookmarks(initial: Vec<Bookmark>) -> impl IntoView {
    let list = RwSignal::new(initial);
    let change = Call::<Vec<Bookmark>>::new();
    Effect::new(move |_| {
        if let Some(Ok(now)) = change.result.get() {
            list.set(now);
        }
    });
    let title = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewBookmark {
            title: title.get_untracked(),
            url: url.get_untracked(),
        };
        change.run(async move {
            let now = api::add_bookmark(&input).await?;
            title.set(String::new());
            url.set(String::new());
            Ok(now)
        });
    };
    // Moves own bookmark `i` by `by` (−1 up, +1 down) and saves the new order.
    let shift = move |i: usize, by: isize| {
        let mut own: Vec<String> = list.with_untracked(|l| {
            l.iter()
                .filter(|b| b.position.is_none())
                .map(|b| b.id.clone())
                .collect()
        });
        let j = i as isize + by;
        if j < 0 || j as usize >= own.len() {
            return;
        }
        own.swap(i, j as usize);
        change.run(api::reorder_bookmarks(own));
    };
    view! {
        <section class="card" data-testid="bookmarks">
            <h2>"🔖 " {t(Msg::Bookmarks)}</h2>
            <ul class="list">
                {move || {
                    let all = list.get();
                    let own_count = all.iter().filter(|b| b.position.is_none()).count();
                    all.into_iter().enumerate().map(|(i, b)| {
                        let id = b.id.clone();
                        let shared = b.position.clone();
                        view! {
                            <li class="list-row">
                                <Link bookmark=b/>
                                {match shared {
                                    Some(position) => view! { <span class="badge">{position}</span> }.into_any(),
                                    None => view! {
                                        <span class="actions">
                                            <button type="button" aria-label=t(Msg::MoveUp) disabled={i == 0}
                                                on:click=move |_| shift(i, -1)>"↑"</button>
                                            <button type="button" aria-label=t(Msg::MoveDown) disabled={i + 1 >= own_count}
                                                on:click=move |_| shift(i, 1)>"↓"</button>
                                            <button type="button" class="danger" aria-label=t(Msg::Delete)
                                                on:click=move |_| { let id = id.clone(); change.run(async move { api::remove_bookmark(&id).await }); }>"✕"</button>
                                        </span>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <form class="place-form" on:submit=add>
                <LinkFields prefix="bm" title=title url=url/>
                <button type="submit" class="primary" disabled=move || change.pending.get()>{t(Msg::AddBookmark)}</button>
                {change.error_view()}
            </form>
        </section>
    }
}

/// Admins: links everyone in a position sees on their page.
#[component]
pub fn SharedBookmarks() -> impl IntoView {
    let change = Call::<Vec<Bookmark>>::new();
    change.run(api::shared_bookmarks());
    let position = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewPositionBookmark {
            position: position.get_untracked(),
            title: title.get_untracked(),
            url: url.get_untracked(),
        };
        change.run(async move { api::add_shared_bookmark(&input).await });
    };
    view! {
        <section class="card" data-testid="shared-bookmarks">
            <h2>"🔖 " {t(Msg::SharedBookmarks)}</h2>
            <p class="muted small">{t(Msg::SharedBookmarksHint)}</p>
            {change.error_view()}
            <ul class="list">
                {move || change.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|b| {
                    let id = b.id.clone();
                    view! {
                        <li class="list-row">
                            <span><span class="badge">{b.position.clone()}</span> " " <Link bookmark=b/></span>
                            <button type="button" class="danger" aria-label=t(Msg::Delete)
                                on:click=move |_| { let id = id.clone(); change.run(async move { api::remove_shared_bookmark(&id).await }); }>"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="place-form" on:submit=add>
                <label for="sb-position">{t(Msg::Position)}</label>
                <input id="sb-position" type="text" required maxlength=POSITION_MAX_CHARS
                    prop:value=move || position.get() on:input=move |ev| position.set(event_target_value(&ev))/>
                <LinkFields prefix="sb" title=title url=url/>
                <button type="submit" class="primary" disabled=move || change.pending.get()>{t(Msg::AddBookmark)}</button>
            </form>
        </section>
    }
}
