//! Which of several requests for the same thing is the latest. Answers can come back out of
//! order (a slow first load, then a quick search): only the latest one's answer is shown, or a
//! stale one would replace it.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Latest(StoredValue<u32>);

/// One request's place in line, from [`Latest::begin`].
#[derive(Clone, Copy, PartialEq)]
pub struct Ticket(u32);

impl Latest {
    pub fn new() -> Self {
        Latest(StoredValue::new(0))
    }

    /// A new request: every earlier one is stale from now on.
    pub fn begin(self) -> Ticket {
        self.0.update_value(|n| *n = n.wrapping_add(1));
        self.current()
    }

    /// The latest request's ticket, for one that continues it (a list's next page).
    pub fn current(self) -> Ticket {
        Ticket(self.0.get_value())
    }

    pub fn is_current(self, ticket: Ticket) -> bool {
        self.current() == ticket
    }
}
