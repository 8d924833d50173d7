use super::super::router::Call;
use super::super::{ApiRequest, ApiResponse, json};
use super::created;
use crate::runtime::Runtime;
use crate::service::places::query::{BBox, Filter};
use crate::service::places::{self, categories, import, query, suggestions};
use crate::service::sessions;
use balai_protocol::places::{Decision, MapConfig, NewPlaceCategory, NewSuggestion, PlaceInput};
use balai_protocol::{ApiError, ErrorCode};

/// The tile attribution is a setting (`TILE_ATTRIBUTION`); tiles come through `/api/tiles`.
pub async fn config<R: Runtime>(rt: &R, _call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &MapConfig {
            tile_url: "/api/tiles/{z}/{x}/{y}".into(),
            attribution: rt
                .setting("TILE_ATTRIBUTION")
                .unwrap_or_else(|| "© OpenStreetMap contributors".into()),
            max_zoom: 18,
        },
    ))
}

fn filter(req: &ApiRequest) -> Filter {
    Filter {
        categories: req
            .query_param("category")
            .map(|c| {
                c.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        text: req.query_param("q").unwrap_or_default(),
    }
}

fn limit(req: &ApiRequest) -> Option<u32> {
    req.query_param("limit").and_then(|l| l.parse().ok())
}

/// `GET /api/places?bbox=`, asked on every pan and zoom of the map: routed before
/// authentication, which it does itself in the same D1 round trip as the places
/// (`query::in_box_by_session`).
pub async fn in_box<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let bbox = BBox::parse(&req.query_param("bbox").unwrap_or_default());
    let bbox = sessions::checked(rt, token, bbox).await?;
    Ok(ApiResponse::json(
        200,
        &query::in_box_by_session(rt, token, bbox, &filter(req), limit(req)).await?,
    ))
}

/// `GET /api/places/near?lat=&lng=`: routed before authentication, which it does itself in the
/// same D1 round trip as the nearest box's places (`query::near_by_session`).
pub async fn near<R: Runtime>(
    rt: &R,
    req: &ApiRequest,
    token: &str,
) -> Result<ApiResponse, ApiError> {
    let coordinate = |name: &str| {
        req.query_param(name)
            .and_then(|v| v.parse::<f64>().ok())
            .ok_or_else(|| {
                ApiError::field(
                    ErrorCode::BadRequest,
                    name,
                    format!("{name} is required, in degrees."),
                    format!("{name} wajib diisi, dalam derajat."),
                )
            })
    };
    let point = coordinate("lat").and_then(|lat| Ok((lat, coordinate("lng")?)));
    Ok(ApiResponse::json(
        200,
        &query::near_by_session(rt, token, point, &filter(req), limit(req)).await?,
    ))
}

pub async fn get<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &places::get_by_session(rt, token, id).await?,
    ))
}

pub async fn create<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: PlaceInput = json::body(call.req)?;
    Ok(created(
        places::create(rt, &call.actor, &input, call.key).await?,
    ))
}

pub async fn update<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: PlaceInput = json::body(call.req)?;
    Ok(ApiResponse::json(
        200,
        &places::update(rt, &call.actor, id, &input).await?,
    ))
}

pub async fn archive<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    places::archive(rt, &call.actor, id).await?;
    Ok(ApiResponse::no_content())
}

pub async fn categories<R: Runtime>(rt: &R, token: &str) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::json(
        200,
        &categories::list_by_session(rt, token).await?,
    ))
}

pub async fn create_category<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let input: NewPlaceCategory = json::body(call.req)?;
    Ok(ApiResponse::json(
        201,
        &categories::create(rt, &call.actor, &input).await?,
    ))
}

pub async fn suggest<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: NewSuggestion = json::body(call.req)?;
    Ok(super::created(
        suggestions::suggest(rt, &call.actor, id, &input, call.key).await?,
    ))
}

pub async fn open_suggestions<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
) -> Result<ApiResponse, ApiError> {
    let cursor = call.req.query_param("cursor");
    Ok(ApiResponse::json(
        200,
        &suggestions::open(rt, &call.actor, cursor.as_deref()).await?,
    ))
}

pub async fn decide<R: Runtime>(
    rt: &R,
    call: &Call<'_>,
    id: &str,
) -> Result<ApiResponse, ApiError> {
    let input: Decision = json::body(call.req)?;
    suggestions::decide(rt, &call.actor, id, input.accept).await?;
    Ok(ApiResponse::no_content())
}

/// `POST /api/places/import[?valid_only=1]` with the CSV as the body.
pub async fn import<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    let text = json::text(call.req)?;
    let valid_only = call.req.query_param("valid_only").is_some_and(|v| v == "1");
    Ok(ApiResponse::json(
        200,
        &import::import(rt, &call.actor, text, valid_only, call.req.lang()).await?,
    ))
}

pub async fn export_csv<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::download(
        "text/csv; charset=utf-8",
        "balai-places.csv",
        import::export_csv(rt, &call.actor).await?,
    ))
}

pub async fn export_geojson<R: Runtime>(rt: &R, call: &Call<'_>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::download(
        "application/geo+json",
        "balai-places.geojson",
        import::export_geojson(rt, &call.actor).await?.to_string(),
    ))
}
