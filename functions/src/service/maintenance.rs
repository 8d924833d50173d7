//! Daily housekeeping (the Worker's cron trigger): forget what has no use any more, so tables
//! stay small and lookups stay cheap.

use super::rate_limit::LOGIN_PER_ACCOUNT;
use super::sessions::{ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::{ApiError, Millis};

/// Recorded answers for `Idempotency-Key` are kept this long: a retry comes within minutes.
pub const IDEMPOTENCY_KEEP_MS: Millis = 24 * 60 * 60 * 1000;

/// How many rows each kind of pruning removed.
#[derive(Debug, Default, PartialEq)]
pub struct Pruned {
    pub idempotency: u64,
    pub sessions: u64,
    pub rate_limits: u64,
}

pub async fn prune<R: Runtime>(rt: &R) -> Result<Pruned, ApiError> {
    let now = rt.now();
    // Every limit's window is at most the login window; older counters can never matter again.
    let stale_window = now - 2 * LOGIN_PER_ACCOUNT.window_ms;
    let changed = rt
        .db()
        .batch(vec![
            stmt!(
                "DELETE FROM idempotency WHERE created_at < ?",
                now - IDEMPOTENCY_KEEP_MS
            ),
            stmt!(
                "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                now - IDLE_TIMEOUT_MS,
                now - ABSOLUTE_TIMEOUT_MS
            ),
            stmt!(
                "DELETE FROM rate_limits WHERE window_start < ?",
                stale_window
            ),
        ])
        .await?;
    Ok(Pruned {
        idempotency: changed[0],
        sessions: changed[1],
        rate_limits: changed[2],
    })
}
