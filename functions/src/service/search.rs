//! Search over posts, comments, people, groups and tags with SQLite FTS5 (in D1): prefix
//! matching on every word, no stemming, so Indonesian and English both work. Ranked by bm25
//! among each kind's 300 newest matches, newest first among equals. Every query carries the
//! visibility rules, so a result is never something the searcher may not read (or, for secret
//! groups, know of).

use super::reader::Reader;
use super::{sessions, validate};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{RowSet, Stmt, Value};
use balai_protocol::feed::{Author, FollowState};
use balai_protocol::groups::{GroupRef, Visibility};
use balai_protocol::search::{CommentHit, GroupHit, PersonHit, PostHit, SearchKind, SearchResults};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Hits per kind in the grouped view, and per page for one kind.
const GROUPED: i64 = 5;
const PAGE: i64 = 20;
/// Words of a query that count.
const WORDS_MAX: usize = 8;
pub const QUERY_MAX_CHARS: usize = 200;

/// The candidates of one kind: its newest matches, at most 300, with their bm25 score (scaled
/// to an integer so a cursor compares exactly). FTS5 walks a match list in rowid order and stops
/// at the limit, so a common word costs 300 rows, not every post that contains it; relevance
/// then ranks within them. (Binds: the match expression.)
macro_rules! candidates {
    ($fts:literal) => {
        concat!(
            "(SELECT rowid AS rid, CAST(bm25(",
            $fts,
            ") * 1000000 AS INTEGER) AS score FROM ",
            $fts,
            " WHERE ",
            $fts,
            " MATCH ? ORDER BY rowid DESC LIMIT 300) c"
        )
    };
}

/// Adds the marked text (snippet or highlight, `$call`) for the page's hits only, after
/// ranking and paging. (Binds, first: the match expression.)
macro_rules! with_marks {
    ($fts:literal, $call:literal, $as:literal, $ranked:expr) => {
        concat!(
            "SELECT r.*, (SELECT ",
            $call,
            " FROM ",
            $fts,
            " WHERE ",
            $fts,
            " MATCH ? AND rowid = r.rid) AS ",
            $as,
            " FROM (",
            $ranked,
            ") r ORDER BY r.score, r.sort_at DESC, r.id DESC"
        )
    };
}

/// Orders a kind's hits (each row has `score`, `sort_at`, `id`) and pages from a cursor.
macro_rules! ranked {
    ($inner:expr) => {
        concat!(
            "SELECT * FROM (",
            $inner,
            ") WHERE (? IS NULL OR score > ? OR (score = ? AND (sort_at < ? OR (sort_at = ? AND id < ?))))
             ORDER BY score, sort_at DESC, id DESC LIMIT ?"
        )
    };
}

/// The FTS5 query for what someone typed: each word as a quoted prefix, all required.
pub fn match_expression(q: &str) -> Result<String, ApiError> {
    if q.chars().count() > QUERY_MAX_CHARS {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "q",
            format!("Search for at most {QUERY_MAX_CHARS} characters."),
            format!("Cari paling banyak {QUERY_MAX_CHARS} karakter."),
        ));
    }
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(WORDS_MAX)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    if words.is_empty() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "q",
            "Type a word to search for.",
            "Ketik kata yang ingin dicari.",
        ));
    }
    Ok(words.join(" "))
}

/// Escapes `text` for HTML, turning the match markers FTS5 put in (\x02, \x03) into `<mark>`.
fn marked_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\u{2}' => out.push_str("<mark>"),
            '\u{3}' => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A page position: the last hit's score, time and id.
struct Cursor {
    score: i64,
    at: Millis,
    id: String,
}

fn parse_cursor(c: &str) -> Result<Cursor, ApiError> {
    let bad = validate::bad_cursor;
    let mut parts = c.splitn(3, ':');
    let score = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let at = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let id = parts
        .next()
        .filter(|s| !s.is_empty() && s.len() <= 40)
        .ok_or_else(bad)?;
    Ok(Cursor {
        score,
        at,
        id: id.to_string(),
    })
}

/// Appends the cursor and limit binds of [`ranked!`].
fn page_binds(mut stmt: Stmt, cursor: Option<&Cursor>, limit: i64) -> Stmt {
    let (flag, score, at, id): (Value, Value, Value, Value) = match cursor {
        Some(c) => (1.into(), c.score.into(), c.at.into(), c.id.clone().into()),
        None => (Value::Null, 0.into(), 0.into(), "".into()),
    };
    stmt.params
        .extend([flag, score.clone(), score, at.clone(), at, id, limit.into()]);
    stmt
}

/// A hit row's place in the ranking (the columns [`ranked!`] orders by).
trait Ranked {
    fn position(&self) -> String;
}

macro_rules! hit_row {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Deserialize)]
        struct $name {
            id: String,
            score: i64,
            sort_at: Millis,
            $($field: $ty),*
        }
        impl Ranked for $name {
            fn position(&self) -> String {
                format!("{}:{}:{}", self.score, self.sort_at, self.id)
            }
        }
    };
}

/// One kind's hits from its rows, and the cursor after them (when the page is full).
fn hits<T: DeserializeOwned + Ranked>(
    rows: &impl RowSet,
    limit: i64,
) -> Result<(Vec<T>, Option<String>), ApiError> {
    let rows: Vec<T> = rows.decode()?;
    let next = super::next_cursor(&rows, limit, Ranked::position);
    Ok((rows, next))
}

hit_row!(PostRow {
    snippet: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    group_id: Option<String>,
    group_name: Option<String>,
    created_at: Millis,
});

hit_row!(CommentRow {
    post_id: String,
    snippet: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    created_at: Millis,
});

// `marks`: name, position and competencies, marked, separated by `\u{1}` (one subquery).
hit_row!(PersonRow {
    marks: String,
    email: String,
    left_at: Option<Millis>,
    followed: i64,
});

hit_row!(GroupRow {
    name_marked: String,
    visibility: Visibility,
    member_count: i64,
});

fn posts_stmt(expr: &str, reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        with_marks!(
            "posts_fts",
            "snippet(posts_fts, 0, char(2), char(3), '…', 16)",
            "snippet",
            ranked!(concat!(
                "SELECT p.id, p.rowid AS rid, p.created_at AS sort_at, p.created_at, c.score,
                        p.author_id, u.name AS author_name, u.deactivated_at AS author_left,
                        p.group_id, g.name AS group_name
                 FROM ",
                candidates!("posts_fts"),
                " JOIN posts p ON p.rowid = c.rid
                 JOIN users u ON u.id = p.author_id
                 LEFT JOIN user_groups g ON g.id = p.group_id
                 WHERE p.deleted_at IS NULL AND ",
                readable!(reader)
            ))
        ),
        expr,
        expr
    ))
}

fn comments_stmt(expr: &str, reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        with_marks!(
            "comments_fts",
            "snippet(comments_fts, 0, char(2), char(3), '…', 16)",
            "snippet",
            ranked!(concat!(
                "SELECT cm.id, cm.rowid AS rid, cm.created_at AS sort_at, cm.created_at, cm.post_id,
                        c.score, cm.author_id, u.name AS author_name, u.deactivated_at AS author_left
                 FROM ",
                candidates!("comments_fts"),
                " JOIN comments cm ON cm.rowid = c.rid
                 JOIN posts p ON p.id = cm.post_id
                 JOIN users u ON u.id = cm.author_id
                 LEFT JOIN user_groups g ON g.id = p.group_id
                 WHERE cm.deleted_at IS NULL AND p.deleted_at IS NULL AND ",
                readable!(reader)
            ))
        ),
        expr,
        expr
    ))
}

/// People, and whether the searcher follows each one found (looked up for the page's hits only,
/// by the key of `follows`), so their follow buttons need no request of their own.
fn people_stmt(expr: &str, reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        concat!(
            "SELECT h.*, EXISTS (SELECT 1 FROM follows f WHERE f.user_id = (SELECT id FROM reader)
                                   AND f.kind = 'person' AND f.target = h.id) AS followed
             FROM (",
            with_marks!(
                "people_fts",
                "highlight(people_fts, 0, char(2), char(3)) || char(1) ||
                 highlight(people_fts, 2, char(2), char(3)) || char(1) ||
                 highlight(people_fts, 3, char(2), char(3))",
                "marks",
                ranked!(concat!(
                    "SELECT u.id, u.rowid AS rid, u.created_at AS sort_at, c.score,
                            u.email, u.deactivated_at AS left_at
                     FROM ",
                    candidates!("people_fts"),
                    " JOIN users u ON u.rowid = c.rid"
                ))
            ),
            ") h ORDER BY h.score, h.sort_at DESC, h.id DESC"
        ),
        expr,
        expr
    ))
}

fn groups_stmt(expr: &str, reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        with_marks!(
            "groups_fts",
            "highlight(groups_fts, 0, char(2), char(3))",
            "name_marked",
            ranked!(concat!(
                "SELECT g.id, g.rowid AS rid, g.created_at AS sort_at, c.score,
                        g.visibility, g.member_count
                 FROM ",
                candidates!("groups_fts"),
                " JOIN user_groups g ON g.rowid = c.rid
                 WHERE g.visibility <> 'secret' OR (SELECT admin FROM reader) = 1
                    OR EXISTS (SELECT 1 FROM group_members m
                               WHERE m.group_id = g.id AND m.user_id = (SELECT id FROM reader))"
            ))
        ),
        expr,
        expr
    ))
}

/// The first word of `q` as tags are written (letters, digits, `-` and `_`), lower-case.
fn tag_prefix(q: &str) -> Option<String> {
    q.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Tags anyone may see (see migration 0005) starting with `prefix`, most used first.
fn tags_stmt(prefix: &str, limit: i64) -> Stmt {
    stmt!(
        "SELECT tag FROM tags WHERE tag >= ? AND tag < ? ORDER BY uses DESC, tag LIMIT ?",
        prefix,
        format!("{prefix}\u{10FFFF}"),
        limit
    )
}

#[derive(Deserialize)]
struct TagRow {
    tag: String,
}

fn author(id: String, name: String, left: Option<Millis>) -> Author {
    Author {
        id,
        name,
        former: left.is_some(),
    }
}

/// A search asked for, checked: its FTS5 expression, page and kinds. [`Query::stmts`] turns it
/// into one statement per kind for a reader, sent to D1 in one batch.
struct Query {
    expr: String,
    /// The word tags are looked up by (tags match by prefix, not through FTS5).
    tag_prefix: Option<String>,
    cursor: Option<Cursor>,
    /// The one kind asked for, which pages; all of them, a few hits each, when `None`.
    kind: Option<SearchKind>,
}

const KINDS: [SearchKind; 5] = [
    SearchKind::Posts,
    SearchKind::Comments,
    SearchKind::People,
    SearchKind::Groups,
    SearchKind::Tags,
];

impl Query {
    fn parse(q: &str, kind: Option<SearchKind>, cursor: Option<&str>) -> Result<Query, ApiError> {
        Ok(Query {
            expr: match_expression(q)?,
            tag_prefix: tag_prefix(q),
            cursor: cursor.map(parse_cursor).transpose()?,
            kind,
        })
    }

    /// Hits per kind.
    fn limit(&self) -> i64 {
        if self.kind.is_some() { PAGE } else { GROUPED }
    }

    /// The kinds searched, in the order of [`Query::stmts`].
    fn kinds(&self) -> impl Iterator<Item = SearchKind> + '_ {
        KINDS.into_iter().filter(|&k| {
            self.kind.is_none_or(|want| want == k)
                && (k != SearchKind::Tags || self.tag_prefix.is_some())
        })
    }

    fn stmts(&self, reader: &Reader) -> Vec<Stmt> {
        let (expr, limit) = (self.expr.as_str(), self.limit());
        let paged = |stmt| page_binds(stmt, self.cursor.as_ref(), limit);
        self.kinds()
            .map(|k| match k {
                SearchKind::Posts => paged(posts_stmt(expr, reader)),
                SearchKind::Comments => paged(comments_stmt(expr, reader)),
                SearchKind::People => paged(people_stmt(expr, reader)),
                SearchKind::Groups => paged(groups_stmt(expr, reader)),
                SearchKind::Tags => {
                    tags_stmt(self.tag_prefix.as_deref().unwrap_or_default(), limit)
                }
            })
            .collect()
    }
}

/// Searches everything (a few hits of each kind), or one kind a page at a time, for the person
/// behind a session token, the session lookup in the same D1 round trip. A query that cannot be
/// searched answers 400 once the session is known good.
pub async fn search_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    q: &str,
    kind: Option<SearchKind>,
    cursor: Option<&str>,
) -> Result<SearchResults, ApiError> {
    let query = sessions::checked(rt, token, Query::parse(q, kind, cursor)).await?;
    let (_, sets) =
        sessions::authenticate_with(rt, token, |hash| query.stmts(&Reader::Session(hash))).await?;
    results(&query, &sets)
}

/// The hits of each kind `query` asked for, from the row sets its statements answered.
fn results(query: &Query, sets: &[impl RowSet]) -> Result<SearchResults, ApiError> {
    let limit = query.limit();
    let mut out = SearchResults::default();
    let mut next = None;
    for (k, rows) in query.kinds().zip(sets) {
        match k {
            SearchKind::Posts => {
                let (rows, n) = hits::<PostRow>(rows, limit)?;
                next = next.or(n);
                out.posts = rows
                    .into_iter()
                    .map(|r| PostHit {
                        id: r.id,
                        author: author(r.author_id, r.author_name, r.author_left),
                        group: r
                            .group_id
                            .zip(r.group_name)
                            .map(|(id, name)| GroupRef { id, name }),
                        snippet_html: marked_html(&r.snippet),
                        created_at: r.created_at,
                    })
                    .collect();
            }
            SearchKind::Comments => {
                let (rows, n) = hits::<CommentRow>(rows, limit)?;
                next = next.or(n);
                out.comments = rows
                    .into_iter()
                    .map(|r| CommentHit {
                        id: r.id,
                        post_id: r.post_id,
                        author: author(r.author_id, r.author_name, r.author_left),
                        snippet_html: marked_html(&r.snippet),
                        created_at: r.created_at,
                    })
                    .collect();
            }
            SearchKind::People => {
                let (rows, n) = hits::<PersonRow>(rows, limit)?;
                next = next.or(n);
                out.people = rows
                    .into_iter()
                    .map(|r| {
                        let mut marks = r.marks.split('\u{1}');
                        let (name, position, competencies) =
                            (marks.next(), marks.next(), marks.next());
                        PersonHit {
                            id: r.id,
                            name_html: marked_html(name.unwrap_or_default()),
                            position_html: marked_html(position.unwrap_or_default()),
                            // Shown only when the words were found there.
                            competencies_html: competencies
                                .filter(|c| c.contains('\u{2}'))
                                .map(marked_html),
                            email: r.email,
                            former: r.left_at.is_some(),
                            follow: FollowState {
                                following: r.followed != 0,
                                notify: false,
                            },
                        }
                    })
                    .collect();
            }
            SearchKind::Groups => {
                let (rows, n) = hits::<GroupRow>(rows, limit)?;
                next = next.or(n);
                out.groups = rows
                    .into_iter()
                    .map(|r| GroupHit {
                        id: r.id,
                        name_html: marked_html(&r.name_marked),
                        visibility: r.visibility,
                        member_count: r.member_count,
                    })
                    .collect();
            }
            SearchKind::Tags => {
                out.tags = rows
                    .decode::<TagRow>()?
                    .into_iter()
                    .map(|t| t.tag)
                    .collect();
            }
        }
    }
    // Only a single kind pages; the grouped view links to each kind instead.
    out.next_cursor = query.kind.and(next);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_prefix_words_and_nothing_else() {
        assert_eq!(
            match_expression("Gudang surabaya").unwrap(),
            "\"gudang\"* \"surabaya\"*"
        );
        assert_eq!(
            match_expression("\"x\" OR y*").unwrap(),
            "\"x\"* \"or\"* \"y\"*"
        );
        assert!(match_expression("  ?! ").is_err());
        assert_eq!(marked_html("a\u{2}<b>\u{3}"), "a<mark>&lt;b&gt;</mark>");
    }
}
