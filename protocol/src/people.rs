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
    pub grants: Grants,
}

/// The capabilities granted on top of a person's role (admins may do all of it anyway).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grants {
    /// 'communications': may publish company announcements.
    pub communications: bool,
    /// 'places': edits the company map and decides on corrections.
    pub place_editor: bool,
    /// 'ideas': reviews ideas.
    pub idea_reviewer: bool,
    /// 'moderation': hides and merges round-table questions, deletes anyone's posts and comments.
    pub moderator: bool,
}

/// A right granted on top of a person's role (`PUT /api/people/:id/grants/:capability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Publish company-wide announcements.
    Communications,
    /// Create, edit and archive places on the map; accept or reject suggested corrections.
    Places,
    /// Review ideas: move them through the workflow.
    Ideas,
    /// Moderate: hide and merge round-table questions, delete anyone's posts and comments.
    Moderation,
}

impl Capability {
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::Communications => "communications",
            Capability::Places => "places",
            Capability::Ideas => "ideas",
            Capability::Moderation => "moderation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "communications" => Some(Capability::Communications),
            "places" => Some(Capability::Places),
            "ideas" => Some(Capability::Ideas),
            "moderation" => Some(Capability::Moderation),
            _ => None,
        }
    }
}

/// An admin grants or withdraws a capability.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grant {
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

/// A department, as forms offer it (the map's audiences; later, people's pages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub name: String,
}

/// A person's page as colleagues see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub email: String,
    pub department: Option<String>,
    pub branch: Option<String>,
    /// Offboarded: the page and what they wrote stay, marked as a former employee's.
    pub former: bool,
    pub contributions: crate::ideas::Contributions,
    /// Thanks they received for their ideas, newest first.
    pub recognition: Vec<Recognition>,
}

/// One thank-you, with the idea it was for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    pub idea: crate::ideas::IdeaRef,
    pub thanks: crate::ideas::Thanks,
}
