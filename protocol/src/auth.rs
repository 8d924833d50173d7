use crate::Millis;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Member,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// Accepting an invite link (`token`) or a one-time access code (`code`): exactly one is set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcceptInviteRequest {
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    /// Required for access codes (staff without corporate email log in with it); invites carry it.
    #[serde(default)]
    pub login: Option<String>,
    pub name: String,
    pub password: String,
}

/// Changing one's own password: the current one proves it is really them, not someone at an
/// unlocked phone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// The answer to a password change (recorded, so a retry after a lost answer gets it again
/// instead of "that is not your current password").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PasswordChanged {
    /// How many of the person's other sessions (devices) were logged out.
    pub other_sessions_ended: u32,
}

/// A one-time link an admin passes on to someone who forgot their password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedPasswordReset {
    /// `/reset/<token>`: the token is in this answer only.
    pub link: String,
    pub expires_at: Millis,
}

/// Choosing a new password with a reset link's token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordReset {
    pub token: String,
    pub password: String,
}

/// Creating the very first admin of a real deployment with the one-time setup secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SetupRequest {
    pub secret: String,
    pub email: String,
    pub name: String,
    pub password: String,
}

/// Who is logged in; returned by login and `GET /api/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub department: Option<String>,
    pub branch: Option<String>,
    /// What was granted on top of the role (admins may do all of it anyway).
    pub grants: crate::people::Grants,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: String,
    pub created_at: Millis,
    pub last_seen_at: Millis,
    pub user_agent: String,
    pub current: bool,
}
