//! Outside systems: API tokens with which, for example, the innovation tracker sets ideas'
//! status (`POST /api/integrations/ideas/:id/status` with `Authorization: Bearer <token>`).

use crate::Millis;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

/// An admin names the system a token is for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewApiToken {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    /// What it may do; for now only `ideas:status`.
    pub scope: String,
    /// The admin who issued it: the token acts with their rights, and stops when they leave.
    pub created_by: Author,
    pub created_at: Millis,
    pub last_used_at: Option<Millis>,
    pub revoked: bool,
}

/// A token right after it was issued: the secret is shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedApiToken {
    pub token: ApiToken,
    pub secret: String,
}
