//! Business rules, platform-neutral: every function takes a [`Runtime`](crate::runtime::Runtime)
//! and returns wire types or an [`ApiError`](balai_protocol::ApiError). No HTTP here.

pub mod accounts;
pub mod actor;
pub mod audit;
pub mod comments;
pub mod groups;
pub mod idempotency;
pub mod ids;
pub mod invites;
pub mod likes;
pub mod maintenance;
pub mod markdown;
pub mod password;
pub mod policy;
pub mod posts;
pub mod rate_limit;
pub mod sessions;
pub mod validate;

use crate::store::DbError;
use balai_protocol::{ApiError, ErrorCode};

/// Database failures are ours, never the user's: log the detail, answer a generic 500.
impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        log_error(&format!("db: {e:?}"));
        ApiError::new(
            ErrorCode::Internal,
            "Something went wrong on our side. Please try again.",
        )
    }
}

pub fn not_found(what: &str) -> ApiError {
    ApiError::new(ErrorCode::NotFound, format!("{what} not found."))
}

pub fn forbidden() -> ApiError {
    ApiError::new(ErrorCode::Forbidden, "You are not allowed to do that.")
}

fn log_error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    worker::console_error!("{message}");
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}
