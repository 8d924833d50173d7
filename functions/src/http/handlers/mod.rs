//! Thin handlers: parse, call one service function, serialize.

pub mod auth;
pub mod comments;
pub mod feed;
pub mod follows;
pub mod groups;
pub mod ideas;
pub mod integrations;
pub mod notifications;
pub mod people;
pub mod places;
pub mod reports;
pub mod round_tables;
pub mod search;
pub mod work_pages;

use super::ApiResponse;
use crate::service::idempotency::{Created, Recorded};

/// The first answer to an earlier request with the same `Idempotency-Key`.
pub(super) fn replay(first: Recorded) -> ApiResponse {
    ApiResponse::raw_json(first.status, first.response).with_header("idempotent-replayed", "true")
}

/// 201 with what a write created, or the replay of its first answer.
fn created<T: serde::Serialize>(result: Created<T>) -> ApiResponse {
    match result {
        Created::New(value) => ApiResponse::json(201, &value),
        Created::Replay(first) => replay(first),
    }
}
