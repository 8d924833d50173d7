use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::{acks, likes, posts, sessions};
use balai_protocol::feed::NewPost;
use balai_protocol::{ApiError, ErrorCode};

/// `GET /api/posts`: routed before authentication, which the feed does itself in the same D1
/// round trip as the page (`posts::feed_by_session`).
pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = req.query_param("cursor");
    let limit = req.query_param("limit").and_then(|l| l.parse().ok());
    let group = req.query_param("group");
    let tag = req.query_param("tag");
    let place = req.query_param("place");
    let scope = match (req.query_param("filter").as_deref(), &group, &tag, &place) {
        (_, Some(id), _, _) => posts::Scope::Group(id),
        (_, _, Some(t), _) => posts::Scope::Tag(t),
        (_, _, _, Some(id)) => posts::Scope::Place(id),
        (None | Some("all"), ..) => posts::Scope::Home,
        (Some("following"), ..) => posts::Scope::Following,
        (Some("mine"), ..) => posts::Scope::Mine,
        (Some(_), ..) => {
            let bad_filter = ApiError::field(
                ErrorCode::BadRequest,
                "filter",
                "filter is one of all, following, mine (or give group, tag or place).",
                "filter adalah salah satu dari all, following, mine (atau berikan group, tag atau place).",
            );
            return Err(sessions::refusal(rt, token, bad_filter).await);
        }
    };
    let page = posts::feed_by_session(rt, token, scope, cursor.as_deref(), limit).await?;
    Ok(ApiResponse::json(200, &page))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewPost = json::body(call.req)?;
    Ok(created(
        posts::create(rt, &call.actor, &input, call.key).await?,
    ))
}

pub async fn detail<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &posts::detail_by_session(rt, token, id).await?,
    ))
}

pub async fn edit<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: NewPost = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &posts::edit(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn delete<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    posts::delete(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn like<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
    liked: bool,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &likes::set(rt, &call.actor, post_id, liked).await?,
    ))
}

/// `PUT /api/posts/:id/ack`: I have read it (for an announcement that asks).
pub async fn confirm<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &acks::confirm(rt, &call.actor, post_id).await?,
    ))
}

/// `GET /api/posts/:id/photos/:n`: one of a post's photos, for whoever may read the post.
pub async fn photo<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
    n: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::image(
        call.req,
        posts::photos::get(rt, &call.actor, post_id, n).await?,
    ))
}

/// `GET /api/posts/:id/acks?cursor=`: totals and who has not confirmed yet.
pub async fn ack_report<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = call.req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &acks::report(rt, &call.actor, post_id, cursor.as_deref()).await?,
    ))
}

pub async fn announcements<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &posts::announcements_by_session(rt, token).await?,
    ))
}

/// `POST /api/posts/:id/acks/remind`: reminds those who have not confirmed (once a day).
pub async fn remind_unconfirmed<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(created(
        acks::remind(rt, &call.actor, post_id, call.key).await?,
    ))
}
