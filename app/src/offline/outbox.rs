//! Writes made without a network (posts, comments, ideas, confirmations, likes, votes) wait
//! here, in localStorage, so a closed tab loses nothing, and are sent with their original
//! idempotency keys when the network returns.

use super::Online;
use crate::api::{self, Write, WriteMethod};
use crate::session::Session;
use crate::storage;
use leptos::prelude::*;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::time::Duration;

const KEY: &str = "balai.outbox";
const REFUSED_KEY: &str = "balai.outbox.refused";
/// How often what still waits is tried again (after the limit or a server error), while online.
const RETRY_EVERY: Duration = Duration::from_secs(30);

thread_local! {
    /// One flush at a time: the network's return and the retry timer may both start one.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

/// A queued write (stored as JSON: keep the fields, or queued writes of an older build are lost).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct Pending {
    /// Absent in what older builds queued: see [`Pending::method`].
    #[serde(default)]
    method: Option<WriteMethod>,
    /// What older builds stored instead: PUT when set, else POST.
    #[serde(default, skip_serializing)]
    put: bool,
    path: String,
    body: String,
    key: String,
}

impl Pending {
    fn method(&self) -> WriteMethod {
        self.method.unwrap_or(if self.put {
            WriteMethod::Put
        } else {
            WriteMethod::Post
        })
    }
}

/// A queued write the server refused once the network was back: kept so its writer sees why
/// and can copy what they wrote, instead of it vanishing.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Refused {
    /// What was written (a post's or comment's text, an idea's title and text); may be empty
    /// (a like, a confirmation).
    pub text: String,
    /// The server's reason, in the language the app spoke then.
    pub reason: String,
}

/// The text a queued write carries, whatever write it is.
#[derive(Deserialize)]
struct Written {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// Bumped when queued writes have been sent or refused, so what shows them (lists, threads)
/// reloads.
#[derive(Clone, Copy)]
pub struct OutboxVersion(pub RwSignal<u32>);

/// Provides [`OutboxVersion`] and sends what waits: once someone is known to be logged in
/// (a write kept through a session's end goes out after they log in again), whenever the
/// network returns, and every [`RETRY_EVERY`] while anything waits.
pub fn provide(session: Session, online: Online) {
    let version = OutboxVersion(RwSignal::new(0));
    provide_context(version);
    let send = move || {
        let logged_in = session.me.get_untracked().flatten().is_some();
        if !logged_in || !online.0.get_untracked() || load().is_empty() || FLUSHING.get() {
            return;
        }
        FLUSHING.set(true);
        leptos::task::spawn_local(async move {
            let done = flush().await;
            FLUSHING.set(false);
            if done > 0 {
                version.0.update(|v| *v += 1);
            }
        });
    };
    Effect::new(move |_| {
        if session.user().is_some() && online.0.get() {
            send();
        }
    });
    set_interval(send, RETRY_EVERY);
}

/// What became of a write: sent, with the server's answer, or queued until the network returns.
pub enum Sent<T> {
    Now(T),
    Queued,
}

/// Sends `write` now or, without a network, queues it to go out later with the same `key`.
pub async fn send_or_queue<T: DeserializeOwned>(
    write: Write,
    key: String,
) -> Result<Sent<T>, api::Error> {
    match write.send(&key).await {
        Err(api::Error::Network) => {
            let kept = push(Pending {
                method: Some(write.method),
                put: false,
                path: write.path,
                body: write.body,
                key,
            });
            // With no room left on the phone, nothing waits: the writer keeps what they wrote
            // on screen, to send when the network is back.
            if kept {
                Ok(Sent::Queued)
            } else {
                Err(api::Error::Network)
            }
        }
        answer => answer.map(Sent::Now),
    }
}

fn load() -> Vec<Pending> {
    storage::get(KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Whether what waits was kept.
fn save(items: &[Pending]) -> bool {
    if items.is_empty() {
        storage::remove(KEY);
        true
    } else {
        storage::set(KEY, &api::to_json(items))
    }
}

fn push(item: Pending) -> bool {
    let mut items = load();
    if !items.iter().any(|i| i.key == item.key) {
        items.push(item);
    }
    save(&items)
}

/// Sends everything waiting, oldest first. Stops at the first write that may go through later
/// (still offline, the session ended, the limit, a server failing or a wifi login page answering
/// instead of Balai: sent again on the next flush, with the same key). A write the server
/// refuses would be refused forever: it leaves the outbox for the refused list. Returns how
/// many writes left the outbox.
async fn flush() -> usize {
    let mut done = 0;
    while let Some(item) = load().into_iter().next() {
        let write = Write {
            method: item.method(),
            path: item.path.clone(),
            body: item.body.clone(),
        };
        // The answer is checked to be JSON and skipped: whoever shows it reloads.
        match write.send::<IgnoredAny>(&item.key).await {
            Ok(_) => {}
            Err(api::Error::Network) => break,
            Err(api::Error::Api(e)) if e.code.worth_retrying() => break,
            Err(api::Error::Api(e)) => refuse(&item, e.message),
        }
        done += 1;
        let rest: Vec<Pending> = load().into_iter().filter(|i| i.key != item.key).collect();
        save(&rest);
    }
    done
}

fn refuse(item: &Pending, reason: String) {
    let text = serde_json::from_str::<Written>(&item.body)
        .map(|w| [w.title, w.body].join("\n").trim().to_string())
        .unwrap_or_default();
    let mut list = refused();
    list.push(Refused { text, reason });
    storage::set(REFUSED_KEY, &api::to_json(&list));
}

/// The queued writes the server refused, oldest first, until their writer dismisses them.
pub fn refused() -> Vec<Refused> {
    storage::get(REFUSED_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

pub fn dismiss_refused() {
    storage::remove(REFUSED_KEY);
}

/// Clears what a person left queued or refused, when they log out.
pub fn clear() {
    save(&[]);
    dismiss_refused();
}
