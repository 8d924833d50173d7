use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

/// The navigation: a bottom bar on phones, a top bar on wide screens (see style/main.css).
#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Show when=move || session.user().is_some()>
            <nav class="nav" aria-label="Balai">
                <A href="/" exact=true>
                    <span class="nav-icon" aria-hidden="true">"⌂"</span>
                    <span>{move || i18n.t(Msg::Feed)}</span>
                </A>
                <Show when=move || session.is_admin()>
                    <A href="/people">
                        <span class="nav-icon" aria-hidden="true">"👥"</span>
                        <span>{move || i18n.t(Msg::People)}</span>
                    </A>
                </Show>
                <A href="/settings">
                    <span class="nav-icon" aria-hidden="true">"⚙"</span>
                    <span>{move || i18n.t(Msg::Settings)}</span>
                </A>
            </nav>
        </Show>
    }
}
