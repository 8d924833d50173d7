//! The unread-notifications count in the navigation, kept fresh while the app is open: asked
//! every 15 seconds while logged in, online and visible, and at once when the app comes back
//! into view. The answer is one small indexed count, so the poll stays cheap. Where Balai is
//! installed, the count is on its icon too.

use crate::api;
use crate::offline::Online;
use crate::session::Session;
use leptos::prelude::*;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(15);

#[derive(Clone, Copy)]
pub struct Unread(pub RwSignal<i64>);

pub fn use_unread() -> Unread {
    expect_context::<Unread>()
}

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| !d.hidden())
}

/// Starts polling and provides the count; call once in `App`.
pub fn provide(session: Session, online: Online) -> Unread {
    let unread = Unread(RwSignal::new(0));
    provide_context(unread);
    let refresh = move || {
        if session.me.get_untracked().flatten().is_some() && online.0.get_untracked() && visible() {
            leptos::task::spawn_local(async move {
                if let Ok(u) = api::unread().await {
                    unread.0.set(u.unread);
                }
            });
        }
    };
    // At login, and whenever the network returns.
    Effect::new(move |_| {
        if session.user().is_some() && online.0.get() {
            refresh();
        }
    });
    // On the installed app's icon as in the navigation; nothing once logged out.
    Effect::new(move |_| {
        let count = if session.user().is_some() {
            unread.0.get()
        } else {
            0
        };
        show_on_icon(count);
    });
    set_interval(refresh, EVERY);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        use wasm_bindgen::JsCast;
        let on_visible = wasm_bindgen::closure::Closure::<dyn Fn()>::new(refresh);
        let _ = doc.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    }
    unread
}

/// Puts `count` on the app's icon with the Badging API (0 clears it), where the browser has it:
/// an installed Balai in Chrome or Edge, and on an iPhone's home screen. The service worker
/// does the same when a push arrives (public/sw.js).
fn show_on_icon(count: i64) {
    use wasm_bindgen::JsCast;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let set = js_sys::Reflect::get(&navigator, &"setAppBadge".into()).ok();
    let Some(set) = set.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return;
    };
    if let Ok(promise) = set.call1(&navigator, &(count as f64).into()) {
        // Refused where the icon cannot carry a badge (not installed): nothing to do then.
        let promise = js_sys::Promise::from(promise);
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
