use super::super::router::Call;
use super::super::{ApiResponse, json};
use super::replay;
use crate::runtime::Runtime;
use crate::service::{comments, likes, posts};
use balai_protocol::ApiError;
use balai_protocol::feed::{NewComment, NewPost};

pub async fn list<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let cursor = call.req.query_param("cursor");
    let limit = call.req.query_param("limit").and_then(|l| l.parse().ok());
    let group = call.req.query_param("group");
    let scope = match group.as_deref() {
        Some(id) => posts::Scope::Group(id),
        None => posts::Scope::Home,
    };
    let page = posts::feed(rt, &call.actor, scope, cursor.as_deref(), limit).await?;
    Ok(ApiResponse::json(200, &page))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewPost = json::body(call.req)?;
    Ok(
        match posts::create(rt, &call.actor, &input, call.key).await? {
            posts::Created::New(post) => ApiResponse::json(201, &post),
            posts::Created::Replay(first) => replay(first),
        },
    )
}

pub async fn detail<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &posts::detail(rt, &call.actor, id).await?,
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

pub async fn comment<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    post_id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: NewComment = json::body(call.req)?;
    Ok(
        match comments::create(rt, &call.actor, post_id, &input, call.key).await? {
            comments::Created::New(c) => ApiResponse::json(201, &c),
            comments::Created::Replay(first) => replay(first),
        },
    )
}

pub async fn delete_comment<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    comments::delete(rt, &call.actor, id).await?;
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
