//! What this app changed on a post since it was loaded, by post id. A post can show twice at
//! once (an order pinned at the top of the home page, and in the feed): a confirmation or a
//! like pressed on one card must show on the other too.

use leptos::prelude::*;

/// One kind of change (`Ack`, `LikeState`), shared through the app's context.
pub struct PostStates<T: 'static>(RwSignal<Vec<(String, T)>>);

impl<T> Clone for PostStates<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PostStates<T> {}

impl<T: Copy + Send + Sync + 'static> PostStates<T> {
    pub fn provide() {
        provide_context(PostStates::<T>(RwSignal::new(Vec::new())));
    }

    pub fn use_context() -> Self {
        expect_context()
    }

    /// The state last set here for `post_id`, if any (tracked: a card re-renders on a change).
    pub fn get(self, post_id: &str) -> Option<T> {
        self.0.with(|states| {
            states
                .iter()
                .find(|(p, _)| p == post_id)
                .map(|(_, state)| *state)
        })
    }

    pub fn set(self, post_id: String, state: T) {
        self.0.update(|states| {
            states.retain(|(p, _)| *p != post_id);
            states.push((post_id, state));
        })
    }
}
