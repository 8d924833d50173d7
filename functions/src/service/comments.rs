//! Comments, oldest first, under a post or an idea. Both threads keep comments in tables of
//! the same shape (`comments`, `idea_comments`), so one set of rules serves both.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::notifications::{self, Event, Recipients};
use super::policy::{Action, may_delete, may_edit, require};
use super::{audit, forbidden, markdown, not_found, posts, text, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt};
use balai_protocol::feed::{Author, Comment, NewComment};
use balai_protocol::limits::COMMENT_MAX_CHARS;
use balai_protocol::notifications::Kind;
use balai_protocol::{ApiError, Millis};
use serde::Deserialize;

/// Comments shown under a post or idea; the busiest threads are capped at this many (oldest first).
pub const MAX_SHOWN: i64 = 500;

/// What a comment hangs under.
#[derive(Debug, Clone, Copy)]
pub enum Thread<'a> {
    Post(&'a str),
    Idea(&'a str),
}

/// Which kind of thread, without saying which one (a comment's id names its own).
#[derive(Debug, Clone, Copy)]
pub enum ThreadKind {
    Post,
    Idea,
}

impl ThreadKind {
    fn of(self, parent: &str) -> Thread<'_> {
        match self {
            ThreadKind::Post => Thread::Post(parent),
            ThreadKind::Idea => Thread::Idea(parent),
        }
    }
}

/// The statements that differ between the two comment tables.
struct Sql {
    list: &'static str,
    insert: &'static str,
    owner: &'static str,
    edit: &'static str,
    delete: &'static str,
}

macro_rules! thread_sql {
    ($table:literal, $parent:literal) => {
        Sql {
            list: concat!(
                "SELECT c.id, c.author_id, u.name AS author_name, u.deactivated_at AS author_left,
                        c.body, c.body_html, c.created_at, c.edited_at
                 FROM ",
                $table,
                " c JOIN users u ON u.id = c.author_id
                 WHERE c.",
                $parent,
                " = ? AND c.deleted_at IS NULL
                 ORDER BY c.created_at, c.id LIMIT ?"
            ),
            insert: concat!(
                "INSERT INTO ",
                $table,
                " (id, ",
                $parent,
                ", author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?, ?)"
            ),
            owner: concat!(
                "SELECT author_id, ",
                $parent,
                " AS parent_id, body, created_at, deleted_at FROM ",
                $table,
                " WHERE id = ?"
            ),
            edit: concat!(
                "UPDATE ",
                $table,
                " SET body = ?, body_html = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL"
            ),
            delete: concat!(
                "UPDATE ",
                $table,
                " SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"
            ),
        }
    };
}

const POST_SQL: Sql = thread_sql!("comments", "post_id");
const IDEA_SQL: Sql = thread_sql!("idea_comments", "idea_id");

impl<'a> Thread<'a> {
    fn sql(self) -> &'static Sql {
        match self {
            Thread::Post(_) => &POST_SQL,
            Thread::Idea(_) => &IDEA_SQL,
        }
    }

    fn parent(self) -> &'a str {
        match self {
            Thread::Post(id) | Thread::Idea(id) => id,
        }
    }

    /// Refuses a thread the reader may not see (a post in a group they are not in).
    async fn require_readable<R: Runtime>(self, rt: &R, actor: &Actor) -> Result<(), ApiError> {
        match self {
            Thread::Post(id) => posts::require_readable(rt, actor, id).await.map(|_| ()),
            Thread::Idea(id) => {
                validate::id(id, Thing::Idea)?;
                rt.db()
                    .first::<serde_json::Value>(stmt!(
                        "SELECT 1 AS found FROM ideas WHERE id = ?",
                        id
                    ))
                    .await?
                    .map(|_| ())
                    .ok_or_else(|| not_found(Thing::Idea))
            }
        }
    }

    /// A post keeps its comment count; recounted, so a delete twice cannot drift it.
    fn recount(self) -> Option<Stmt> {
        match self {
            Thread::Post(id) => Some(stmt!(
                "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments WHERE post_id = ? AND deleted_at IS NULL) WHERE id = ?",
                id,
                id
            )),
            Thread::Idea(_) => None,
        }
    }

    /// An event about comment `comment_id` in this thread, by `actor` at `at`.
    fn event<'e>(self, kind: Kind, actor: &'e Actor, comment_id: &'e str, at: Millis) -> Event<'e>
    where
        'a: 'e,
    {
        let (post_id, idea_id) = match self {
            Thread::Post(id) => (Some(id), None),
            Thread::Idea(id) => (None, Some(id)),
        };
        Event {
            kind,
            actor_id: &actor.id,
            post_id,
            group_id: None,
            idea_id,
            comment_id: Some(comment_id),
            at,
        }
    }

    /// Tells those `handles` name that they were mentioned in comment `comment_id`.
    fn mention(self, actor: &Actor, comment_id: &str, handles: &[String], at: Millis) -> Vec<Stmt> {
        let event = self.event(Kind::Mention, actor, comment_id, at);
        handles
            .iter()
            .map(|handle| notifications::deliver(&event, Recipients::handle(handle)))
            .collect()
    }

    /// Who hears of a new comment, in this order so each person hears once: those it mentions,
    /// else the author of the post or idea, else earlier commenters.
    fn notify(self, actor: &Actor, comment_id: &str, body: &str, at: Millis) -> Vec<Stmt> {
        let event = |kind| self.event(kind, actor, comment_id, at);
        let mut stmts = self.mention(actor, comment_id, &text::mentions(body), at);
        match self {
            Thread::Post(id) => stmts.extend([
                notifications::deliver(&event(Kind::Comment), Recipients::post_author(id)),
                notifications::deliver(&event(Kind::Reply), Recipients::earlier_commenters(id)),
            ]),
            Thread::Idea(id) => stmts.push(notifications::deliver(
                &event(Kind::IdeaComment),
                Recipients::idea_discussion(id),
            )),
        }
        stmts
    }
}

#[derive(Deserialize)]
struct CommentRow {
    id: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    body: String,
    body_html: String,
    created_at: Millis,
    edited_at: Option<Millis>,
}

/// The statement for a thread's comments, oldest first (the reader must be allowed to read the
/// thread: [`Thread::require_readable`], or a check batched with it).
pub fn list_stmt(thread: Thread<'_>) -> Stmt {
    stmt!(thread.sql().list, thread.parent(), MAX_SHOWN)
}

/// The comments [`list_stmt`] answered in a batch read for `actor`.
pub fn list_from(actor: &Actor, answer: &impl RowSet) -> Result<Vec<Comment>, ApiError> {
    let rows: Vec<CommentRow> = answer.decode()?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let can_edit = may_edit(actor, &r.author_id);
            Comment {
                can_delete: may_delete(actor, &r.author_id),
                can_edit,
                author: Author {
                    id: r.author_id,
                    name: r.author_name,
                    former: r.author_left.is_some(),
                },
                id: r.id,
                body: can_edit.then_some(r.body),
                body_html: r.body_html,
                created_at: r.created_at,
                edited_at: r.edited_at,
            }
        })
        .collect())
}

/// Comments under a post or idea the reader may see; a retry with the same key comments once.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    thread: Thread<'_>,
    input: &NewComment,
    key: Option<&str>,
) -> Result<Created<Comment>, ApiError> {
    require(actor, Action::Comment)?;
    let body = validate::text("body", &input.body, COMMENT_MAX_CHARS)?;
    thread.require_readable(rt, actor).await?;
    let comment = Comment {
        id: new_id(rt),
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        body_html: markdown::render(&body),
        body: Some(body.clone()),
        created_at: rt.now(),
        edited_at: None,
        can_edit: true,
        can_delete: true,
    };
    let mut stmts = vec![stmt!(
        thread.sql().insert,
        comment.id.as_str(),
        thread.parent(),
        actor.id.as_str(),
        body.as_str(),
        comment.body_html.as_str(),
        comment.created_at
    )];
    stmts.extend(thread.recount());
    stmts.extend(thread.notify(actor, &comment.id, &body, comment.created_at));
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &comment).await? {
            None => Created::New(comment),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Who wrote a comment, under what, and whether it is deleted.
#[derive(Deserialize)]
struct Owner {
    author_id: String,
    parent_id: String,
    body: String,
    created_at: Millis,
    deleted_at: Option<Millis>,
}

async fn owner<R: Runtime>(rt: &R, kind: ThreadKind, comment_id: &str) -> Result<Owner, ApiError> {
    validate::id(comment_id, Thing::Comment)?;
    rt.db()
        .first(stmt!(kind.of("").sql().owner, comment_id))
        .await?
        .ok_or_else(|| not_found(Thing::Comment))
}

/// The post or idea a live comment hangs under, if the reader may read it (not found otherwise,
/// as for the comment itself).
pub async fn readable_parent<R: Runtime>(
    rt: &R,
    actor: &Actor,
    kind: ThreadKind,
    comment_id: &str,
) -> Result<String, ApiError> {
    let owner = owner(rt, kind, comment_id).await?;
    if owner.deleted_at.is_some() {
        return Err(not_found(Thing::Comment));
    }
    kind.of(&owner.parent_id)
        .require_readable(rt, actor)
        .await?;
    Ok(owner.parent_id)
}

/// Replaces a comment's text (a full replacement, so a retry is harmless): its author only,
/// while they may still read the thread. Like a post's edit, it tells only those it now
/// mentions and did not before (a retry finds them mentioned already, and tells nobody).
pub async fn edit<R: Runtime>(
    rt: &R,
    actor: &Actor,
    kind: ThreadKind,
    comment_id: &str,
    input: &NewComment,
) -> Result<Comment, ApiError> {
    let owner = owner(rt, kind, comment_id).await?;
    if owner.deleted_at.is_some() {
        return Err(not_found(Thing::Comment));
    }
    if !may_edit(actor, &owner.author_id) {
        return Err(forbidden());
    }
    let body = validate::text("body", &input.body, COMMENT_MAX_CHARS)?;
    let thread = kind.of(&owner.parent_id);
    thread.require_readable(rt, actor).await?;
    let (body_html, edited_at) = (markdown::render(&body), rt.now());
    let mut stmts = vec![stmt!(
        thread.sql().edit,
        body.as_str(),
        body_html.as_str(),
        edited_at,
        comment_id
    )];
    let mentioned = text::new_mentions(&owner.body, &body);
    stmts.extend(thread.mention(actor, comment_id, &mentioned, edited_at));
    rt.db().batch(stmts).await?;
    Ok(Comment {
        id: comment_id.to_string(),
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        body_html,
        body: Some(body),
        created_at: owner.created_at,
        edited_at: Some(edited_at),
        can_edit: true,
        can_delete: true,
    })
}

/// Deletes a comment on a post or an idea: its author, or a moderator (audited). Deleting
/// twice is fine.
pub async fn delete<R: Runtime>(
    rt: &R,
    actor: &Actor,
    kind: ThreadKind,
    comment_id: &str,
) -> Result<(), ApiError> {
    let owner = owner(rt, kind, comment_id).await?;
    if owner.deleted_at.is_some() {
        return Ok(());
    }
    if !may_delete(actor, &owner.author_id) {
        return Err(forbidden());
    }
    let parent = kind.of(&owner.parent_id);
    let mut stmts = vec![stmt!(parent.sql().delete, rt.now(), comment_id)];
    stmts.extend(parent.recount());
    if owner.author_id != actor.id {
        stmts.push(audit::entry(
            rt,
            actor,
            "comment.delete",
            Some(comment_id),
            Some(&owner.author_id),
        ));
        let (post_id, idea_id) = match kind {
            ThreadKind::Post => (Some(owner.parent_id.as_str()), None),
            ThreadKind::Idea => (None, Some(owner.parent_id.as_str())),
        };
        let at = rt.now();
        stmts.push(notifications::removed(
            actor,
            &owner.author_id,
            post_id,
            idea_id,
            Some(comment_id),
            at,
        ));
    }
    rt.db().batch(stmts).await?;
    Ok(())
}
