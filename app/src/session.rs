//! Who is logged in, provided once in `App` and read by every page.

use balai_protocol::auth::{Me, Role};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until `/api/me` answers; then `Some(None)` when logged out.
    pub me: RwSignal<Option<Option<Me>>>,
}

impl Session {
    /// `me` is logged in here. What this browser kept for someone else (drafts, the outbox)
    /// is dropped first, so no page shows it to them.
    pub fn logged_in(&self, me: Me) {
        crate::offline::keep_for(&me.id);
        self.me.set(Some(Some(me)));
    }

    pub fn user(&self) -> Option<Me> {
        self.me.get().flatten()
    }

    pub fn is_admin(&self) -> bool {
        self.me
            .with(|m| matches!(m, Some(Some(me)) if me.role == Role::Admin))
    }

    /// Admins and communications staff announce to the whole company (and follow up on who
    /// has confirmed an announcement).
    pub fn may_announce(&self) -> bool {
        self.is_admin() || self.user().is_some_and(|me| me.grants.communications)
    }

    /// Admins and those granted 'moderation' review what colleagues reported.
    pub fn may_moderate(&self) -> bool {
        self.is_admin() || self.user().is_some_and(|me| me.grants.moderator)
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
