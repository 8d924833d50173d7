//! Text being written, kept in this browser until it is sent: a phone that drops the page in
//! the background, or a reload, loses nothing. Every draft's key begins with [`PREFIX`], so
//! logging out, or someone else logging in, drops them all ([`super::forget_person`]).

use crate::storage;
use leptos::prelude::*;

/// The start of every draft's key.
pub const PREFIX: &str = "balai.draft";

/// A field's text, and where it is kept (nowhere for a correction, which starts from what was
/// saved).
#[derive(Clone, Copy)]
pub struct Draft {
    key: StoredValue<Option<String>>,
    pub text: RwSignal<String>,
}

impl Draft {
    /// The draft kept as `balai.draft<suffix>` (empty when there is none).
    pub fn kept(suffix: &str) -> Draft {
        let key = format!("{PREFIX}{suffix}");
        Draft {
            text: RwSignal::new(storage::get(&key).unwrap_or_default()),
            key: StoredValue::new(Some(key)),
        }
    }

    /// Text that starts as `saved` and is not kept.
    pub fn unkept(saved: String) -> Draft {
        Draft {
            text: RwSignal::new(saved),
            key: StoredValue::new(None),
        }
    }

    /// What the field now holds, kept (typed, or set by the app).
    pub fn write(self, value: String) {
        if let Some(key) = self.key.get_value() {
            storage::set(&key, &value);
        }
        self.text.set(value);
    }

    /// Sent, so nothing is left to keep.
    pub fn clear(self) {
        if let Some(key) = self.key.get_value() {
            storage::remove(&key);
        }
        self.text.set(String::new());
    }
}
