//! Posts: the home feed and group feeds, newest first, paged by a (created_at, id) cursor,
//! never OFFSET. A post in a group is readable only by those who may read the group
//! (see `groups`); every query here carries that rule in its SQL.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::notifications::{self, Event, Recipients};
use super::policy::{Action, may_announce, may_delete, may_edit, require};
use super::reader::Reader;
use super::{
    audit, comments, forbidden, groups, markdown, not_found, places, sessions, text, validate,
};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers};
use balai_protocol::feed::{Ack, Author, NewPost, Post, PostDetail};
use balai_protocol::groups::GroupRef;
use balai_protocol::limits::{PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, POST_MAX_CHARS};
use balai_protocol::notifications::Kind;
use balai_protocol::places::PlaceRef;
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The columns every post query selects, so rows decode into [`PostRow`]. The reader is the
/// `reader` CTE joined as `r` (bind the statement with [`Reader::bind`]). The reader's own
/// confirmation is looked up only for the rare post that asks for one.
macro_rules! post_select {
    ($rest:expr) => {
        concat!(
            "SELECT p.id, p.author_id, u.name AS author_name, u.deactivated_at AS author_left,
                    p.body, p.body_html, p.created_at, p.edited_at, p.like_count, p.comment_count,
                    p.group_id, g.name AS group_name, p.announce_until,
                    EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = r.id) AS liked,
                    p.ack_required, p.ack_count,
                    CASE WHEN p.ack_required = 1 THEN
                      (SELECT a.created_at FROM post_acks a WHERE a.post_id = p.id AND a.user_id = r.id)
                    END AS acked_at,
                    p.photos, p.place_id, (SELECT pl.name FROM places pl WHERE pl.id = p.place_id AND ",
            place_visible!("r.editor", "r.id"),
            ") AS place_name
             FROM reader r CROSS JOIN posts p JOIN users u ON u.id = p.author_id
             LEFT JOIN user_groups g ON g.id = p.group_id ",
            $rest
        )
    };
}

mod following;
pub mod photos;

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
    group_id: Option<String>,
    group_name: Option<String>,
    announce_until: Option<Millis>,
    liked: i64,
    ack_required: i64,
    ack_count: i64,
    acked_at: Option<Millis>,
    photos: Option<String>,
    place_id: Option<String>,
    place_name: Option<String>,
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
            group: self
                .group_id
                .zip(self.group_name)
                .map(|(id, name)| GroupRef { id, name }),
            photos: photos::urls(&self.id, self.photos.as_deref()),
            id: self.id,
            body_html: self.body_html,
            created_at: self.created_at,
            edited_at: self.edited_at,
            like_count: self.like_count,
            comment_count: self.comment_count,
            liked_by_me: self.liked != 0,
            announce_until: self.announce_until,
            place: self
                .place_id
                .zip(self.place_name)
                .map(|(id, name)| PlaceRef { id, name }),
            ack: (self.ack_required != 0).then_some(Ack {
                mine: self.acked_at,
                count: self.ack_count,
            }),
            can_edit,
        }
    }
}

/// A feed cursor: `<created_at>.<id>` of the last post on the previous page.
pub fn parse_cursor(cursor: &str) -> Result<(Millis, String), ApiError> {
    let bad = validate::bad_cursor;
    let (at, id) = cursor.split_once('.').ok_or_else(bad)?;
    let at = at.parse::<Millis>().map_err(|_| bad())?;
    validate::id_cursor(Some(id))?;
    Ok((at, id.to_string()))
}

pub fn page_size(requested: Option<u32>) -> u32 {
    requested
        .unwrap_or(PAGE_SIZE_DEFAULT)
        .clamp(1, PAGE_SIZE_MAX)
}

/// Which posts a feed shows.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Company-wide posts and those of the groups the reader follows (joining follows).
    Home,
    /// Posts by the people, in the groups, and with the tags the reader follows.
    Following,
    /// One group's posts (the reader must be allowed to read the group).
    Group(&'a str),
    /// Posts with this tag (lower-case, without `#`).
    Tag(&'a str),
    /// The reader's own posts.
    Mine,
    /// Posts about a place the reader may see.
    Place(&'a str),
}

/// A feed page's position: after the post at `(created_at, id)`, or from the top.
fn position(cursor: Option<&str>) -> Result<(Millis, String), ApiError> {
    match cursor {
        Some(c) => parse_cursor(c),
        None => Ok((Millis::MAX, String::new())),
    }
}

/// One page of a feed, newest first, for the person behind a session token: the session
/// lookup, the check of a group's or a place's feed, and the page, in one D1 round trip. Posts
/// come with their authors, groups and whether the reader liked each, in one query walking
/// `posts_feed` (home), `posts_by_group`, `post_tags`, `posts_by_place` or `posts_by_author`.
/// The "following" filter reads the follows with the session first (two round trips: see
/// `following`).
pub async fn feed_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    scope: Scope<'_>,
    cursor: Option<&str>,
    limit: Option<u32>,
) -> Result<Page<Post>, ApiError> {
    let params = position(cursor).and_then(|before| valid_scope(scope).map(|()| before));
    let before = sessions::checked(rt, token, params).await?;
    let (limit, now) = (page_size(limit), rt.now());
    if let Scope::Following = scope {
        let (actor, rows) = following::page_by_session(rt, token, &before, limit).await?;
        return Ok(page(&actor, rows, limit));
    }
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        let reader = Reader::Session(hash);
        let check = match scope {
            Scope::Group(group_id) => Some(groups::row_stmt(&reader, group_id, now)),
            Scope::Place(place_id) => Some(places::visible_stmt(&reader, place_id)),
            Scope::Home | Scope::Following | Scope::Tag(_) | Scope::Mine => None,
        };
        let page = page_stmt(&reader, scope, &before, limit);
        check.into_iter().chain([page]).collect()
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    // The page's rows count only once its check has passed.
    let rows = match scope {
        Scope::Group(_) => {
            let [group, rows] = answers(sets)?;
            groups::require_readable_from(&actor, &group)?;
            rows
        }
        Scope::Place(_) => {
            let [place, rows] = answers(sets)?;
            places::require_visible_from(&place)?;
            rows
        }
        Scope::Home | Scope::Following | Scope::Tag(_) | Scope::Mine => {
            let [rows] = answers(sets)?;
            rows
        }
    };
    Ok(page(&actor, rows.decode()?, limit))
}

/// A group's or a place's id that could exist, before anything is read.
fn valid_scope(scope: Scope<'_>) -> Result<(), ApiError> {
    match scope {
        Scope::Group(group_id) => validate::id(group_id, Thing::Group),
        Scope::Place(place_id) => validate::id(place_id, Thing::Place),
        Scope::Home | Scope::Following | Scope::Tag(_) | Scope::Mine => Ok(()),
    }
}

fn page(actor: &Actor, rows: Vec<PostRow>, limit: u32) -> Page<Post> {
    let next_cursor = super::next_cursor(&rows, limit as i64, |r| {
        format!("{}.{}", r.created_at, r.id)
    });
    Page {
        items: rows
            .into_iter()
            .map(|r| r.into_post(actor, false))
            .collect(),
        next_cursor,
    }
}

/// The query for one page of `scope` after `before` (`created_at`, `id`), for `reader`.
fn page_stmt(reader: &Reader, scope: Scope<'_>, before: &(Millis, String), limit: u32) -> Stmt {
    let (before_at, before_id) = (before.0, before.1.as_str());
    let query = match scope {
        Scope::Home => stmt!(
            post_select!(concat!(
                // `created_at <= ?` seeks the index to the cursor; the rest drops the posts of
                // that same millisecond already shown. (A plain OR would scan from the top.)
                // The follows check names only the post, so SQLite runs it before joining the
                // author and the group: a post of a group not followed costs its row alone.
                "WHERE p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                   AND (p.group_id IS NULL OR EXISTS (SELECT 1 FROM follows fg
                        WHERE fg.user_id = r.id AND fg.kind = 'group' AND fg.target = p.group_id))
                   AND ",
                readable!("r.admin", "r.id"),
                " ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            )),
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
        // One statement: `following` uses it for those who follow more than it merges.
        Scope::Following => stmt!(
            post_select!(concat!(
                "WHERE p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                   AND (EXISTS (SELECT 1 FROM follows fp
                                WHERE fp.user_id = r.id AND fp.kind = 'person' AND fp.target = p.author_id)
                     OR EXISTS (SELECT 1 FROM follows fg
                                WHERE fg.user_id = r.id AND fg.kind = 'group' AND fg.target = p.group_id)
                     OR EXISTS (SELECT 1 FROM post_tags t JOIN follows f
                                ON f.user_id = r.id AND f.kind = 'tag' AND f.target = t.tag
                                WHERE t.post_id = p.id))
                   AND ",
                readable!("r.admin", "r.id"),
                " ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            )),
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
        // The group was checked readable by the caller.
        Scope::Group(group_id) => stmt!(
            post_select!(
                "WHERE p.group_id = ? AND p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                 ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            ),
            group_id,
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
        Scope::Tag(tag) => stmt!(
            // Walks post_tags (tag, created_at, post_id) from the cursor.
            post_select!(concat!(
                "JOIN post_tags t ON t.post_id = p.id
                 WHERE t.tag = ? AND t.created_at <= ? AND (t.created_at < ? OR t.post_id < ?)
                   AND p.deleted_at IS NULL AND ",
                readable!("r.admin", "r.id"),
                " ORDER BY t.created_at DESC, t.post_id DESC LIMIT ?"
            )),
            tag.to_lowercase(),
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
        // The place was checked visible by the caller.
        Scope::Place(place_id) => stmt!(
            // Walks posts_by_place (place_id, created_at, id) from the cursor.
            post_select!(concat!(
                "WHERE p.place_id = ? AND p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                   AND ",
                readable!("r.admin", "r.id"),
                " ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            )),
            place_id,
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
        Scope::Mine => stmt!(
            post_select!(
                "WHERE p.author_id = r.id AND p.deleted_at IS NULL AND p.created_at <= ? AND (p.created_at < ? OR p.id < ?)
                 ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
            ),
            before_at,
            before_at,
            before_id,
            limit as i64
        ),
    };
    reader.bind(query)
}

/// The live post `post_id` if `actor` may read it: one row or none.
fn load_stmt(reader: &Reader, post_id: &str) -> Stmt {
    reader.bind(stmt!(
        post_select!(concat!(
            "WHERE p.id = ? AND p.deleted_at IS NULL AND ",
            readable!("r.admin", "r.id")
        )),
        post_id
    ))
}

async fn load<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<PostRow, ApiError> {
    validate::id(post_id, Thing::Post)?;
    rt.db()
        .first(load_stmt(&Reader::Actor(actor), post_id))
        .await?
        .ok_or_else(|| not_found(Thing::Post))
}

/// What a check that a post is readable answers besides: its photos (see `photos`).
#[derive(Deserialize)]
pub struct Readable {
    pub photos: Option<String>,
}

/// 404 unless `post_id` names a live post that `actor` may read (a post in a group closed to
/// them looks the same as a missing one).
pub async fn require_readable<R: Runtime>(
    rt: &R,
    actor: &Actor,
    post_id: &str,
) -> Result<Readable, ApiError> {
    validate::id(post_id, Thing::Post)?;
    rt.db()
        .first::<Readable>(stmt!(
            concat!(
                "SELECT p.photos FROM posts p LEFT JOIN user_groups g ON g.id = p.group_id
                 WHERE p.id = ? AND p.deleted_at IS NULL AND ",
                readable!()
            ),
            post_id,
            actor.admin_flag(),
            actor.id.as_str()
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Post))
}

/// A post with its comments, for the person behind a session token: the session lookup, the
/// post and its comments in one D1 round trip. The comments count only if the post is there
/// for this reader.
pub async fn detail_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    post_id: &str,
) -> Result<PostDetail, ApiError> {
    sessions::checked(rt, token, validate::id(post_id, Thing::Post)).await?;
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        let thread = comments::Thread::Post(post_id);
        vec![
            load_stmt(&Reader::Session(hash), post_id),
            comments::list_stmt(thread),
        ]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [post, comments] = answers(sets)?;
    let post: PostRow = post.first()?.ok_or_else(|| not_found(Thing::Post))?;
    Ok(PostDetail {
        post: post.into_post(&actor, true),
        comments: comments::list_from(&actor, &comments)?,
    })
}

/// A post's text, checked: it may be empty only when the post has photos to show.
fn post_text(body: &str, has_photos: bool) -> Result<String, ApiError> {
    if has_photos {
        validate::optional("body", body, POST_MAX_CHARS)
    } else {
        validate::text("body", body, POST_MAX_CHARS)
    }
}

/// Either the new post, or the first answer to a retry with the same idempotency key.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewPost,
    key: Option<&str>,
) -> Result<Created<Box<Post>>, ApiError> {
    require(actor, Action::CreatePost)?;
    let new_photos = photos::decode(&input.photos)?;
    let body = post_text(&input.body, !new_photos.is_empty())?;
    let group = match &input.group_id {
        Some(id) => Some(groups::require_member(rt, actor, id).await?),
        None => None,
    };
    let place = match &input.place_id {
        Some(id) => Some(places::require_visible(rt, actor, id).await?),
        None => None,
    };
    let announce_until = match input.announce_until {
        Some(until) => Some(announcement_end(rt, actor, until, group.is_some())?),
        None => None,
    };
    if input.ack_required && announce_until.is_none() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "ack_required",
            "Only an announcement asks everyone to confirm they have read it.",
            "Hanya pengumuman yang meminta semua orang mengonfirmasi sudah membacanya.",
        ));
    }
    let created_at = rt.now();
    let id = new_id(rt);
    let photo_column = photos::column(&new_photos);
    let post = Post {
        photos: photos::urls(&id, photo_column.as_deref()),
        id,
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        group: group.map(|g| GroupRef {
            id: g.id,
            name: g.name,
        }),
        body_html: markdown::render(&body),
        body: Some(body),
        created_at,
        edited_at: None,
        like_count: 0,
        comment_count: 0,
        liked_by_me: false,
        can_edit: true,
        can_delete: true,
        announce_until,
        place,
        // Its author has read it: they are the first to have confirmed.
        ack: input.ack_required.then_some(Ack {
            mine: Some(created_at),
            count: 1,
        }),
    };
    let body = post.body.as_deref().unwrap_or_default();
    let group_id = post.group.as_ref().map(|g| g.id.as_str());
    let mut stmts = vec![stmt!(
        "INSERT INTO posts (id, author_id, body, body_html, created_at, group_id, announce_until, place_id, ack_required, ack_count, photos)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        post.id.as_str(),
        actor.id.as_str(),
        body,
        post.body_html.as_str(),
        post.created_at,
        group_id,
        announce_until,
        post.place.as_ref().map(|p| p.id.as_str()),
        i64::from(input.ack_required),
        i64::from(input.ack_required),
        photo_column.as_deref()
    )];
    if input.ack_required {
        stmts.push(stmt!(
            "INSERT INTO post_acks (post_id, user_id, created_at) VALUES (?, ?, ?)",
            post.id.as_str(),
            actor.id.as_str(),
            created_at
        ));
    }
    stmts.extend(tag_rows(&post.id, body, post.created_at));
    let event = |kind| Event {
        kind,
        actor_id: &actor.id,
        post_id: Some(&post.id),
        group_id,
        idea_id: None,
        comment_id: None,
        at: post.created_at,
    };
    // Mentions first: someone both mentioned and following the group hears once, as mentioned.
    for handle in text::mentions(body) {
        stmts.push(notifications::deliver(
            &event(Kind::Mention),
            Recipients::handle(&handle),
        ));
    }
    if let Some(g) = group_id {
        stmts.push(notifications::deliver(
            &event(Kind::GroupPost),
            Recipients::group_followers(g),
        ));
    }
    if announce_until.is_some() {
        stmts.push(notifications::deliver(
            &event(Kind::Announcement),
            Recipients::everyone(),
        ));
    }
    photos::keep(rt, &post.id, &new_photos).await?;
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &post).await? {
            None => Created::New(Box::new(post)),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Replaces a post's text (a full replacement, so a retry is harmless). Author only. Those it
/// now mentions and did not before hear of it (a retry finds them mentioned, and tells nobody).
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
    let body = post_text(&input.body, row.photos.is_some())?;
    let (html, edited_at) = (markdown::render(&body), rt.now());
    let mut stmts = vec![
        stmt!(
            "UPDATE posts SET body = ?, body_html = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL",
            body.as_str(),
            html,
            edited_at,
            post_id
        ),
        stmt!("DELETE FROM post_tags WHERE post_id = ?", post_id),
    ];
    stmts.extend(tag_rows(post_id, &body, row.created_at));
    let mentioned = Event {
        kind: Kind::Mention,
        actor_id: &actor.id,
        post_id: Some(post_id),
        group_id: row.group_id.as_deref(),
        idea_id: None,
        comment_id: None,
        at: edited_at,
    };
    for handle in text::new_mentions(&row.body, &body) {
        stmts.push(notifications::deliver(
            &mentioned,
            Recipients::handle(&handle),
        ));
    }
    rt.db().batch(stmts).await?;
    Ok(load(rt, actor, post_id).await?.into_post(actor, true))
}

/// Deletes a post: its author, or an admin (audited). Deleting twice is fine.
pub async fn delete<R: Runtime>(rt: &R, actor: &Actor, post_id: &str) -> Result<(), ApiError> {
    validate::id(post_id, Thing::Post)?;
    #[derive(Deserialize)]
    struct Owner {
        author_id: String,
        deleted_at: Option<Millis>,
        photos: Option<String>,
    }
    let owner: Owner = rt
        .db()
        .first(stmt!(
            "SELECT author_id, deleted_at, photos FROM posts WHERE id = ?",
            post_id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Post))?;
    if owner.deleted_at.is_some() {
        return Ok(());
    }
    if !may_delete(actor, &owner.author_id) {
        return Err(forbidden());
    }
    let mut stmts = vec![
        stmt!(
            "UPDATE posts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            rt.now(),
            post_id
        ),
        stmt!("DELETE FROM post_tags WHERE post_id = ?", post_id),
    ];
    if owner.author_id != actor.id {
        stmts.push(audit::entry(
            rt,
            actor,
            "post.delete",
            Some(post_id),
            Some(&owner.author_id),
        ));
        let at = rt.now();
        stmts.push(notifications::removed(
            actor,
            &owner.author_id,
            Some(post_id),
            None,
            None,
            at,
        ));
    }
    rt.db().batch(stmts).await?;
    // Its photos go with it (an unfortunate picture, or one a moderator took down).
    photos::forget(rt, post_id, owner.photos.as_deref()).await
}

/// The rows indexing a post's #tags (at its creation time, so a tag's feed pages like the feed),
/// and, for a post everyone may read, the count in `tags` that tag search looks up.
/// Run after the post's own insert or update.
fn tag_rows(post_id: &str, body: &str, created_at: Millis) -> Vec<Stmt> {
    text::tags(body)
        .into_iter()
        .flat_map(|tag| {
            [
                stmt!(
                    "INSERT OR IGNORE INTO post_tags (tag, post_id, created_at) VALUES (?, ?, ?)",
                    tag.as_str(),
                    post_id,
                    created_at
                ),
                stmt!(
                    "INSERT INTO tags (tag, uses)
                     SELECT ?, 1 FROM posts p LEFT JOIN user_groups g ON g.id = p.group_id
                     WHERE p.id = ? AND (p.group_id IS NULL OR g.visibility = 'open')
                     ON CONFLICT (tag) DO UPDATE SET uses = uses + 1",
                    tag.as_str(),
                    post_id
                ),
            ]
        })
        .collect()
}

/// Announcements: company-wide, by those allowed, ending in the future and within 90 days.
fn announcement_end<R: Runtime>(
    rt: &R,
    actor: &Actor,
    until: Millis,
    in_group: bool,
) -> Result<Millis, ApiError> {
    if !may_announce(actor) {
        return Err(forbidden());
    }
    let bad = |en: &str, id: &str| ApiError::field(ErrorCode::Validation, "announce_until", en, id);
    if in_group {
        return Err(bad(
            "Announcements go to the whole company, not to a group.",
            "Pengumuman ditujukan ke seluruh perusahaan, bukan ke satu grup.",
        ));
    }
    let now = rt.now();
    if until <= now || until > now + ANNOUNCEMENT_MAX_MS {
        return Err(bad(
            "An announcement ends in the future, within 90 days.",
            "Pengumuman berakhir di masa depan, dalam 90 hari.",
        ));
    }
    Ok(until)
}

const ANNOUNCEMENT_MAX_MS: Millis = 90 * 24 * 60 * 60 * 1000;

/// The announcements pinned above the feed now, newest first, at most five, for the person
/// behind a session token: the session lookup and the announcements in one D1 round trip.
pub async fn announcements_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<Post>, ApiError> {
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(
            post_select!(
                "WHERE p.announce_until > ? AND p.deleted_at IS NULL
                 ORDER BY p.created_at DESC LIMIT 5"
            ),
            now
        ))]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    Ok(rows
        .decode::<PostRow>()?
        .into_iter()
        .map(|r| r.into_post(&actor, false))
        .collect())
}
