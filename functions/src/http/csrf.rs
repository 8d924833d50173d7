//! Cross-site write protection on top of SameSite cookies: a browser marks where a request
//! came from (`Sec-Fetch-Site`, `Origin`); a write from another site is refused.

use super::ApiRequest;
use balai_protocol::{ApiError, ErrorCode};

pub fn is_write(method: &str) -> bool {
    matches!(method, "POST" | "PUT" | "PATCH" | "DELETE")
}

pub fn check(req: &ApiRequest) -> Result<(), ApiError> {
    let refused = || {
        ApiError::new(
            ErrorCode::CrossSite,
            "Cross-site requests are not allowed.",
            "Permintaan dari situs lain tidak diizinkan.",
        )
    };
    if let Some(site) = req.header("sec-fetch-site")
        && !matches!(site, "same-origin" | "none")
    {
        return Err(refused());
    }
    if let Some(origin) = req.header("origin")
        && origin != req.origin
    {
        return Err(refused());
    }
    Ok(())
}
