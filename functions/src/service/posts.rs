//! The company feed: posts newest first, paged by a (created_at, id) cursor, never OFFSET.

use super::actor::Actor;
use super::idempotency::{self, Recorded};
use super::ids::new_id;
use super::policy::{Action, may_delete, may_edit, require};
use super::{audit, comments, forbidden, markdown, not_found, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::feed::{Author, NewPost, Post, PostDetail};
use balai_protocol::limits::{PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, POST_MAX_CHARS};
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The columns every post query selects, so rows decode into [`PostRow`].
macro_rules! post_select {
    ($rest:literal) => {
        concat!(
            "SELECT p.id, p.author_id, u.name AS author_name, u.deactivated_at AS author_left,
                    p.body, p.body_html, p.created_at, p.edited_at, p.like_count, p.comment_count,
                    EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ?) AS liked
             FROM posts p JOIN users u ON u.id = p.author_id ",
            $rest
        )
    };
}

#[derive(Deserialize)]
struct PostRow {
    id: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    body: String,
    body_html: String,
    created_at: Millis,
    edited_at: Option<Millis>,
    like_count: i64,
    comment_count: i64,
    liked: i64,
}

impl PostRow {
    /// `with_source`: include the markdown source (only the detail view needs it, for editing).
    fn into_post(self, actor: &Actor, with_source: bool) -> Post {
        let can_edit = may_edit(actor, &self.author_id);
        Post {
            can_delete: may_delete(actor, &self.author_id),
            body: (with_source && can_edit).then_some(self.body),
            author: Author {
                id: self.author_id,
                name: self.author_name,
                former: self.author_left.is_some(),
            },
            id: self.id,
            body_html: self.body_html,
            created_at: self.created_at,
            edited_at: self.edited_at,
            like_count: self.like_count,
            comment_count: self.comment_count,
            liked_by_me: self.liked != 0,
            can_edit,
        }
    }
}

/// A feed cursor: `<created_at>.<id>` of the last post on the previous page.
pub fn parse_cursor(cursor: &str) -> Result<(Millis, String), ApiError> {
    let bad = || ApiError::field(ErrorCode::BadRequest, "cursor", "The cursor is not valid.");
    let (at, id) = cursor.split_once('.').ok_or_else(bad)?;
    let at = at.parse::<Millis>().map_err(|_| bad())?;
    validate::id(id, "Cursor").map_err(|_| bad())?;
    Ok((at, id.to_string()))
}

pub fn page_size(requested: Option<u32>) -> u32 {
    requested
        .unwrap_or(PAGE_SIZE_DEFAULT)
        .clamp(1, PAGE_SIZE_MAX)
}

/// One page of the company feed, newest first. One query: posts with their authors and
/// whether the reader liked each, walking the `posts_feed` index.
pub async fn feed<R: Runtime>(
    rt: &R,
    actor: &Actor,
    cursor: Option<&str>,
    limit: Option<u32>,
) -> Result<Page<Post>, ApiError> {
    require(actor, Action::ReadFeed)?;
    let limit = page_size(limit);
    let (before_at, before_id) = match cursor {
        Some(c) => parse_cursor(c)?,
        None => (Millis::MAX, String::new()),
    };
    let rows: Vec<PostRow> = rt
        .db()
        .all(stmt!(
            post_select!(
                // `created_at <= ?` seeks the index to the cursor; the rest drops the posts of
                // that same millisecond already shown. (A plain OR would scan from the top.)
                "WHERE p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                 ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            ),
            actor.id.as_str(),
            before_at,
            before_at,
            before_id,
            limit as i64
        ))
        .await?;
    let next_cursor = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| format!("{}.{}", r.created_at, r.id)))
        .flatten();
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| r.into_post(actor, false))
            .collect(),
        next_cursor,
    })
}

async fn load<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<PostRow, ApiError> {
    validate::id(post_id, "Post")?;
    rt.db()
        .first(stmt!(
            post_select!("WHERE p.id = ? AND p.deleted_at IS NULL"),
            actor.id.as_str(),
            post_id
        ))
        .await?
        .ok_or_else(|| not_found("Post"))
}

/// 404 unless `post_id` names a post that is not deleted.
pub async fn require_live<R: Runtime>(rt: &R, post_id: &str) -> Result<(), ApiError> {
    validate::id(post_id, "Post")?;
    rt.db()
        .first::<serde::de::IgnoredAny>(stmt!(
            "SELECT 1 AS found FROM posts WHERE id = ? AND deleted_at IS NULL",
            post_id
        ))
        .await?
        .map(|_| ())
        .ok_or_else(|| not_found("Post"))
}

pub async fn detail<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
) -> Result<PostDetail, ApiError> {
    require(actor, Action::ReadFeed)?;
    let post = load(rt, actor, post_id).await?.into_post(actor, true);
    let comments = comments::list(rt, actor, post_id).await?;
    Ok(PostDetail { post, comments })
}

/// Either the new post, or the first answer to a retry with the same idempotency key.
pub enum Created {
    New(Post),
    Replay(Recorded),
}

pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewPost,
    key: Option<&str>,
) -> Result<Created, ApiError> {
    require(actor, Action::CreatePost)?;
    let body = validate::text("body", &input.body, POST_MAX_CHARS)?;
    let post = Post {
        id: new_id(rt),
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        body_html: markdown::render(&body),
        body: Some(body),
        created_at: rt.now(),
        edited_at: None,
        like_count: 0,
        comment_count: 0,
        liked_by_me: false,
        can_edit: true,
        can_delete: true,
    };
    let insert = stmt!(
        "INSERT INTO posts (id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?)",
        post.id.as_str(),
        actor.id.as_str(),
        post.body.clone(),
        post.body_html.as_str(),
        post.created_at
    );
    Ok(
        match idempotency::commit(rt, &actor.id, key, vec![insert], 201, &post).await? {
            None => Created::New(post),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Replaces a post's text (a full replacement, so a retry is harmless). Author only.
pub async fn edit<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
    input: &NewPost,
) -> Result<Post, ApiError> {
    let row = load(rt, actor, post_id).await?;
    if !may_edit(actor, &row.author_id) {
        return Err(forbidden());
    }
    let body = validate::text("body", &input.body, POST_MAX_CHARS)?;
    let html = markdown::render(&body);
    rt.db()
        .run(stmt!(
            "UPDATE posts SET body = ?, body_html = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL",
            body,
            html,
            rt.now(),
            post_id
        ))
        .await?;
    Ok(load(rt, actor, post_id).await?.into_post(actor, true))
}

/// Deletes a post: its author, or an admin (audited). Deleting twice is fine.
pub async fn delete<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<(), ApiError> {
    validate::id(post_id, "Post")?;
    #[derive(Deserialize)]
    struct Owner {
        author_id: String,
        deleted_at: Option<Millis>,
    }
    let owner: Owner = rt
        .db()
        .first(stmt!(
            "SELECT author_id, deleted_at FROM posts WHERE id = ?",
            post_id
        ))
        .await?
        .ok_or_else(|| not_found("Post"))?;
    if owner.deleted_at.is_some() {
        return Ok(());
    }
    if !may_delete(actor, &owner.author_id) {
        return Err(forbidden());
    }
    let mut stmts = vec![stmt!(
        "UPDATE posts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        rt.now(),
        post_id
    )];
    if owner.author_id != actor.id {
        stmts.push(audit::entry(
            rt,
            actor,
            "post.delete",
            Some(post_id),
            Some(&owner.author_id),
        ));
    }
    rt.db().batch(stmts).await?;
    Ok(())
}
