use crate::groups::GroupRef;
use crate::{Millis, Page};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub id: String,
    pub name: String,
    /// Deactivated: what they wrote stays, shown as by a former employee.
    pub former: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub id: String,
    pub author: Author,
    /// The group it was written in; `None` for the company feed.
    #[serde(default)]
    pub group: Option<GroupRef>,
    /// The markdown source, for editing: only in the detail view, and only for its author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Rendered on the server from `body` and sanitized; safe to insert as HTML.
    pub body_html: String,
    pub created_at: Millis,
    pub edited_at: Option<Millis>,
    pub like_count: i64,
    pub comment_count: i64,
    pub liked_by_me: bool,
    pub can_edit: bool,
    pub can_delete: bool,
    /// An announcement, pinned above the feed until then.
    #[serde(default)]
    pub announce_until: Option<Millis>,
    /// The place it is about ("at the Surabaya branch"), when the reader may see that place.
    #[serde(default)]
    pub place: Option<crate::places::PlaceRef>,
    /// An announcement everyone is asked to confirm having read (an order, a new rule).
    #[serde(default)]
    pub ack: Option<Ack>,
    /// Its photos' URLs, in the order they were posted (each readable by whoever may read the
    /// post, and never changing under its URL).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

/// Confirmations of an announcement that asks everyone to confirm having read it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ack {
    /// When I confirmed; `None` while I have not.
    pub mine: Option<Millis>,
    /// How many have confirmed.
    pub count: i64,
}

/// Who has not yet confirmed an announcement, by name (to its author, admins and
/// communications, who follow up), with the totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AckReport {
    /// Everyone asked: the people active now.
    pub asked: i64,
    pub confirmed: i64,
    pub pending: Page<Author>,
    /// When those who had not confirmed were last reminded.
    #[serde(default)]
    pub reminded_at: Option<Millis>,
}

/// Those who had not confirmed were reminded (a notification each), at `at`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AckReminder {
    pub at: Millis,
    /// How many had not confirmed.
    pub pending: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: String,
    pub author: Author,
    /// The markdown source, for editing: only for its author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub body_html: String,
    pub created_at: Millis,
    #[serde(default)]
    pub edited_at: Option<Millis>,
    #[serde(default)]
    pub can_edit: bool,
    pub can_delete: bool,
}

/// The id of a comment's element in its thread: `/p/<post>#c-<comment>` (or an idea's) opens
/// the thread at it. (The service worker's `link` in public/sw.js writes it too.)
pub fn comment_anchor(comment_id: &str) -> String {
    format!("c-{comment_id}")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostDetail {
    pub post: Post,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewPost {
    pub body: String,
    /// Post into this group (the author must be a member); `None` for the company feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Admins: announce to the whole company, pinned until then (within 90 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announce_until: Option<Millis>,
    /// The place it is about (one the author may see).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_id: Option<String>,
    /// With `announce_until`: ask everyone to confirm they have read it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ack_required: bool,
    /// Photos, each a JPEG, PNG or WebP image as base64 (at most `POST_PHOTOS_MAX`). Sent with
    /// the text in one write, so a queued post keeps them and a retry stores them once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewComment {
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LikeState {
    pub liked: bool,
    pub like_count: i64,
}

/// What one follows: a person (by id), a group (by id) or a tag (without `#`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowKind {
    Person,
    Group,
    Tag,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Follow {
    pub kind: FollowKind,
    pub target: String,
    /// For groups: notify me of each new post.
    #[serde(default)]
    pub notify: bool,
}

/// One thing in the list of what a person follows (`GET /api/follows`, paged by kind, then
/// target), named so the list can be read and tidied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followed {
    pub kind: FollowKind,
    pub target: String,
    /// The person's or the group's name, the tag for a tag; `None` for a group the reader may
    /// no longer know of (a secret one they are not in).
    pub name: Option<String>,
    /// A person who has left the company.
    #[serde(default)]
    pub former: bool,
    /// For groups: with a notification of each new post.
    pub notify: bool,
}

/// Whether the reader follows something, sent with what they may follow (a person found by
/// search, a group's page) so its follow button shows at once, without asking for all follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct FollowState {
    pub following: bool,
    /// For groups: with a notification of each new post.
    pub notify: bool,
}

/// A named feed filter kept for its owner: `query` is what the feed takes after `?`
/// (`filter=following`, `filter=mine`, `tag=<tag>` or `group=<id>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFilter {
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub query: String,
}
