//! API tokens for outside systems. An admin issues one for a named system; only its SHA-256 is
//! stored. A token acts with the rights of the admin who issued it (so it stops working when
//! they leave or lose those rights), within its scope, and every use is named in what it did.

use super::actor::{Actor, GrantFlags, parse_role};
use super::ids::{new_id, random_token, sha256_hex};
use super::policy::{Action, require};
use super::{audit, not_found, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::feed::Author;
use balai_protocol::integrations::{ApiToken, IssuedApiToken};
use balai_protocol::limits::TOKEN_NAME_MAX_CHARS;
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// The one scope so far: set ideas' status.
pub const IDEAS_STATUS: &str = "ideas:status";
/// Tokens look like `balai_<64 hex>`, so a leaked one is recognisable in logs and scanners.
const PREFIX: &str = "balai_";

#[derive(Deserialize)]
struct TokenRow {
    id: String,
    name: String,
    scope: String,
    created_by: String,
    creator_name: String,
    creator_left: Option<Millis>,
    created_at: Millis,
    last_used_at: Option<Millis>,
    revoked_at: Option<Millis>,
}

impl From<TokenRow> for ApiToken {
    fn from(r: TokenRow) -> Self {
        ApiToken {
            id: r.id,
            name: r.name,
            scope: r.scope,
            created_by: Author {
                id: r.created_by,
                name: r.creator_name,
                former: r.creator_left.is_some(),
            },
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked: r.revoked_at.is_some(),
        }
    }
}

/// The columns a token listing selects, then `$rest`.
macro_rules! token_select {
    ($rest:literal) => {
        concat!(
            "SELECT t.id, t.name, t.scope, t.created_by, u.name AS creator_name,
                    u.deactivated_at AS creator_left, t.created_at, t.last_used_at, t.revoked_at
             FROM api_tokens t JOIN users u ON u.id = t.created_by ",
            $rest
        )
    };
}

/// Every token, newest first. Admins only.
pub async fn list<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<ApiToken>, ApiError> {
    require(actor, Action::ManageIntegrations)?;
    let rows: Vec<TokenRow> = rt
        .db()
        .all(stmt!(token_select!(
            "ORDER BY t.created_at DESC, t.id DESC"
        )))
        .await?;
    Ok(rows.into_iter().map(ApiToken::from).collect())
}

/// Issues a token for the system `name`, with the `ideas:status` scope; the secret is in the
/// answer only. Admins only; audited.
pub async fn issue<R: Runtime>(
    rt: &R,
    actor: &Actor,
    name: &str,
) -> Result<IssuedApiToken, ApiError> {
    require(actor, Action::ManageIntegrations)?;
    let name = validate::text("name", name, TOKEN_NAME_MAX_CHARS)?;
    let secret = format!("{PREFIX}{}", random_token(rt, 32));
    let token = ApiToken {
        id: new_id(rt),
        name,
        scope: IDEAS_STATUS.into(),
        created_by: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        created_at: rt.now(),
        last_used_at: None,
        revoked: false,
    };
    rt.db()
        .batch(vec![
            stmt!(
                "INSERT INTO api_tokens (id, name, token_hash, scope, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                token.id.as_str(),
                token.name.as_str(),
                sha256_hex(secret.as_bytes()),
                IDEAS_STATUS,
                actor.id.as_str(),
                token.created_at
            ),
            audit::entry(rt, actor, "api_token.issue", Some(&token.id), Some(&token.name)),
        ])
        .await?;
    Ok(IssuedApiToken { token, secret })
}

/// Revokes a token: its next request is refused. Admins only; audited; revoking twice is fine.
pub async fn revoke<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<(), ApiError> {
    require(actor, Action::ManageIntegrations)?;
    validate::id(id, Thing::Token)?;
    let found: Option<TokenRow> = rt
        .db()
        .first(stmt!(token_select!("WHERE t.id = ?"), id))
        .await?;
    let token = found.ok_or_else(|| not_found(Thing::Token))?;
    if token.revoked_at.is_some() {
        return Ok(());
    }
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                rt.now(),
                id
            ),
            audit::entry(rt, actor, "api_token.revoke", Some(id), Some(&token.name)),
        ])
        .await?;
    Ok(())
}

/// What a valid bearer token stands for: its issuer (acting) and its name (for the record).
pub struct TokenUse {
    pub actor: Actor,
    pub name: String,
    pub id: String,
}

/// Resolves `Authorization: Bearer <token>` for `scope`: 401 for a missing, unknown or revoked
/// token or one whose issuer has left; 403 for a token of another scope.
pub async fn authenticate<R: Runtime>(
    rt: &R,
    authorization: Option<&str>,
    scope: &str,
) -> Result<TokenUse, ApiError> {
    let refused = || {
        ApiError::new(
            ErrorCode::Unauthenticated,
            "A valid API token is needed.",
            "Diperlukan token API yang valid.",
        )
    };
    let secret = authorization
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|s| s.starts_with(PREFIX) && s.len() == PREFIX.len() + 64)
        .ok_or_else(refused)?;
    #[derive(Deserialize)]
    struct Row {
        token_id: String,
        token_name: String,
        scope: String,
        id: String,
        name: String,
        email: String,
        role: String,
        #[serde(flatten)]
        grants: GrantFlags,
    }
    let row: Row = rt
        .db()
        .first(stmt!(
            concat!(
                "SELECT t.id AS token_id, t.name AS token_name, t.scope, u.id, u.name, u.email, u.role, ",
                grant_columns!(),
                " FROM api_tokens t JOIN users u ON u.id = t.created_by
                 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.deactivated_at IS NULL"
            ),
            sha256_hex(secret.as_bytes())
        ))
        .await?
        .ok_or_else(refused)?;
    if row.scope != scope {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "This token may not do that.",
            "Token ini tidak boleh melakukan itu.",
        ));
    }
    rt.db()
        .run(stmt!(
            "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
            rt.now(),
            row.token_id.as_str()
        ))
        .await?;
    Ok(TokenUse {
        actor: Actor {
            id: row.id,
            name: row.name,
            email: row.email,
            role: parse_role(&row.role),
            session_id: String::new(),
            grants: row.grants.into(),
        },
        name: row.token_name,
        id: row.token_id,
    })
}
