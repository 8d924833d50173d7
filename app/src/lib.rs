//! Balai's app: a Leptos client-side-rendered SPA. `App` provides the shared state (session,
//! language, network status, location) once, and maps each route to one page in `pages/`.

pub mod api;
mod call;
mod components;
mod confirm;
mod i18n;
mod offline;
mod pager;
mod pages;
mod router;
mod session;
mod storage;
mod unread;

use components::nav::Nav;
use components::offline_banner::OfflineBanner;
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
        let me = api::me().await.ok();
        session.me.set(Some(me));
    });
    // Send queued writes now and whenever the network comes back.
    let outbox_version = RwSignal::new(0u32);
    provide_context(components::post_list::OutboxVersion(outbox_version));
    Effect::new(move |_| {
        if online.0.get() {
            leptos::task::spawn_local(async move {
                if offline::outbox::flush().await > 0 {
                    outbox_version.update(|v| *v += 1);
                }
            });
        }
    });

    let route = Memo::new(move |_| Route::parse(&location.0.get()));
    // Everything below re-renders when the language changes: text is plain `&'static str`.
    move || {
        lang.track();
        view! {
            <OfflineBanner/>
            <main class="page">{move || page(route.get())}</main>
            <Nav/>
        }
    }
}

fn page(route: Route) -> AnyView {
    use pages::*;
    match route {
        Route::Login => view! { <login::LoginPage/> }.into_any(),
        Route::Invite(token) => view! { <accept::AcceptPage token=Some(token)/> }.into_any(),
        Route::Join => view! { <accept::AcceptPage token=None/> }.into_any(),
        Route::Feed => view! { <feed::FeedPage/> }.into_any(),
        Route::Post(id) => view! { <post::PostPage id=id/> }.into_any(),
        Route::Groups => view! { <groups::GroupsPage/> }.into_any(),
        Route::Group(id) => view! { <group::GroupPage id=id/> }.into_any(),
        Route::Tag(tag) => view! { <tag::TagPage tag=tag/> }.into_any(),
        Route::Search(q) => view! { <search::SearchPage q=q/> }.into_any(),
        Route::Notifications => view! { <notifications::NotificationsPage/> }.into_any(),
        Route::Ideas => view! { <ideas::IdeasPage/> }.into_any(),
        Route::Idea(id) => view! { <ideas::IdeaPage id=id/> }.into_any(),
        Route::RoundTables => view! { <round_tables::RoundTablesPage/> }.into_any(),
        Route::RoundTable(id) => view! { <round_tables::RoundTablePage id=id/> }.into_any(),
        Route::Map => view! { <map::MapPage/> }.into_any(),
        Route::ManageMap => view! { <map::ManageMapPage/> }.into_any(),
        Route::People => view! { <people::DirectoryPage/> }.into_any(),
        Route::ManagePeople => view! { <people::ManagePeoplePage/> }.into_any(),
        Route::Person(id) => view! { <people::PersonPage id=id/> }.into_any(),
        Route::OrgChart(id) => view! { <people::OrgChartPage id=id/> }.into_any(),
        Route::Departments => view! { <people::DepartmentsPage/> }.into_any(),
        Route::Department(id) => view! { <people::DepartmentPage id=id/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::NotFound => view! { <not_found::NotFound/> }.into_any(),
    }
}
