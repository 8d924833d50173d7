//! A small client-side router: the path is a signal; same-origin link clicks and the back button
//! change it through the History API. (leptos_router did the same for far more WASM.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The current path, provided once in `App`.
#[derive(Clone, Copy)]
pub struct Location(pub RwSignal<String>);

thread_local! {
    // Also kept here: link clicks and `navigate` run outside any reactive owner, where
    // context is not available.
    static CURRENT: std::cell::OnceCell<Location> = const { std::cell::OnceCell::new() };
}

/// The path and query of the current URL (the query matters for /search).
fn window_path() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
        .unwrap_or_else(|| "/".into())
}

/// Starts routing: follows the back/forward buttons and takes over clicks on same-origin links.
pub fn provide_location() -> Location {
    let location = Location(RwSignal::new(window_path()));
    provide_context(location);
    CURRENT.with(|c| c.set(location).ok());
    let window = web_sys::window().expect("window");
    let on_popstate = Closure::<dyn Fn()>::new(move || location.0.set(window_path()));
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        // Only in-app paths; anything with a scheme, a target or a download is the browser's.
        if href.starts_with('/')
            && !href.starts_with("//")
            && !anchor.has_attribute("target")
            && !anchor.has_attribute("download")
        {
            ev.prevent_default();
            navigate(&href);
        }
    });
    if let Some(doc) = window.document() {
        let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
    location
}

/// Goes to `path` in the app, adding a history entry. A `#fragment` stays in the URL, for the
/// page to read (a comment to open at), and out of the path that chooses the page.
pub fn navigate(path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    if let Some(location) = CURRENT.with(|c| c.get().copied()) {
        let path = path.split_once('#').map_or(path, |(path, _)| path);
        location.0.set(path.to_string());
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// The pages of the app; a path that matches none is `NotFound`.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Login,
    Invite(String),
    Join,
    /// Choosing a new password with an admin's reset link.
    Reset(String),
    Feed,
    Post(String),
    Groups,
    Group(String),
    Tag(String),
    Search(String),
    Notifications,
    /// Moderators: what colleagues reported.
    Moderation,
    /// The company map; `?place=<id>` opens a place's sheet (read by the page, so the map stays).
    Ideas,
    Idea(String),
    RoundTables,
    RoundTable(String),
    Map,
    /// Map editors: add, import, export, review corrections.
    ManageMap,
    /// The directory and expert search.
    People,
    /// Admins: invitations, access codes, grants, offboarding, API tokens.
    ManagePeople,
    /// A colleague's work page.
    Person(String),
    OrgChart(String),
    Departments,
    Department(String),
    Settings,
    NotFound,
}

impl Route {
    pub fn parse(url: &str) -> Route {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let segments: Vec<&str> = path
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        match segments.as_slice() {
            [] => Route::Feed,
            ["login"] => Route::Login,
            ["join"] => Route::Join,
            ["invite", token] => Route::Invite(token.to_string()),
            ["reset", token] => Route::Reset(token.to_string()),
            ["p", id] => Route::Post(id.to_string()),
            ["groups"] => Route::Groups,
            ["g", id] => Route::Group(id.to_string()),
            ["t", tag] => Route::Tag(decode(tag)),
            ["search"] => Route::Search(query_param(query, "q")),
            ["notifications"] => Route::Notifications,
            ["moderation"] => Route::Moderation,
            ["ideas"] => Route::Ideas,
            ["ideas", id] => Route::Idea(id.to_string()),
            ["round-tables"] => Route::RoundTables,
            ["round-tables", id] => Route::RoundTable(id.to_string()),
            ["map"] => Route::Map,
            ["map", "manage"] => Route::ManageMap,
            ["people"] => Route::People,
            ["people", "manage"] => Route::ManagePeople,
            ["people", id] => Route::Person(id.to_string()),
            ["people", id, "org"] => Route::OrgChart(id.to_string()),
            ["departments"] => Route::Departments,
            ["departments", id] => Route::Department(id.to_string()),
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(&s.replace('+', " "))
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or_default()
}

/// One parameter of a query string, decoded; empty when absent.
pub fn query_param(query: &str, name: &str) -> String {
    query
        .split('&')
        .find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| decode(v))
        })
        .unwrap_or_default()
}

/// A URL-safe form of `s` for a path segment or query value.
pub fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
