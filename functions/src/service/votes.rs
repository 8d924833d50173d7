//! One vote per person per thing, for ideas and round-table questions alike: the vote tables'
//! primary key makes a double tap or a retry count once, and the count is recounted in the same
//! batch as every change, so it is always the truth.

use crate::store::{Stmt, Value};
use balai_protocol::Millis;

/// Where one kind of thing keeps its votes, and the row whose `vote_count` they make.
pub struct Ballot {
    /// The votes table: (`item`, `user_id`, `created_at`), primary key (`item`, `user_id`).
    votes: &'static str,
    item: &'static str,
    /// The table with the `vote_count` column.
    counted: &'static str,
}

pub const IDEAS: Ballot = Ballot {
    votes: "idea_votes",
    item: "idea_id",
    counted: "ideas",
};

pub const QUESTIONS: Ballot = Ballot {
    votes: "rt_votes",
    item: "question_id",
    counted: "rt_questions",
};

fn stmt(sql: String, params: Vec<Value>) -> Stmt {
    Stmt {
        sql: sql.into(),
        params,
    }
}

impl Ballot {
    /// `user_id` votes for `id` (`on`) or takes the vote back; then the count is recounted.
    pub fn cast(&self, id: &str, user_id: &str, on: bool, now: Millis) -> Vec<Stmt> {
        let (votes, item) = (self.votes, self.item);
        let change = if on {
            stmt(
                format!(
                    "INSERT OR IGNORE INTO {votes} ({item}, user_id, created_at) VALUES (?, ?, ?)"
                ),
                vec![id.into(), user_id.into(), now.into()],
            )
        } else {
            stmt(
                format!("DELETE FROM {votes} WHERE {item} = ? AND user_id = ?"),
                vec![id.into(), user_id.into()],
            )
        };
        vec![change, self.recount(id)]
    }

    fn recount(&self, id: &str) -> Stmt {
        let (votes, item, counted) = (self.votes, self.item, self.counted);
        stmt(
            format!(
                "UPDATE {counted} SET vote_count = (SELECT COUNT(*) FROM {votes} WHERE {item} = ?) WHERE id = ?"
            ),
            vec![id.into(), id.into()],
        )
    }

    /// Moves a duplicate's votes to the original: someone who voted for both counts once.
    pub fn carry_over(&self, duplicate: &str, original: &str) -> Vec<Stmt> {
        let (votes, item) = (self.votes, self.item);
        vec![
            stmt(
                format!(
                    "INSERT OR IGNORE INTO {votes} ({item}, user_id, created_at)
                     SELECT ?, user_id, created_at FROM {votes} WHERE {item} = ?"
                ),
                vec![original.into(), duplicate.into()],
            ),
            stmt(
                format!("DELETE FROM {votes} WHERE {item} = ?"),
                vec![duplicate.into()],
            ),
            self.recount(original),
            self.recount(duplicate),
        ]
    }
}
