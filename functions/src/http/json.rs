//! Reading a JSON body: a clear 400 naming the field, never a 500.

use super::ApiRequest;
use balai_protocol::limits::{
    BODY_MAX_BYTES, IMPORT_BODY_MAX_BYTES, PHOTO_MAX_BYTES, POST_BODY_MAX_BYTES,
};
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
            "Kirim isi permintaan sebagai application/json.",
        ));
    }
    let limit = body_limit(&req.path);
    if req.body.len() > limit {
        return Err(too_large(limit));
    }
    serde_json::from_slice(&req.body).map_err(|e| {
        let message = e.to_string();
        let field = message
            .split('`')
            .nth(1)
            .filter(|_| message.starts_with("missing field"));
        match field {
            Some(f) => ApiError::field(
                ErrorCode::Validation,
                f,
                format!("{f} is required."),
                format!("{f} wajib diisi."),
            ),
            None => ApiError::new(
                ErrorCode::BadRequest,
                format!("The request body is not valid: {message}"),
                format!("Isi permintaan tidak valid: {message}"),
            ),
        }
    })
}

/// A text body (a CSV file): `text/csv` or `text/plain`, UTF-8.
pub fn text(req: &ApiRequest) -> Result<&str, ApiError> {
    let is_text = req.header("content-type").is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|m| matches!(m.trim(), "text/csv" | "text/plain"))
    });
    if !is_text {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "Send the file as text/csv.",
            "Kirim berkas sebagai text/csv.",
        ));
    }
    std::str::from_utf8(&req.body).map_err(|_| {
        ApiError::field(
            ErrorCode::Validation,
            "file",
            "The file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\".",
            "Berkas ini bukan teks UTF-8: simpan dari spreadsheet sebagai \"CSV UTF-8\".",
        )
    })
}

/// The largest body a write to `path` may send: a CSV import, an image or a new post with its
/// photos is bigger than any form.
pub fn body_limit(path: &str) -> usize {
    if path == "/api/places/import" || path == "/api/people/import" {
        IMPORT_BODY_MAX_BYTES
    } else if path == "/api/posts" {
        POST_BODY_MAX_BYTES
    } else if path.starts_with("/api/people/") && path.ends_with("/photo") {
        PHOTO_MAX_BYTES
    } else {
        BODY_MAX_BYTES
    }
}

pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("The request is too large (at most {} KB).", limit / 1024),
        format!(
            "Permintaan terlalu besar (paling banyak {} KB).",
            limit / 1024
        ),
    )
}
