use crate::Millis;
use crate::auth::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub department: Option<String>,
    pub branch: Option<String>,
    pub active: bool,
    pub created_at: Millis,
    /// Granted the communications capability: may publish announcements.
    #[serde(default)]
    pub communications: bool,
}

/// An admin grants or withdraws the communications capability.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Communications {
    pub enabled: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteRequest {
    pub email: String,
    #[serde(default = "member")]
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessCodeRequest {
    #[serde(default = "member")]
    pub role: Role,
}

fn member() -> Role {
    Role::Member
}

/// An invitation as the admin sees it right after creating it: the secret is shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedInvite {
    pub id: String,
    pub email: Option<String>,
    /// Relative link for an email invite (`/invite/<token>`), to pass on.
    pub link: Option<String>,
    /// One-time access code for staff without corporate email.
    pub code: Option<String>,
    pub expires_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingInvite {
    pub id: String,
    pub email: Option<String>,
    pub kind: InviteKind,
    pub role: Role,
    pub created_at: Millis,
    pub expires_at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteKind {
    Link,
    Code,
}
