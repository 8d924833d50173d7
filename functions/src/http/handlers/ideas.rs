use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::ideas::{self, Query};
use crate::service::sessions;
use balai_protocol::ideas::{
    IdeaCategory, IdeaSort, IdeaStatus, Merge, NewIdea, NewThanks, StatusChange,
};
use balai_protocol::{ApiError, ErrorCode};

/// A query parameter that must be one of `values` (by their wire names), if given.
fn one_of<T: Copy>(
    req: &ApiRequest,
    name: &str,
    values: &[T],
    wire: fn(T) -> &'static str,
) -> Result<Option<T>, ApiError> {
    match req.query_param(name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => values
            .iter()
            .copied()
            .find(|x| wire(*x) == v)
            .map(Some)
            .ok_or_else(|| {
                let names: Vec<&str> = values.iter().map(|x| wire(*x)).collect();
                ApiError::field(
                    ErrorCode::BadRequest,
                    name,
                    format!("{name} is one of {}.", names.join(", ")),
                    format!("{name} adalah salah satu dari {}.", names.join(", ")),
                )
            }),
    }
}

/// What a list asks, from the query string.
fn query<'a>(req: &ApiRequest, cursor: Option<&'a str>) -> Result<Query<'a>, ApiError> {
    let sorts = [IdeaSort::Top, IdeaSort::Newest, IdeaSort::Trending];
    let sort_name = |s: IdeaSort| match s {
        IdeaSort::Top => "top",
        IdeaSort::Newest => "newest",
        IdeaSort::Trending => "trending",
    };
    Ok(Query {
        sort: one_of(req, "sort", &sorts, sort_name)?.unwrap_or(IdeaSort::Top),
        status: one_of(req, "status", &IdeaStatus::ALL, IdeaStatus::as_str)?,
        category: one_of(req, "category", &IdeaCategory::ALL, IdeaCategory::as_str)?,
        mine: req.query_param("mine").is_some_and(|v| v == "1"),
        cursor,
    })
}

/// `GET /api/ideas`: routed before authentication, which it does itself in the same D1 round
/// trip as the page (`ideas::list_by_session`); a bad parameter is 400 once the session is
/// known, as on every other route.
pub async fn list<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let cursor = req.query_param("cursor");
    let query = sessions::checked(rt, token, query(req, cursor.as_deref())).await?;
    Ok(ApiResponse::json(
        200,
        &ideas::list_by_session(rt, token, query).await?,
    ))
}

pub async fn submit<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewIdea = json::body(call.req)?;
    Ok(created(
        ideas::submit(rt, &call.actor, &input, call.key).await?,
    ))
}

/// `GET /api/ideas/:id`: routed before authentication, which it does itself in the same D1
/// round trip as the page (`ideas::detail_by_session`).
pub async fn detail<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &ideas::detail_by_session(rt, token, id).await?,
    ))
}

pub async fn edit<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: NewIdea = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &ideas::edit(rt, &call.actor, id, &input).await?,
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
        &ideas::vote(rt, &call.actor, id, on).await?,
    ))
}

pub async fn set_status<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: StatusChange = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &ideas::set_status(rt, &call.actor, id, &input, None).await?,
    ))
}

pub async fn thank<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: NewThanks = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &ideas::thank(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn merge<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    let input: Merge = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &ideas::merge(rt, &call.actor, id, &input.into).await?,
    ))
}

pub async fn export<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    csv: bool,
) -> Result<ApiResponse, ApiError> {
    let all = ideas::export(rt, &call.actor).await?;
    Ok(if csv {
        ApiResponse::download(
            "text/csv; charset=utf-8",
            "balai-ideas.csv",
            ideas::export_csv(&all),
        )
    } else {
        ApiResponse::download(
            "application/json; charset=utf-8",
            "balai-ideas.json",
            serde_json::to_string(&all).expect("wire types serialize"),
        )
    })
}
