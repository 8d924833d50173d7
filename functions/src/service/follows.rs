//! Following people, groups and tags: what the "following" filter shows, and (for groups with
//! `notify`) which new posts notify. Joining a group follows it; leaving unfollows.

use super::actor::Actor;
use super::reader::Reader;
use super::{after_name, groups, name_cursor, next_cursor, not_found, sessions, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers, count};
use balai_protocol::feed::{Follow, FollowKind, FollowState, Followed};
use balai_protocol::{ApiError, Millis, Page};
use serde::Deserialize;

/// Most follows a person keeps; far more than anyone reads.
const FOLLOWS_MAX: i64 = 1_000;

fn kind_str(kind: FollowKind) -> &'static str {
    match kind {
        FollowKind::Person => "person",
        FollowKind::Group => "group",
        FollowKind::Tag => "tag",
    }
}

/// The statement that makes `user_id` follow a group (kept as it is if they already do).
pub fn group_stmt(user_id: &str, group_id: &str, at: i64) -> Stmt {
    stmt!(
        "INSERT OR IGNORE INTO follows (user_id, kind, target, notify, created_at) VALUES (?, 'group', ?, 0, ?)",
        user_id,
        group_id,
        at
    )
}

pub fn unfollow_group_stmt(user_id: &str, group_id: &str) -> Stmt {
    stmt!(
        "DELETE FROM follows WHERE user_id = ? AND kind = 'group' AND target = ?",
        user_id,
        group_id
    )
}

/// Follows (or updates `notify` on) a person, group or tag the actor may see. Repeating is fine.
pub async fn follow<R: Runtime>(rt: &R, actor: &Actor, input: &Follow) -> Result<Follow, ApiError> {
    let target = match input.kind {
        FollowKind::Person => {
            validate::id(&input.target, Thing::Person)?;
            rt.db()
                .first::<serde::de::IgnoredAny>(stmt!(
                    "SELECT 1 AS found FROM users WHERE id = ? AND deactivated_at IS NULL",
                    input.target.as_str()
                ))
                .await?
                .ok_or_else(|| not_found(Thing::Person))?;
            input.target.clone()
        }
        FollowKind::Group => groups::require_readable(rt, actor, &input.target).await?.id,
        FollowKind::Tag => groups::normalize_tags(std::slice::from_ref(&input.target))?
            .pop()
            .ok_or_else(|| {
                ApiError::field(
                    balai_protocol::ErrorCode::Validation,
                    "target",
                    "Name a tag to follow.",
                    "Sebutkan tag yang ingin diikuti.",
                )
            })?,
    };
    let followed = count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM follows WHERE user_id = ?",
            actor.id.as_str()
        ),
    )
    .await?;
    if followed >= FOLLOWS_MAX {
        return Err(ApiError::new(
            balai_protocol::ErrorCode::Conflict,
            "You follow as much as Balai keeps. Unfollow something first.",
            "Anda sudah mengikuti sebanyak yang bisa disimpan Balai. Berhenti mengikuti sesuatu dulu.",
        ));
    }
    let notify = input.notify && input.kind == FollowKind::Group;
    rt.db()
        .run(stmt!(
            "INSERT INTO follows (user_id, kind, target, notify, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (user_id, kind, target) DO UPDATE SET notify = excluded.notify",
            actor.id.as_str(),
            kind_str(input.kind),
            target.as_str(),
            i64::from(notify),
            rt.now()
        ))
        .await?;
    Ok(Follow {
        kind: input.kind,
        target,
        notify,
    })
}

pub async fn unfollow<R: Runtime>(
    rt: &R,
    actor: &Actor,
    kind: FollowKind,
    target: &str,
) -> Result<(), ApiError> {
    rt.db()
        .run(stmt!(
            "DELETE FROM follows WHERE user_id = ? AND kind = ? AND target = ?",
            actor.id.as_str(),
            kind_str(kind),
            stored_target(kind, target)
        ))
        .await?;
    Ok(())
}

/// `target` as `follows` keeps it: tags lower-case without '#', ids as they are.
fn stored_target(kind: FollowKind, target: &str) -> String {
    match kind {
        FollowKind::Tag => target.trim_start_matches('#').to_lowercase(),
        FollowKind::Person | FollowKind::Group => target.to_string(),
    }
}

/// Whether the person behind a session token follows one thing (one key of `follows`), in the
/// session lookup's D1 round trip: what a follow button asks when its page did not say (a tag's).
pub async fn state_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    kind: &str,
    target: &str,
) -> Result<FollowState, ApiError> {
    let kind = parse_kind(kind).ok_or_else(|| not_found(Thing::Follow));
    let kind = sessions::checked(rt, token, kind).await?;
    let target = stored_target(kind, target);
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![stmt!(
            concat!(
                "SELECT notify FROM follows WHERE user_id = ",
                crate::session_user!(),
                " AND kind = ? AND target = ?"
            ),
            hash,
            kind_str(kind),
            target.as_str()
        )]
    })
    .await?;
    let [rows] = answers(sets)?;
    let notify = rows.first::<Notify>()?.map(|row| row.notify != 0);
    Ok(FollowState {
        following: notify.is_some(),
        notify: notify.unwrap_or(false),
    })
}

#[derive(Deserialize)]
struct Notify {
    notify: i64,
}

/// Follows listed a page at a time.
const FOLLOWS_PAGE: i64 = 50;

/// What the person behind a session token follows, by kind (groups, people, tags) then target,
/// a page at a time after `cursor`, each with its name: in the session lookup's D1 round trip.
/// A secret group's name shows only to its members (and admins).
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    cursor: Option<&str>,
) -> Result<Page<Followed>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        kind: FollowKind,
        target: String,
        name: Option<String>,
        left_at: Option<Millis>,
        notify: i64,
    }
    // The same (first, second) pair cursor as a list by name: here (kind, target).
    let (after_kind, after_target) = sessions::checked(rt, token, after_name(cursor)).await?;
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(
            "SELECT f.kind, f.target, f.notify, u.deactivated_at AS left_at,
                    CASE f.kind
                      WHEN 'person' THEN u.name
                      WHEN 'group' THEN
                        CASE WHEN g.visibility <> 'secret' OR r.admin = 1
                               OR EXISTS (SELECT 1 FROM group_members gm
                                          WHERE gm.group_id = g.id AND gm.user_id = r.id)
                             THEN g.name END
                      ELSE f.target END AS name
             FROM reader r JOIN follows f ON f.user_id = r.id
             LEFT JOIN users u ON f.kind = 'person' AND u.id = f.target
             LEFT JOIN user_groups g ON f.kind = 'group' AND g.id = f.target
             WHERE (f.kind, f.target) > (?, ?)
             ORDER BY f.kind, f.target LIMIT ?",
            after_kind,
            after_target,
            FOLLOWS_PAGE
        ))]
    })
    .await?;
    let [rows] = answers(sets)?;
    let rows: Vec<Row> = rows.decode()?;
    let next_cursor = next_cursor(&rows, FOLLOWS_PAGE, |r| {
        name_cursor(kind_str(r.kind), &r.target)
    });
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| Followed {
                kind: r.kind,
                former: r.left_at.is_some(),
                name: r.name,
                target: r.target,
                notify: r.notify != 0,
            })
            .collect(),
        next_cursor,
    })
}

pub fn parse_kind(s: &str) -> Option<FollowKind> {
    match s {
        "person" => Some(FollowKind::Person),
        "group" => Some(FollowKind::Group),
        "tag" => Some(FollowKind::Tag),
        _ => None,
    }
}
