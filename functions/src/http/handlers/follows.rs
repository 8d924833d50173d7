use super::super::router::Call;
use super::super::{ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::{follows, not_found};
use balai_protocol::ApiError;
use balai_protocol::feed::Follow;

pub async fn list<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &follows::list(rt, &call.actor).await?,
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
    let kind = follows::parse_kind(kind).ok_or_else(|| not_found("Follow"))?;
    let target = super::super::percent_decode(target);
    follows::unfollow(rt, &call.actor, kind, &target).await?;
    Ok(ApiResponse::no_content())
}
