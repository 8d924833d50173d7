//! Confirmations: an announcement may ask everyone to confirm having read it (an order, a new
//! safety rule). Its author confirms by writing it; each other person confirms once (a retry
//! changes nothing); its author, admins and communications see the totals and who has not
//! confirmed yet, to follow up.

use super::actor::Actor;
use super::policy::{Action, may_announce, require};
use super::{after_name, forbidden, name_cursor, next_cursor, not_found, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Db, RowSet, count};
use balai_protocol::feed::{Ack, AckReport, Author};
use balai_protocol::limits::MEMBERS_PAGE_SIZE;
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The post, if `actor` may read it and it asks for confirmation.
async fn load<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<AckedPost, ApiError> {
    validate::id(post_id, "Post")?;
    let post: AckedPost = rt
        .db()
        .first(stmt!(
            concat!(
                "SELECT p.author_id, p.ack_required,
                        (SELECT a.created_at FROM post_acks a WHERE a.post_id = p.id AND a.user_id = ?) AS mine
                 FROM posts p LEFT JOIN user_groups g ON g.id = p.group_id
                 WHERE p.id = ? AND p.deleted_at IS NULL AND ",
                readable!()
            ),
            actor.id.as_str(),
            post_id,
            actor.admin_flag(),
            actor.id.as_str()
        ))
        .await?
        .ok_or_else(|| not_found("Post"))?;
    if post.ack_required == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This post does not ask for confirmation.",
        ));
    }
    Ok(post)
}

#[derive(Deserialize)]
struct AckedPost {
    author_id: String,
    ack_required: i64,
    mine: Option<Millis>,
}

/// I confirm having read the post. Confirming again keeps the first time.
pub async fn confirm<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<Ack, ApiError> {
    require(actor, Action::ReadFeed)?;
    let post = load(rt, actor, post_id).await?;
    let now = rt.now();
    if post.mine.is_none() {
        rt.db()
            .batch(vec![
                stmt!(
                    "INSERT OR IGNORE INTO post_acks (post_id, user_id, created_at) VALUES (?, ?, ?)",
                    post_id,
                    actor.id.as_str(),
                    now
                ),
                stmt!(
                    "UPDATE posts SET ack_count = (SELECT COUNT(*) FROM post_acks WHERE post_id = ?) WHERE id = ?",
                    post_id,
                    post_id
                ),
            ])
            .await?;
    }
    let confirmed = count(
        rt.db(),
        stmt!("SELECT ack_count AS n FROM posts WHERE id = ?", post_id),
    )
    .await?;
    Ok(Ack {
        mine: Some(post.mine.unwrap_or(now)),
        count: confirmed,
    })
}

/// Totals, and a page of who has not confirmed yet, by name: to the post's author, admins and
/// communications. Everyone active now is asked, newcomers included; who has left is not.
pub async fn report<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    cursor: Option<&str>,
) -> Result<AckReport, ApiError> {
    let post = load(rt, actor, post_id).await?;
    if post.author_id != actor.id && !may_announce(actor) {
        return Err(forbidden());
    }
    let (name, id) = after_name(cursor)?;
    let limit = MEMBERS_PAGE_SIZE as i64;
    #[derive(Deserialize)]
    struct Pending {
        id: String,
        name: String,
    }
    #[derive(Deserialize)]
    struct Totals {
        asked: i64,
        confirmed: i64,
    }
    let sets = rt
        .db()
        .read_batch(vec![
            stmt!(
                "SELECT u.id, u.name FROM users u
                 WHERE u.deactivated_at IS NULL AND (u.name, u.id) > (?, ?)
                   AND NOT EXISTS (SELECT 1 FROM post_acks a WHERE a.post_id = ? AND a.user_id = u.id)
                 ORDER BY u.name, u.id LIMIT ?",
                name,
                id,
                post_id,
                limit
            ),
            stmt!(
                "SELECT (SELECT COUNT(*) FROM users WHERE deactivated_at IS NULL) AS asked,
                        (SELECT COUNT(*) FROM post_acks a JOIN users u ON u.id = a.user_id
                          WHERE a.post_id = ? AND u.deactivated_at IS NULL) AS confirmed",
                post_id
            ),
        ])
        .await?;
    let pending: Vec<Pending> = sets[0].decode()?;
    let totals = sets[1]
        .decode::<Totals>()?
        .into_iter()
        .next()
        .unwrap_or(Totals {
            asked: 0,
            confirmed: 0,
        });
    Ok(AckReport {
        asked: totals.asked,
        confirmed: totals.confirmed,
        pending: Page {
            next_cursor: next_cursor(&pending, limit, |p| name_cursor(&p.name, &p.id)),
            items: pending
                .into_iter()
                .map(|p| Author {
                    id: p.id,
                    name: p.name,
                    former: false,
                })
                .collect(),
        },
    })
}
