//! Wire types shared by the Balai app (wasm32) and the Worker (wasm32 and native tests).
//!
//! Serde only: no platform dependencies, so both sides agree on every field and limit.

pub mod audit;
pub mod auth;
pub mod directory;
pub mod error;
pub mod feed;
pub mod groups;
pub mod ideas;
pub mod integrations;
pub mod lang;
pub mod limits;
pub mod mentions_and_tags;
pub mod notifications;
pub mod people;
pub mod places;
pub mod reports;
pub mod round_tables;
pub mod search;

pub use error::{ApiError, ErrorCode};
pub use lang::Lang;

/// Unix time in milliseconds, UTC.
pub type Millis = i64;

/// A page of items and the cursor for the next page (`None` when this is the last page).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}
