//! A page whose code is in a separate WASM chunk (see `chunks.rs`): "Loading…" while the chunk
//! is fetched, and a retry when it cannot be (offline before the service worker kept it).

use crate::i18n::{Msg, t};
use crate::router::Route;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub type PageResult = Result<AnyView, SplitLoaderError>;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Fetching,
    Ready,
    Failed,
}

/// Renders `route` with a chunk's two entry points from `chunks.rs`: `fetch` loads the chunk,
/// `page` builds the page in it. The page is built in this render effect, like any other page,
/// and not inside the fetch: its signals then belong to the page, not to a finished task.
pub fn lazy_page<P, F>(fetch_chunk: fn() -> P, page: fn(Route) -> F, route: Route) -> AnyView
where
    P: Future<Output = Result<(), SplitLoaderError>> + 'static,
    F: Future<Output = PageResult> + 'static,
{
    let state = RwSignal::new(State::Fetching);
    let outcome = |fetched: Result<(), SplitLoaderError>| {
        if fetched.is_ok() {
            State::Ready
        } else {
            State::Failed
        }
    };
    // One fetch, polled once here: a chunk already fetched (any later visit) is ready at once,
    // with no "Loading…". Otherwise the same fetch is awaited in a task; the loader expects
    // its fetch to run to the end, never dropped half way.
    let fetch = move || {
        let mut fetching = Box::pin(fetch_chunk());
        match fetching
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(fetched) => state.set(outcome(fetched)),
            Poll::Pending => {
                state.set(State::Fetching);
                leptos::task::spawn_local(async move { state.set(outcome(fetching.await)) });
            }
        }
    };
    fetch();
    // Online, a chunk that cannot be fetched is most likely one of an older build, replaced by
    // a deploy since this page loaded (public/sw.js): load the current build whole.
    let retry = move || match web_sys::window() {
        Some(window) if window.navigator().on_line() => {
            let _ = window.location().reload();
        }
        _ => fetch(),
    };
    (move || match state.get() {
        State::Fetching => view! { <p class="muted center">{t(Msg::Loading)}</p> }.into_any(),
        State::Ready => ready_now(page(route.clone()))
            .and_then(Result::ok)
            .unwrap_or_else(|| unavailable(retry)),
        State::Failed => unavailable(retry),
    })
    .into_any()
}

/// The value of a future that needs no waiting, as a fetched chunk's entry point is.
fn ready_now<T>(future: impl Future<Output = T>) -> Option<T> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

fn unavailable(retry: impl Fn() + Copy + Send + Sync + 'static) -> AnyView {
    view! {
        <div class="card center">
            <p>{t(Msg::PageUnavailable)}</p>
            <button type="button" on:click=move |_| retry()>{t(Msg::Retry)}</button>
        </div>
    }
    .into_any()
}
