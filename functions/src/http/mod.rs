//! The HTTP edge, platform-neutral: requests and responses are plain structs, so routing,
//! cookies, CSRF, limits and error mapping are tested natively. `entry.rs` adapts workerd's.

mod cookies;
pub mod csrf;
mod handlers;
mod json;
mod router;
pub mod tiles;

pub use cookies::SESSION_COOKIE;
pub use json::{body_limit, too_large};
pub use router::handle;

use crate::service::image::Image;
use balai_protocol::{ApiError, ErrorCode, Lang};

#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// Header names lower-case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The client's address (`CF-Connecting-IP`), for per-address limits.
    pub client_ip: String,
    /// `scheme://host[:port]` of the URL this request was made to.
    pub origin: String,
}

impl ApiRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| percent_decode(v))
        })
    }

    /// The language to answer errors in: the app sends its own as `Accept-Language`.
    pub fn lang(&self) -> Lang {
        Lang::from_accept_language(self.header("accept-language"))
    }

    pub fn is_https(&self) -> bool {
        self.origin.starts_with("https://")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// A text body (JSON, CSV).
    pub body: String,
    /// A binary body (a photo); when set, it is sent instead of `body`.
    pub bytes: Vec<u8>,
}

impl ApiResponse {
    pub fn json<T: serde::Serialize>(status: u16, value: &T) -> Self {
        Self::raw_json(
            status,
            serde_json::to_string(value).expect("wire types serialize"),
        )
    }

    pub fn raw_json(status: u16, body: String) -> Self {
        ApiResponse {
            status,
            headers: vec![(
                "content-type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body,
            bytes: Vec::new(),
        }
    }

    /// A file to download (CSV, GeoJSON), named `filename`.
    pub fn download(content_type: &str, filename: &str, body: String) -> Self {
        ApiResponse {
            status: 200,
            headers: vec![
                ("content-type".into(), content_type.into()),
                (
                    "content-disposition".into(),
                    format!("attachment; filename=\"{filename}\""),
                ),
            ],
            body,
            bytes: Vec::new(),
        }
    }

    pub fn no_content() -> Self {
        ApiResponse {
            status: 204,
            headers: Vec::new(),
            body: String::new(),
            bytes: Vec::new(),
        }
    }

    /// An uploaded image, `304` when the browser already has this one. Linked with
    /// `?v=<its hash>`, an image never changes under its URL, so the browser keeps it a year
    /// (private: it needs a session).
    pub fn image(req: &ApiRequest, image: Image) -> Self {
        let tag = format!("\"{}\"", image.etag);
        if req.header("if-none-match") == Some(tag.as_str()) {
            return ApiResponse::no_content()
                .with_status(304)
                .with_header("etag", tag);
        }
        let versioned = req.query_param("v").as_deref() == Some(image.etag.as_str());
        let max_age = if versioned { 31_536_000 } else { 0 };
        ApiResponse {
            status: 200,
            headers: vec![
                ("content-type".into(), image.content_type),
                ("etag".into(), tag),
                (
                    "cache-control".into(),
                    format!("private, max-age={max_age}"),
                ),
            ],
            body: String::new(),
            bytes: image.bytes,
        }
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl ApiResponse {
    /// The one place an error becomes a response: its code's status, and the JSON body in the
    /// reader's language.
    pub fn error(e: ApiError, lang: Lang) -> Self {
        let e = e.in_language(lang);
        let retry = e.retry_after;
        let res = ApiResponse::json(e.code.status(), &e);
        match retry {
            Some(secs) if e.code == ErrorCode::RateLimited => {
                res.with_header("retry-after", secs.to_string())
            }
            _ => res,
        }
    }
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn decodes_query_values() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
