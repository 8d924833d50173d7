use crate::api::{self, Source};
use crate::components::composer::Composer;
use crate::components::post_card::PostCard;
use crate::offline::outbox::OutboxVersion;
use crate::pager::Pager;
use balai_protocol::feed::Post;
use balai_protocol::places::PlaceRef;
use leptos::prelude::*;

/// Posts from `source`, newest first, a page at a time, with a composer above when `compose`
/// (posting into the group for a group's list, about the place for a place's), and a pin
/// button on each when `pin` is given.
#[component]
pub fn PostList(
    source: Source,
    #[prop(optional)] compose: bool,
    #[prop(optional_no_strip)] pin: Option<Callback<String>>,
    #[prop(optional_no_strip)] place: Option<PlaceRef>,
) -> impl IntoView {
    let pager = Pager::<Post>::new();
    let posts = pager.items;
    let group = match &source {
        Source::Group(g) => Some(g.clone()),
        _ => None,
    };
    let in_group = group.is_some();
    let source = StoredValue::new(source);
    let load = move |cursor: Option<String>| {
        let append = cursor.is_some();
        pager.load(append, async move {
            api::feed(&source.get_value(), cursor.as_deref()).await
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
                place=place.clone()
                on_posted=move |post: Post| posts.update(|p| p.insert(0, post))
            />
        </Show>
        <section class="feed" aria-live="polite">
            <For each=move || posts.get() key=|p| (p.id.clone(), p.like_count, p.comment_count) let:post>
                <PostCard post=post link=true in_group=in_group pin=pin/>
            </For>
        </section>
        {pager.footer(move || load(pager.cursor()))}
    }
}
