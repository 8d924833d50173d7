//! Thin handlers: parse, call one service function, serialize.

pub mod auth;
pub mod feed;
pub mod follows;
pub mod groups;
pub mod notifications;
pub mod people;
pub mod search;

use super::ApiResponse;
use crate::service::idempotency::Recorded;

/// The first answer to an earlier request with the same `Idempotency-Key`.
fn replay(first: Recorded) -> ApiResponse {
    ApiResponse::raw_json(first.status, first.response).with_header("idempotent-replayed", "true")
}
