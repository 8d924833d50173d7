//! A list loaded a page at a time by cursor: the feed, groups, notifications. One place for
//! the signals, the replace-or-append rule and the loading / empty / error / "load more" footer.

use crate::api::Error;
use crate::components::error_text::ErrorText;
use crate::i18n::{Msg, t};
use crate::latest::Latest;
use balai_protocol::Page;
use leptos::prelude::*;
use std::future::Future;

pub struct Pager<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub next: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<Error>>,
    /// A first page begins a new list: a page for an older one (a slow "all" after a quick
    /// "following") is dropped, never shown as the new list's.
    latest: Latest,
}

impl<T: Send + Sync + 'static> Clone for Pager<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Pager<T> {}

impl<T: Send + Sync + 'static> Pager<T> {
    pub fn new() -> Self {
        Pager {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(true),
            error: RwSignal::new(None),
            latest: Latest::new(),
        }
    }

    /// The cursor for "load more".
    pub fn cursor(self) -> Option<String> {
        self.next.get_untracked()
    }

    /// Loads a page: the first replaces the list (`append: false`), later ones extend it.
    pub fn load(self, append: bool, fetch: impl Future<Output = Result<Page<T>, Error>> + 'static) {
        let ticket = if append {
            self.latest.current()
        } else {
            self.latest.begin()
        };
        self.loading.set(true);
        leptos::task::spawn_local(async move {
            let answer = fetch.await;
            if !self.latest.is_current(ticket) {
                return;
            }
            match answer {
                Ok(page) => {
                    if append {
                        self.items.update(|i| i.extend(page.items));
                    } else {
                        self.items.set(page.items);
                    }
                    self.next.set(page.next_cursor);
                    self.error.set(None);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }

    /// Under the list: the error, "nothing yet", "loading…", or the "load more" button.
    pub fn footer(self, more: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
        view! {
            {move || self.error.get().map(|e| view! { <ErrorText error=e/> })}
            <Show when=move || !self.loading.get() && self.items.with(|i| i.is_empty()) && self.error.with(|e| e.is_none())>
                <p class="muted center">{t(Msg::NothingYet)}</p>
            </Show>
            <Show when=move || self.loading.get()>
                <p class="muted center">{t(Msg::Loading)}</p>
            </Show>
            <Show when=move || self.next.with(|n| n.is_some()) && !self.loading.get()>
                <button type="button" class="wide" on:click=move |_| more()>{t(Msg::LoadMore)}</button>
            </Show>
        }
    }
}
