use crate::components::post_list::PostList;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn FeedPage() -> impl IntoView {
    view! { <RequireLogin><Feed/></RequireLogin> }
}

#[component]
fn Feed() -> impl IntoView {
    view! {
        <h1 class="visually-hidden">{t(Msg::Feed)}</h1>
        <PostList group=None/>
    }
}
