//! Balai's app: a Leptos client-side-rendered SPA. `App` provides the shared state (session,
//! language, network status, location) once, and maps each route to one page in `pages/`; most
//! pages load their code on first visit (`chunks.rs`).

pub mod api;
mod call;
mod chunks;
mod components;
mod confirm;
mod i18n;
mod images;
mod latest;
mod offline;
mod pager;
mod pages;
mod push;
mod read_ahead;
mod router;
mod session;
mod storage;
mod unread;

use components::nav::Nav;
use components::offline_banner::OfflineBanner;
use components::post_states::PostStates;
use components::refused_writes::RefusedWrites;
use leptos::prelude::*;
use router::Route;
use session::Session;

#[component]
pub fn App() -> impl IntoView {
    let lang = i18n::init();
    let session = Session {
        me: RwSignal::new(None),
    };
    provide_context(session);
    let location = router::provide_location();
    let online = offline::provide_online();
    offline::register_service_worker();
    unread::provide(session, online);

    // A logged-in person whose session ends (logged out elsewhere, or deactivated by an admin)
    // goes to the login page at once; someone joining with an invitation stays where they are.
    api::on_unauthenticated(move || {
        if session.me.get_untracked().flatten().is_some() {
            session.me.set(Some(None));
            router::navigate("/login");
        }
    });
    // Who am I? Until this answers, pages wait; offline, the service worker answers from cache.
    leptos::task::spawn_local(async move {
        match api::me().await {
            Ok(me) => session.logged_in(me),
            Err(_) => session.me.set(Some(None)),
        }
    });
    // A post's confirmation and like, shared by every card showing it.
    PostStates::provide();
    // Send queued writes now, whenever the network comes back, and while any wait.
    offline::outbox::provide(session, online);

    let route = Memo::new(move |_| Route::parse(&location.0.get()));
    // Everything below re-renders when the language changes: text is plain `&'static str`.
    move || {
        lang.track();
        view! {
            <OfflineBanner/>
            <main class="page"><RefusedWrites/>{move || page(route.get())}</main>
            <Nav/>
        }
    }
}

fn page(route: Route) -> AnyView {
    use chunks::*;
    use components::lazy_page::lazy_page;
    use pages::*;
    read_ahead::start(&route);
    match route {
        Route::Login => view! { <login::LoginPage/> }.into_any(),
        Route::Feed => view! { <feed::FeedPage/> }.into_any(),
        Route::NotFound => view! { <not_found::NotFound/> }.into_any(),
        Route::Invite(_) | Route::Join | Route::Reset(_) | Route::Settings => {
            lazy_page(fetch_account, account_pages, route)
        }
        Route::Post(_)
        | Route::Tag(_)
        | Route::Search(_)
        | Route::Notifications
        | Route::Moderation => lazy_page(fetch_posts, post_pages, route),
        Route::Groups | Route::Group(_) => lazy_page(fetch_groups, group_pages, route),
        Route::Ideas | Route::Idea(_) | Route::RoundTables | Route::RoundTable(_) => {
            lazy_page(fetch_ideas, idea_pages, route)
        }
        Route::Map | Route::ManageMap => lazy_page(fetch_map, map_pages, route),
        Route::People
        | Route::ManagePeople
        | Route::Person(_)
        | Route::OrgChart(_)
        | Route::Departments
        | Route::Department(_) => lazy_page(fetch_people, people_pages, route),
    }
}
