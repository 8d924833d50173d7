//! The authenticated person making a request, as resolved from their session.

use balai_protocol::auth::Role;

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub session_id: String,
    /// Granted 'communications': may announce without being an admin.
    pub communications: bool,
    /// Granted 'places': edits the company map without being an admin.
    pub place_editor: bool,
    /// Granted 'ideas': reviews ideas without being an admin.
    pub idea_reviewer: bool,
}

impl Actor {
    /// `1` for an admin, else `0`: the admin flag that visibility SQL binds.
    pub fn admin_flag(&self) -> i64 {
        i64::from(self.role == Role::Admin)
    }

    /// `1` when the actor edits the map (admin or granted 'places'): the flag `place_visible!` binds.
    pub fn place_editor_flag(&self) -> i64 {
        i64::from(super::policy::may_edit_places(self))
    }
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
