//! Fixed-window counters in D1 (KV is eventually consistent and allows one write per second per
//! key, so it cannot count). One upsert per hit.

use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::{ApiError, ErrorCode};
use serde::Deserialize;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_ms: i64,
}

/// Failed logins per account: 10 in 15 minutes.
pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    max: 10,
    window_ms: 15 * 60 * 1000,
};
/// Failed logins per address (offices share one): 50 in 15 minutes.
pub const LOGIN_PER_ADDRESS: Limit = Limit {
    max: 50,
    window_ms: 15 * 60 * 1000,
};
/// Wrong invitation links or access codes per address: 20 in 15 minutes, so a 10-character
/// code cannot be guessed by trying.
pub const JOIN_PER_ADDRESS: Limit = Limit {
    max: 20,
    window_ms: 15 * 60 * 1000,
};
/// Writes per person: 60 a minute is far above a human and stops a runaway client.
pub const WRITES_PER_PERSON: Limit = Limit {
    max: 60,
    window_ms: 60 * 1000,
};

#[derive(Deserialize)]
struct Counter {
    count: i64,
    window_start: i64,
}

fn window_start(now: i64, limit: Limit) -> i64 {
    now - now.rem_euclid(limit.window_ms)
}

fn limited(now: i64, limit: Limit) -> ApiError {
    let retry_ms = window_start(now, limit) + limit.window_ms - now;
    let secs = ((retry_ms + 999) / 1000) as u32;
    ApiError {
        retry_after: Some(secs),
        ..ApiError::new(
            ErrorCode::RateLimited,
            format!(
                "Too many attempts. Try again in {} minute(s).",
                secs.div_ceil(60)
            ),
            format!(
                "Terlalu banyak percobaan. Coba lagi dalam {} menit.",
                secs.div_ceil(60)
            ),
        )
    }
}

/// Refuses with 429 when any of `keys` is already at its limit in the current window.
pub async fn check<R: Runtime>(rt: &R, keys: &[(&str, Limit)]) -> Result<(), ApiError> {
    let now = rt.now();
    for (key, limit) in keys {
        let row: Option<Counter> = rt
            .db()
            .first(stmt!(
                "SELECT count, window_start FROM rate_limits WHERE key = ?",
                *key
            ))
            .await?;
        if let Some(c) = row
            && c.window_start == window_start(now, *limit)
            && c.count >= limit.max
        {
            return Err(limited(now, *limit));
        }
    }
    Ok(())
}

/// Counts one event against `key`; answers 429 once the window's count exceeds the limit.
pub async fn hit<R: Runtime>(rt: &R, key: &str, limit: Limit) -> Result<(), ApiError> {
    let now = rt.now();
    let start = window_start(now, limit);
    let c: Option<Counter> = rt
        .db()
        .first(stmt!(
            "INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
             ON CONFLICT (key) DO UPDATE SET
               count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
               window_start = excluded.window_start
             RETURNING count, window_start",
            key,
            start
        ))
        .await?;
    match c {
        Some(c) if c.count > limit.max => Err(limited(now, limit)),
        _ => Ok(()),
    }
}

pub async fn reset<R: Runtime>(rt: &R, key: &str) -> Result<(), ApiError> {
    rt.db()
        .run(stmt!("DELETE FROM rate_limits WHERE key = ?", key))
        .await?;
    Ok(())
}
