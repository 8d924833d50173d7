use super::super::router::Call;
use super::super::{ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::round_tables;
use balai_protocol::ApiError;
use balai_protocol::round_tables::{Answer, MergeQuestion, NewQuestion, NewRoundTable};

/// `GET /api/round-tables`: routed before authentication, which it does itself in the same D1
/// round trip as the list (`round_tables::list_by_session`).
pub async fn list<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &round_tables::list_by_session(rt, token).await?,
    ))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewRoundTable = json::body(call.req)?;
    Ok(created(
        round_tables::create(rt, &call.actor, &input, call.key).await?,
    ))
}

/// `GET /api/round-tables/:id`, which a live page polls: routed before authentication, which
/// it does itself in the same D1 round trip as the page (`round_tables::detail_by_session`).
pub async fn detail<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &round_tables::detail_by_session(rt, token, id).await?,
    ))
}

pub async fn ask<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: NewQuestion = json::body(call.req)?;
    Ok(created(
        round_tables::ask(rt, &call.actor, id, &input, call.key).await?,
    ))
}

pub async fn vote<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
    on: bool,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &round_tables::vote(rt, &call.actor, id, on).await?,
    ))
}

pub async fn answer<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: Answer = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &round_tables::answer(rt, &call.actor, id, &input.answer).await?,
    ))
}

pub async fn hide<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    round_tables::hide(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn merge<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: MergeQuestion = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &round_tables::merge(rt, &call.actor, id, &input.into).await?,
    ))
}
