use crate::Lang;
use serde::{Deserialize, Serialize};

/// Stable error codes. The UI picks its translated message by code and falls back to `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    Validation,
    Unauthenticated,
    Forbidden,
    CrossSite,
    NotFound,
    Conflict,
    InvalidCredentials,
    InviteInvalid,
    RateLimited,
    PayloadTooLarge,
    Internal,
    /// A service we depend on (the map's tile server) did not answer.
    Unavailable,
}

impl ErrorCode {
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::BadRequest | ErrorCode::Validation | ErrorCode::InviteInvalid => 400,
            ErrorCode::Unauthenticated | ErrorCode::InvalidCredentials => 401,
            ErrorCode::Forbidden | ErrorCode::CrossSite => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::Conflict => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable => 502,
        }
    }
}

impl ErrorCode {
    /// Whether the same request may succeed later unchanged: the session ended (it goes again
    /// after logging in), the limit, or a server or proxy failing rather than refusing it.
    pub fn worth_retrying(self) -> bool {
        matches!(
            self,
            ErrorCode::Unauthenticated
                | ErrorCode::RateLimited
                | ErrorCode::Internal
                | ErrorCode::Unavailable
        )
    }
}

/// The one error shape on the wire: `{ "code", "message", "field"? }`, the message in the
/// language the request asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `rate_limited`: seconds until a retry can succeed (also sent as `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
    /// `message` in Bahasa Indonesia, until [`ApiError::in_language`] picks one: never sent.
    #[serde(skip)]
    pub message_id: Option<String>,
}

impl ApiError {
    /// The server's errors: the message in English and in Bahasa Indonesia.
    pub fn new(code: ErrorCode, en: impl Into<String>, id: impl Into<String>) -> Self {
        ApiError {
            code,
            message: en.into(),
            field: None,
            retry_after: None,
            message_id: Some(id.into()),
        }
    }

    /// [`ApiError::new`], about one field of the request.
    pub fn field(
        code: ErrorCode,
        field: &str,
        en: impl Into<String>,
        id: impl Into<String>,
    ) -> Self {
        ApiError {
            field: Some(field.to_string()),
            ..ApiError::new(code, en, id)
        }
    }

    /// An error whose message is already in the reader's language (the app's own).
    pub fn translated(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            field: None,
            retry_after: None,
            message_id: None,
        }
    }

    /// The message a reader of `lang` sees, without taking the error apart.
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.message_id) {
            (Lang::Id, Some(id)) => id,
            _ => &self.message,
        }
    }

    /// The error as sent to a reader of `lang`.
    pub fn in_language(mut self, lang: Lang) -> Self {
        match (lang, self.message_id.take()) {
            (Lang::Id, Some(id)) => ApiError {
                message: id,
                ..self
            },
            _ => self,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}
