//! Changing a password: one's own, proven with the current one, or with a one-time reset link
//! an admin issues to someone who forgot theirs (no email is sent: the admin passes the link
//! on, as with invitations). Either way every other session of the person ends, so a phone
//! left logged in somewhere is logged out.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::{new_id, random_token, sha256_hex};
use super::policy::{Action, require};
use super::rate_limit::{self, JOIN_PER_ADDRESS, LOGIN_PER_ACCOUNT};
use super::sessions::{self, NewSession};
use super::{accounts, audit, not_found, password, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::auth::{
    IssuedPasswordReset, Me, PasswordChange, PasswordChanged, PasswordReset,
};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// A reset link works for a day: long enough to reach someone on a shift, short enough that
/// a forwarded message does not open the account next month.
pub const RESET_VALID_MS: Millis = 24 * 60 * 60 * 1000;

#[derive(Deserialize)]
struct Stored {
    password_hash: String,
    other_sessions: u32,
}

/// Changes the actor's password once their current one checks out, and ends their other
/// sessions (this one stays). Wrong current passwords count like failed logins. The answer is
/// recorded under `key`: a retry after a lost answer gets it again.
pub async fn change_own<R: Runtime>(
    rt: &R,
    actor: &Actor,
    req: &PasswordChange,
    key: Option<&str>,
) -> Result<Created<PasswordChanged>, ApiError> {
    if req.current_password.is_empty() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "current_password",
            "Enter your current password.",
            "Masukkan kata sandi Anda saat ini.",
        ));
    }
    validate::password("new_password", &req.new_password)?;
    let limit_key = format!("password:account:{}", actor.id);
    rate_limit::check(rt, &[(&limit_key, LOGIN_PER_ACCOUNT)]).await?;
    let stored: Stored = rt
        .db()
        .first(stmt!(
            "SELECT password_hash,
                    (SELECT COUNT(*) FROM sessions WHERE user_id = u.id AND id != ?) AS other_sessions
             FROM users u WHERE id = ?",
            actor.session_id.as_str(),
            actor.id.as_str()
        ))
        .await?
        .ok_or_else(sessions::unauthenticated)?;
    if !password::verify(rt, &req.current_password, &stored.password_hash).await? {
        rate_limit::hit(rt, &limit_key, LOGIN_PER_ACCOUNT).await?;
        return Err(ApiError::field(
            ErrorCode::Validation,
            "current_password",
            "That is not your current password.",
            "Itu bukan kata sandi Anda saat ini.",
        ));
    }
    let hash = password::hash(rt, &req.new_password).await?;
    let changes = vec![
        stmt!(
            "UPDATE users SET password_hash = ? WHERE id = ?",
            hash,
            actor.id.as_str()
        ),
        stmt!(
            "DELETE FROM sessions WHERE user_id = ? AND id != ?",
            actor.id.as_str(),
            actor.session_id.as_str()
        ),
        stmt!("DELETE FROM rate_limits WHERE key = ?", limit_key),
    ];
    let answer = PasswordChanged {
        other_sessions_ended: stored.other_sessions,
    };
    Ok(
        match idempotency::commit(rt, &actor.id, key, changes, 200, &answer).await? {
            None => Created::New(answer),
            Some(first) => Created::Replay(first),
        },
    )
}

#[derive(Deserialize)]
struct Target {
    deactivated_at: Option<Millis>,
}

/// An admin issues a reset link for a colleague who forgot their password. Only the newest
/// link works: a retry issues a new one and the earlier stops working (the secret is stored
/// nowhere, so it is never replayed). Audited.
pub async fn issue_reset<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
) -> Result<IssuedPasswordReset, ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    if user_id == actor.id {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "Change your own password in Settings.",
            "Ubah kata sandi Anda sendiri di Pengaturan.",
        ));
    }
    let target: Target = rt
        .db()
        .first(stmt!(
            "SELECT deactivated_at FROM users WHERE id = ?",
            user_id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Person))?;
    if target.deactivated_at.is_some() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This person has been deactivated: reactivate them first.",
            "Orang ini sudah dinonaktifkan: aktifkan kembali terlebih dahulu.",
        ));
    }
    let token = random_token(rt, 32);
    let expires_at = rt.now() + RESET_VALID_MS;
    rt.db()
        .batch(vec![
            stmt!(
                "DELETE FROM password_resets WHERE user_id = ? AND used_at IS NULL",
                user_id
            ),
            stmt!(
                "INSERT INTO password_resets (id, user_id, secret_hash, created_by, created_at, expires_at)
                 VALUES (?, ?, ?, ?, ?, ?)",
                new_id(rt),
                user_id,
                sha256_hex(token.as_bytes()),
                actor.id.as_str(),
                rt.now(),
                expires_at
            ),
            audit::entry(rt, actor, "person.password_reset", Some(user_id), None),
        ])
        .await?;
    Ok(IssuedPasswordReset {
        link: format!("/reset/{token}"),
        expires_at,
    })
}

#[derive(Deserialize)]
struct ResetRow {
    id: String,
    user_id: String,
    expires_at: Millis,
    used_at: Option<Millis>,
    deactivated_at: Option<Millis>,
}

fn link_refused(en: &str, id: &str) -> ApiError {
    ApiError::field(ErrorCode::Validation, "token", en, id)
}

/// Sets a new password with a reset link, once: every session of the person ends and a new
/// one opens here. Wrong links count against the address, as wrong invitations do.
pub async fn reset<R: Runtime>(
    rt: &R,
    req: &PasswordReset,
    address: &str,
    user_agent: &str,
) -> Result<(Me, NewSession), ApiError> {
    let token = req.token.trim();
    if token.is_empty() || token.len() > 200 {
        return Err(link_refused(
            "Open the reset link your admin gave you.",
            "Buka tautan atur ulang yang diberikan admin Anda.",
        ));
    }
    validate::password("password", &req.password)?;
    let address_key = format!("reset:address:{address}");
    rate_limit::check(rt, &[(&address_key, JOIN_PER_ADDRESS)]).await?;
    let row: Option<ResetRow> = rt
        .db()
        .first(stmt!(
            "SELECT r.id, r.user_id, r.expires_at, r.used_at, u.deactivated_at
             FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.secret_hash = ?",
            sha256_hex(token.as_bytes())
        ))
        .await?;
    let Some(row) = row else {
        rate_limit::hit(rt, &address_key, JOIN_PER_ADDRESS).await?;
        return Err(link_refused(
            "This link is not valid, or a newer one was issued. Ask your admin for a new one.",
            "Tautan ini tidak valid, atau sudah ada yang lebih baru. Minta yang baru kepada admin Anda.",
        ));
    };
    if row.used_at.is_some() {
        return Err(link_refused(
            "This link has already been used. Log in, or ask your admin for a new one.",
            "Tautan ini sudah dipakai. Silakan masuk, atau minta yang baru kepada admin Anda.",
        ));
    }
    if row.expires_at <= rt.now() {
        return Err(link_refused(
            "This link has expired. Ask your admin for a new one.",
            "Tautan ini sudah kedaluwarsa. Minta yang baru kepada admin Anda.",
        ));
    }
    if row.deactivated_at.is_some() {
        return Err(accounts::deactivated());
    }
    let hash = password::hash(rt, &req.password).await?;
    let (session, open) = sessions::open(rt, &row.user_id, user_agent);
    rt.db()
        .batch(vec![
            // Only while the link is unused: a twin request that lost the race changes nothing.
            stmt!(
                "UPDATE users SET password_hash = ? WHERE id = ?
                   AND EXISTS (SELECT 1 FROM password_resets WHERE id = ? AND used_at IS NULL)",
                hash,
                row.user_id.as_str(),
                row.id.as_str()
            ),
            stmt!(
                "UPDATE password_resets SET used_at = ? WHERE id = ?",
                rt.now(),
                row.id.as_str()
            ),
            stmt!(
                "DELETE FROM sessions WHERE user_id = ?",
                row.user_id.as_str()
            ),
            open,
        ])
        .await?;
    Ok((accounts::me(rt, &row.user_id).await?, session))
}
