//! Groups: where teams, branches and interests talk. Visibility decides who may see a group
//! and its posts; roles decide who runs it.

use crate::Millis;
use crate::feed::{Author, FollowState};
use serde::{Deserialize, Serialize};

/// Who may see a group and read its posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone may read and join.
    Open,
    /// Anyone may see that it exists and ask to join; only members read its posts.
    Closed,
    /// Only members know it exists; people join by invitation.
    Secret,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Project,
    Branch,
    Department,
    Interest,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    Owner,
    Manager,
    Member,
}

/// Where a person stands with a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberState {
    Active,
    /// Asked to join a closed group; a manager approves or declines.
    Requested,
    /// A manager invited them; joining accepts.
    Invited,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: Category,
    pub tags: Vec<String>,
    pub visibility: Visibility,
    pub member_count: i64,
    pub pinned_post_id: Option<String>,
    /// The reader's membership, if any.
    pub my_role: Option<GroupRole>,
    pub my_state: Option<MemberState>,
    /// Whether the reader may approve, invite, remove and pin.
    pub can_manage: bool,
    /// Whether the reader may read (and, if a member, write) its posts.
    pub can_read: bool,
    /// The owner or manager who is away today with the reader as their deputy, when that is
    /// why the reader may answer the group's join requests.
    #[serde(default)]
    pub covering_for: Option<Author>,
    /// Whether the reader follows the group (and with notifications of its new posts); sent
    /// with a single group, not in lists.
    #[serde(default)]
    pub follow: Option<FollowState>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewGroup {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub category: Category,
    #[serde(default)]
    pub tags: Vec<String>,
    pub visibility: Visibility,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub person: Author,
    pub role: GroupRole,
    pub state: MemberState,
    pub since: Millis,
}

/// A manager invites a person (`POST /api/groups/{id}/members`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteMember {
    pub user_id: String,
}

/// An owner gives a member a role (`PUT /api/groups/{id}/members/{user}/role`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SetRole {
    pub role: GroupRole,
}

/// A manager pins one of the group's posts, or unpins with `None`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pin {
    pub post_id: Option<String>,
}

/// The group a post was written in, shown on the post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupRef {
    pub id: String,
    pub name: String,
}
