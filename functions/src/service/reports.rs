//! Reports: anyone flags a post or comment they can read; those who moderate (admins, and those
//! granted 'moderation') hear of it and decide, from one queue, whether it stays or goes.
//!
//! A reporter is shown to the moderators only, never to the author. A moderator's queue holds
//! only what they may read (a closed group's post, for its members and the admins), as the
//! notification does, since both go through the same visibility rules.

use super::actor::Actor;
use super::comments::{self, ThreadKind};
use super::notifications::{self, Event, Recipients};
use super::policy::may_moderate;
use super::{audit, forbidden, posts, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Db, Stmt};
use balai_protocol::feed::{Author, comment_anchor};
use balai_protocol::limits::{PAGE_SIZE_DEFAULT, REPORT_NOTE_MAX_CHARS};
use balai_protocol::notifications::Kind;
use balai_protocol::reports::{
    Decided, NewReport, ReportDecision, ReportEntry, ReportReason, ReportTarget, Reported,
    ReportedItem,
};
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// Where a reported thing is read: the post it is (or is under), or the idea.
enum Where {
    Post(String),
    Idea(String),
}

/// The id of a reported comment, for the notifications about it; none for a post.
fn comment_id(target: ReportTarget, id: &str) -> Option<&str> {
    (target != ReportTarget::Post).then_some(id)
}

/// Refuses what the actor may not read (not found, as everywhere), and says where it is.
async fn locate<R: Runtime>(
    rt: &R,
    actor: &Actor,
    target: ReportTarget,
    id: &str,
) -> Result<Where, ApiError> {
    Ok(match target {
        ReportTarget::Post => {
            posts::require_readable(rt, actor, id).await?;
            Where::Post(id.to_string())
        }
        ReportTarget::Comment => {
            Where::Post(comments::readable_parent(rt, actor, ThreadKind::Post, id).await?)
        }
        ReportTarget::IdeaComment => {
            Where::Idea(comments::readable_parent(rt, actor, ThreadKind::Idea, id).await?)
        }
    })
}

/// Reports a post or comment. Once per person and thing: a repeat (a retry, a second tap)
/// answers the first report's time and changes nothing. Those who moderate hear of the thing's
/// first open report only, so ten reports of one post make one notification each.
/// Answers whether this report is new.
pub async fn report<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewReport,
) -> Result<(Reported, bool), ApiError> {
    let note = if input.reason == ReportReason::Other {
        validate::text("note", &input.note, REPORT_NOTE_MAX_CHARS)?
    } else {
        validate::optional("note", &input.note, REPORT_NOTE_MAX_CHARS)?
    };
    let place = locate(rt, actor, input.target, &input.id).await?;
    let (target, now) = (input.target.as_str(), rt.now());
    let (post_id, idea_id) = match &place {
        Where::Post(id) => (Some(id.as_str()), None),
        Where::Idea(id) => (None, Some(id.as_str())),
    };
    let event = Event {
        kind: Kind::Report,
        actor_id: &actor.id,
        post_id,
        group_id: None,
        idea_id,
        comment_id: comment_id(input.target, &input.id),
        at: now,
    };
    let changes = rt
        .db()
        .batch(vec![
            stmt!(
                "INSERT INTO reports (target, target_id, reporter_id, reason, note, created_at)
                 VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                target,
                input.id.as_str(),
                actor.id.as_str(),
                input.reason.as_str(),
                note.as_str(),
                now
            ),
            notifications::deliver(
                &event,
                moderators_on_first_report(actor, target, &input.id, now),
            ),
        ])
        .await?;
    #[derive(Deserialize)]
    struct At {
        created_at: Millis,
    }
    let first: Option<At> = rt
        .db()
        .first(stmt!(
            "SELECT created_at FROM reports WHERE target = ? AND target_id = ? AND reporter_id = ?",
            target,
            input.id.as_str(),
            actor.id.as_str()
        ))
        .await?;
    Ok((
        Reported {
            reported_at: first.map_or(now, |a| a.created_at),
        },
        changes.first() == Some(&1),
    ))
}

/// SQL: the ids of those who moderate, admins and those granted 'moderation'.
macro_rules! moderators {
    () => {
        "SELECT id FROM users
         WHERE (role = 'admin' OR id IN (SELECT user_id FROM role_grants WHERE capability = 'moderation'))"
    };
}

/// Admins and moderators, when the report just made (by `actor` at `at`) is the thing's only
/// open one.
fn moderators_on_first_report(actor: &Actor, target: &str, id: &str, at: Millis) -> Recipients {
    Recipients {
        sql: concat!(
            moderators!(),
            " AND EXISTS (SELECT 1 FROM reports WHERE target = ? AND target_id = ? AND reporter_id = ? AND created_at = ?)
                AND (SELECT COUNT(*) FROM reports WHERE target = ? AND target_id = ? AND decided_at IS NULL) = 1"
        ),
        params: vec![
            target.into(),
            id.into(),
            actor.id.as_str().into(),
            at.into(),
            target.into(),
            id.into(),
        ],
    }
}

fn require_moderator(actor: &Actor) -> Result<(), ApiError> {
    if may_moderate(actor) {
        Ok(())
    } else {
        Err(forbidden())
    }
}

#[derive(Deserialize)]
struct QueueRow {
    target: ReportTarget,
    target_id: String,
    first_at: Millis,
    /// The open reports, as a JSON array of [`EntryRow`].
    entries: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    body_html: String,
    written_at: Millis,
    post_id: Option<String>,
    idea_id: Option<String>,
}

#[derive(Deserialize)]
struct EntryRow {
    reporter_id: String,
    reporter_name: String,
    reporter_left: Option<Millis>,
    reason: ReportReason,
    note: String,
    at: Millis,
}

/// The moderation queue: reported posts and comments with open reports that the actor may read
/// and that are still there, the longest waiting first, 20 a page. Moderators and admins only.
pub async fn queue<R: Runtime>(
    rt: &R,
    actor: &Actor,
    cursor: Option<&str>,
) -> Result<Page<ReportedItem>, ApiError> {
    require_moderator(actor)?;
    let (after_at, after_id) = match cursor {
        Some(c) => posts::parse_cursor(c)?,
        None => (0, String::new()),
    };
    let limit = i64::from(PAGE_SIZE_DEFAULT);
    let rows: Vec<QueueRow> = rt
        .db()
        .all(stmt!(
            concat!(
                "SELECT r.target, r.target_id, MIN(r.created_at) AS first_at,
                        json_group_array(json_object('reporter_id', r.reporter_id, 'reporter_name', ru.name,
                          'reporter_left', ru.deactivated_at, 'reason', r.reason, 'note', r.note,
                          'at', r.created_at)) AS entries,
                        a.id AS author_id, a.name AS author_name, a.deactivated_at AS author_left,
                        COALESCE(c.body_html, ic.body_html, p.body_html) AS body_html,
                        COALESCE(c.created_at, ic.created_at, p.created_at) AS written_at,
                        p.id AS post_id, ic.idea_id AS idea_id
                 FROM reports r
                 JOIN users ru ON ru.id = r.reporter_id
                 LEFT JOIN comments c ON r.target = 'comment' AND c.id = r.target_id AND c.deleted_at IS NULL
                 LEFT JOIN idea_comments ic ON r.target = 'idea_comment' AND ic.id = r.target_id
                   AND ic.deleted_at IS NULL
                 LEFT JOIN posts p ON p.id = (CASE r.target WHEN 'post' THEN r.target_id ELSE c.post_id END)
                   AND p.deleted_at IS NULL
                 LEFT JOIN user_groups g ON g.id = p.group_id
                 JOIN users a ON a.id = COALESCE(c.author_id, ic.author_id, p.author_id)
                 WHERE r.decided_at IS NULL
                   AND (ic.id IS NOT NULL OR (p.id IS NOT NULL AND ",
                readable!(),
                "))
                 GROUP BY r.target, r.target_id
                 HAVING MIN(r.created_at) > ? OR (MIN(r.created_at) = ? AND r.target_id > ?)
                 ORDER BY first_at, r.target_id LIMIT ?"
            ),
            actor.admin_flag(),
            actor.id.as_str(),
            after_at,
            after_at,
            after_id.as_str(),
            limit
        ))
        .await?;
    let next_cursor =
        super::next_cursor(&rows, limit, |r| format!("{}.{}", r.first_at, r.target_id));
    let items = rows
        .into_iter()
        .map(|r| {
            let mut entries: Vec<EntryRow> = serde_json::from_str(&r.entries).map_err(|_| {
                ApiError::new(
                    ErrorCode::Internal,
                    "The reports could not be read.",
                    "Laporan tidak dapat dibaca.",
                )
            })?;
            entries.sort_by_key(|e| e.at);
            // A comment's link opens its thread at it.
            let at = match r.target {
                ReportTarget::Post => String::new(),
                _ => format!("#{}", comment_anchor(&r.target_id)),
            };
            let link = match (r.post_id, r.idea_id) {
                (_, Some(idea)) => format!("/ideas/{idea}{at}"),
                (Some(post), None) => format!("/p/{post}{at}"),
                (None, None) => String::new(),
            };
            Ok(ReportedItem {
                target: r.target,
                id: r.target_id,
                link,
                author: Author {
                    id: r.author_id,
                    name: r.author_name,
                    former: r.author_left.is_some(),
                },
                body_html: r.body_html,
                written_at: r.written_at,
                reports: entries
                    .into_iter()
                    .map(|e| ReportEntry {
                        reporter: Author {
                            id: e.reporter_id,
                            name: e.reporter_name,
                            former: e.reporter_left.is_some(),
                        },
                        reason: e.reason,
                        note: e.note,
                        at: e.at,
                    })
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Page { items, next_cursor })
}

/// A moderator's decision on a reported thing: `remove` deletes it (as a moderator's delete,
/// audited as such); otherwise it stays, and dismissing its reports is audited. Either way its
/// open reports close, and their reporters hear how it ended. Deciding again closes nothing,
/// tells nobody and answers `closed: 0`.
pub async fn decide<R: Runtime>(
    rt: &R,
    actor: &Actor,
    target: ReportTarget,
    id: &str,
    decision: &ReportDecision,
) -> Result<Decided, ApiError> {
    require_moderator(actor)?;
    let place = if decision.remove {
        // Found before it goes. A retried removal finds nothing, and deleting twice is fine,
        // so it answers as the first did.
        let place = locate(rt, actor, target, id).await.ok();
        match target {
            ReportTarget::Post => posts::delete(rt, actor, id).await?,
            ReportTarget::Comment => comments::delete(rt, actor, ThreadKind::Post, id).await?,
            ReportTarget::IdeaComment => comments::delete(rt, actor, ThreadKind::Idea, id).await?,
        }
        place
    } else {
        Some(locate(rt, actor, target, id).await?)
    };
    let target_name = target.as_str();
    let open = crate::store::count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM reports WHERE target = ? AND target_id = ? AND decided_at IS NULL",
            target_name,
            id
        ),
    )
    .await?;
    if open == 0 {
        return Ok(Decided { closed: 0 });
    }
    let now = rt.now();
    // The reporters' notification is about where the thing was (the centre does not link a
    // post that is gone).
    let (post_id, idea_id) = match place {
        Some(Where::Post(post)) => (Some(post), None),
        Some(Where::Idea(idea)) => (None, Some(idea)),
        None => (None, None),
    };
    let outcome = Event {
        kind: if decision.remove {
            Kind::ReportRemoved
        } else {
            Kind::ReportKept
        },
        actor_id: &actor.id,
        post_id: post_id.as_deref(),
        group_id: None,
        idea_id: idea_id.as_deref(),
        comment_id: comment_id(target, id),
        at: now,
    };
    let mut stmts: Vec<Stmt> = vec![
        // Before the reports close: its recipients are their open reports' reporters.
        notifications::deliver(
            &outcome,
            Recipients {
                sql: "SELECT reporter_id FROM reports
                      WHERE target = ? AND target_id = ? AND decided_at IS NULL",
                params: vec![target_name.into(), id.into()],
            },
        ),
        stmt!(
            "UPDATE reports SET decided_at = ?, decided_by = ?, removed = ?
             WHERE target = ? AND target_id = ? AND decided_at IS NULL",
            now,
            actor.id.as_str(),
            i64::from(decision.remove),
            target_name,
            id
        ),
    ];
    // Once decided, the moderators' notification of it is read: nothing is left for the
    // others to do. (A post's is the one about no comment.)
    stmts.push(stmt!(
        concat!(
            "UPDATE notifications SET read_at = ?
             WHERE user_id IN (",
            moderators!(),
            ") AND read_at IS NULL AND kind = 'report' AND coalesce(comment_id, post_id) = ?"
        ),
        now,
        id
    ));
    if !decision.remove {
        stmts.push(audit::entry(
            rt,
            actor,
            "report.dismiss",
            Some(id),
            Some(&open.to_string()),
        ));
    }
    let changes = rt.db().batch(stmts).await?;
    // The count of the reports' UPDATE, the second statement.
    Ok(Decided {
        closed: changes.get(1).copied().unwrap_or(0) as i64,
    })
}
