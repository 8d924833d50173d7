use crate::i18n::{Msg, t};
use crate::router::use_location;
use crate::session::use_session;
use leptos::prelude::*;

/// The navigation: a bottom bar on phones, a top bar on wide screens (see style/main.css).
#[component]
pub fn Nav() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let unread = crate::unread::use_unread();
    let current = move |href: &'static str| {
        location
            .0
            .with(|p| {
                if href == "/" {
                    p == "/"
                } else {
                    p.starts_with(href)
                }
            })
            .then_some("page")
    };
    view! {
        <Show when=move || session.user().is_some()>
            <nav class="nav" aria-label="Balai">
                <a href="/" aria-current=move || current("/")>
                    <span class="nav-icon" aria-hidden="true">"⌂"</span>
                    <span>{t(Msg::Feed)}</span>
                </a>
                <a href="/groups" aria-current=move || current("/g")>
                    <span class="nav-icon" aria-hidden="true">"◎"</span>
                    <span>{t(Msg::Groups)}</span>
                </a>
                <a href="/map" aria-current=move || current("/map")>
                    <span class="nav-icon" aria-hidden="true">"🗺"</span>
                    <span>{t(Msg::Map)}</span>
                </a>
                <a href="/notifications" aria-current=move || current("/notifications")>
                    <span class="nav-icon" aria-hidden="true">
                        "🔔"
                        <Show when=move || unread.0.with(|n| *n > 0)>
                            <span class="count" data-testid="unread-count">
                                {move || if unread.0.get() >= 100 { "99+".to_string() } else { unread.0.get().to_string() }}
                            </span>
                        </Show>
                    </span>
                    <span>{t(Msg::Notifications)}</span>
                </a>
                <a href="/people" aria-current=move || current("/people")>
                    <span class="nav-icon" aria-hidden="true">"👥"</span>
                    <span>{t(Msg::People)}</span>
                </a>
                <a href="/settings" aria-current=move || current("/settings")>
                    <span class="nav-icon" aria-hidden="true">"⚙"</span>
                    <span>{t(Msg::Settings)}</span>
                </a>
            </nav>
        </Show>
    }
}
