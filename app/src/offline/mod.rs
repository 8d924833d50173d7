//! Working in the field: knowing when we are offline, the service worker that keeps the shell,
//! the outbox that sends writes made offline once the network is back, and the drafts kept
//! until they are sent.

pub mod draft;
pub mod outbox;

use crate::storage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Whether the browser believes it is online; updates on `online`/`offline` events.
#[derive(Clone, Copy)]
pub struct Online(pub ReadSignal<bool>);

pub fn provide_online() -> Online {
    let window = web_sys::window().expect("window");
    let (online, set_online) = signal(window.navigator().on_line());
    for (event, value) in [("online", true), ("offline", false)] {
        let cb = Closure::<dyn Fn()>::new(move || set_online.set(value));
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        cb.forget();
    }
    let online = Online(online);
    provide_context(online);
    online
}

/// Registers `/sw.js`, which caches the shell so the app opens with no network.
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        let _ = container.register("/sw.js");
    }
}

/// Whose drafts and outbox this browser keeps.
const PERSON_KEY: &str = "balai.person";

/// Drafts and queued writes are their writer's alone (a phone may be shared by a shift): when
/// someone else logs in here, the last person's are dropped, as they are at logout.
pub fn keep_for(person_id: &str) {
    if storage::get(PERSON_KEY).is_some_and(|p| p != person_id) {
        forget_person();
    }
    storage::set(PERSON_KEY, person_id);
}

/// Drops what this browser keeps for the person logged in: their drafts and their outbox.
pub fn forget_person() {
    outbox::clear();
    storage::remove_prefixed(draft::PREFIX);
    storage::remove(PERSON_KEY);
}
