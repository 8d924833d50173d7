//! An API call a page waits on: whether it is under way, and its last result. Pages start it
//! from an event (or on render, for loads) and read both signals in the view. Leptos' Action and
//! LocalResource do this too, for far more WASM per use; size is a feature here.

use crate::api::Error;
use crate::components::error_text::ErrorText;
use crate::latest::Latest;
use leptos::prelude::*;
use std::future::Future;

pub struct Call<T: Send + Sync + 'static> {
    pub pending: RwSignal<bool>,
    pub result: RwSignal<Option<Result<T, Error>>>,
    /// Run again before the first run answered, only the latest run's result is kept.
    latest: Latest,
}

impl<T: Send + Sync + 'static> Clone for Call<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Call<T> {}

impl<T: Send + Sync + 'static> Call<T> {
    pub fn new() -> Self {
        Call {
            pending: RwSignal::new(false),
            result: RwSignal::new(None),
            latest: Latest::new(),
        }
    }

    /// Runs `work`, keeping its result. What should follow a success belongs inside `work`.
    pub fn run(self, work: impl Future<Output = Result<T, Error>> + 'static) {
        let ticket = self.latest.begin();
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let result = work.await;
            if !self.latest.is_current(ticket) {
                return;
            }
            self.result.set(Some(result));
            self.pending.set(false);
        });
    }

    /// The error of the last run, shown as a sentence; nothing when it succeeded.
    pub fn error_view(self) -> impl IntoView {
        move || {
            self.result.with(|r| match r {
                Some(Err(e)) => Some(view! { <ErrorText error=e.clone()/> }),
                _ => None,
            })
        }
    }
}
