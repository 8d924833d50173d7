//! The Worker's fetch entry: adapts workerd's request to [`ApiRequest`], runs the platform-neutral
//! edge, and adapts the answer back. Static assets never reach here
//! (`run_worker_first = ["/api/*"]`).

use crate::http::{ApiRequest, ApiResponse, body_limit, handle, tiles, too_large};
use crate::runtime::Runtime;
use crate::runtime::worker::WorkerRuntime;
use crate::store::d1::D1Db;
use balai_protocol::{ApiError, ErrorCode, Lang};
use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use worker::{
    Context, Env, Fetch, Headers, Request, RequestInit, Response, ScheduleContext, ScheduledEvent,
    Url, event,
};

// The raw `web_sys::Request`, not `worker::Request`: converting to the latter reads
// `request.cf`, an object workerd builds on each read, for nothing here (7% of the CPU samples
// of `/api/health` in a profile under the benchmark's local stack).
#[event(fetch)]
async fn fetch(req: web_sys::Request, env: Env, ctx: Context) -> worker::Result<Response> {
    let url = Url::parse(&req.url())?;
    let method = req.method();
    let headers = Headers(req.headers());
    let lang = Lang::from_accept_language(headers.get("accept-language")?.as_deref());
    let declared_len = headers
        .get("content-length")?
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(0);
    // Refuse oversized bodies before reading them into memory.
    let limit = body_limit(url.path());
    if declared_len > limit {
        return into_response(ApiResponse::error(too_large(limit), lang));
    }
    let body = if matches!(method.as_str(), "GET" | "HEAD") {
        Vec::new()
    } else {
        read_body(&req).await
    };
    let api_req = ApiRequest {
        method,
        path: url.path().to_string(),
        query: url.query().unwrap_or("").to_string(),
        client_ip: headers
            .get("cf-connecting-ip")?
            .unwrap_or_else(|| "local".into()),
        origin: url.origin().ascii_serialization(),
        headers: headers
            .entries()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect(),
        body,
    };
    let rt = runtime(&env)?;
    if api_req.method == "GET" && api_req.path.starts_with("/api/tiles/") {
        return tile(&rt, &api_req).await;
    }
    let res = handle(&rt, &api_req).await;
    // A write may have notified someone: their phones hear of it once the answer has gone.
    if crate::http::csrf::is_write(&api_req.method) && res.status < 400 {
        ctx.wait_until(async move { send_pushes(&rt, 1).await });
    }
    into_response(res)
}

/// Up to `passes` rounds of the pushes that are due (see `service/push.rs`).
async fn send_pushes(rt: &WorkerRuntime, passes: usize) {
    for _ in 0..passes {
        match crate::service::push::send_due(rt).await {
            Ok(pass) if pass.sent + pass.dropped + pass.retrying < crate::service::push::BATCH => {
                return;
            }
            Ok(_) => {}
            Err(e) => {
                worker::console_error!("push: {}", e.message);
                return;
            }
        }
    }
}

/// The request's body; an unreadable one is empty (and then refused as malformed JSON).
async fn read_body(req: &web_sys::Request) -> Vec<u8> {
    let Ok(promise) = req.array_buffer() else {
        return Vec::new();
    };
    match JsFuture::from(promise).await {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

/// A map tile from the configured tile server, for a signed-in person (see `http/tiles.rs`).
async fn tile(rt: &WorkerRuntime, req: &ApiRequest) -> worker::Result<Response> {
    let tile = match tiles::authorize(rt, req).await {
        Ok(t) => t,
        Err(e) => return into_response(ApiResponse::error(e, req.lang())),
    };
    let template = rt
        .setting("TILE_URL")
        .unwrap_or_else(|| tiles::DEFAULT_TILE_URL.into());
    let headers = Headers::new();
    // Tile servers ask for an identifying User-Agent (OpenStreetMap's policy requires one).
    headers.set("user-agent", "Balai company map (Cloudflare Worker)")?;
    let mut init = RequestInit::new();
    init.with_headers(headers);
    let upstream = Request::new_with_init(&tiles::upstream_url(&template, tile), &init)?;
    match Fetch::Request(upstream).send().await {
        Ok(mut res) if res.status_code() == 200 => {
            let out = Headers::new();
            let kind = res.headers().get("content-type")?;
            out.set("content-type", kind.as_deref().unwrap_or("image/png"))?;
            out.set("cache-control", "private, max-age=604800")?;
            Ok(Response::from_bytes(res.bytes().await?)?.with_headers(out))
        }
        _ => into_response(ApiResponse::error(
            ApiError::new(
                ErrorCode::Unavailable,
                "The map tile server did not answer.",
                "Server peta tidak menjawab.",
            ),
            req.lang(),
        )),
    }
}

/// wrangler.toml's every-minute cron.
const PUSH_CRON: &str = "* * * * *";
/// A minute's passes: 400 pushes at most (a Worker on the Paid plan may make 1,000 subrequests).
const PUSH_PASSES_A_MINUTE: usize = 10;

fn runtime(env: &Env) -> worker::Result<WorkerRuntime> {
    Ok(WorkerRuntime {
        db: D1Db::new(env.d1("DB")?),
        setup_secret: env.secret("SETUP_SECRET").ok().map(|s| s.to_string()),
        env: env.clone(),
    })
}

/// The cron triggers (wrangler.toml `[triggers]`): every minute, the pushes still due (a large
/// announcement's, and retries); once a day, housekeeping.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    if event.cron() == PUSH_CRON {
        if let Ok(rt) = runtime(&env) {
            send_pushes(&rt, PUSH_PASSES_A_MINUTE).await;
        }
        return;
    }
    let result = match runtime(&env) {
        Ok(rt) => crate::service::maintenance::prune(&rt)
            .await
            .map_err(|e| e.message),
        Err(e) => Err(e.to_string()),
    };
    match result {
        Ok(pruned) => worker::console_log!("maintenance: {pruned:?}"),
        Err(e) => worker::console_error!("maintenance failed: {e}"),
    }
}

fn into_response(res: ApiResponse) -> worker::Result<Response> {
    let headers = Headers::new();
    for (k, v) in &res.headers {
        headers.append(k, v)?;
    }
    let out = if !res.bytes.is_empty() {
        Response::from_bytes(res.bytes)?
    } else if res.body.is_empty() {
        Response::empty()?
    } else {
        Response::ok(res.body)?
    };
    Ok(out.with_status(res.status).with_headers(headers))
}
