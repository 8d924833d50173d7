//! Ideas: an employee proposes, colleagues vote, reviewers decide in the open.

use crate::Millis;
use crate::feed::{Author, Comment};
use crate::people::Department;
use crate::places::PlaceRef;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaStatus {
    New,
    UnderReview,
    Accepted,
    InProgress,
    Implemented,
    Declined,
}

impl IdeaStatus {
    pub const ALL: [IdeaStatus; 6] = [
        IdeaStatus::New,
        IdeaStatus::UnderReview,
        IdeaStatus::Accepted,
        IdeaStatus::InProgress,
        IdeaStatus::Implemented,
        IdeaStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaStatus::New => "new",
            IdeaStatus::UnderReview => "under_review",
            IdeaStatus::Accepted => "accepted",
            IdeaStatus::InProgress => "in_progress",
            IdeaStatus::Implemented => "implemented",
            IdeaStatus::Declined => "declined",
        }
    }

    /// The workflow: new → under review → accepted → in progress → implemented; any open idea
    /// may be declined (with a reason), and a declined one reopened for review.
    pub fn may_become(self, next: IdeaStatus) -> bool {
        use IdeaStatus::*;
        matches!(
            (self, next),
            (New, UnderReview)
                | (UnderReview, Accepted)
                | (Accepted, InProgress)
                | (InProgress, Implemented)
                | (New | UnderReview | Accepted | InProgress, Declined)
                | (Declined, UnderReview)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaCategory {
    Process,
    Product,
    Customer,
    Workplace,
    Safety,
    Cost,
    Other,
}

impl IdeaCategory {
    pub const ALL: [IdeaCategory; 7] = [
        IdeaCategory::Process,
        IdeaCategory::Product,
        IdeaCategory::Customer,
        IdeaCategory::Workplace,
        IdeaCategory::Safety,
        IdeaCategory::Cost,
        IdeaCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaCategory::Process => "process",
            IdeaCategory::Product => "product",
            IdeaCategory::Customer => "customer",
            IdeaCategory::Workplace => "workplace",
            IdeaCategory::Safety => "safety",
            IdeaCategory::Cost => "cost",
            IdeaCategory::Other => "other",
        }
    }
}

/// How a list of ideas is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    /// Most votes first.
    Top,
    Newest,
    /// Most votes in the last seven days first.
    Trending,
}

/// Submitting or (while it is new) editing an idea.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewIdea {
    pub title: String,
    /// Markdown, rendered and sanitized as posts are.
    pub body: String,
    pub category: IdeaCategory,
    /// The department it concerns, if any.
    #[serde(default)]
    pub department_id: Option<String>,
    /// The place on the map it concerns, if any (one the author can see).
    #[serde(default)]
    pub place_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    pub id: String,
    pub title: String,
    /// The markdown source, for its author's edits (only while the idea is new).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub body_html: String,
    pub category: IdeaCategory,
    pub department: Option<Department>,
    /// Shown only to readers who may see the place.
    pub place: Option<PlaceRef>,
    pub author: Author,
    pub status: IdeaStatus,
    pub decline_reason: Option<String>,
    pub vote_count: i64,
    pub comment_count: i64,
    pub voted_by_me: bool,
    /// The reader is its author and it is still new.
    pub can_edit: bool,
    /// The reader reviews ideas (admin, or granted 'ideas').
    pub can_review: bool,
    pub created_at: Millis,
    pub updated_at: Millis,
    /// A duplicate: the original it was merged into (its votes went there).
    #[serde(default)]
    pub merged_into: Option<IdeaRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaRef {
    pub id: String,
    pub title: String,
}

/// A reviewer merges a duplicate into the original.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Merge {
    pub into: String,
}

/// A status change, as the idea's history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub from: IdeaStatus,
    pub to: IdeaStatus,
    pub actor: Author,
    pub note: Option<String>,
    /// Made by an outside system through its API token: the token's name.
    #[serde(default)]
    pub via: Option<String>,
    /// A merge, on the duplicate: the original it was merged into.
    #[serde(default)]
    pub merged_into: Option<IdeaRef>,
    /// A merge, on the original: the duplicate merged into it.
    #[serde(default)]
    pub merged_from: Option<IdeaRef>,
    pub at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaDetail {
    pub idea: Idea,
    pub history: Vec<HistoryEntry>,
    pub comments: Vec<Comment>,
    pub thanks: Vec<Thanks>,
    /// The reader may thank the author (a reviewer or admin who has not yet, and not the author).
    pub can_thank: bool,
}

/// A reviewer or leader thanks an idea's author.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewThanks {
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thanks {
    pub from: Author,
    pub note: String,
    pub at: Millis,
}

/// What a person has given the company in ideas, as their profile shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Contributions {
    pub ideas_submitted: i64,
    pub ideas_implemented: i64,
    pub thanks_received: i64,
}

/// A reviewer moves an idea along; declining needs a reason.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: IdeaStatus,
    #[serde(default)]
    pub reason: Option<String>,
}

/// After a vote or its retraction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct VoteState {
    pub voted: bool,
    pub vote_count: i64,
}

#[cfg(test)]
mod tests {
    use super::IdeaStatus::*;

    #[test]
    fn the_workflow_moves_forward_or_declines() {
        assert!(New.may_become(UnderReview));
        assert!(!New.may_become(Accepted), "review comes first");
        assert!(!Implemented.may_become(Declined), "done is done");
        assert!(Declined.may_become(UnderReview));
        assert!(!InProgress.may_become(New));
    }
}
