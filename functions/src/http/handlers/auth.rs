use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, cookies, json};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::service::idempotency::Created;
use crate::service::sessions::NewSession;
use crate::service::{accounts, credentials, invites, sessions, validate};
use balai_protocol::ApiError;
use balai_protocol::auth::{
    AcceptInviteRequest, LoginRequest, Me, PasswordChange, PasswordReset, SetupRequest,
};

fn user_agent(req: &ApiRequest) -> &str {
    req.header("user-agent").unwrap_or("")
}

fn logged_in(req: &ApiRequest, me: Me, session: NewSession) -> ApiResponse {
    ApiResponse::json(200, &me).with_header("set-cookie", cookies::set_session(req, &session.token))
}

pub async fn login<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
    let input: LoginRequest = json::body(req)?;
    let (me, session) = accounts::login(rt, &input, &req.client_ip, user_agent(req)).await?;
    Ok(logged_in(req, me, session))
}

pub async fn accept<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
    let input: AcceptInviteRequest = json::body(req)?;
    let (me, session) = invites::accept(rt, &input, &req.client_ip, user_agent(req)).await?;
    Ok(logged_in(req, me, session))
}

pub async fn reset_password<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
    let input: PasswordReset = json::body(req)?;
    let (me, session) = credentials::reset(rt, &input, &req.client_ip, user_agent(req)).await?;
    Ok(logged_in(req, me, session))
}

pub async fn change_password<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: PasswordChange = json::body(call.req)?;
    Ok(
        match credentials::change_own(rt, &call.actor, &input, call.key).await? {
            Created::New(answer) => ApiResponse::json(200, &answer),
            Created::Replay(first) => super::replay(first),
        },
    )
}

pub async fn setup<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
    let input: SetupRequest = json::body(req)?;
    let (me, session) = accounts::setup_first_admin(rt, &input, user_agent(req)).await?;
    Ok(logged_in(req, me, session))
}

pub async fn me<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &accounts::me_by_session(rt, token).await?,
    ))
}

pub async fn logout<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    accounts::logout(rt, &call.actor).await?;
    Ok(ApiResponse::no_content().with_header("set-cookie", cookies::clear_session(call.req)))
}

pub async fn sessions<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &sessions::list_by_session(rt, token).await?,
    ))
}

pub async fn end_session<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    validate::id(id, Thing::Session)?;
    sessions::end_own(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}
