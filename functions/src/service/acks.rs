//! Confirmations: an announcement may ask everyone to confirm having read it (an order, a new
//! safety rule). Its author confirms by writing it; each other person confirms once (a retry
//! changes nothing); its author, admins and communications see the totals and who has not
//! confirmed yet, to follow up, and may remind them (a notification each, once a day).

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::notifications::{self, Event, Recipients};
use super::policy::{Action, may_announce, require};
use super::{after_name, audit, forbidden, name_cursor, next_cursor, not_found, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, count};
use balai_protocol::feed::{Ack, AckReminder, AckReport, Author};
use balai_protocol::limits::{ACK_REMINDER_INTERVAL_MS, MEMBERS_PAGE_SIZE};
use balai_protocol::notifications::Kind;
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The post, if `actor` may read it and it asks for confirmation.
async fn load<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<AckedPost, ApiError> {
    validate::id(post_id, Thing::Post)?;
    let post: AckedPost = rt
        .db()
        .first(stmt!(
            concat!(
                "SELECT p.author_id, p.ack_required, p.ack_reminded_at,
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
        .ok_or_else(|| not_found(Thing::Post))?;
    if post.ack_required == 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This post does not ask for confirmation.",
            "Postingan ini tidak meminta konfirmasi.",
        ));
    }
    Ok(post)
}

#[derive(Deserialize)]
struct AckedPost {
    author_id: String,
    ack_required: i64,
    ack_reminded_at: Option<Millis>,
    mine: Option<Millis>,
}

/// Who follows up on a post's confirmations: its author, admins and communications.
fn require_follow_up(actor: &Actor, post: &AckedPost) -> Result<(), ApiError> {
    if post.author_id != actor.id && !may_announce(actor) {
        return Err(forbidden());
    }
    Ok(())
}

/// The condition on `users u` for the active people who have not confirmed the post (its one
/// `?` binds the post's id).
macro_rules! not_confirmed {
    () => {
        "u.deactivated_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM post_acks a WHERE a.post_id = ? AND a.user_id = u.id)"
    };
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
    require_follow_up(actor, &post)?;
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
    let [pending, totals] = rt
        .db()
        .read_each([
            stmt!(
                concat!(
                    "SELECT u.id, u.name FROM users u WHERE (u.name, u.id) > (?, ?) AND ",
                    not_confirmed!(),
                    " ORDER BY u.name, u.id LIMIT ?"
                ),
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
    let pending: Vec<Pending> = pending.decode()?;
    let totals = totals.first::<Totals>()?.unwrap_or(Totals {
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
        reminded_at: post.ack_reminded_at,
    })
}

/// Reminds everyone who has not confirmed yet, a notification each, at most once a day per
/// post; for whoever follows up on it. Audited: it reaches much of the company at once.
pub async fn remind<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    key: Option<&str>,
) -> Result<Created<AckReminder>, ApiError> {
    let post = load(rt, actor, post_id).await?;
    require_follow_up(actor, &post)?;
    let now = rt.now();
    if let Some(last) = post.ack_reminded_at {
        let wait = last + ACK_REMINDER_INTERVAL_MS - now;
        if wait > 0 {
            let wait = wait as u64;
            let hours = wait.div_ceil(60 * 60 * 1000);
            return Err(ApiError {
                retry_after: Some(wait.div_ceil(1000) as u32),
                ..ApiError::new(
                    ErrorCode::RateLimited,
                    format!(
                        "Those who have not confirmed were reminded less than a day ago. You can remind them again in {hours} hour(s)."
                    ),
                    format!(
                        "Yang belum mengonfirmasi sudah diingatkan kurang dari sehari yang lalu. Anda dapat mengingatkan lagi dalam {hours} jam."
                    ),
                )
            });
        }
    }
    let pending = count(
        rt.db(),
        stmt!(
            concat!("SELECT COUNT(*) AS n FROM users u WHERE ", not_confirmed!()),
            post_id
        ),
    )
    .await?;
    let answer = AckReminder { at: now, pending };
    let event = Event {
        kind: Kind::AckReminder,
        actor_id: &actor.id,
        post_id: Some(post_id),
        group_id: None,
        idea_id: None,
        comment_id: None,
        at: now,
    };
    let stmts = vec![
        // Recorded first: the notifications go out only if this reminder is the one recorded.
        stmt!(
            "UPDATE posts SET ack_reminded_at = ? WHERE id = ? AND (ack_reminded_at IS NULL OR ack_reminded_at <= ?)",
            now,
            post_id,
            now - ACK_REMINDER_INTERVAL_MS
        ),
        notifications::deliver(&event, Recipients::not_confirmed(post_id, now)),
        audit::entry(
            rt,
            actor,
            "post.ack_remind",
            Some(post_id),
            Some(&pending.to_string()),
        ),
    ];
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &answer).await? {
            None => Created::New(answer),
            Some(first) => Created::Replay(first),
        },
    )
}
