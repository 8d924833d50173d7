//! Reports: a colleague flags a post or comment that breaks the company's rules, and those who
//! moderate decide, from one queue, whether it stays or goes.

use crate::Millis;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

/// What can be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportTarget {
    Post,
    /// A comment under a post.
    Comment,
    /// A comment in an idea's discussion.
    IdeaComment,
}

impl ReportTarget {
    pub const ALL: [ReportTarget; 3] = [
        ReportTarget::Post,
        ReportTarget::Comment,
        ReportTarget::IdeaComment,
    ];

    /// The name on the wire, in a decision's path and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportTarget::Post => "post",
            ReportTarget::Comment => "comment",
            ReportTarget::IdeaComment => "idea_comment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Harassment, insults or hate.
    Harassment,
    /// Confidential information shared too widely (customer data, salaries, plans).
    Confidential,
    /// False or misleading information.
    Misleading,
    /// Spam or advertising.
    Spam,
    /// Anything else: the note says what.
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 5] = [
        ReportReason::Harassment,
        ReportReason::Confidential,
        ReportReason::Misleading,
        ReportReason::Spam,
        ReportReason::Other,
    ];

    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Harassment => "harassment",
            ReportReason::Confidential => "confidential",
            ReportReason::Misleading => "misleading",
            ReportReason::Spam => "spam",
            ReportReason::Other => "other",
        }
    }
}

/// `POST /api/reports`: I report a post or comment I can read. Once per person and thing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewReport {
    pub target: ReportTarget,
    pub id: String,
    pub reason: ReportReason,
    /// What the moderators should know (required for `other`).
    #[serde(default)]
    pub note: String,
}

/// The answer to a report: when I reported it (the first time, on a repeat).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    pub reported_at: Millis,
}

/// One person's report, as moderators see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub reporter: Author,
    pub reason: ReportReason,
    pub note: String,
    pub at: Millis,
}

/// A reported post or comment in the moderation queue, with its open reports (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedItem {
    pub target: ReportTarget,
    pub id: String,
    /// Where it is read: `/p/<post>` or `/ideas/<idea>`.
    pub link: String,
    pub author: Author,
    /// Its text as readers see it (sanitized by the server).
    pub body_html: String,
    pub written_at: Millis,
    pub reports: Vec<ReportEntry>,
}

/// `POST /api/reports/:target/:id/decision`: `remove` deletes it; otherwise it stays and its
/// reports are closed.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ReportDecision {
    pub remove: bool,
}

/// How many open reports a decision closed (0 on a repeat).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Decided {
    pub closed: i64,
}
