use super::super::router::Call;
use super::super::{ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::round_tables;
use balai_protocol::ApiError;
use balai_protocol::round_tables::{Answer, MergeQuestion, NewQuestion, NewRoundTable};

pub async fn list<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &round_tables::list(rt, &call.actor).await?,
    ))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewRoundTable = json::body(call.req)?;
    Ok(created(
        round_tables::create(rt, &call.actor, &input, call.key).await?,
    ))
}

pub async fn detail<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &round_tables::detail(rt, &call.actor, id).await?,
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
