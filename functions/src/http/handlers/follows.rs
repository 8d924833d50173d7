//! What a person follows, and their saved feed filters.

use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::service::{follows, not_found, saved_filters};
use balai_protocol::ApiError;
use balai_protocol::feed::{Follow, SavedFilter};

pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &follows::list_by_session(rt, token, cursor.as_deref()).await?,
    ))
}

pub async fn follow<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: Follow = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &follows::follow(rt, &call.actor, &input).await?,
    ))
}

pub async fn unfollow<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    kind: &str,
    target: &str,
) -> Result<ApiResponse, ApiError> {
    let kind = follows::parse_kind(kind).ok_or_else(|| not_found(Thing::Follow))?;
    let target = super::super::percent_decode(target);
    follows::unfollow(rt, &call.actor, kind, &target).await?;
    Ok(ApiResponse::no_content())
}

pub async fn state<R: Runtime>(
    rt: &R,
    token: &str,
    kind: &str,
    target: &str,
) -> Result<ApiResponse, ApiError> {
    let target = super::super::percent_decode(target);
    Ok(ApiResponse::json(
        200,
        &follows::state_by_session(rt, token, kind, &target).await?,
    ))
}

pub async fn saved_filters<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &saved_filters::list_by_session(rt, token).await?,
    ))
}

pub async fn save_filter<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: SavedFilter = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &saved_filters::save(rt, &call.actor, &input).await?,
    ))
}

pub async fn remove_filter<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    saved_filters::remove(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}
