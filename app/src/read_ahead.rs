//! The reads a page makes first, started as soon as its route is known, so that they travel
//! alongside `/api/me` and the page's code (its chunk, on a first visit) instead of after them:
//! on a phone network, a round trip less before the page shows anything. The page's own GET of
//! the same path (in `api::fetch`), within 15 s, takes the answer instead of asking again. An
//! error is not kept: the page then asks anew, as it would have.

use crate::api::{self, Source};
use crate::router::Route;
use gloo_net::http::Method;
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// How long an answer read ahead stays good for the page that asked for it.
const GOOD_FOR_MS: f64 = 15_000.0;

/// A read started ahead: its answer's body once it has ended (`None` for an error), and the one
/// page waiting for it meanwhile.
#[derive(Default)]
struct Answer {
    body: Option<Option<String>>,
    waiting: Option<Waker>,
}

type Slot = Rc<RefCell<Answer>>;

thread_local! {
    /// The reads started and not yet taken: the path, when, and the answer.
    static STARTED: RefCell<Vec<(String, f64, Slot)>> = const { RefCell::new(Vec::new()) };
}

/// Starts `route`'s first reads.
pub fn start(route: &Route) {
    let paths = match route {
        // The home feed opens on "all", under the announcements, saved filters and birthdays.
        Route::Feed => vec![
            api::feed_path(&Source::Home("all"), None),
            api::ANNOUNCEMENTS.into(),
            api::SAVED_FILTERS.into(),
            api::CELEBRATIONS.into(),
        ],
        // A group's posts need not wait for the group (an unreadable group's 403 goes unused).
        Route::Group(id) => vec![
            api::group_path(id),
            api::feed_path(&Source::Group(id.clone()), None),
        ],
        Route::Post(id) => vec![api::post_path(id)],
        _ => return,
    };
    let now = js_sys::Date::now();
    STARTED.with(|started| {
        let mut started = started.borrow_mut();
        started.retain(|(path, at, _)| now - at < GOOD_FOR_MS && !paths.contains(path));
        for path in paths {
            let slot = Slot::default();
            let (read, done) = (path.clone(), slot.clone());
            leptos::task::spawn_local(async move {
                let answer = api::fetch_as(Method::GET, &read, None, None, "application/json");
                let body = answer.await.ok();
                let mut done = done.borrow_mut();
                done.body = Some(body);
                if let Some(page) = done.waiting.take() {
                    page.wake();
                }
            });
            started.push((path, now, slot));
        }
    });
}

/// The answer read ahead for `path`, if one was started, is fresh and is not an error.
pub async fn taken(path: &str) -> Option<String> {
    let now = js_sys::Date::now();
    let slot = STARTED.with(|started| {
        let mut started = started.borrow_mut();
        let i = started
            .iter()
            .position(|(p, at, _)| p == path && now - at < GOOD_FOR_MS)?;
        Some(started.swap_remove(i).2)
    })?;
    std::future::poll_fn(|cx| {
        let mut slot = slot.borrow_mut();
        match slot.body.take() {
            Some(body) => Poll::Ready(body),
            None => {
                slot.waiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
    .await
}

/// Another person's session never takes what was read ahead for the one before.
pub fn forget() {
    STARTED.with(|started| started.borrow_mut().clear());
}
