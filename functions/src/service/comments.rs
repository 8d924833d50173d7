//! Comments on posts, oldest first under the post.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::notifications::{self, Event, Recipients};
use super::policy::{Action, may_delete, require};
use super::{audit, forbidden, markdown, not_found, posts, text, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::feed::{Author, Comment, NewComment};
use balai_protocol::limits::COMMENT_MAX_CHARS;
use balai_protocol::notifications::Kind;
use balai_protocol::{ApiError, Millis};
use serde::Deserialize;

/// Comments shown under a post; the busiest threads are capped at this many (oldest first).
pub const MAX_SHOWN: i64 = 500;

#[derive(Deserialize)]
struct CommentRow {
    id: String,
    post_id: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    body_html: String,
    created_at: Millis,
}

pub async fn list<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
) -> Result<Vec<Comment>, ApiError> {
    let rows: Vec<CommentRow> = rt
        .db()
        .all(stmt!(
            "SELECT c.id, c.post_id, c.author_id, u.name AS author_name, u.deactivated_at AS author_left,
                    c.body_html, c.created_at
             FROM comments c JOIN users u ON u.id = c.author_id
             WHERE c.post_id = ? AND c.deleted_at IS NULL
             ORDER BY c.created_at, c.id LIMIT ?",
            post_id,
            MAX_SHOWN
        ))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Comment {
            can_delete: may_delete(actor, &r.author_id),
            author: Author {
                id: r.author_id,
                name: r.author_name,
                former: r.author_left.is_some(),
            },
            id: r.id,
            post_id: r.post_id,
            body_html: r.body_html,
            created_at: r.created_at,
        })
        .collect())
}

pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    input: &NewComment,
    key: Option<&str>,
) -> Result<Created<Comment>, ApiError> {
    require(actor, Action::Comment)?;
    let body = validate::text("body", &input.body, COMMENT_MAX_CHARS)?;
    posts::require_readable(rt, actor, post_id).await?;
    let comment = Comment {
        id: new_id(rt),
        post_id: post_id.to_string(),
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        body_html: markdown::render(&body),
        created_at: rt.now(),
        can_delete: true,
    };
    let mut stmts = vec![
        stmt!(
            "INSERT INTO comments (id, post_id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            comment.id.as_str(),
            post_id,
            actor.id.as_str(),
            body.as_str(),
            comment.body_html.as_str(),
            comment.created_at
        ),
        stmt!(
            "UPDATE posts SET comment_count = comment_count + 1 WHERE id = ?",
            post_id
        ),
    ];
    let event = |kind| Event {
        kind,
        actor_id: &actor.id,
        post_id: Some(post_id),
        group_id: None,
        idea_id: None,
        at: comment.created_at,
    };
    // In this order, so each person hears once: mentioned, else as the post's author, else as
    // an earlier commenter.
    for handle in text::mentions(&body) {
        stmts.push(notifications::deliver(
            &event(Kind::Mention),
            Recipients::handle(&handle),
        ));
    }
    stmts.push(notifications::deliver(
        &event(Kind::Comment),
        Recipients::post_author(post_id),
    ));
    stmts.push(notifications::deliver(
        &event(Kind::Reply),
        Recipients::earlier_commenters(post_id),
    ));
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &comment).await? {
            None => Created::New(comment),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Deletes a comment: its author, or an admin (audited). Deleting twice is fine.
pub async fn delete<R: Runtime>(rt: &R, actor: &Actor, comment_id: &str) -> Result<(), ApiError> {
    validate::id(comment_id, "Comment")?;
    #[derive(Deserialize)]
    struct Owner {
        author_id: String,
        post_id: String,
        deleted_at: Option<Millis>,
    }
    let owner: Owner = rt
        .db()
        .first(stmt!(
            "SELECT author_id, post_id, deleted_at FROM comments WHERE id = ?",
            comment_id
        ))
        .await?
        .ok_or_else(|| not_found("Comment"))?;
    if owner.deleted_at.is_some() {
        return Ok(());
    }
    if !may_delete(actor, &owner.author_id) {
        return Err(forbidden());
    }
    let mut stmts = vec![
        stmt!(
            "UPDATE comments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            rt.now(),
            comment_id
        ),
        stmt!(
            "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments WHERE post_id = ? AND deleted_at IS NULL) WHERE id = ?",
            owner.post_id.as_str(),
            owner.post_id.as_str()
        ),
    ];
    if owner.author_id != actor.id {
        stmts.push(audit::entry(
            rt,
            actor,
            "comment.delete",
            Some(comment_id),
            Some(&owner.author_id),
        ));
    }
    rt.db().batch(stmts).await?;
    Ok(())
}
