//! Getting in: an admin invites by email (a link to pass on) or issues a one-time access code
//! for staff without corporate email. Only the secret's hash is stored.

use super::actor::{Actor, parse_role, role_str};
use super::idempotency::{self, Created};
use super::ids::{access_code, new_id, normalize_code, random_token, sha256_hex};
use super::policy::{Action, require};
use super::rate_limit::{self, JOIN_PER_ADDRESS};
use super::sessions::{self, NewSession};
use super::work_pages::import::{InvitedProfile, apply_on_join};
use super::{accounts, audit, password, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, DbError};
use balai_protocol::auth::{AcceptInviteRequest, Me};
use balai_protocol::limits::NAME_MAX_CHARS;
use balai_protocol::people::{InviteKind, InviteRequest, IssuedInvite, PendingInvite};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

pub const LINK_VALID_MS: Millis = 7 * 24 * 60 * 60 * 1000;
pub const CODE_VALID_MS: Millis = 3 * 24 * 60 * 60 * 1000;

/// Either the new invite, or the first answer to a retried request with the same key.
pub async fn invite_by_email<R: Runtime>(
    rt: &R,
    actor: &Actor,
    req: &InviteRequest,
    key: Option<&str>,
) -> Result<Created<IssuedInvite>, ApiError> {
    require(actor, Action::ManagePeople)?;
    let email = validate::email("email", &req.email)?;
    let taken = rt
        .db()
        .first::<serde::de::IgnoredAny>(stmt!(
            "SELECT 1 AS found FROM users WHERE email = ?",
            email.as_str()
        ))
        .await?;
    if taken.is_some() {
        return Err(ApiError::field(
            ErrorCode::Conflict,
            "email",
            "Someone with this email is already in Balai.",
            "Seseorang dengan email ini sudah ada di Balai.",
        ));
    }
    let token = random_token(rt, 32);
    let issued = IssuedInvite {
        id: new_id(rt),
        email: Some(email.clone()),
        link: Some(format!("/invite/{token}")),
        code: None,
        expires_at: rt.now() + LINK_VALID_MS,
    };
    issue(rt, actor, &issued, InviteKind::Link, &token, req.role, key).await
}

pub async fn issue_access_code<R: Runtime>(
    rt: &R,
    actor: &Actor,
    role: balai_protocol::auth::Role,
    key: Option<&str>,
) -> Result<Created<IssuedInvite>, ApiError> {
    require(actor, Action::ManagePeople)?;
    let code = access_code(rt);
    let issued = IssuedInvite {
        id: new_id(rt),
        email: None,
        link: None,
        code: Some(code.clone()),
        expires_at: rt.now() + CODE_VALID_MS,
    };
    issue(
        rt,
        actor,
        &issued,
        InviteKind::Code,
        &normalize_code(&code),
        role,
        key,
    )
    .await
}

async fn issue<R: Runtime>(
    rt: &R,
    actor: &Actor,
    issued: &IssuedInvite,
    kind: InviteKind,
    secret: &str,
    role: balai_protocol::auth::Role,
    key: Option<&str>,
) -> Result<Created<IssuedInvite>, ApiError> {
    let kind_str = match kind {
        InviteKind::Link => "link",
        InviteKind::Code => "code",
    };
    let stmts = vec![
        stmt!(
            "INSERT INTO invites (id, kind, email, role, secret_hash, created_by, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            issued.id.as_str(),
            kind_str,
            issued.email.clone(),
            role_str(role),
            sha256_hex(secret.as_bytes()),
            actor.id.as_str(),
            rt.now(),
            issued.expires_at
        ),
        audit::entry(rt, actor, &format!("invite.{kind_str}"), Some(&issued.id), issued.email.as_deref()),
    ];
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, issued).await? {
            None => Created::New(issued.clone()),
            Some(first) => Created::Replay(first),
        },
    )
}

#[derive(Deserialize)]
struct PendingRow {
    id: String,
    email: Option<String>,
    kind: String,
    role: String,
    created_at: Millis,
    expires_at: Millis,
}

/// Invites and codes not yet used, revoked or expired, newest first.
pub async fn pending<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<PendingInvite>, ApiError> {
    require(actor, Action::ManagePeople)?;
    let rows: Vec<PendingRow> = rt
        .db()
        .all(stmt!(
            "SELECT id, email, kind, role, created_at, expires_at FROM invites
             WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
             ORDER BY created_at DESC LIMIT 200",
            rt.now()
        ))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PendingInvite {
            kind: if r.kind == "code" {
                InviteKind::Code
            } else {
                InviteKind::Link
            },
            role: parse_role(&r.role),
            id: r.id,
            email: r.email,
            created_at: r.created_at,
            expires_at: r.expires_at,
        })
        .collect())
}

pub async fn revoke<R: Runtime>(rt: &R, actor: &Actor, invite_id: &str) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(invite_id, Thing::Invitation)?;
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                rt.now(),
                invite_id
            ),
            audit::entry(rt, actor, "invite.revoke", Some(invite_id), None),
        ])
        .await?;
    Ok(())
}

#[derive(Deserialize)]
struct InviteRow {
    id: String,
    kind: String,
    email: Option<String>,
    role: String,
    expires_at: Millis,
    used_at: Option<Millis>,
    revoked_at: Option<Millis>,
    /// From an HR import: the official fields the person gets on joining.
    profile: Option<String>,
}

fn invite_invalid(en: &str, id: &str) -> ApiError {
    ApiError::new(ErrorCode::InviteInvalid, en, id)
}

/// Accepts an invite link or access code: creates the person and logs them in, atomically.
pub async fn accept<R: Runtime>(
    rt: &R,
    req: &AcceptInviteRequest,
    address: &str,
    user_agent: &str,
) -> Result<(Me, NewSession), ApiError> {
    let secret = match (&req.token, &req.code) {
        (Some(t), None) if !t.is_empty() => t.trim().to_string(),
        (None, Some(c)) if !c.is_empty() => normalize_code(c),
        _ => {
            return Err(ApiError::field(
                ErrorCode::Validation,
                "code",
                "Enter the invitation link or the access code you were given.",
                "Masukkan tautan undangan atau kode akses yang Anda terima.",
            ));
        }
    };
    let name = validate::text("name", &req.name, NAME_MAX_CHARS)?;
    validate::password("password", &req.password)?;
    let address_key = format!("join:address:{address}");
    rate_limit::check(rt, &[(&address_key, JOIN_PER_ADDRESS)]).await?;
    let row: Option<InviteRow> = rt
        .db()
        .first(stmt!(
            "SELECT id, kind, email, role, expires_at, used_at, revoked_at, profile FROM invites WHERE secret_hash = ?",
            sha256_hex(secret.as_bytes())
        ))
        .await?;
    let Some(invite) = row else {
        rate_limit::hit(rt, &address_key, JOIN_PER_ADDRESS).await?;
        return Err(invite_invalid(
            "This invitation or code is not valid. Check it, or ask your admin for a new one.",
            "Undangan atau kode ini tidak valid. Periksa lagi, atau minta yang baru kepada admin Anda.",
        ));
    };
    if invite.used_at.is_some() {
        return Err(invite_invalid(
            "This invitation has already been used. Log in instead.",
            "Undangan ini sudah dipakai. Silakan masuk.",
        ));
    }
    if invite.revoked_at.is_some() {
        return Err(invite_invalid(
            "This invitation was withdrawn. Ask your admin for a new one.",
            "Undangan ini sudah ditarik. Minta yang baru kepada admin Anda.",
        ));
    }
    if invite.expires_at <= rt.now() {
        return Err(invite_invalid(
            "This invitation has expired. Ask your admin for a new one.",
            "Undangan ini sudah kedaluwarsa. Minta yang baru kepada admin Anda.",
        ));
    }
    let login = match (invite.kind.as_str(), &invite.email) {
        ("link", Some(email)) => email.clone(),
        _ => validate::login("login", req.login.as_deref().unwrap_or_default())?,
    };
    let user_id = new_id(rt);
    let hash = password::hash(rt, &req.password).await?;
    let insert_user = stmt!(
        "INSERT INTO users (id, email, name, role, password_hash, invite_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        user_id.as_str(),
        login,
        name,
        invite.role.as_str(),
        hash,
        invite.id.as_str(),
        rt.now()
    );
    let claim = stmt!(
        "UPDATE invites SET used_at = ?, used_by = ? WHERE id = ?",
        rt.now(),
        user_id.as_str(),
        invite.id.as_str()
    );
    let (session, open) = sessions::open(rt, &user_id, user_agent);
    // users.invite_id is UNIQUE: if a twin request claimed this invite first, the whole batch
    // fails and nothing is created.
    let mut stmts = vec![insert_user, claim, open];
    if let Some(profile) = invite
        .profile
        .as_deref()
        .and_then(|p| serde_json::from_str::<InvitedProfile>(p).ok())
    {
        stmts.push(apply_on_join(&user_id, &profile));
    }
    match rt.db().batch(stmts).await {
        Ok(_) => {}
        Err(DbError::Constraint(m)) if m.contains("users.email") => {
            return Err(accounts::login_taken());
        }
        Err(DbError::Constraint(_)) => {
            return Err(invite_invalid(
                "This invitation has already been used. Log in instead.",
                "Undangan ini sudah dipakai. Silakan masuk.",
            ));
        }
        Err(e) => return Err(e.into()),
    }
    Ok((accounts::me(rt, &user_id).await?, session))
}
