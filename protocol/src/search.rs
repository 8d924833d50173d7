//! One search box over posts, comments, people, groups and tags. Matched words come back
//! wrapped in `<mark>` inside otherwise escaped text (`*_html` fields are safe to insert).

use crate::Millis;
use crate::feed::{Author, FollowState};
use crate::groups::{GroupRef, Visibility};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Posts,
    Comments,
    People,
    Groups,
    Tags,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostHit {
    pub id: String,
    pub author: Author,
    pub group: Option<GroupRef>,
    pub snippet_html: String,
    pub created_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentHit {
    pub id: String,
    pub post_id: String,
    pub author: Author,
    pub snippet_html: String,
    pub created_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonHit {
    pub id: String,
    pub name_html: String,
    /// Their position ("" when none), the matching words marked like the name's.
    pub position_html: String,
    /// Their competencies, when the matching words are among them.
    pub competencies_html: Option<String>,
    pub email: String,
    pub former: bool,
    /// Whether the searcher follows them.
    #[serde(default)]
    pub follow: FollowState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupHit {
    pub id: String,
    pub name_html: String,
    pub visibility: Visibility,
    pub member_count: i64,
}

/// Results grouped by kind, best first (newest first among equals). Without `kind` in the
/// request, a few of each; with it, a page of that kind and `next_cursor`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchResults {
    pub posts: Vec<PostHit>,
    pub comments: Vec<CommentHit>,
    pub people: Vec<PersonHit>,
    pub groups: Vec<GroupHit>,
    pub tags: Vec<String>,
    pub next_cursor: Option<String>,
}
