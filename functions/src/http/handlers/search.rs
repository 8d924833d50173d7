use super::super::ApiResponse;
use super::super::router::Call;
use crate::runtime::Runtime;
use crate::service::search;
use balai_protocol::search::SearchKind;
use balai_protocol::{ApiError, ErrorCode};

pub async fn search<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let q = call.req.query_param("q").unwrap_or_default();
    let kind = match call.req.query_param("kind").as_deref() {
        None | Some("") => None,
        Some("posts") => Some(SearchKind::Posts),
        Some("comments") => Some(SearchKind::Comments),
        Some("people") => Some(SearchKind::People),
        Some("groups") => Some(SearchKind::Groups),
        Some("tags") => Some(SearchKind::Tags),
        Some(_) => {
            return Err(ApiError::field(
                ErrorCode::BadRequest,
                "kind",
                "kind is one of posts, comments, people, groups, tags.",
                "kind adalah salah satu dari posts, comments, people, groups, tags.",
            ));
        }
    };
    let cursor = call.req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &search::search(rt, &call.actor, &q, kind, cursor.as_deref()).await?,
    ))
}
