use super::super::router::Call;
use super::super::{ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::comments::{self, Thread, ThreadKind};
use balai_protocol::ApiError;
use balai_protocol::feed::NewComment;

pub async fn create<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    thread: Thread<'_>,
) -> Result<ApiResponse, ApiError> {
    let input: NewComment = json::body(call.req)?;
    Ok(created(
        comments::create(rt, &call.actor, thread, &input, call.key).await?,
    ))
}

pub async fn edit<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    kind: ThreadKind,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: NewComment = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &comments::edit(rt, &call.actor, kind, id, &input).await?,
    ))
}

pub async fn delete<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    kind: ThreadKind,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    comments::delete(rt, &call.actor, kind, id).await?;
    Ok(ApiResponse::no_content())
}
