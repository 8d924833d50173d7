//! The Worker's fetch entry: adapts workerd's request to [`ApiRequest`], runs the platform-neutral
//! edge, and adapts the answer back. Static assets never reach here (`run_worker_first = ["/api/*"]`).

use crate::http::{ApiRequest, ApiResponse, handle, too_large};
use crate::runtime::worker::WorkerRuntime;
use crate::store::d1::D1Db;
use balai_protocol::limits::BODY_MAX_BYTES;
use worker::{Context, Env, Headers, Request, Response, ScheduleContext, ScheduledEvent, event};

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let url = req.url()?;
    let method = req.method().to_string();
    let headers: Vec<(String, String)> = req
        .headers()
        .entries()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect();
    let declared_len = req
        .headers()
        .get("content-length")?
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(0);
    // Refuse oversized bodies before reading them into memory.
    if declared_len > BODY_MAX_BYTES {
        return into_response(too_large().into());
    }
    let body = if matches!(method.as_str(), "GET" | "HEAD") {
        Vec::new()
    } else {
        req.bytes().await.unwrap_or_default()
    };
    let api_req = ApiRequest {
        method,
        path: url.path().to_string(),
        query: url.query().unwrap_or("").to_string(),
        client_ip: req
            .headers()
            .get("cf-connecting-ip")?
            .unwrap_or_else(|| "local".into()),
        origin: url.origin().ascii_serialization(),
        headers,
        body,
    };
    into_response(handle(&runtime(&env)?, &api_req).await)
}

fn runtime(env: &Env) -> worker::Result<WorkerRuntime> {
    Ok(WorkerRuntime {
        db: D1Db::new(env.d1("DB")?),
        setup_secret: env.secret("SETUP_SECRET").ok().map(|s| s.to_string()),
    })
}

/// The daily cron trigger (wrangler.toml `[triggers]`): housekeeping.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
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
    let out = if res.body.is_empty() {
        Response::empty()?
    } else {
        Response::ok(res.body)?
    };
    Ok(out.with_status(res.status).with_headers(headers))
}
