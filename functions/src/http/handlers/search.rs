use super::super::{ApiRequest, ApiResponse};
use crate::runtime::Runtime;
use crate::service::{search, sessions};
use balai_protocol::search::SearchKind;
use balai_protocol::{ApiError, ErrorCode};

/// `GET /api/search`: routed before authentication, which search does itself in the same D1
/// round trip as its queries (`search::search_by_session`).
pub async fn search<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let q = req.query_param("q").unwrap_or_default();
    let kind = match req.query_param("kind").as_deref() {
        None | Some("") => None,
        Some("posts") => Some(SearchKind::Posts),
        Some("comments") => Some(SearchKind::Comments),
        Some("people") => Some(SearchKind::People),
        Some("groups") => Some(SearchKind::Groups),
        Some("tags") => Some(SearchKind::Tags),
        Some(_) => {
            let bad_kind = ApiError::field(
                ErrorCode::BadRequest,
                "kind",
                "kind is one of posts, comments, people, groups, tags.",
                "kind adalah salah satu dari posts, comments, people, groups, tags.",
            );
            return Err(sessions::refusal(rt, token, bad_kind).await);
        }
    };
    let cursor = req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &search::search_by_session(rt, token, &q, kind, cursor.as_deref()).await?,
    ))
}
