use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::{notifications, push};
use balai_protocol::ApiError;
use balai_protocol::notifications::{MarkRead, PushSubscription, Setting};

/// `GET /api/notifications`: routed before authentication, which it does itself in the same D1
/// round trip as the page (`notifications::list_by_session`).
pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = req.query_param("cursor");
    let limit = req.query_param("limit").and_then(|l| l.parse().ok());
    Ok(ApiResponse::json(
        200,
        &notifications::list_by_session(rt, token, cursor.as_deref(), limit).await?,
    ))
}

/// `GET /api/notifications/unread`: routed before authentication, which it does itself in the
/// same D1 round trip as the count (`notifications::poll_unread`).
pub async fn unread<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &notifications::poll_unread(rt, token).await?,
    ))
}

pub async fn mark_read<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: MarkRead = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &notifications::mark_read(rt, &call.actor, input.id).await?,
    ))
}

pub async fn settings<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &notifications::settings_by_session(rt, token).await?,
    ))
}

pub async fn set<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: Setting = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &notifications::set(rt, &call.actor, input).await?,
    ))
}

/// `GET /api/push/key`: the key a phone subscribes with (`public_key: null` when push is not
/// set up here).
pub fn push_key<R: Runtime>(rt: &R, _call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(200, &push::key(rt)))
}

/// `PUT /api/push/subscription`: phone notifications on, for this session.
pub async fn subscribe<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: PushSubscription = json::body(call.req)?;
    push::subscribe(rt, &call.actor, input).await?;
    Ok(ApiResponse::no_content())
}

/// `DELETE /api/push/subscription`: phone notifications off on that phone.
pub async fn unsubscribe<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: PushSubscription = json::body(call.req)?;
    push::unsubscribe(rt, &call.actor, input).await?;
    Ok(ApiResponse::no_content())
}
