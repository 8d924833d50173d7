//! Writes made without a network (posts, comments, ideas, confirmations, likes, votes) wait
//! here, in localStorage, so a closed tab loses nothing, and are sent with their original
//! idempotency keys when the network returns.

use crate::api::{self, Write, WriteMethod};
use crate::storage;
use leptos::prelude::*;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

const KEY: &str = "balai.outbox";

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

/// Bumped when queued writes have been sent, so what shows them (lists, threads) reloads.
#[derive(Clone, Copy)]
pub struct OutboxVersion(pub RwSignal<u32>);

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
            push(Pending {
                method: Some(write.method),
                put: false,
                path: write.path,
                body: write.body,
                key,
            });
            Ok(Sent::Queued)
        }
        answer => answer.map(Sent::Now),
    }
}

fn load() -> Vec<Pending> {
    storage::get(KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn save(items: &[Pending]) {
    if items.is_empty() {
        storage::remove(KEY);
    } else {
        storage::set(KEY, &api::to_json(items));
    }
}

fn push(item: Pending) {
    let mut items = load();
    if !items.iter().any(|i| i.key == item.key) {
        items.push(item);
    }
    save(&items);
}

/// Sends everything waiting, oldest first. Stops at the first network failure (still offline);
/// drops an item the server refuses (it would be refused forever). Returns how many were sent.
pub async fn flush() -> usize {
    let mut sent = 0;
    while let Some(item) = load().into_iter().next() {
        let write = Write {
            method: item.method(),
            path: item.path.clone(),
            body: item.body.clone(),
        };
        // The answer is checked to be JSON and skipped: whoever shows it reloads.
        match write.send::<IgnoredAny>(&item.key).await {
            Err(api::Error::Network) => break,
            Ok(_) => sent += 1,
            Err(api::Error::Api(_)) => {}
        }
        let rest: Vec<Pending> = load().into_iter().filter(|i| i.key != item.key).collect();
        save(&rest);
    }
    sent
}

/// Clears what a person left queued, when they log out.
pub fn clear() {
    save(&[]);
}
