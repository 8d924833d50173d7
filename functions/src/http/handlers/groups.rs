use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::{groups, sessions};
use balai_protocol::groups::{InviteMember, MemberState, NewGroup, Pin, SetRole};
use balai_protocol::{ApiError, ErrorCode};

/// `GET /api/groups`: routed before authentication, which it does itself in the same D1 round
/// trip as the page (`groups::list_by_session`).
pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let mine = req.query_param("mine").is_some_and(|v| v == "1");
    let cursor = req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &groups::list_by_session(rt, token, mine, cursor.as_deref()).await?,
    ))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewGroup = json::body(call.req)?;
    Ok(created(
        groups::create(rt, &call.actor, &input, call.key).await?,
    ))
}

pub async fn get<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &groups::get_by_session(rt, token, id).await?,
    ))
}

pub async fn join<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &groups::join(rt, &call.actor, id).await?,
    ))
}

pub async fn leave<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &groups::leave(rt, &call.actor, id).await?,
    ))
}

/// `GET /api/groups/:id/members?state=`: routed before authentication, which it does itself
/// in the same D1 round trip as the group and the page (`groups::members_by_session`).
pub async fn members<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let state = match req.query_param("state").as_deref() {
        None | Some("active") => Ok(MemberState::Active),
        Some("requested") => Ok(MemberState::Requested),
        Some("invited") => Ok(MemberState::Invited),
        Some(_) => Err(ApiError::field(
            ErrorCode::BadRequest,
            "state",
            "state is one of active, requested, invited.",
            "state adalah salah satu dari active, requested, invited.",
        )),
    };
    let state = sessions::checked(rt, token, state).await?;
    let cursor = req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &groups::members_by_session(rt, token, id, state, cursor.as_deref()).await?,
    ))
}

pub async fn invite<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: InviteMember = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &groups::invite(rt, &call.actor, id, &input.user_id).await?,
    ))
}

pub async fn approve<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
    user_id: &str,
) -> Result<ApiResponse, ApiError> {
    groups::approve(rt, &call.actor, id, user_id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn remove<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
    user_id: &str,
) -> Result<ApiResponse, ApiError> {
    groups::remove(rt, &call.actor, id, user_id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn set_role<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
    user_id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: SetRole = json::body(call.req)?;
    groups::set_role(rt, &call.actor, id, user_id, input.role).await?;
    Ok(ApiResponse::no_content())
}

pub async fn pin<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: Pin = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &groups::pin(rt, &call.actor, id, input.post_id.as_deref()).await?,
    ))
}
