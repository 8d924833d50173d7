//! Reporting posts and comments, and the moderators' queue.

use super::super::router::Call;
use super::super::{ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::{Thing, not_found, reports};
use balai_protocol::ApiError;
use balai_protocol::reports::{NewReport, ReportDecision, ReportTarget};

/// 201 for a new report, 200 for a repeat (the first report's time).
pub async fn report<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewReport = json::body(call.req)?;
    let (reported, new) = reports::report(rt, &call.actor, &input).await?;
    Ok(ApiResponse::json(if new { 201 } else { 200 }, &reported))
}

pub async fn queue<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let cursor = call.req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &reports::queue(rt, &call.actor, cursor.as_deref()).await?,
    ))
}

pub async fn decide<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    target: &str,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let target = ReportTarget::parse(target).ok_or_else(|| not_found(Thing::Post))?;
    let input: ReportDecision = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &reports::decide(rt, &call.actor, target, id, &input).await?,
    ))
}
