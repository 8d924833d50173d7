//! Reading a JSON body: a clear 400 naming the field, never a 500.

use super::ApiRequest;
use balai_protocol::limits::BODY_MAX_BYTES;
use balai_protocol::{ApiError, ErrorCode};
use serde::de::DeserializeOwned;

pub fn body<T: DeserializeOwned>(req: &ApiRequest) -> Result<T, ApiError> {
    let is_json = req.header("content-type").is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|m| m.trim() == "application/json")
    });
    if !is_json {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "Send the request body as application/json.",
        ));
    }
    if req.body.len() > BODY_MAX_BYTES {
        return Err(too_large());
    }
    serde_json::from_slice(&req.body).map_err(|e| {
        let message = e.to_string();
        let field = message
            .split('`')
            .nth(1)
            .filter(|_| message.starts_with("missing field"));
        match field {
            Some(f) => ApiError::field(ErrorCode::Validation, f, format!("{f} is required.")),
            None => ApiError::new(
                ErrorCode::BadRequest,
                format!("The request body is not valid: {message}"),
            ),
        }
    })
}

pub fn too_large() -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!(
            "The request is too large (at most {} KB).",
            BODY_MAX_BYTES / 1024
        ),
    )
}
