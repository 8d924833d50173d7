//! The authenticated person making a request, as resolved from their session.

use balai_protocol::auth::Role;
use balai_protocol::people::Grants;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub session_id: String,
    /// Capabilities granted on top of the role (see `policy`).
    pub grants: Grants,
}

/// The 0/1 columns `grant_columns!` selects, flattened into a row.
#[derive(Deserialize)]
pub struct GrantFlags {
    communications: i64,
    place_editor: i64,
    idea_reviewer: i64,
    moderator: i64,
    hr: i64,
}

impl From<GrantFlags> for Grants {
    fn from(f: GrantFlags) -> Self {
        Grants {
            communications: f.communications != 0,
            place_editor: f.place_editor != 0,
            idea_reviewer: f.idea_reviewer != 0,
            moderator: f.moderator != 0,
            hr: f.hr != 0,
        }
    }
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
