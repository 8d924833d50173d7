//! Notifications: who hears about what, and the notification centre.
//!
//! Delivery is set-based: each event is one `INSERT … SELECT` whose SELECT is the recipients,
//! filtered in SQL by the rules every kind shares (see [`deliver`]): active people only, never
//! the actor, not if they switched that kind off, only if they may read the post, and once per
//! event. The statements join the batch of the write that caused them, so a post and its
//! notifications commit together, or neither does. Extending delivery means widening that one
//! SELECT: deputies (someone covering for an absent colleague) are its `UNION ALL` of the absent
//! recipients' deputies, with a "for" column. Web push is the channel 'push' in
//! `notification_settings`: a trigger marks the person's phones due (migration 0024), and
//! [`super::push`] tells them.

use super::actor::Actor;
use super::reader::Reader;
use super::{markdown, sessions, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Count, Db, RowSet, Stmt, Value, answers, count};
use balai_protocol::feed::Author;
use balai_protocol::groups::GroupRef;
use balai_protocol::limits::{PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX};
use balai_protocol::notifications::{Kind, Notification, Setting, Unread};
use balai_protocol::{ApiError, Millis, Page};
use serde::Deserialize;

/// A post's excerpt, or a comment's quote, in the centre: about two lines on a phone.
const EXCERPT_CHARS: usize = 140;

pub fn kind_str(kind: Kind) -> &'static str {
    match kind {
        Kind::Mention => "mention",
        Kind::Comment => "comment",
        Kind::Reply => "reply",
        Kind::Like => "like",
        Kind::GroupPost => "group_post",
        Kind::JoinRequest => "join_request",
        Kind::Announcement => "announcement",
        Kind::IdeaStatus => "idea_status",
        Kind::IdeaComment => "idea_comment",
        Kind::IdeaThanks => "idea_thanks",
        Kind::AckReminder => "ack_reminder",
        Kind::Report => "report",
        Kind::ReportRemoved => "report_removed",
        Kind::ReportKept => "report_kept",
        Kind::Removed => "removed",
    }
}

/// An event worth telling people about.
pub struct Event<'a> {
    pub kind: Kind,
    pub actor_id: &'a str,
    pub post_id: Option<&'a str>,
    pub group_id: Option<&'a str>,
    pub idea_id: Option<&'a str>,
    /// The comment it is about, under that post or else that idea: the centre quotes it.
    pub comment_id: Option<&'a str>,
    pub at: Millis,
}

/// Who an event goes to, as SQL selecting user ids (`?` binds in `params`).
pub struct Recipients {
    pub sql: &'static str,
    pub params: Vec<Value>,
}

impl Recipients {
    /// The people a `@handle` names: the local part of their email, or their login name.
    pub fn handle(handle: &str) -> Self {
        Recipients {
            sql: "SELECT id FROM users WHERE (email >= ? AND email < ?) OR email = ?",
            params: vec![
                format!("{handle}@").into(),
                // '~' sorts after every character a login may hold.
                format!("{handle}@~").into(),
                handle.into(),
            ],
        }
    }

    pub fn person(id: &str) -> Self {
        Recipients {
            sql: "SELECT ?",
            params: vec![id.into()],
        }
    }

    pub fn post_author(post_id: &str) -> Self {
        Recipients {
            sql: "SELECT author_id FROM posts WHERE id = ?",
            params: vec![post_id.into()],
        }
    }

    /// Those who commented on the post before, except its author (who hears as its author).
    pub fn earlier_commenters(post_id: &str) -> Self {
        Recipients {
            sql: "SELECT DISTINCT c.author_id FROM comments c WHERE c.post_id = ? AND c.deleted_at IS NULL
                  AND c.author_id <> (SELECT author_id FROM posts WHERE id = ?)",
            params: vec![post_id.into(), post_id.into()],
        }
    }

    /// Followers of a group who asked to be notified of its new posts.
    pub fn group_followers(group_id: &str) -> Self {
        Recipients {
            sql: "SELECT user_id FROM follows WHERE kind = 'group' AND target = ? AND notify = 1",
            params: vec![group_id.into()],
        }
    }

    pub fn group_managers(group_id: &str) -> Self {
        Recipients {
            sql: "SELECT user_id FROM group_members WHERE group_id = ? AND state = 'active' AND role IN ('owner', 'manager')",
            params: vec![group_id.into()],
        }
    }

    /// An idea's followers: its author, everyone who voted for it, and everyone discussing it.
    pub fn idea_followers(idea_id: &str) -> Self {
        Recipients {
            sql: "SELECT author_id FROM ideas WHERE id = ?
                  UNION SELECT user_id FROM idea_votes WHERE idea_id = ?
                  UNION SELECT author_id FROM idea_comments WHERE idea_id = ? AND deleted_at IS NULL",
            params: vec![idea_id.into(), idea_id.into(), idea_id.into()],
        }
    }

    /// Those in an idea's discussion: its author and everyone who commented on it.
    pub fn idea_discussion(idea_id: &str) -> Self {
        Recipients {
            sql: "SELECT author_id FROM ideas WHERE id = ?
                  UNION SELECT author_id FROM idea_comments WHERE idea_id = ? AND deleted_at IS NULL",
            params: vec![idea_id.into(), idea_id.into()],
        }
    }

    pub fn idea_author(idea_id: &str) -> Self {
        Recipients {
            sql: "SELECT author_id FROM ideas WHERE id = ?",
            params: vec![idea_id.into()],
        }
    }

    /// Those who have not confirmed an order yet, once its reminder is recorded at `at`: a
    /// concurrent second reminder (recorded at another time) reaches nobody.
    pub fn not_confirmed(post_id: &str, at: Millis) -> Self {
        Recipients {
            sql: "SELECT u.id FROM users u JOIN posts p ON p.id = ? AND p.ack_reminded_at = ?
                  WHERE NOT EXISTS (SELECT 1 FROM post_acks a WHERE a.post_id = p.id AND a.user_id = u.id)",
            params: vec![post_id.into(), at.into()],
        }
    }

    pub fn everyone() -> Self {
        Recipients {
            sql: "SELECT id FROM users",
            params: vec![],
        }
    }
}

/// The statement that delivers `event` to `to`, and to the deputies of those of them who are
/// away (marked `for_user_id`). Shared rules, in the SQL below: whoever receives it is active,
/// is not the actor, and may read the event's post (a mention in a closed group reaches only
/// its members and the admins, who read every group, and never a deputy outside it); the
/// person it is for has not switched the kind off; and nobody hears of the same event twice (a
/// person mentioned in a comment on their own post hears once; a like in the same millisecond
/// is another event).
pub fn deliver(event: &Event, to: Recipients) -> Stmt {
    let kind = kind_str(event.kind);
    let mut params: Vec<Value> = vec![
        kind.into(),
        event.actor_id.into(),
        event.post_id.into(),
        event.group_id.into(),
        event.idea_id.into(),
        event.comment_id.into(),
        event.at.into(),
    ];
    params.extend(to.params.iter().cloned());
    params.extend(to.params.iter().cloned());
    params.extend([event.at.into(), event.at.into()]);
    params.extend(to.params.iter().cloned());
    params.extend([
        event.actor_id.into(),
        event.actor_id.into(),
        i64::from(reaches_deputies(event.kind)).into(),
        kind.into(),
        event.post_id.into(),
        event.post_id.into(),
        event.post_id.into(),
        event.idea_id.into(),
        event.at.into(),
    ]);
    Stmt {
        sql: deliver_sql(to.sql).into(),
        params,
    }
}

/// Whether a deputy also hears of this kind for an absent colleague: everything that asks for
/// someone's work does, but reports go only to those who moderate, a right granted to a person
/// and not passed on while they are away, and how one's own report ended, or that what one
/// wrote was removed, is one's own.
fn reaches_deputies(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::Report | Kind::ReportRemoved | Kind::ReportKept | Kind::Removed
    )
}

/// Tells an author that a moderator (the actor) removed what they wrote: a post, or a comment
/// under a post or an idea (`comment_id`).
pub fn removed(
    moderator: &Actor,
    author_id: &str,
    post_id: Option<&str>,
    idea_id: Option<&str>,
    comment_id: Option<&str>,
    at: Millis,
) -> Stmt {
    let event = Event {
        kind: Kind::Removed,
        actor_id: &moderator.id,
        post_id,
        group_id: None,
        idea_id,
        comment_id,
        at,
    };
    deliver(&event, Recipients::person(author_id))
}

/// The SQL of [`deliver`] around a recipients query.
fn deliver_sql(recipients: &str) -> String {
    format!(
        "INSERT INTO notifications (user_id, kind, actor_id, post_id, group_id, idea_id, comment_id, created_at, for_user_id)
         SELECT u.id, ?, ?, ?, ?, ?, ?, ?, r.for_id FROM (
             SELECT id AS to_id, NULL AS for_id FROM users WHERE id IN ({recipients})
             UNION ALL
             SELECT a.deputy_id, a.user_id FROM absences a JOIN users f ON f.id = a.user_id
             WHERE a.user_id IN ({recipients}) AND a.cancelled_at IS NULL
               AND a.starts_at <= ? AND a.ends_at > ? AND f.deactivated_at IS NULL
               AND a.deputy_id NOT IN ({recipients})
         ) r JOIN users u ON u.id = r.to_id
         WHERE u.deactivated_at IS NULL
           AND u.id <> ? AND coalesce(r.for_id, '') <> ?
           AND (r.for_id IS NULL OR ? = 1)
           AND NOT EXISTS (SELECT 1 FROM notification_settings s
                           WHERE s.user_id = coalesce(r.for_id, u.id) AND s.kind = ? AND s.channel = 'off')
           AND (? IS NULL OR u.role = 'admin' OR EXISTS (
                 SELECT 1 FROM posts p LEFT JOIN user_groups g ON g.id = p.group_id
                 WHERE p.id = ? AND (p.group_id IS NULL OR g.visibility = 'open'
                   OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = p.group_id
                              AND m.user_id = u.id AND m.state = 'active'))))
           AND NOT EXISTS (SELECT 1 FROM notifications n
                           WHERE n.user_id = u.id AND n.post_id IS ? AND n.idea_id IS ? AND n.created_at = ?
                             AND n.for_user_id IS r.for_id AND n.group_key IS NULL)"
    )
}

/// Likes collapse into one notification per post: a new like updates it (latest liker, total
/// count) and makes it unread again. A repeated like (already there, older) changes nothing.
pub fn like(post_id: &str, liker_id: &str, at: Millis) -> Stmt {
    stmt!(
        "INSERT INTO notifications (user_id, kind, actor_id, actor_count, post_id, group_key, created_at)
         SELECT p.author_id, 'like', ?, p.like_count, p.id, 'like:' || p.id, ?
         FROM posts p JOIN users u ON u.id = p.author_id
         WHERE p.id = ? AND p.author_id <> ? AND u.deactivated_at IS NULL
           AND EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ? AND l.created_at = ?)
           AND NOT EXISTS (SELECT 1 FROM notification_settings s
                           WHERE s.user_id = p.author_id AND s.kind = 'like' AND s.channel = 'off')
         ON CONFLICT (user_id, group_key) WHERE group_key IS NOT NULL DO UPDATE SET
           actor_id = excluded.actor_id, actor_count = excluded.actor_count,
           created_at = excluded.created_at, read_at = NULL",
        liker_id,
        at,
        post_id,
        liker_id,
        liker_id,
        at
    )
}

#[derive(Deserialize)]
struct Row {
    id: i64,
    kind: Kind,
    actor_id: String,
    actor_name: String,
    actor_left: Option<Millis>,
    actor_count: i64,
    post_id: Option<String>,
    idea_id: Option<String>,
    group_id: Option<String>,
    group_name: Option<String>,
    idea_title: Option<String>,
    post_source: Option<String>,
    comment_source: Option<String>,
    comment_id: Option<String>,
    created_at: Millis,
    read_at: Option<Millis>,
    for_user_id: Option<String>,
    for_name: Option<String>,
}

/// A cursor: `<created_at>.<id>` of the last notification on the previous page.
fn parse_cursor(cursor: &str) -> Result<(Millis, i64), ApiError> {
    let bad = validate::bad_cursor;
    let (at, id) = cursor.split_once('.').ok_or_else(bad)?;
    Ok((
        at.parse().map_err(|_| bad())?,
        id.parse().map_err(|_| bad())?,
    ))
}

/// About two lines of a post's or comment's words, without their markup; none if none are left.
fn plain_excerpt(source: &str) -> Option<String> {
    Some(markdown::plain_excerpt(source, EXCERPT_CHARS)).filter(|words| !words.is_empty())
}

/// My notifications, newest first, a page at a time, for the person behind a session token:
/// the session lookup and the page in one D1 round trip. The excerpt of a post, and the quote of
/// a comment, show only while I may still read them, and a post that is gone is not linked; but
/// whoever wrote a removed post or comment is shown its words, to know which it was.
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    cursor: Option<&str>,
    limit: Option<u32>,
) -> Result<Page<Notification>, ApiError> {
    let limit = limit.unwrap_or(PAGE_SIZE_DEFAULT).clamp(1, PAGE_SIZE_MAX);
    let (before_at, before_id) = match cursor {
        Some(c) => sessions::checked(rt, token, parse_cursor(c)).await?,
        None => (Millis::MAX, i64::MAX),
    };
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(
            concat!(
                "SELECT n.id, n.kind, n.actor_id, a.name AS actor_name, a.deactivated_at AS actor_left,
                        n.actor_count, CASE WHEN p.deleted_at IS NULL THEN n.post_id END AS post_id,
                        n.idea_id, n.group_id, gg.name AS group_name, n.created_at, n.read_at,
                        n.for_user_id, fu.name AS for_name,
                        i.title AS idea_title,
                        CASE WHEN (n.kind = 'removed' AND p.author_id = r.id) OR (p.deleted_at IS NULL AND ",
                readable!("r.admin", "r.id"),
                // Enough of the source for an excerpt's worth of words after the markup goes.
                ") THEN substr(p.body, 1, 600) END AS post_source,
                        CASE WHEN (n.kind = 'removed' AND coalesce(c.author_id, ic.author_id) = r.id)
                               OR (ic.id IS NOT NULL AND ic.deleted_at IS NULL)
                               OR (c.id IS NOT NULL AND c.deleted_at IS NULL AND p.deleted_at IS NULL AND ",
                readable!("r.admin", "r.id"),
                ") THEN substr(coalesce(c.body, ic.body), 1, 600) END AS comment_source,
                        CASE WHEN coalesce(c.deleted_at, ic.deleted_at) IS NULL THEN n.comment_id END AS comment_id
                 FROM reader r
                 JOIN notifications n ON n.user_id = r.id
                 JOIN users a ON a.id = n.actor_id
                 LEFT JOIN users fu ON fu.id = n.for_user_id
                 LEFT JOIN ideas i ON i.id = n.idea_id
                 LEFT JOIN posts p ON p.id = n.post_id
                 LEFT JOIN comments c ON n.post_id IS NOT NULL AND c.id = n.comment_id
                 LEFT JOIN idea_comments ic ON n.post_id IS NULL AND ic.id = n.comment_id
                 LEFT JOIN user_groups g ON g.id = p.group_id
                 LEFT JOIN user_groups gg ON gg.id = COALESCE(n.group_id, p.group_id)
                 WHERE n.created_at <= ? AND (n.created_at < ? OR n.id < ?)
                 ORDER BY n.created_at DESC, n.id DESC LIMIT ?"
            ),
            before_at,
            before_at,
            before_id,
            limit as i64
        ))]
    })
    .await?;
    let [rows] = answers(sets)?;
    let rows: Vec<Row> = rows.decode()?;
    let next_cursor = super::next_cursor(&rows, limit as i64, |r| {
        format!("{}.{}", r.created_at, r.id)
    });
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| Notification {
                id: r.id,
                kind: r.kind,
                actor: Author {
                    id: r.actor_id,
                    name: r.actor_name,
                    former: r.actor_left.is_some(),
                },
                actor_count: r.actor_count,
                post_id: r.post_id,
                idea_id: r.idea_id,
                group: r
                    .group_id
                    .zip(r.group_name)
                    .map(|(id, name)| GroupRef { id, name }),
                // (A post of photos alone has no words to show.)
                excerpt: r
                    .idea_title
                    .or_else(|| r.post_source.and_then(|body| plain_excerpt(&body))),
                quote: r.comment_source.and_then(|body| plain_excerpt(&body)),
                comment_id: r.comment_id,
                created_at: r.created_at,
                read: r.read_at.is_some(),
                for_person: r.for_user_id.zip(r.for_name).map(|(id, name)| Author {
                    id,
                    name,
                    former: false,
                }),
            })
            .collect(),
        next_cursor,
    })
}

/// SQL: the unread count of the person `$who` names, counted to 100 at most (the badge says 99+).
macro_rules! unread_count {
    ($who:expr) => {
        concat!(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM notifications WHERE user_id = ",
            $who,
            " AND read_at IS NULL LIMIT 100)"
        )
    };
}

/// The badge count: unread notifications, counted up to 100 so the poll stays cheap.
pub async fn unread<R: Runtime>(rt: &R, actor: &Actor) -> Result<Unread, ApiError> {
    let unread = count(rt.db(), stmt!(unread_count!("?"), actor.id.as_str())).await?;
    Ok(Unread { unread })
}

/// The poll every open app makes for the badge: the session check and the count in one D1
/// round trip instead of two.
pub async fn poll_unread<R: Runtime>(rt: &R, token: &str) -> Result<Unread, ApiError> {
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![stmt!(unread_count!(crate::session_user!()), hash)]
    })
    .await?;
    let [count] = answers(sets)?;
    let unread = count.first::<Count>()?.map_or(0, |c| c.n);
    Ok(Unread { unread })
}

/// Marks one of my notifications read, or all of them. Repeating is harmless.
pub async fn mark_read<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: Option<i64>,
) -> Result<Unread, ApiError> {
    rt.db()
        .run(stmt!(
            "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND (? IS NULL OR id = ?)",
            rt.now(),
            actor.id.as_str(),
            id,
            id
        ))
        .await?;
    unread(rt, actor).await
}

/// The reader's choices that differ from the defaults: with [`settings_from`], their settings.
fn chosen(reader: Reader) -> Stmt {
    reader.bind(stmt!(
        "SELECT s.kind, s.channel FROM reader r JOIN notification_settings s ON s.user_id = r.id"
    ))
}

#[derive(Deserialize)]
struct Chosen {
    kind: String,
    channel: String,
}

/// Whether a kind reaches a phone by push when its person chose nothing: everything but likes,
/// which would buzz all day (the same default as the triggers of migration 0024).
fn pushed_by_default(kind: Kind) -> bool {
    kind != Kind::Like
}

/// Every kind with how it reaches the reader (the default unless they chose otherwise).
fn settings_from(chosen: Vec<Chosen>) -> Vec<Setting> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let channel = chosen
                .iter()
                .find(|c| c.kind == kind_str(kind))
                .map(|c| c.channel.as_str());
            Setting {
                kind,
                enabled: channel != Some("off"),
                // A kind switched off forgets its phone choice: on again, it comes as by default.
                push: Some(match channel {
                    Some("off") | None => pushed_by_default(kind),
                    Some(channel) => channel == "push",
                }),
            }
        })
        .collect()
}

/// My settings, read in the session lookup's D1 round trip.
pub async fn settings_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<Setting>, ApiError> {
    let (_, sets) =
        sessions::authenticate_with(rt, token, |hash| vec![chosen(Reader::Session(hash))]).await?;
    let [chosen] = answers(sets)?;
    Ok(settings_from(chosen.decode()?))
}

/// Changes how one kind reaches me. Without `push`, whether it is pushed stays as it was.
pub async fn set<R: Runtime>(
    rt: &R,
    actor: &Actor,
    setting: Setting,
) -> Result<Vec<Setting>, ApiError> {
    let push = match setting.push {
        Some(push) => push,
        None => settings_from(rt.db().all(chosen(Reader::Actor(actor))).await?)
            .iter()
            .any(|s| s.kind == setting.kind && s.push == Some(true)),
    };
    let channel = match (setting.enabled, push) {
        (false, _) => "off",
        (true, true) => "push",
        (true, false) => "app",
    };
    rt.db()
        .run(stmt!(
            "INSERT INTO notification_settings (user_id, kind, channel) VALUES (?, ?, ?)
             ON CONFLICT (user_id, kind) DO UPDATE SET channel = excluded.channel",
            actor.id.as_str(),
            kind_str(setting.kind),
            channel
        ))
        .await?;
    Ok(settings_from(
        rt.db().all(chosen(Reader::Actor(actor))).await?,
    ))
}
