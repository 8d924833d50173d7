//! Round tables: questions to leadership, asked by name or anonymously, voted up, answered in
//! the open. An anonymous question carries no author on the wire, for anyone.

use crate::Millis;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewRoundTable {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub opens_at: Millis,
    pub closes_at: Millis,
    /// The leaders who answer, by login or email.
    pub leaders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundTable {
    pub id: String,
    pub title: String,
    pub description: String,
    pub opens_at: Millis,
    pub closes_at: Millis,
    pub leaders: Vec<Author>,
    pub question_count: i64,
    pub answered_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub body: String,
    /// `None` when asked anonymously: who asked never leaves the server.
    pub author: Option<Author>,
    /// The reader asked it (only the asker learns this).
    pub mine: bool,
    pub vote_count: i64,
    pub voted_by_me: bool,
    pub answer: Option<String>,
    pub answered_by: Option<Author>,
    pub answered_at: Option<Millis>,
    pub created_at: Millis,
}

/// A round table with its questions, most voted first (hidden and merged ones left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundTableDetail {
    pub round_table: RoundTable,
    pub questions: Vec<Question>,
    /// Open now: questions and votes are taken.
    pub open: bool,
    /// The reader is one of its leaders.
    pub can_answer: bool,
    /// The reader moderates (hides, merges): an admin.
    pub can_moderate: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewQuestion {
    pub body: String,
    #[serde(default)]
    pub anonymous: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answer {
    pub answer: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MergeQuestion {
    pub into: String,
}
