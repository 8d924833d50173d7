//! A person's page as colleagues see it: who they are, and what they gave the company.

use super::actor::Actor;
use super::policy::{Action, require};
use super::{ideas, not_found, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::feed::Author;
use balai_protocol::ideas::{IdeaRef, Thanks};
use balai_protocol::people::{Profile, Recognition};
use balai_protocol::{ApiError, Millis};
use serde::Deserialize;

/// Thanks shown on a profile at most (the count covers all of them).
const RECOGNITION_SHOWN: i64 = 20;

pub async fn get<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<Profile, ApiError> {
    require(actor, Action::ReadFeed)?;
    validate::id(id, "Person")?;
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        email: String,
        department: Option<String>,
        branch: Option<String>,
        deactivated_at: Option<Millis>,
    }
    let row: Row = rt
        .db()
        .first(stmt!(
            "SELECT u.id, u.name, u.email, d.name AS department, b.name AS branch, u.deactivated_at
             FROM users u LEFT JOIN departments d ON d.id = u.department_id
             LEFT JOIN branches b ON b.id = u.branch_id WHERE u.id = ?",
            id
        ))
        .await?
        .ok_or_else(|| not_found("Person"))?;
    #[derive(Deserialize)]
    struct ThanksRow {
        idea_id: String,
        title: String,
        from_id: String,
        from_name: String,
        from_left: Option<Millis>,
        note: String,
        created_at: Millis,
    }
    let thanks: Vec<ThanksRow> = rt
        .db()
        .all(stmt!(
            "SELECT i.id AS idea_id, i.title, t.from_id, u.name AS from_name,
                    u.deactivated_at AS from_left, t.note, t.created_at
             FROM ideas i JOIN idea_thanks t ON t.idea_id = i.id JOIN users u ON u.id = t.from_id
             WHERE i.author_id = ? ORDER BY t.created_at DESC LIMIT ?",
            id,
            RECOGNITION_SHOWN
        ))
        .await?;
    Ok(Profile {
        contributions: ideas::contributions(rt, id).await?,
        recognition: thanks
            .into_iter()
            .map(|t| Recognition {
                idea: IdeaRef {
                    id: t.idea_id,
                    title: t.title,
                },
                thanks: Thanks {
                    from: Author {
                        id: t.from_id,
                        name: t.from_name,
                        former: t.from_left.is_some(),
                    },
                    note: t.note,
                    at: t.created_at,
                },
            })
            .collect(),
        id: row.id,
        name: row.name,
        email: row.email,
        department: row.department,
        branch: row.branch,
        former: row.deactivated_at.is_some(),
    })
}
