use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::rate_limit::{self, WRITES_PER_PERSON};
use crate::service::{api_tokens, ideas};
use balai_protocol::ApiError;
use balai_protocol::ideas::StatusChange;
use balai_protocol::integrations::NewApiToken;

pub async fn list<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &api_tokens::list(rt, &call.actor).await?,
    ))
}

pub async fn issue<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewApiToken = json::body(call.req)?;
    Ok(ApiResponse::json(
        201,
        &api_tokens::issue(rt, &call.actor, &input.name).await?,
    ))
}

pub async fn revoke<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    api_tokens::revoke(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

/// An outside system sets an idea's status with its bearer token (no cookie, so no CSRF to
/// guard against). Setting the status it already has changes nothing, so retries are safe.
pub async fn set_idea_status<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let token =
        api_tokens::authenticate(rt, req.header("authorization"), api_tokens::IDEAS_STATUS).await?;
    rate_limit::hit(rt, &format!("token:{}", token.id), WRITES_PER_PERSON).await?;
    let input: StatusChange = json::body(req)?;
    Ok(ApiResponse::json(
        200,
        &ideas::set_status(rt, &token.actor, id, &input, Some(&token.name)).await?,
    ))
}
