//! Writes made without a network wait here (in localStorage, so a closed tab loses nothing)
//! and are sent, with their original idempotency keys, when the network returns.

use crate::{api, storage};
use serde::{Deserialize, Serialize};

const KEY: &str = "balai.outbox";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Pending {
    pub path: String,
    pub body: String,
    pub key: String,
}

pub fn load() -> Vec<Pending> {
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

pub fn push(item: Pending) {
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
        match api::replay(&item.path, item.body.clone(), &item.key).await {
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
