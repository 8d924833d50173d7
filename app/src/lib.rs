//! Balai's app: a Leptos client-side-rendered SPA. `App` provides the shared state (session,
//! language, network status) once, and maps each route to one page in `pages/`.

pub mod api;
mod components;
mod i18n;
mod offline;
mod pages;
mod session;
mod storage;

use components::nav::Nav;
use components::offline_banner::OfflineBanner;
use i18n::{I18n, Lang};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use session::Session;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n(RwSignal::new(Lang::initial()));
    i18n.set(i18n.0.get_untracked());
    provide_context(i18n);
    let session = Session {
        me: RwSignal::new(None),
    };
    provide_context(session);
    let online = offline::provide_online();
    offline::register_service_worker();

    // Who am I? Until this answers, pages wait; offline, the cached answer (service worker) is used.
    leptos::task::spawn_local(async move {
        let me = api::me().await.ok();
        session.me.set(Some(me));
    });
    // Send queued writes now and whenever the network comes back.
    let outbox_version = RwSignal::new(0u32);
    provide_context(pages::feed::OutboxVersion(outbox_version));
    Effect::new(move |_| {
        if online.0.get() {
            leptos::task::spawn_local(async move {
                if offline::outbox::flush().await > 0 {
                    outbox_version.update(|v| *v += 1);
                }
            });
        }
    });

    view! {
        <Router>
            <SessionExpiry/>
            <OfflineBanner/>
            <main class="page">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/login") view=pages::login::LoginPage/>
                    <Route path=path!("/invite/:token") view=pages::accept::AcceptPage/>
                    <Route path=path!("/join") view=pages::accept::AcceptPage/>
                    <Route path=path!("/") view=pages::feed::FeedPage/>
                    <Route path=path!("/p/:id") view=pages::post::PostPage/>
                    <Route path=path!("/people") view=pages::people::PeoplePage/>
                    <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                </Routes>
            </main>
            <Nav/>
        </Router>
    }
}

/// Sends a logged-in person to the login page the moment the server says their session is over
/// (logged out elsewhere, or deactivated by an admin). Someone not logged in (joining with an
/// invitation, say) stays where they are.
#[component]
fn SessionExpiry() -> impl IntoView {
    let session = session::use_session();
    let navigate = use_navigate();
    api::on_unauthenticated(move || {
        if session.me.get_untracked().flatten().is_some() {
            session.me.set(Some(None));
            navigate("/login", Default::default());
        }
    });
}
