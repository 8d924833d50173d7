//! Pages outside the first load. Each function below is a split point: the build
//! (scripts/split-app.mjs) moves it, and the code only it reaches, into its own WASM chunk,
//! fetched the first time one of its pages opens. The login and feed pages stay in the main
//! module, so the first screen needs nothing else. Each also gets `fetch_<chunk>`, which only
//! loads the chunk (see `components/lazy_page.rs`).

use crate::components::lazy_page::PageResult;
use crate::pages::*;
use crate::router::Route;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(account, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_account))]
pub fn account_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::Invite(token) => view! { <accept::AcceptPage token=Some(token)/> }.into_any(),
        Route::Join => view! { <accept::AcceptPage token=None/> }.into_any(),
        Route::Reset(token) => view! { <password::ResetPasswordPage token=token/> }.into_any(),
        _ => view! { <settings::SettingsPage/> }.into_any(),
    })
}

#[wasm_split(posts, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_posts))]
pub fn post_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::Post(id) => view! { <post::PostPage id=id/> }.into_any(),
        Route::Tag(tag) => view! { <tag::TagPage tag=tag/> }.into_any(),
        Route::Search(q) => view! { <search::SearchPage q=q/> }.into_any(),
        Route::Moderation => view! { <moderation::ModerationPage/> }.into_any(),
        _ => view! { <notifications::NotificationsPage/> }.into_any(),
    })
}

#[wasm_split(groups, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_groups))]
pub fn group_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::Group(id) => view! { <group::GroupPage id=id/> }.into_any(),
        _ => view! { <groups::GroupsPage/> }.into_any(),
    })
}

#[wasm_split(ideas, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_ideas))]
pub fn idea_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::Idea(id) => view! { <ideas::IdeaPage id=id/> }.into_any(),
        Route::RoundTables => view! { <round_tables::RoundTablesPage/> }.into_any(),
        Route::RoundTable(id) => view! { <round_tables::RoundTablePage id=id/> }.into_any(),
        _ => view! { <ideas::IdeasPage/> }.into_any(),
    })
}

#[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_map))]
pub fn map_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::ManageMap => view! { <map::ManageMapPage/> }.into_any(),
        _ => view! { <map::MapPage/> }.into_any(),
    })
}

#[wasm_split(people, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_people))]
pub fn people_pages(route: Route) -> PageResult {
    Ok(match route {
        Route::ManagePeople => view! { <people::ManagePeoplePage/> }.into_any(),
        Route::Person(id) => view! { <people::PersonPage id=id/> }.into_any(),
        Route::OrgChart(id) => view! { <people::OrgChartPage id=id/> }.into_any(),
        Route::Departments => view! { <people::DepartmentsPage/> }.into_any(),
        Route::Department(id) => view! { <people::DepartmentPage id=id/> }.into_any(),
        _ => view! { <people::DirectoryPage/> }.into_any(),
    })
}
