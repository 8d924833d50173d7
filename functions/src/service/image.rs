//! Images people upload (profile photos, a post's photos): what type they are, read from their
//! first bytes rather than from a name or a header, and an image as it is served.

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

/// An image as stored: its bytes, type and content hash (its ETag, and the `?v=` of the URL
/// that links it, so a browser may keep it until it changes).
pub struct Image {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub etag: String,
}
