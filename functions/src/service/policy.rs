//! Who may do what: one table, checked by services and tested as a role × action matrix.
//! New roles (moderator, guest) are new match arms here, not checks scattered through services.

use super::actor::Actor;
use balai_protocol::auth::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ReadFeed,
    CreatePost,
    Comment,
    Like,
    EditOwnContent,
    DeleteOwnContent,
    DeleteAnyContent,
    ManagePeople,
    /// Publish company-wide announcements (a "communications" role would get this too).
    Announce,
    /// Create, edit and archive places; decide on suggested corrections (a "places" grant too).
    EditPlaces,
    /// Add map categories.
    ManagePlaceCategories,
    /// Move ideas through their workflow (an "ideas" grant too).
    ReviewIdeas,
    /// Open round tables (moderating their questions is `may_moderate`).
    RunRoundTables,
    /// Issue and revoke API tokens for outside systems.
    ManageIntegrations,
}

/// Whether `role` may do `action` (for own-content actions the caller also checks ownership).
pub fn allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Admin => true,
        Role::Member => !matches!(
            action,
            DeleteAnyContent
                | ManagePeople
                | Announce
                | EditPlaces
                | ManagePlaceCategories
                | ReviewIdeas
                | RunRoundTables
                | ManageIntegrations
        ),
    }
}

/// Whether `actor` may edit content written by `author_id`: only its author.
pub fn may_edit(actor: &Actor, author_id: &str) -> bool {
    actor.id == author_id && allows(actor.role, Action::EditOwnContent)
}

/// Whether `actor` may delete content written by `author_id`: its author, or a moderator.
pub fn may_delete(actor: &Actor, author_id: &str) -> bool {
    (actor.id == author_id && allows(actor.role, Action::DeleteOwnContent)) || may_moderate(actor)
}

/// Whether `actor` edits people's official fields and absences: admins, and those granted 'hr'.
pub fn may_manage_staff(actor: &Actor) -> bool {
    allows(actor.role, Action::ManagePeople) || actor.grants.hr
}

/// Whether `actor` moderates (deletes anyone's content, hides and merges round-table
/// questions): admins, and those granted 'moderation'.
pub fn may_moderate(actor: &Actor) -> bool {
    allows(actor.role, Action::DeleteAnyContent) || actor.grants.moderator
}

/// Whether `actor` may publish announcements: admins, and those granted 'communications'.
pub fn may_announce(actor: &Actor) -> bool {
    allows(actor.role, Action::Announce) || actor.grants.communications
}

/// Whether `actor` edits the map: admins, and those granted 'places'.
pub fn may_edit_places(actor: &Actor) -> bool {
    allows(actor.role, Action::EditPlaces) || actor.grants.place_editor
}

/// Whether `actor` reviews ideas: admins, and those granted 'ideas'.
pub fn may_review_ideas(actor: &Actor) -> bool {
    allows(actor.role, Action::ReviewIdeas) || actor.grants.idea_reviewer
}

pub fn require(actor: &Actor, action: Action) -> Result<(), balai_protocol::ApiError> {
    if allows(actor.role, action) {
        Ok(())
    } else {
        Err(super::forbidden())
    }
}
