//! `Idempotency-Key`: a retried write returns its first answer and creates nothing new.
//!
//! A creating write records its answer in the same atomic batch as the rows it creates, so
//! "created" and "answer recorded" can never come apart. A concurrent twin loses on the
//! primary key and is answered with the recorded result.

use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Db, DbError, Stmt};
use balai_protocol::limits::IDEMPOTENCY_KEY_MAX_CHARS;
use balai_protocol::{ApiError, ErrorCode};
use serde::Deserialize;

/// What a creating write answers: the new thing, or the first answer to an earlier request
/// with the same key.
pub enum Created<T> {
    New(T),
    Replay(Recorded),
}

/// A recorded answer: status and JSON body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Recorded {
    pub status: u16,
    pub response: String,
}

pub fn check_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty()
        || key.len() > IDEMPOTENCY_KEY_MAX_CHARS
        || !key.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(ApiError::field(
            ErrorCode::BadRequest,
            "idempotency_key",
            format!(
                "Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX_CHARS} visible ASCII characters."
            ),
            format!(
                "Idempotency-Key harus 1 sampai {IDEMPOTENCY_KEY_MAX_CHARS} karakter ASCII yang terlihat."
            ),
        ));
    }
    Ok(())
}

pub async fn recorded<R: Runtime>(
    rt: &R,
    user_id: &str,
    key: &str,
) -> Result<Option<Recorded>, ApiError> {
    Ok(rt
        .db()
        .first(stmt!(
            "SELECT status, response FROM idempotency WHERE user_id = ? AND key = ?",
            user_id,
            key
        ))
        .await?)
}

/// Runs `stmts` atomically, recording `answer` under `key` when there is one.
/// Returns `Ok(None)` when it ran, `Ok(Some(first))` when the key was already used.
pub async fn commit<R: Runtime>(
    rt: &R,
    user_id: &str,
    key: Option<&str>,
    mut stmts: Vec<Stmt>,
    status: u16,
    answer: &impl serde::Serialize,
) -> Result<Option<Recorded>, ApiError> {
    let Some(key) = key else {
        rt.db().batch(stmts).await?;
        return Ok(None);
    };
    let body = serde_json::to_string(answer).expect("wire types serialize");
    stmts.push(stmt!(
        "INSERT INTO idempotency (user_id, key, status, response, created_at) VALUES (?, ?, ?, ?, ?)",
        user_id,
        key,
        status as i64,
        body,
        rt.now()
    ));
    match rt.db().batch(stmts).await {
        Ok(_) => Ok(None),
        Err(DbError::Constraint(_)) => match recorded(rt, user_id, key).await? {
            Some(first) => Ok(Some(first)),
            None => Err(ApiError::new(
                ErrorCode::Conflict,
                "That change conflicts with another; reload and try again.",
                "Perubahan itu bentrok dengan perubahan lain; muat ulang dan coba lagi.",
            )),
        },
        Err(e) => Err(e.into()),
    }
}
