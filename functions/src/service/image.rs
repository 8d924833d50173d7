//! Images people upload (profile photos, a post's photos): what type they are, read from their
//! first bytes rather than from a name or a header, and an image as it is served.

use balai_protocol::{ApiError, ErrorCode};

/// The image type `bytes` really are, by their signature: JPEG, PNG or WebP, else `None`.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        _ => None,
    }
}

/// The type of an uploaded photo of at most `max_bytes`; else a 413 or 400 on `field`.
pub fn check(field: &str, bytes: &[u8], max_bytes: usize) -> Result<&'static str, ApiError> {
    if bytes.len() > max_bytes {
        return Err(ApiError::field(
            ErrorCode::PayloadTooLarge,
            field,
            format!("A photo is at most {} KB.", max_bytes / 1024),
            format!("Foto paling besar {} KB.", max_bytes / 1024),
        ));
    }
    sniff(bytes).ok_or_else(|| {
        ApiError::field(
            ErrorCode::Validation,
            field,
            "A photo is a JPEG, PNG or WebP image.",
            "Foto harus berupa gambar JPEG, PNG atau WebP.",
        )
    })
}

/// An image as stored: its bytes, type and content hash (its ETag, and the `?v=` of the URL
/// that links it, so a browser may keep it until it changes).
pub struct Image {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub etag: String,
}
