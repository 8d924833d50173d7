//! Ideas: anyone submits one (and edits it while it is new); anyone votes, once, and may take
//! the vote back; reviewers (admins, and people granted 'ideas') move it through the workflow
//! in `IdeaStatus::may_become`, every change kept in its history, and its author and voters
//! are notified.

use super::actor::Actor;
use super::comments::{self, Thread};
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::notifications::{self, Event, Recipients};
use super::policy::{Action, may_review_ideas, require};
use super::reader::Reader;
use super::{
    audit, departments, forbidden, markdown, not_found, places, sessions, validate, votes, webhooks,
};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Count, Db, RowSet, Stmt, answers, count};
use balai_protocol::feed::Author;
use balai_protocol::ideas::{
    Contributions, HistoryEntry, Idea, IdeaCategory, IdeaDetail, IdeaRef, IdeaSort, IdeaStatus,
    NewIdea, NewThanks, StatusChange, Thanks, VoteState,
};
use balai_protocol::limits::{
    DECLINE_REASON_MAX_CHARS, IDEA_TITLE_MAX_CHARS, IDEA_TITLE_MIN_CHARS, PAGE_SIZE_DEFAULT,
    POST_MAX_CHARS, THANKS_NOTE_MAX_CHARS,
};
use balai_protocol::notifications::Kind;
use balai_protocol::people::{Department, Recognition};
use balai_protocol::places::PlaceRef;
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The columns every idea query selects (binds: the reader, for `voted`; then the reader's
/// map-editor flag and the reader again, for the place, which shows only if they may see it).
macro_rules! idea_select {
    ($rest:expr) => {
        concat!(
            "SELECT i.id, i.title, i.body, i.body_html, i.category, i.author_id, u.name AS author_name,
                    u.deactivated_at AS author_left, i.status, i.decline_reason, i.vote_count,
                    i.created_at, i.updated_at, i.merged_into, o.title AS merged_title,
                    EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.user_id = r.id) AS voted,
                    (SELECT pl.name FROM places pl WHERE pl.id = i.place_id AND ",
            place_visible!("r.editor", "r.id"),
            ") AS place_name, i.place_id, i.department_id, d.name AS department_name,
                    (SELECT COUNT(*) FROM idea_comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL) AS comment_count
             FROM reader r CROSS JOIN ideas i JOIN users u ON u.id = i.author_id
             LEFT JOIN ideas o ON o.id = i.merged_into
             LEFT JOIN departments d ON d.id = i.department_id ",
            $rest
        )
    };
}

/// The filter every list shares (binds: status twice, category twice, whether only the reader's
/// own). Merged duplicates are left out: their originals carry their votes.
macro_rules! idea_filter {
    () => {
        "i.merged_into IS NULL AND (? = '' OR i.status = ?) AND (? = '' OR i.category = ?)
         AND (? = 0 OR i.author_id = r.id)"
    };
}

#[derive(Deserialize)]
struct IdeaRow {
    id: String,
    title: String,
    body: String,
    body_html: String,
    category: IdeaCategory,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    status: IdeaStatus,
    decline_reason: Option<String>,
    vote_count: i64,
    created_at: Millis,
    updated_at: Millis,
    merged_into: Option<String>,
    merged_title: Option<String>,
    voted: i64,
    place_id: Option<String>,
    place_name: Option<String>,
    department_id: Option<String>,
    department_name: Option<String>,
    comment_count: i64,
}

impl IdeaRow {
    fn into_idea(self, actor: &Actor) -> Idea {
        let can_edit = self.author_id == actor.id
            && self.status == IdeaStatus::New
            && self.merged_into.is_none();
        Idea {
            body: can_edit.then_some(self.body),
            author: Author {
                id: self.author_id,
                name: self.author_name,
                former: self.author_left.is_some(),
            },
            can_edit,
            can_review: may_review_ideas(actor),
            voted_by_me: self.voted != 0,
            id: self.id,
            title: self.title,
            body_html: self.body_html,
            category: self.category,
            status: self.status,
            decline_reason: self.decline_reason,
            vote_count: self.vote_count,
            comment_count: self.comment_count,
            department: self
                .department_id
                .zip(self.department_name)
                .map(|(id, name)| Department { id, name }),
            place: self
                .place_id
                .zip(self.place_name)
                .map(|(id, name)| PlaceRef { id, name }),
            created_at: self.created_at,
            updated_at: self.updated_at,
            merged_into: self
                .merged_into
                .zip(self.merged_title)
                .map(|(id, title)| IdeaRef { id, title }),
        }
    }
}

/// A checked title and body, and the body rendered.
fn checked(input: &NewIdea) -> Result<(String, String, String), ApiError> {
    let title = validate::text("title", &input.title, IDEA_TITLE_MAX_CHARS)?;
    if title.chars().count() < IDEA_TITLE_MIN_CHARS {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "title",
            format!("The title needs at least {IDEA_TITLE_MIN_CHARS} characters."),
            format!("Judul perlu paling sedikit {IDEA_TITLE_MIN_CHARS} karakter."),
        ));
    }
    let body = validate::text("body", &input.body, POST_MAX_CHARS)?;
    let html = markdown::render(&body);
    Ok((title, body, html))
}

/// What an idea concerns, checked: a department that exists, a place the author can see.
async fn concerns<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewIdea,
) -> Result<(Option<Department>, Option<PlaceRef>), ApiError> {
    let department = match input.department_id.as_deref().filter(|d| !d.is_empty()) {
        Some(id) => Some(departments::require(rt, "department_id", id).await?),
        None => None,
    };
    let place = match input.place_id.as_deref().filter(|p| !p.is_empty()) {
        Some(id) => Some(places::require_visible(rt, actor, id).await.map_err(|_| {
            ApiError::field(
                ErrorCode::Validation,
                "place_id",
                "No such place.",
                "Tempat itu tidak ada.",
            )
        })?),
        None => None,
    };
    Ok((department, place))
}

/// Submits an idea; a retry with the same key submits it once.
pub async fn submit<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewIdea,
    key: Option<&str>,
) -> Result<Created<Idea>, ApiError> {
    require(actor, Action::CreatePost)?;
    let (title, body, body_html) = checked(input)?;
    let (department, place) = concerns(rt, actor, input).await?;
    let now = rt.now();
    let idea = Idea {
        id: new_id(rt),
        title,
        body: Some(body),
        body_html,
        category: input.category,
        department,
        place,
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        status: IdeaStatus::New,
        decline_reason: None,
        vote_count: 0,
        comment_count: 0,
        voted_by_me: false,
        can_edit: true,
        can_review: may_review_ideas(actor),
        created_at: now,
        updated_at: now,
        merged_into: None,
    };
    let stmts = vec![stmt!(
        "INSERT INTO ideas (id, author_id, title, body, body_html, category, department_id, place_id, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)",
        idea.id.as_str(),
        actor.id.as_str(),
        idea.title.as_str(),
        idea.body.as_deref().unwrap_or_default(),
        idea.body_html.as_str(),
        input.category.as_str(),
        idea.department.as_ref().map(|d| d.id.as_str()),
        idea.place.as_ref().map(|p| p.id.as_str()),
        now,
        now
    )];
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &idea).await? {
            None => Created::New(idea),
            Some(first) => Created::Replay(first),
        },
    )
}

/// The idea `id` as `reader` sees it: one row or none.
fn load_stmt(reader: &Reader, id: &str) -> Stmt {
    reader.bind(stmt!(idea_select!("WHERE i.id = ?"), id))
}

async fn load<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<IdeaRow, ApiError> {
    validate::id(id, Thing::Idea)?;
    rt.db()
        .first(load_stmt(&Reader::Actor(actor), id))
        .await?
        .ok_or_else(|| not_found(Thing::Idea))
}

/// Its author edits an idea while it is new (a full replacement: a retry is harmless).
pub async fn edit<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &NewIdea,
) -> Result<Idea, ApiError> {
    let row = load(rt, actor, id).await?;
    if row.author_id != actor.id {
        return Err(forbidden());
    }
    if row.status != IdeaStatus::New {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This idea is already being reviewed; it can no longer be edited.",
            "Ide ini sudah sedang ditinjau; tidak bisa diubah lagi.",
        ));
    }
    let (title, body, body_html) = checked(input)?;
    let (department, place) = concerns(rt, actor, input).await?;
    rt.db()
        .run(stmt!(
            "UPDATE ideas SET title = ?, body = ?, body_html = ?, category = ?, department_id = ?,
                              place_id = ?, updated_at = ?
             WHERE id = ? AND status = 'new'",
            title.as_str(),
            body.as_str(),
            body_html.as_str(),
            input.category.as_str(),
            department.as_ref().map(|d| d.id.as_str()),
            place.as_ref().map(|p| p.id.as_str()),
            rt.now(),
            id
        ))
        .await?;
    Ok(load(rt, actor, id).await?.into_idea(actor))
}

/// What a list shows.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub sort: IdeaSort,
    pub status: Option<IdeaStatus>,
    pub category: Option<IdeaCategory>,
    /// Only the reader's own ideas.
    pub mine: bool,
    pub cursor: Option<&'a str>,
}

const WEEK_MS: Millis = 7 * 24 * 60 * 60 * 1000;
/// Trending is one page: the ideas most voted for this week.
const TRENDING_MAX: i64 = 50;

/// A page of ideas: top (by votes, paged by `<votes>.<created_at>.<id>`), newest (paged by
/// `<created_at>.<id>`), or trending (one page). For the person behind a session token: the
/// session lookup and the page in one D1 round trip.
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    q: Query<'_>,
) -> Result<Page<Idea>, ApiError> {
    let page = sessions::checked(rt, token, page_stmt(q, rt.now())).await?;
    let (actor, sets) =
        sessions::authenticate_with(rt, token, |hash| vec![Reader::Session(hash).bind(page)])
            .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let rows: Vec<IdeaRow> = rows.decode()?;
    let limit = i64::from(PAGE_SIZE_DEFAULT);
    let next_cursor = match q.sort {
        IdeaSort::Trending => None,
        IdeaSort::Newest => {
            super::next_cursor(&rows, limit, |r| format!("{}.{}", r.created_at, r.id))
        }
        IdeaSort::Top => super::next_cursor(&rows, limit, |r| {
            format!("{}.{}.{}", r.vote_count, r.created_at, r.id)
        }),
    };
    Ok(Page {
        items: rows.into_iter().map(|r| r.into_idea(&actor)).collect(),
        next_cursor,
    })
}

/// The query for a page of `q`, written against the `reader` CTE, or what is wrong with its
/// cursor. Each sort walks its own index (`ideas_top`, `ideas_newest`).
fn page_stmt(q: Query<'_>, now: Millis) -> Result<Stmt, ApiError> {
    let limit = i64::from(PAGE_SIZE_DEFAULT);
    let status = q.status.map_or("", IdeaStatus::as_str);
    let category = q.category.map_or("", IdeaCategory::as_str);
    let mine = i64::from(q.mine);
    Ok(match q.sort {
        IdeaSort::Newest => {
            let (at, id) = match q.cursor {
                Some(c) => super::posts::parse_cursor(c)?,
                None => (Millis::MAX, String::new()),
            };
            stmt!(
                idea_select!(concat!(
                    "WHERE ",
                    idea_filter!(),
                    " AND i.created_at <= ? AND (i.created_at < ? OR i.id < ?)
                     ORDER BY i.created_at DESC, i.id DESC LIMIT ?"
                )),
                status,
                status,
                category,
                category,
                mine,
                at,
                at,
                id,
                limit
            )
        }
        IdeaSort::Top => {
            let (votes, at, id) = match q.cursor {
                Some(c) => {
                    let parts: Vec<&str> = c.split('.').collect();
                    let [v, a, i] = parts[..] else {
                        return Err(validate::bad_cursor());
                    };
                    validate::id_cursor(Some(i))?;
                    (
                        v.parse::<i64>().map_err(|_| validate::bad_cursor())?,
                        a.parse::<Millis>().map_err(|_| validate::bad_cursor())?,
                        i.to_string(),
                    )
                }
                None => (i64::MAX, Millis::MAX, String::new()),
            };
            stmt!(
                idea_select!(concat!(
                    "WHERE ",
                    idea_filter!(),
                    " AND (i.vote_count < ? OR (i.vote_count = ? AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))))
                     ORDER BY i.vote_count DESC, i.created_at DESC, i.id DESC LIMIT ?"
                )),
                status,
                status,
                category,
                category,
                mine,
                votes,
                votes,
                at,
                at,
                id,
                limit
            )
        }
        IdeaSort::Trending => {
            if q.cursor.is_some() {
                return Err(validate::bad_cursor());
            }
            stmt!(
                idea_select!(concat!(
                    "JOIN (SELECT idea_id, COUNT(*) AS recent FROM idea_votes WHERE created_at > ? GROUP BY idea_id) t
                       ON t.idea_id = i.id
                     WHERE ",
                    idea_filter!(),
                    " ORDER BY t.recent DESC, i.vote_count DESC, i.id DESC LIMIT ?"
                )),
                now - WEEK_MS,
                status,
                status,
                category,
                category,
                mine,
                TRENDING_MAX
            )
        }
    })
}

/// Everything an idea's page shows, for `reader`: every member may read every idea, so it is all
/// read in one round trip. Read with [`detail_from`].
fn detail_stmts(reader: &Reader, id: &str) -> Vec<Stmt> {
    vec![
        load_stmt(reader, id),
        history_stmt(id),
        thanks_stmt(id),
        leader_stmt(reader),
        comments::list_stmt(Thread::Idea(id)),
    ]
}

/// An idea with its history (oldest change first), its discussion and the thanks its author
/// got, for `actor` (after a change they made).
pub async fn detail<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<IdeaDetail, ApiError> {
    validate::id(id, Thing::Idea)?;
    let sets = rt
        .db()
        .read_batch(detail_stmts(&Reader::Actor(actor), id))
        .await?;
    detail_from(actor, sets)
}

/// [`detail`] for the person behind a session token: the session lookup and the page in one D1
/// round trip.
pub async fn detail_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<IdeaDetail, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::Idea)).await?;
    let (actor, sets) =
        sessions::authenticate_with(rt, token, |hash| detail_stmts(&Reader::Session(hash), id))
            .await?;
    detail_from(&actor, sets)
}

/// The page from what [`detail_stmts`] answered for `actor`.
fn detail_from<S: RowSet>(actor: &Actor, sets: Vec<S>) -> Result<IdeaDetail, ApiError> {
    require(actor, Action::ReadFeed)?;
    let [idea, history, thanks, leader, comments] = answers(sets)?;
    let idea: IdeaRow = idea.first()?.ok_or_else(|| not_found(Thing::Idea))?;
    let idea = idea.into_idea(actor);
    let thanks = thanks_from(thanks.decode()?);
    let leads = leader.first::<Count>()?.is_some_and(|c| c.n > 0);
    let can_thank = idea.author.id != actor.id
        && !thanks.iter().any(|t| t.from.id == actor.id)
        && (may_review_ideas(actor) || leads);
    let idea_ref = |id: Option<String>, title: Option<String>| {
        Some(IdeaRef {
            id: id?,
            title: title?,
        })
    };
    Ok(IdeaDetail {
        comments: comments::list_from(actor, &comments)?,
        thanks,
        can_thank,
        idea,
        history: history
            .decode::<HistoryRow>()?
            .into_iter()
            .map(|r| HistoryEntry {
                from: r.from_status,
                to: r.to_status,
                actor: Author {
                    id: r.actor_id,
                    name: r.actor_name,
                    former: r.actor_left.is_some(),
                },
                note: r.note,
                via: r.via,
                merged_into: idea_ref(r.merged_into_id, r.merged_into_title),
                merged_from: idea_ref(r.merged_from_id, r.merged_from_title),
                at: r.created_at,
            })
            .collect(),
    })
}

#[derive(Deserialize)]
struct HistoryRow {
    from_status: IdeaStatus,
    to_status: IdeaStatus,
    actor_id: String,
    actor_name: String,
    actor_left: Option<Millis>,
    note: Option<String>,
    via: Option<String>,
    merged_into_id: Option<String>,
    merged_into_title: Option<String>,
    merged_from_id: Option<String>,
    merged_from_title: Option<String>,
    created_at: Millis,
}

/// An idea's status changes, oldest first.
fn history_stmt(id: &str) -> Stmt {
    stmt!(
        "SELECT h.from_status, h.to_status, h.actor_id, u.name AS actor_name,
                u.deactivated_at AS actor_left, h.note, h.via, h.created_at,
                h.merged_into_id, mi.title AS merged_into_title,
                h.merged_from_id, mf.title AS merged_from_title
         FROM idea_history h JOIN users u ON u.id = h.actor_id
         LEFT JOIN ideas mi ON mi.id = h.merged_into_id
         LEFT JOIN ideas mf ON mf.id = h.merged_from_id
         WHERE h.idea_id = ? ORDER BY h.created_at, h.rowid",
        id
    )
}

/// The columns of a thank-you with its idea (binds: as the query's WHERE needs).
macro_rules! thanks_select {
    ($rest:literal) => {
        concat!(
            "SELECT i.id AS idea_id, i.title, t.from_id, u.name AS from_name,
                    u.deactivated_at AS from_left, t.note, t.created_at
             FROM idea_thanks t JOIN ideas i ON i.id = t.idea_id JOIN users u ON u.id = t.from_id ",
            $rest
        )
    };
}

#[derive(Deserialize)]
struct ThanksRow {
    idea_id: String,
    title: String,
    from_id: String,
    from_name: String,
    from_left: Option<Millis>,
    note: String,
    created_at: Millis,
}

impl From<ThanksRow> for Recognition {
    fn from(r: ThanksRow) -> Self {
        Recognition {
            idea: IdeaRef {
                id: r.idea_id,
                title: r.title,
            },
            thanks: Thanks {
                from: Author {
                    id: r.from_id,
                    name: r.from_name,
                    former: r.from_left.is_some(),
                },
                note: r.note,
                at: r.created_at,
            },
        }
    }
}

/// The thanks an idea's author got for it, oldest first.
fn thanks_stmt(idea_id: &str) -> Stmt {
    stmt!(
        thanks_select!("WHERE t.idea_id = ? ORDER BY t.created_at"),
        idea_id
    )
}

fn thanks_from(rows: Vec<ThanksRow>) -> Vec<Thanks> {
    rows.into_iter()
        .map(|r| Recognition::from(r).thanks)
        .collect()
}

/// The latest thanks `author_id` received for their ideas (at most `limit`), newest first; read
/// with [`recognition_from`].
pub fn recognition_stmt(author_id: &str, limit: i64) -> Stmt {
    stmt!(
        thanks_select!("WHERE i.author_id = ? ORDER BY t.created_at DESC LIMIT ?"),
        author_id,
        limit
    )
}

pub fn recognition_from(answer: &impl RowSet) -> Result<Vec<Recognition>, ApiError> {
    let rows: Vec<ThanksRow> = answer.decode()?;
    Ok(rows.into_iter().map(Recognition::from).collect())
}

/// Who may thank an author: reviewers and admins, and leaders (those who answer round tables).
async fn may_thank<R: Runtime>(rt: &R, actor: &Actor) -> Result<bool, ApiError> {
    Ok(may_review_ideas(actor) || count(rt.db(), leader_stmt(&Reader::Actor(actor))).await? > 0)
}

/// Whether `reader` leads a round table (as `n`, a count).
fn leader_stmt(reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        "SELECT COUNT(*) AS n FROM reader r JOIN round_table_leaders l ON l.user_id = r.id"
    ))
}

/// A reviewer or leader thanks an idea's author, once per idea (thanking again changes
/// nothing); the author hears of it and their profile counts it.
pub async fn thank<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &NewThanks,
) -> Result<IdeaDetail, ApiError> {
    let note = validate::text("note", &input.note, THANKS_NOTE_MAX_CHARS)?;
    let row = load(rt, actor, id).await?;
    if !may_thank(rt, actor).await? {
        return Err(forbidden());
    }
    if row.author_id == actor.id {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "You cannot thank yourself for your own idea.",
            "Anda tidak dapat berterima kasih kepada diri sendiri atas ide Anda.",
        ));
    }
    let thanked = thanks_from(rt.db().all(thanks_stmt(id)).await?);
    let already = thanked.iter().any(|t| t.from.id == actor.id);
    if !already {
        let now = rt.now();
        rt.db()
            .batch(vec![
                stmt!(
                    "INSERT OR IGNORE INTO idea_thanks (idea_id, from_id, note, created_at) VALUES (?, ?, ?, ?)",
                    id,
                    actor.id.as_str(),
                    note.as_str(),
                    now
                ),
                notifications::deliver(
                    &Event {
                        kind: Kind::IdeaThanks,
                        actor_id: &actor.id,
                        post_id: None,
                        group_id: None,
                        idea_id: Some(id),
                        comment_id: None,
                        at: now,
                    },
                    Recipients::idea_author(id),
                ),
            ])
            .await?;
    }
    detail(rt, actor, id).await
}

/// A person's ideas: submitted (not merged away), implemented, and thanks received; read with
/// [`contributions_from`].
pub fn contributions_stmt(user_id: &str) -> Stmt {
    stmt!(
        "SELECT COUNT(*) AS ideas_submitted,
                COALESCE(SUM(i.status = 'implemented'), 0) AS ideas_implemented,
                (SELECT COUNT(*) FROM idea_thanks t JOIN ideas ti ON ti.id = t.idea_id
                 WHERE ti.author_id = ?) AS thanks_received
         FROM ideas i WHERE i.author_id = ? AND i.merged_into IS NULL",
        user_id,
        user_id
    )
}

pub fn contributions_from(answer: &impl RowSet) -> Result<Contributions, ApiError> {
    Ok(answer.first()?.unwrap_or_default())
}

/// Votes for an idea (`on`) or takes the vote back. The primary key makes a double tap or a
/// retry count once; the count is recounted in the same batch, so it is always the truth.
pub async fn vote<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    on: bool,
) -> Result<VoteState, ApiError> {
    require(actor, Action::Like)?;
    if load(rt, actor, id).await?.merged_into.is_some() {
        return Err(merged());
    }
    rt.db()
        .batch(votes::IDEAS.cast(id, &actor.id, on, rt.now()))
        .await?;
    let row = load(rt, actor, id).await?;
    Ok(VoteState {
        voted: row.voted != 0,
        vote_count: row.vote_count,
    })
}

/// A reviewer moves an idea along the workflow; a decline needs a reason. The change is kept
/// in the history, audited, and its followers hear of it, all in one batch. Asking for the
/// status it already has changes nothing (a retry is harmless). `via` names the API token of
/// an outside system acting for the reviewer who issued it.
pub async fn set_status<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    change: &StatusChange,
    via: Option<&str>,
) -> Result<IdeaDetail, ApiError> {
    if !may_review_ideas(actor) {
        return Err(forbidden());
    }
    let row = load(rt, actor, id).await?;
    if row.merged_into.is_some() {
        return Err(merged());
    }
    if row.status == change.status {
        return detail(rt, actor, id).await;
    }
    if !row.status.may_become(change.status) {
        let (from, to) = (status_names(row.status), status_names(change.status));
        return Err(ApiError::field(
            ErrorCode::Conflict,
            "status",
            format!("An idea that is {} cannot become {}.", from.0, to.0),
            format!("Ide yang {} tidak bisa menjadi {}.", from.1, to.1),
        ));
    }
    let reason = match (change.status, change.reason.as_deref()) {
        (IdeaStatus::Declined, r) => Some(validate::text(
            "reason",
            r.unwrap_or_default(),
            DECLINE_REASON_MAX_CHARS,
        )?),
        (_, Some(r)) if !r.trim().is_empty() => {
            Some(validate::text("reason", r, DECLINE_REASON_MAX_CHARS)?)
        }
        _ => None,
    };
    let now = rt.now();
    let to = change.status.as_str();
    let stmts = vec![
        stmt!(
            "UPDATE ideas SET status = ?, decline_reason = ?, updated_at = ? WHERE id = ? AND status = ?",
            to,
            (change.status == IdeaStatus::Declined).then_some(reason.as_deref()).flatten(),
            now,
            id,
            row.status.as_str()
        ),
        stmt!(
            "INSERT INTO idea_history (id, idea_id, actor_id, from_status, to_status, note, via, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            new_id(rt),
            id,
            actor.id.as_str(),
            row.status.as_str(),
            to,
            reason.as_deref(),
            via,
            now
        ),
        notifications::deliver(
            &Event {
                kind: Kind::IdeaStatus,
                actor_id: &actor.id,
                post_id: None,
                group_id: None,
                idea_id: Some(id),
                comment_id: None,
                at: now,
            },
            Recipients::idea_followers(id),
        ),
        audit::entry(rt, actor, &format!("idea.{to}"), Some(id), via),
    ];
    rt.db().batch(stmts).await?;
    let changed = detail(rt, actor, id).await?;
    webhooks::idea_status(rt, &changed.idea).await;
    Ok(changed)
}

fn merged() -> ApiError {
    ApiError::new(
        ErrorCode::Conflict,
        "This idea was merged into another: vote for and follow that one.",
        "Ide ini sudah digabung ke ide lain: dukung dan ikuti yang itu.",
    )
}

/// A status as words in a sentence, in English and in Bahasa Indonesia (as the app names it).
pub(crate) fn status_names(status: IdeaStatus) -> (&'static str, &'static str) {
    match status {
        IdeaStatus::New => ("new", "baru"),
        IdeaStatus::UnderReview => ("under review", "sedang ditinjau"),
        IdeaStatus::Accepted => ("accepted", "diterima"),
        IdeaStatus::InProgress => ("in progress", "sedang dikerjakan"),
        IdeaStatus::Implemented => ("implemented", "terlaksana"),
        IdeaStatus::Declined => ("declined", "ditolak"),
    }
}

/// A reviewer merges duplicate `id` into `into`: the duplicate's voters now vote for the
/// original (someone who voted for both counts once), the duplicate leaves the lists and
/// points to the original, and both histories say so. Audited; merging again is harmless.
pub async fn merge<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    into: &str,
) -> Result<IdeaDetail, ApiError> {
    if !may_review_ideas(actor) {
        return Err(forbidden());
    }
    let duplicate = load(rt, actor, id).await?;
    let original = load(rt, actor, into).await?;
    if duplicate.merged_into.as_deref() == Some(into) {
        return detail(rt, actor, into).await;
    }
    let refuse = |en: &str, id: &str| Err(ApiError::field(ErrorCode::Conflict, "into", en, id));
    if id == into {
        return refuse(
            "An idea cannot be merged into itself.",
            "Ide tidak bisa digabung ke dirinya sendiri.",
        );
    }
    if duplicate.merged_into.is_some() {
        return refuse(
            "This idea was already merged into another.",
            "Ide ini sudah digabung ke ide lain.",
        );
    }
    if original.merged_into.is_some() {
        return refuse(
            "That idea was itself merged: merge into the one it points to.",
            "Ide itu sendiri sudah digabung: gabungkan ke ide yang ditunjuknya.",
        );
    }
    let now = rt.now();
    // One line in each idea's history, naming the other (the app words it in its language).
    let history = |idea: &str, merged_into: Option<&str>, merged_from: Option<&str>| {
        stmt!(
            "INSERT INTO idea_history
               (id, idea_id, actor_id, from_status, to_status, merged_into_id, merged_from_id, created_at)
             SELECT ?, id, ?, status, status, ?, ?, ? FROM ideas WHERE id = ?",
            new_id(rt),
            actor.id.as_str(),
            merged_into,
            merged_from,
            now,
            idea
        )
    };
    let mut stmts = votes::IDEAS.carry_over(id, into);
    stmts.extend([
        stmt!(
            "UPDATE ideas SET merged_into = ?, updated_at = ? WHERE id = ?",
            into,
            now,
            id
        ),
        history(id, Some(into), None),
        history(into, None, Some(id)),
        audit::entry(rt, actor, "idea.merge", Some(id), Some(into)),
    ]);
    rt.db().batch(stmts).await?;
    detail(rt, actor, into).await
}

/// Ideas exported at most.
const EXPORT_MAX: i64 = 10_000;

/// Every idea (not merged duplicates), oldest first, for the innovation system. Reviewers only.
pub async fn export<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<Idea>, ApiError> {
    if !may_review_ideas(actor) {
        return Err(forbidden());
    }
    let rows: Vec<IdeaRow> = rt
        .db()
        .all(Reader::Actor(actor).bind(stmt!(
            idea_select!("WHERE i.merged_into IS NULL ORDER BY i.created_at, i.id LIMIT ?"),
            EXPORT_MAX
        )))
        .await?;
    Ok(rows.into_iter().map(|r| r.into_idea(actor)).collect())
}

/// The export as CSV (dates in WIB), one idea a row.
pub fn export_csv(ideas: &[Idea]) -> String {
    use super::csv::row;
    use super::wib::format_wib;
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "title",
            "category",
            "status",
            "votes",
            "author",
            "created_at",
            "updated_at",
            "decline_reason",
        ],
    );
    for i in ideas {
        row(
            &mut out,
            &[
                &i.id,
                &i.title,
                i.category.as_str(),
                i.status.as_str(),
                &i.vote_count.to_string(),
                &i.author.name,
                &format_wib(i.created_at),
                &format_wib(i.updated_at),
                i.decline_reason.as_deref().unwrap_or_default(),
            ],
        );
    }
    out
}
