use crate::api::Source;
use crate::components::follow_button::FollowButton;
use crate::components::post_list::PostList;
use crate::components::require_login::RequireLogin;
use crate::components::save_filter::SaveFilter;
use balai_protocol::feed::FollowKind;
use leptos::prelude::*;

/// Every post with a #tag the reader may read, and following the tag.
#[component]
pub fn TagPage(tag: String) -> impl IntoView {
    // The server folds tags fully (its links already carry the lowercase form); ASCII folding
    // only tidies a hand-typed URL, without Unicode's case tables in the posts chunk.
    let tag = tag.trim_start_matches('#').to_ascii_lowercase();
    view! {
        <RequireLogin>
            <section class="card group-head">
                <h1>"#" {tag.clone()}</h1>
                <FollowButton kind=FollowKind::Tag target=tag.clone() known=None/>
                <SaveFilter query=format!("tag={tag}") name=format!("#{tag}")/>
            </section>
            <PostList source=Source::Tag(tag.clone())/>
        </RequireLogin>
    }
}
