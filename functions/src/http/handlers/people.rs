use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::invites;
use crate::service::{accounts, audit, credentials};
use balai_protocol::people::{AccessCodeRequest, Capability, Grant, InviteRequest, RoleChange};
use balai_protocol::{ApiError, ErrorCode};

pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = req.query_param("cursor");
    let q = req.query_param("q").unwrap_or_default();
    Ok(ApiResponse::json(
        200,
        &accounts::list_people_by_session(rt, token, &q, cursor.as_deref()).await?,
    ))
}

pub async fn deactivate<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    accounts::deactivate(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn reactivate<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    accounts::reactivate(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn end_sessions<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    accounts::end_sessions_of(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn pending<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &invites::pending(rt, &call.actor).await?,
    ))
}

pub async fn invite<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: InviteRequest = json::body(call.req)?;
    Ok(created(
        invites::invite_by_email(rt, &call.actor, &input, call.key).await?,
    ))
}

pub async fn access_code<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: AccessCodeRequest = json::body(call.req)?;
    Ok(created(
        invites::issue_access_code(rt, &call.actor, input.role, call.key).await?,
    ))
}

pub async fn revoke<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    invites::revoke(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn grant<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
    capability: &str,
) -> Result<ApiResponse, ApiError> {
    let capability = Capability::parse(capability).ok_or_else(|| {
        ApiError::field(
            ErrorCode::NotFound,
            "capability",
            "No such capability: communications, places, ideas, moderation or hr.",
            "Wewenang itu tidak ada: communications, places, ideas, moderation atau hr.",
        )
    })?;
    let input: Grant = json::body(call.req)?;
    accounts::set_grant(rt, &call.actor, id, capability, input.enabled).await?;
    Ok(ApiResponse::no_content())
}

pub async fn password_reset<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        201,
        &credentials::issue_reset(rt, &call.actor, id).await?,
    ))
}

pub async fn set_role<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: RoleChange = json::body(call.req)?;
    accounts::set_role(rt, &call.actor, id, input.role).await?;
    Ok(ApiResponse::no_content())
}

pub async fn departments<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &crate::service::departments::list_by_session(rt, token).await?,
    ))
}

/// `GET /api/audit?person=&cursor=`: the audit log, newest first (admins).
pub async fn audit_log<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let person = call.req.query_param("person");
    let cursor = call.req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &audit::list(
            rt,
            &call.actor,
            person.as_deref(),
            cursor.as_deref(),
            call.req.lang(),
        )
        .await?,
    ))
}
