//! Bookmarks on one's work page: a person's own links, in their order (only they see them),
//! and shared sets an admin keeps for a position (everyone with that position sees them).

use super::super::actor::Actor;
use super::super::ids::new_id;
use super::super::policy::{Action, require};
use super::super::reader::Reader;
use super::super::{audit, not_found, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, count};
use balai_protocol::limits::{BOOKMARK_TITLE_MAX_CHARS, BOOKMARK_URL_MAX_CHARS, BOOKMARKS_MAX};
use balai_protocol::people::{Bookmark, NewBookmark, NewPositionBookmark};
use balai_protocol::{ApiError, ErrorCode};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    id: String,
    title: String,
    url: String,
    position: Option<String>,
}

impl From<Row> for Bookmark {
    fn from(r: Row) -> Self {
        Bookmark {
            id: r.id,
            title: r.title,
            url: r.url,
            position: r.position,
        }
    }
}

/// A link people can open safely: http(s) only (never `javascript:`), no spaces.
fn checked_url(url: &str) -> Result<String, ApiError> {
    let url = validate::text("url", url, BOOKMARK_URL_MAX_CHARS)?;
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !web || url.contains(char::is_whitespace) || url.len() < 10 {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "url",
            "A link starts with https:// (or http://) and has no spaces.",
            "Tautan diawali https:// (atau http://) dan tanpa spasi.",
        ));
    }
    Ok(url)
}

/// The reader's own bookmarks, then those shared with their position, each in order: none
/// unless `page_of` (the person whose page shows them) is the reader, since they are theirs
/// alone. Read with [`mine_from`].
pub fn mine_stmt(reader: &Reader, page_of: &str) -> Stmt {
    reader.bind(stmt!(
        "SELECT id, title, url, position FROM (
             SELECT b.id, b.title, b.url, NULL AS position, 0 AS shared, b.sort
             FROM reader r JOIN bookmarks b ON b.user_id = r.id WHERE r.id = ?
             UNION ALL
             SELECT pb.id, pb.title, pb.url, pb.position_title, 1, pb.sort
             FROM reader r JOIN users u ON u.id = r.id AND u.position <> ''
               JOIN position_bookmarks pb ON pb.position_title = u.position
             WHERE r.id = ?)
         ORDER BY shared, sort",
        page_of,
        page_of
    ))
}

pub fn mine_from(answer: &impl RowSet) -> Result<Vec<Bookmark>, ApiError> {
    let rows: Vec<Row> = answer.decode()?;
    Ok(rows.into_iter().map(Bookmark::from).collect())
}

/// The reader's bookmarks, as their page shows them.
async fn mine<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<Bookmark>, ApiError> {
    let [rows] = rt
        .db()
        .read_each([mine_stmt(&Reader::Actor(actor), &actor.id)])
        .await?;
    mine_from(&rows)
}

/// Adds one of the reader's own bookmarks, last.
pub async fn add<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewBookmark,
) -> Result<Vec<Bookmark>, ApiError> {
    require(actor, Action::EditOwnContent)?;
    let title = validate::text("title", &input.title, BOOKMARK_TITLE_MAX_CHARS)?;
    let url = checked_url(&input.url)?;
    let existing = count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM bookmarks WHERE user_id = ?",
            actor.id.as_str()
        ),
    )
    .await?;
    if existing >= BOOKMARKS_MAX as i64 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("At most {BOOKMARKS_MAX} bookmarks: remove one first."),
            format!("Paling banyak {BOOKMARKS_MAX} penanda: hapus satu dulu."),
        ));
    }
    // The same link twice is one bookmark (a retried add changes nothing).
    rt.db()
        .run(stmt!(
            "INSERT INTO bookmarks (id, user_id, title, url, sort, created_at)
             SELECT ?, ?, ?, ?, coalesce((SELECT MAX(sort) FROM bookmarks WHERE user_id = ?), 0) + 1, ?
             WHERE NOT EXISTS (SELECT 1 FROM bookmarks WHERE user_id = ? AND url = ?)",
            new_id(rt),
            actor.id.as_str(),
            title.as_str(),
            url.as_str(),
            actor.id.as_str(),
            rt.now(),
            actor.id.as_str(),
            url.as_str()
        ))
        .await?;
    mine(rt, actor).await
}

/// Removes one of the reader's own bookmarks (removing twice is fine).
pub async fn remove<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
) -> Result<Vec<Bookmark>, ApiError> {
    validate::id(id, Thing::Bookmark)?;
    rt.db()
        .run(stmt!(
            "DELETE FROM bookmarks WHERE id = ? AND user_id = ?",
            id,
            actor.id.as_str()
        ))
        .await?;
    mine(rt, actor).await
}

/// Puts the reader's own bookmarks in the order of `ids` (all of them, each once).
pub async fn reorder<R: Runtime>(
    rt: &R,
    actor: &Actor,
    ids: &[String],
) -> Result<Vec<Bookmark>, ApiError> {
    let current = mine(rt, actor).await?;
    let own: Vec<&str> = current
        .iter()
        .filter(|b| b.position.is_none())
        .map(|b| b.id.as_str())
        .collect();
    let mut sorted_ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut sorted_own = own.clone();
    sorted_ids.sort_unstable();
    sorted_own.sort_unstable();
    if sorted_ids != sorted_own {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "ids",
            "List each of your bookmarks once.",
            "Cantumkan setiap penanda Anda sekali saja.",
        ));
    }
    let stmts = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            stmt!(
                "UPDATE bookmarks SET sort = ? WHERE id = ? AND user_id = ?",
                i as i64 + 1,
                id.as_str(),
                actor.id.as_str()
            )
        })
        .collect();
    rt.db().batch(stmts).await?;
    mine(rt, actor).await
}

/// Every shared set, by position then order. Admins only.
pub async fn shared<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<Bookmark>, ApiError> {
    require(actor, Action::ManagePeople)?;
    let rows: Vec<Row> = rt
        .db()
        .all(stmt!(
            "SELECT id, title, url, position_title AS position FROM position_bookmarks
             ORDER BY position_title, sort"
        ))
        .await?;
    Ok(rows.into_iter().map(Bookmark::from).collect())
}

/// Adds a link to a position's shared set. Admins only; audited.
pub async fn add_shared<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewPositionBookmark,
) -> Result<Vec<Bookmark>, ApiError> {
    require(actor, Action::ManagePeople)?;
    let position = validate::text(
        "position",
        &input.position,
        balai_protocol::limits::POSITION_MAX_CHARS,
    )?;
    let title = validate::text("title", &input.title, BOOKMARK_TITLE_MAX_CHARS)?;
    let url = checked_url(&input.url)?;
    let id = new_id(rt);
    rt.db()
        .batch(vec![
            stmt!(
                "INSERT INTO position_bookmarks (id, position_title, title, url, sort, created_by, created_at)
                 SELECT ?, ?, ?, ?, coalesce((SELECT MAX(sort) FROM position_bookmarks WHERE position_title = ?), 0) + 1, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM position_bookmarks WHERE position_title = ? AND url = ?)",
                id.as_str(),
                position.as_str(),
                title.as_str(),
                url.as_str(),
                position.as_str(),
                actor.id.as_str(),
                rt.now(),
                position.as_str(),
                url.as_str()
            ),
            audit::entry(rt, actor, "bookmark.shared.add", Some(&id), Some(&position)),
        ])
        .await?;
    shared(rt, actor).await
}

/// Removes a shared link. Admins only; audited.
pub async fn remove_shared<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
) -> Result<Vec<Bookmark>, ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(id, Thing::Bookmark)?;
    let found = count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM position_bookmarks WHERE id = ?",
            id
        ),
    )
    .await?;
    if found == 0 {
        return Err(not_found(Thing::Bookmark));
    }
    rt.db()
        .batch(vec![
            stmt!("DELETE FROM position_bookmarks WHERE id = ?", id),
            audit::entry(rt, actor, "bookmark.shared.remove", Some(id), None),
        ])
        .await?;
    shared(rt, actor).await
}
