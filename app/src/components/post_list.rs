use crate::api::{self, Error, Source};
use crate::components::composer::Composer;
use crate::components::error_text::ErrorText;
use crate::components::post_card::PostCard;
use crate::i18n::{Msg, t};
use balai_protocol::feed::Post;
use leptos::prelude::*;

/// Bumped when queued offline posts have been sent, so the feed reloads.
#[derive(Clone, Copy)]
pub struct OutboxVersion(pub RwSignal<u32>);

/// Posts from `source`, newest first, a page at a time, with a composer above when `compose`
/// (posting into the group for a group's list), and a pin button on each when `pin` is given.
#[component]
pub fn PostList(
    source: Source,
    #[prop(optional)] compose: bool,
    #[prop(optional_no_strip)] pin: Option<Callback<String>>,
) -> impl IntoView {
    let posts = RwSignal::new(Vec::<Post>::new());
    let next = RwSignal::new(None::<String>);
    let loading = RwSignal::new(true);
    let error = RwSignal::new(None::<Error>);
    let group = match &source {
        Source::Group(g) => Some(g.clone()),
        _ => None,
    };
    let in_group = group.is_some();
    let source = StoredValue::new(source);
    let load = move |cursor: Option<String>| {
        loading.set(true);
        leptos::task::spawn_local(async move {
            match api::feed(&source.get_value(), cursor.as_deref()).await {
                Ok(page) => {
                    if cursor.is_some() {
                        posts.update(|p| p.extend(page.items));
                    } else {
                        posts.set(page.items);
                    }
                    next.set(page.next_cursor);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    let outbox = expect_context::<OutboxVersion>();
    Effect::new(move |_| {
        outbox.0.track();
        load(None);
    });
    view! {
        <Show when=move || compose>
            <Composer
                group=group.clone()
                on_posted=move |post: Post| posts.update(|p| p.insert(0, post))
            />
        </Show>
        <section class="feed" aria-live="polite">
            <For each=move || posts.get() key=|p| (p.id.clone(), p.like_count, p.comment_count) let:post>
                <PostCard post=post link=true in_group=in_group pin=pin/>
            </For>
        </section>
        {move || error.get().map(|e| view! { <ErrorText error=e/> })}
        <Show when=move || !loading.get() && posts.with(|p| p.is_empty()) && error.with(|e| e.is_none())>
            <p class="muted center">{t(Msg::NothingYet)}</p>
        </Show>
        <Show when=move || loading.get()>
            <p class="muted center">{t(Msg::Loading)}</p>
        </Show>
        <Show when=move || next.with(|n| n.is_some()) && !loading.get()>
            <button type="button" class="wide" on:click=move |_| load(next.get_untracked())>
                {t(Msg::LoadMore)}
            </button>
        </Show>
    }
}
