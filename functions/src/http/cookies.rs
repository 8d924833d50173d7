//! The session cookie: HttpOnly, SameSite=Lax, Secure outside plain-http localhost.

use super::ApiRequest;
use crate::service::sessions::ABSOLUTE_TIMEOUT_MS;

pub const SESSION_COOKIE: &str = "balai_session";

pub fn session_token(req: &ApiRequest) -> Option<&str> {
    req.header("cookie")?.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == SESSION_COOKIE).then_some(value)
    })
}

pub fn set_session(req: &ApiRequest, token: &str) -> String {
    cookie(req, token, ABSOLUTE_TIMEOUT_MS / 1000)
}

pub fn clear_session(req: &ApiRequest) -> String {
    cookie(req, "", 0)
}

fn cookie(req: &ApiRequest, value: &str, max_age_secs: i64) -> String {
    let secure = if req.is_https() { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    )
}
