//! Finding colleagues: the directory (by name, position, competency, department, branch) and
//! expert search ("who knows X": matching competencies first, then what they wrote about it).

use super::super::policy::{Action, require};
use super::super::reader::Reader;
use super::super::search::match_expression;
use super::super::{sessions, validate};
use super::{competency_list, photo_url};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{RowSet, Stmt, answers};
use balai_protocol::directory::{Expert, PersonCard};
use balai_protocol::{ApiError, Millis, Page};
use serde::Deserialize;

/// A directory page; a search answers its best this many at once.
pub const DIRECTORY_PAGE: i64 = 50;
/// Experts answered at most.
const EXPERTS_MAX: i64 = 20;
/// Posts considered when counting what people wrote about a topic.
const EXPERT_POSTS_SCANNED: i64 = 2_000;

/// The columns of a [`PersonCard`], from `users u` (binds: now, now, for `away_until`).
macro_rules! card_select {
    ($rest:expr) => {
        concat!(
            "SELECT u.id, u.name, u.position, d.name AS department, b.name AS branch, u.email, u.phone,
                    u.competencies, u.photo_etag,
                    (SELECT MAX(a.ends_at) FROM absences a WHERE a.user_id = u.id AND a.cancelled_at IS NULL
                       AND a.starts_at <= ? AND a.ends_at > ?) AS away_until",
            $rest
        )
    };
}
pub(crate) use card_select;

/// The joins every card query needs after its FROM.
macro_rules! card_joins {
    () => {
        " LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN branches b ON b.id = u.branch_id "
    };
}
pub(crate) use card_joins;

#[derive(Deserialize)]
pub struct CardRow {
    id: String,
    name: String,
    position: String,
    department: Option<String>,
    branch: Option<String>,
    email: String,
    phone: String,
    competencies: String,
    photo_etag: Option<String>,
    away_until: Option<Millis>,
}

impl From<CardRow> for PersonCard {
    fn from(r: CardRow) -> Self {
        PersonCard {
            photo_url: photo_url(&r.id, r.photo_etag.as_deref()),
            competencies: competency_list(&r.competencies),
            id: r.id,
            name: r.name,
            position: r.position,
            department: r.department,
            branch: r.branch,
            email: r.email,
            phone: r.phone,
            away_until: r.away_until,
        }
    }
}

/// What the directory is asked.
#[derive(Debug, Default, Clone, Copy)]
pub struct Query<'a> {
    /// Words matched as prefixes against name, email, position and competencies.
    pub q: &'a str,
    pub department: Option<&'a str>,
    pub branch: Option<&'a str>,
    /// Without `q`: the `<name>\u{1f}<id>` of the last card of the previous page.
    pub cursor: Option<&'a str>,
    /// Cards a page, at most [`DIRECTORY_PAGE`] (a mention's suggestions ask for a few).
    pub limit: Option<i64>,
    /// `q` is matched against names and emails only (a mention being typed names a person,
    /// not a position).
    pub names_only: bool,
}

impl Query<'_> {
    fn limit(&self) -> i64 {
        self.limit
            .unwrap_or(DIRECTORY_PAGE)
            .clamp(1, DIRECTORY_PAGE)
    }
}

/// Current colleagues: without words, everyone by name a page at a time; with words, the best
/// matches (one page). For the person behind a session token: the session lookup and the page
/// in one D1 round trip.
pub async fn search_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    query: Query<'_>,
) -> Result<Page<PersonCard>, ApiError> {
    let page = sessions::checked(rt, token, page_stmt(query, rt.now())).await?;
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| vec![page]).await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let rows: Vec<CardRow> = rows.decode()?;
    // The best matches are one page: no cursor after them.
    let next_cursor = if query.q.trim().is_empty() {
        super::super::next_cursor(&rows, query.limit(), |r| {
            super::super::name_cursor(&r.name, &r.id)
        })
    } else {
        None
    };
    Ok(Page {
        items: rows.into_iter().map(PersonCard::from).collect(),
        next_cursor,
    })
}

/// The query for a directory page, or what is wrong with what was asked.
fn page_stmt(query: Query<'_>, now: Millis) -> Result<Stmt, ApiError> {
    let department = query.department.unwrap_or_default();
    let branch = query.branch.unwrap_or_default();
    for (value, what) in [(department, Thing::Department), (branch, Thing::Branch)] {
        if !value.is_empty() {
            validate::id(value, what)?;
        }
    }
    if !query.q.trim().is_empty() {
        let words = match_expression(query.q)?;
        let matched = if query.names_only {
            format!("{{name email}} : ({words})")
        } else {
            words
        };
        return Ok(stmt!(
            card_select!(concat!(
                " FROM (SELECT rowid AS rid, bm25(people_fts) AS score FROM people_fts WHERE people_fts MATCH ?
                        ORDER BY score LIMIT 300) c
                 JOIN users u ON u.rowid = c.rid",
                card_joins!(),
                "WHERE u.deactivated_at IS NULL AND (? = '' OR u.department_id = ?) AND (? = '' OR u.branch_id = ?)
                 ORDER BY c.score, u.name LIMIT ?"
            )),
            now,
            now,
            matched,
            department,
            department,
            branch,
            branch,
            query.limit()
        ));
    }
    let (after_name, after_id) = super::super::after_name(query.cursor)?;
    Ok(stmt!(
        card_select!(concat!(
            " FROM users u",
            card_joins!(),
            "WHERE u.deactivated_at IS NULL AND (? = '' OR u.department_id = ?) AND (? = '' OR u.branch_id = ?)
               AND (u.name, u.id) > (?, ?)
             ORDER BY u.name, u.id LIMIT ?"
        )),
        now,
        now,
        department,
        department,
        branch,
        branch,
        after_name,
        after_id,
        query.limit()
    ))
}

/// "Who knows X": colleagues whose competencies match every word of `topic` come first, then
/// those who wrote most about it (counting only posts the asker may read); ties by name. For
/// the person behind a session token: the session lookup and the answer in one D1 round trip.
pub async fn experts_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    topic: &str,
) -> Result<Vec<Expert>, ApiError> {
    let expr = sessions::checked(rt, token, match_expression(topic)).await?;
    let competency_expr = format!("competencies : ({expr})");
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(
            concat!(
                "WITH wrote AS (
                   SELECT p.author_id, COUNT(*) AS n
                   FROM (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
                   JOIN posts p ON p.rowid = f.rowid LEFT JOIN user_groups g ON g.id = p.group_id
                   WHERE p.deleted_at IS NULL AND ",
                readable!(reader),
                " GROUP BY p.author_id),
                 knowing AS (SELECT rowid AS rid FROM people_fts WHERE people_fts MATCH ?) ",
                card_select!(concat!(
                    ", (u.rowid IN (SELECT rid FROM knowing)) AS knows, coalesce(w.n, 0) AS posts
                     FROM users u",
                    card_joins!(),
                    "LEFT JOIN wrote w ON w.author_id = u.id
                     WHERE u.deactivated_at IS NULL AND (w.n IS NOT NULL OR u.rowid IN (SELECT rid FROM knowing))
                     ORDER BY knows DESC, posts DESC, u.name LIMIT ?"
                ))
            ),
            expr.as_str(),
            EXPERT_POSTS_SCANNED,
            competency_expr,
            now,
            now,
            EXPERTS_MAX
        ))]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        card: CardRow,
        knows: i64,
        posts: i64,
    }
    let [rows] = answers(sets)?;
    let rows: Vec<Row> = rows.decode()?;
    let words: Vec<String> = expr
        .split(' ')
        .map(|w| w.trim_matches(|c| c == '"' || c == '*').to_string())
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let person = PersonCard::from(r.card);
            let matched = if r.knows != 0 {
                person
                    .competencies
                    .iter()
                    .filter(|c| {
                        let c = c.to_lowercase();
                        words.iter().any(|w| {
                            c.split(|ch: char| !ch.is_alphanumeric())
                                .any(|part| part.starts_with(w.as_str()))
                        })
                    })
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            Expert {
                person,
                matched,
                posts: r.posts,
            }
        })
        .collect())
}
