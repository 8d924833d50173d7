//! The authenticated person making a request, as resolved from their session.

use balai_protocol::auth::Role;

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub session_id: String,
}

pub fn parse_role(s: &str) -> Role {
    match s {
        "admin" => Role::Admin,
        _ => Role::Member,
    }
}

pub fn role_str(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Member => "member",
    }
}
