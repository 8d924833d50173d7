//! The unread-notifications count in the navigation, kept fresh while the app is open: asked
//! every 15 seconds while logged in, online and visible, and at once when the app comes back
//! into view. The answer is one small indexed count, so the poll stays cheap.

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
