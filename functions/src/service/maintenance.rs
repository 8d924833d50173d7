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

/// Read notifications are kept half a year; unread ones a year (nobody will come for them).
pub const READ_NOTIFICATIONS_KEEP_MS: Millis = 183 * 24 * 60 * 60 * 1000;
pub const NOTIFICATIONS_KEEP_MS: Millis = 365 * 24 * 60 * 60 * 1000;
/// At most this many notifications go a day: the first run over a large backlog stays within
/// a scheduled Worker's limits, and the next days take the rest.
pub const NOTIFICATIONS_PRUNED_A_DAY: i64 = 50_000;

/// How many rows each kind of pruning removed.
#[derive(Debug, Default, PartialEq)]
pub struct Pruned {
    pub idempotency: u64,
    pub sessions: u64,
    pub rate_limits: u64,
    pub notifications: u64,
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
            // The oldest first (ids grow with time). A daily scan of the table: cheaper than
            // an index every notification would pay for on insert.
            stmt!(
                "DELETE FROM notifications WHERE id IN (
                   SELECT id FROM notifications
                   WHERE created_at < ? OR (read_at IS NOT NULL AND created_at < ?)
                   ORDER BY id LIMIT ?)",
                now - NOTIFICATIONS_KEEP_MS,
                now - READ_NOTIFICATIONS_KEEP_MS,
                NOTIFICATIONS_PRUNED_A_DAY
            ),
        ])
        .await?;
    Ok(Pruned {
        idempotency: changed[0],
        sessions: changed[1],
        rate_limits: changed[2],
        notifications: changed[3],
    })
}
