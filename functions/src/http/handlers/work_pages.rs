use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use crate::runtime::Runtime;
use crate::service::work_pages::{
    self, absence, bookmarks, celebrations, directory, import, org, photo,
};
use balai_protocol::ApiError;
use balai_protocol::directory::DepartmentEdit;
use balai_protocol::people::{
    AbsenceInput, BookmarkOrder, NewBookmark, NewPositionBookmark, OfficialEdit, ProfileEdit,
};

/// `GET /api/people/:id`: routed before authentication, which it does itself in the same D1
/// round trip as the page (`work_pages::get_by_session`).
pub async fn profile<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &work_pages::get_by_session(rt, token, id).await?,
    ))
}

pub async fn edit_own<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: ProfileEdit = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &work_pages::edit_own(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn edit_official<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: OfficialEdit = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &work_pages::edit_official(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn set_absence<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: AbsenceInput = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &absence::set(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn end_absence<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    absence::end(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

/// `GET /api/directory`: routed before authentication, which it does itself in the same D1
/// round trip as the page (`directory::search_by_session`).
pub async fn directory<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let param = |name: &str| req.query_param(name).filter(|v| !v.is_empty());
    let (q, department, branch, cursor) = (
        param("q"),
        param("department"),
        param("branch"),
        param("cursor"),
    );
    // As other lists' `limit`: capped, and the default when it is not a number.
    let limit = param("limit").and_then(|l| l.parse().ok());
    let query = directory::Query {
        q: q.as_deref().unwrap_or_default(),
        department: department.as_deref(),
        branch: branch.as_deref(),
        cursor: cursor.as_deref(),
        limit,
        names_only: param("by").as_deref() == Some("name"),
    };
    Ok(ApiResponse::json(
        200,
        &directory::search_by_session(rt, token, query).await?,
    ))
}

pub async fn experts<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let topic = req.query_param("q").unwrap_or_default();
    Ok(ApiResponse::json(
        200,
        &directory::experts_by_session(rt, token, &topic).await?,
    ))
}

pub async fn department_tree<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &org::tree_by_session(rt, token).await?,
    ))
}

pub async fn department<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &org::department_by_session(rt, token, id).await?,
    ))
}

pub async fn org_chart<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &org::chart_by_session(rt, token, id).await?,
    ))
}

pub async fn branches<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &org::branches_by_session(rt, token).await?,
    ))
}

pub async fn celebrations<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &celebrations::this_week_by_session(rt, token).await?,
    ))
}

/// A photo as uploaded; `304` when the browser already has this one.
pub async fn photo<R: Runtime>(rt: &R, call: &Call<'_>, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::image(
        call.req,
        photo::get(rt, &call.actor, id).await?,
    ))
}

/// The body is the image itself (any `Content-Type`; what it is, is read from its bytes).
pub async fn upload_photo<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    photo::upload(rt, &call.actor, id, &call.req.body).await?;
    Ok(ApiResponse::json(
        200,
        &work_pages::get(rt, &call.actor, id).await?,
    ))
}

pub async fn remove_photo<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    photo::remove(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

/// The HR export as `text/csv`; `?valid_only=1` imports the valid rows even if some are bad.
pub async fn import_people<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let text = json::text(call.req)?;
    let valid_only = call.req.query_param("valid_only").is_some_and(|v| v == "1");
    Ok(ApiResponse::json(
        200,
        &import::import(rt, &call.actor, text, valid_only, call.req.lang()).await?,
    ))
}

pub async fn add_bookmark<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewBookmark = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &bookmarks::add(rt, &call.actor, &input).await?,
    ))
}

pub async fn remove_bookmark<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &bookmarks::remove(rt, &call.actor, id).await?,
    ))
}

pub async fn reorder_bookmarks<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
) -> Result<ApiResponse, ApiError> {
    let input: BookmarkOrder = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &bookmarks::reorder(rt, &call.actor, &input.ids).await?,
    ))
}

pub async fn shared_bookmarks<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &bookmarks::shared(rt, &call.actor).await?,
    ))
}

pub async fn add_shared_bookmark<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
) -> Result<ApiResponse, ApiError> {
    let input: NewPositionBookmark = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &bookmarks::add_shared(rt, &call.actor, &input).await?,
    ))
}

pub async fn remove_shared_bookmark<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &bookmarks::remove_shared(rt, &call.actor, id).await?,
    ))
}

pub async fn create_department<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
) -> Result<ApiResponse, ApiError> {
    let input: DepartmentEdit = json::body(call.req)?;
    Ok(ApiResponse::json(
        201,
        &org::create_department(rt, &call.actor, &input).await?,
    ))
}

pub async fn edit_department<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: DepartmentEdit = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &org::edit_department(rt, &call.actor, id, &input).await?,
    ))
}
