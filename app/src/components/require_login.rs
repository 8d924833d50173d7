use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Shows `children` to a logged-in person; sends anyone else to the login page.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    move || match session.me.get() {
        None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
        Some(None) => view! { <Redirect path="/login"/> }.into_any(),
        Some(Some(_)) => children().into_any(),
    }
}
