//! What this app changed on a post since it was loaded, by post id. A post can show twice at
//! once (an order pinned at the top of the home page, and in the feed): a confirmation or a
//! like pressed on one card must show on the other too.

use balai_protocol::feed::{Ack, LikeState};
use leptos::prelude::*;

/// The changes made here to one post; `None` where nothing changed.
#[derive(Clone, Copy, Default)]
pub struct PostChanges {
    pub ack: Option<Ack>,
    pub like: Option<LikeState>,
}

/// Every post's changes, shared through the app's context. (One store for both kinds keeps
/// one copy of its code in the main module.)
#[derive(Clone, Copy)]
pub struct PostStates(RwSignal<Vec<(String, PostChanges)>>);

impl PostStates {
    pub fn provide() {
        provide_context(PostStates(RwSignal::new(Vec::new())));
    }

    pub fn use_context() -> Self {
        expect_context()
    }

    /// What changed here on `post_id` (tracked: a card re-renders on a change).
    pub fn get(self, post_id: &str) -> PostChanges {
        self.0.with(|states| {
            states
                .iter()
                .find(|(p, _)| p == post_id)
                .map(|(_, changes)| *changes)
                .unwrap_or_default()
        })
    }

    pub fn set(self, post_id: String, changes: PostChanges) {
        self.0.update(|states| {
            states.retain(|(p, _)| *p != post_id);
            states.push((post_id, changes));
        })
    }
}
