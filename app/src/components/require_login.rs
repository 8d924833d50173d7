use crate::i18n::{Msg, t};
use crate::session::use_session;
use leptos::prelude::*;

/// Shows `children` to a logged-in person; sends anyone else to the login page.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    move || match session.me.get() {
        None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
        Some(None) => {
            crate::router::navigate("/login");
            ().into_any()
        }
        Some(Some(_)) => children().into_any(),
    }
}
