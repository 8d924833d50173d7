//! Likes are state, not increments: `PUT` likes, `DELETE` unlikes, so a retry changes nothing.

use super::actor::Actor;
use super::policy::{Action, require};
use super::{not_found, notifications, posts};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::ApiError;
use balai_protocol::feed::LikeState;
use serde::Deserialize;

pub async fn set<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    liked: bool,
) -> Result<LikeState, ApiError> {
    require(actor, Action::Like)?;
    posts::require_readable(rt, actor, post_id).await?;
    let now = rt.now();
    let change = if liked {
        stmt!(
            "INSERT OR IGNORE INTO likes (post_id, user_id, created_at) VALUES (?, ?, ?)",
            post_id,
            actor.id.as_str(),
            now
        )
    } else {
        stmt!(
            "DELETE FROM likes WHERE post_id = ? AND user_id = ?",
            post_id,
            actor.id.as_str()
        )
    };
    let recount = stmt!(
        "UPDATE posts SET like_count = (SELECT COUNT(*) FROM likes WHERE post_id = ?) WHERE id = ?",
        post_id,
        post_id
    );
    let mut stmts = vec![change, recount];
    if liked {
        stmts.push(notifications::like(post_id, &actor.id, now));
    }
    rt.db().batch(stmts).await?;
    #[derive(Deserialize)]
    struct Count {
        like_count: i64,
    }
    let count: Count = rt
        .db()
        .first(stmt!("SELECT like_count FROM posts WHERE id = ?", post_id))
        .await?
        .ok_or_else(|| not_found(Thing::Post))?;
    Ok(LikeState {
        liked,
        like_count: count.like_count,
    })
}
