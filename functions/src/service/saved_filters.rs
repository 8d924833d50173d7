//! Saved feed filters: a person names a filter (a tag, a group, "following", "mine") and finds
//! it as a chip above the home feed on any device.

use super::actor::Actor;
use super::ids::new_id;
use super::{groups, not_found, sessions, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, answers, count};
use balai_protocol::feed::SavedFilter;
use balai_protocol::limits::{SAVED_FILTER_NAME_MAX_CHARS, SAVED_FILTERS_MAX};
use balai_protocol::{ApiError, ErrorCode};

/// The query in its one normal form, if it names a feed the actor may read.
async fn normalize<R: Runtime>(rt: &R, actor: &Actor, query: &str) -> Result<String, ApiError> {
    let bad = || {
        ApiError::field(
            ErrorCode::Validation,
            "query",
            "A saved filter is filter=following, filter=mine, tag=<tag> or group=<id>.",
            "Filter tersimpan berupa filter=following, filter=mine, tag=<tag> atau group=<id>.",
        )
    };
    let (key, value) = query.trim().split_once('=').ok_or_else(bad)?;
    match key {
        "filter" if value == "following" || value == "mine" => Ok(format!("filter={value}")),
        "tag" => {
            let tag = groups::normalize_tags(&[value.to_string()])?
                .pop()
                .ok_or_else(bad)?;
            Ok(format!("tag={tag}"))
        }
        "group" => {
            let group = groups::require_readable(rt, actor, value).await?;
            Ok(format!("group={}", group.id))
        }
        _ => Err(bad()),
    }
}

/// The person's saved filters, oldest first, for the person behind a session token: the
/// session lookup and the filters in one D1 round trip (the home feed asks on every start).
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<SavedFilter>, ApiError> {
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![stmt!(
            concat!(
                "SELECT id, name, query FROM saved_filters WHERE user_id = ",
                crate::session_user!(),
                " ORDER BY created_at LIMIT ?"
            ),
            hash,
            SAVED_FILTERS_MAX as i64
        )]
    })
    .await?;
    let [rows] = answers(sets)?;
    Ok(rows.decode()?)
}

/// Saves a filter; saving the same query again renames it rather than adding a second.
pub async fn save<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &SavedFilter,
) -> Result<SavedFilter, ApiError> {
    let name = validate::text("name", &input.name, SAVED_FILTER_NAME_MAX_CHARS)?;
    let query = normalize(rt, actor, &input.query).await?;
    let others = count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM saved_filters WHERE user_id = ? AND query <> ?",
            actor.id.as_str(),
            query.as_str()
        ),
    )
    .await?;
    if others >= SAVED_FILTERS_MAX as i64 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("You can keep {SAVED_FILTERS_MAX} saved filters. Remove one first."),
            format!("Anda dapat menyimpan {SAVED_FILTERS_MAX} filter. Hapus satu dulu."),
        ));
    }
    rt.db()
        .run(stmt!(
            "INSERT INTO saved_filters (id, user_id, name, query, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (user_id, query) DO UPDATE SET name = excluded.name",
            new_id(rt),
            actor.id.as_str(),
            name.as_str(),
            query.as_str(),
            rt.now()
        ))
        .await?;
    rt.db()
        .first(stmt!(
            "SELECT id, name, query FROM saved_filters WHERE user_id = ? AND query = ?",
            actor.id.as_str(),
            query.as_str()
        ))
        .await?
        .ok_or_else(|| not_found(Thing::SavedFilter))
}

/// Removes one of the actor's saved filters. Removing twice is fine.
pub async fn remove<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<(), ApiError> {
    validate::id(id, Thing::SavedFilter)?;
    rt.db()
        .run(stmt!(
            "DELETE FROM saved_filters WHERE id = ? AND user_id = ?",
            id,
            actor.id.as_str()
        ))
        .await?;
    Ok(())
}
