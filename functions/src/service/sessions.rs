//! Sessions: a random 256-bit token in an HttpOnly cookie, stored only as its SHA-256 in D1.
//! Every request looks the session up together with its person, so a deactivated person's
//! sessions fail on their very next request.

use super::actor::{Actor, GrantFlags, parse_role};
use super::ids::{new_id, random_token, sha256_hex};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Db, DbError, RowSet, Stmt, answers};
use balai_protocol::auth::SessionInfo;
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// A session unused for this long ends.
pub const IDLE_TIMEOUT_MS: Millis = 14 * 24 * 60 * 60 * 1000;
/// A session ends this long after login, however active.
pub const ABSOLUTE_TIMEOUT_MS: Millis = 60 * 24 * 60 * 60 * 1000;
/// `last_seen_at` is refreshed at most this often, to keep reads free of writes.
const TOUCH_EVERY_MS: Millis = 5 * 60 * 1000;

pub struct NewSession {
    pub id: String,
    /// The cookie value; shown once, never stored.
    pub token: String,
}

pub fn unauthenticated() -> ApiError {
    ApiError::new(
        ErrorCode::Unauthenticated,
        "Please log in.",
        "Silakan masuk.",
    )
}

/// The statement that opens a session for `user_id` (to batch with what else a login writes).
pub fn open<R: Runtime>(
    rt: &R,
    user_id: &str,
    user_agent: &str,
) -> (NewSession, crate::store::Stmt) {
    let token = random_token(rt, 32);
    let id = new_id(rt);
    let now = rt.now();
    let ua: String = user_agent.chars().take(200).collect();
    let st = stmt!(
        "INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)",
        id.as_str(),
        user_id,
        sha256_hex(token.as_bytes()),
        now,
        now,
        ua
    );
    (NewSession { id, token }, st)
}

#[derive(Deserialize)]
struct SessionRow {
    session_id: String,
    created_at: Millis,
    last_seen_at: Millis,
    id: String,
    name: String,
    email: String,
    role: String,
    #[serde(flatten)]
    grants: GrantFlags,
}

/// SQL: the id of the person whose session token hashes to the bound value, for a read batched
/// with the session lookup ([`authenticate_with`]).
#[macro_export]
macro_rules! session_user {
    () => {
        "(SELECT user_id FROM sessions WHERE token_hash = ?)"
    };
}

/// The stored form of a cookie token, or 401 for one that cannot be a token.
fn token_hash(token: &str) -> Result<String, ApiError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(unauthenticated());
    }
    Ok(sha256_hex(token.as_bytes()))
}

fn lookup(token_hash: &str) -> Stmt {
    stmt!(
        concat!(
            "SELECT s.id AS session_id, s.created_at, s.last_seen_at, u.id, u.name, u.email, u.role, ",
            grant_columns!(),
            " FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ? AND u.deactivated_at IS NULL"
        ),
        token_hash
    )
}

/// Resolves a cookie token to the person behind it, or 401.
pub async fn authenticate<R: Runtime>(rt: &R, token: &str) -> Result<Actor, ApiError> {
    let row = rt.db().first(lookup(&token_hash(token)?)).await?;
    admit(rt, row).await
}

/// The answer to a bad parameter of a read that authenticates itself (batched with its query):
/// `bad`, but only once the session is checked, so a request without one is 401 whatever else is
/// wrong with it, as on every other route.
pub async fn refusal<R: Runtime>(rt: &R, token: &str, bad: ApiError) -> ApiError {
    match authenticate(rt, token).await {
        Ok(_) => bad,
        Err(unauthenticated) => unauthenticated,
    }
}

/// A read's parameters, checked before anything is read; if they are bad, the error, answered
/// as [`refusal`] does.
pub async fn checked<R: Runtime, T>(
    rt: &R,
    token: &str,
    params: Result<T, ApiError>,
) -> Result<T, ApiError> {
    match params {
        Ok(params) => Ok(params),
        Err(bad) => Err(refusal(rt, token, bad).await),
    }
}

/// [`authenticate`] and `reads` in one D1 round trip, for the hottest reads (the unread poll,
/// the feed, search). `reads` gets the token's hash to bind where they name the person, by
/// [`session_user!`] or as a [`Reader::Session`](super::reader::Reader); their rows (one set per
/// statement, in order) are the caller's only once the session is admitted.
pub async fn authenticate_with<R: Runtime>(
    rt: &R,
    token: &str,
    reads: impl FnOnce(&str) -> Vec<Stmt>,
) -> Result<(Actor, Vec<<R::Db as Db>::Rows>), ApiError> {
    let hash = token_hash(token)?;
    let mut stmts = vec![lookup(&hash)];
    stmts.extend(reads(&hash));
    let mut sets = rt.db().read_batch(stmts).await?.into_iter();
    let row = sets
        .next()
        .ok_or_else(|| DbError::Other("a batch answered nothing".into()))?
        .decode::<SessionRow>()?
        .into_iter()
        .next();
    Ok((admit(rt, row).await?, sets.collect()))
}

/// Lets the session's person in, or 401: ends a session past its idle or absolute timeout, and
/// notes its use every few minutes.
async fn admit<R: Runtime>(rt: &R, row: Option<SessionRow>) -> Result<Actor, ApiError> {
    let row = row.ok_or_else(unauthenticated)?;
    let now = rt.now();
    if now - row.last_seen_at > IDLE_TIMEOUT_MS || now - row.created_at > ABSOLUTE_TIMEOUT_MS {
        rt.db()
            .run(stmt!(
                "DELETE FROM sessions WHERE id = ?",
                row.session_id.as_str()
            ))
            .await?;
        return Err(unauthenticated());
    }
    if now - row.last_seen_at > TOUCH_EVERY_MS {
        rt.db()
            .run(stmt!(
                "UPDATE sessions SET last_seen_at = ? WHERE id = ?",
                now,
                row.session_id.as_str()
            ))
            .await?;
    }
    Ok(Actor {
        id: row.id,
        name: row.name,
        email: row.email,
        role: parse_role(&row.role),
        session_id: row.session_id,
        grants: row.grants.into(),
    })
}

#[derive(Deserialize)]
struct SessionListRow {
    id: String,
    created_at: Millis,
    last_seen_at: Millis,
    user_agent: String,
}

/// My open sessions, newest first, read in the session lookup's D1 round trip.
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<SessionInfo>, ApiError> {
    let (actor, sets) = authenticate_with(rt, token, |hash| {
        vec![stmt!(
            concat!(
                "SELECT id, created_at, last_seen_at, user_agent FROM sessions WHERE user_id = ",
                session_user!(),
                " ORDER BY created_at DESC LIMIT 100"
            ),
            hash
        )]
    })
    .await?;
    let [rows] = answers(sets)?;
    let rows: Vec<SessionListRow> = rows.decode()?;
    Ok(rows
        .into_iter()
        .map(|r| SessionInfo {
            current: r.id == actor.session_id,
            id: r.id,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            user_agent: r.user_agent,
        })
        .collect())
}

/// Ends one of the actor's own sessions (idempotent: ending an ended session is fine).
pub async fn end_own<R: Runtime>(rt: &R, actor: &Actor, session_id: &str) -> Result<(), ApiError> {
    rt.db()
        .run(stmt!(
            "DELETE FROM sessions WHERE id = ? AND user_id = ?",
            session_id,
            actor.id.as_str()
        ))
        .await?;
    Ok(())
}
