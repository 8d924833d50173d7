//! Who reads, as SQL. A statement written against the one-row `reader` CTE (`id`, `admin`,
//! `editor`: the reader's id, the admin flag and the map-editor flag) can take its reader from
//! an [`Actor`] already resolved, or from a session token's hash. The latter lets the hottest
//! reads (the feed, search) go to D1 in the same round trip as the session lookup
//! (`sessions::authenticate_with`) instead of one round trip after it.
//!
//! A statement names the reader by joining it first (`FROM reader r CROSS JOIN …`, then `r.id`;
//! the feed), or as `(SELECT id FROM reader)` (search); `readable!` and `place_visible!` take
//! the SQL that names it. Joined, the session's two rows are read once and nothing more.

use super::actor::Actor;
use crate::store::{Stmt, Value};
use std::borrow::Cow;

/// The reader a statement is for.
pub enum Reader<'a> {
    Actor(&'a Actor),
    /// The person whose session token hashes to this value. The statement then reads as an empty
    /// `reader` (so nothing) for a token that names no live session, and its rows are only used
    /// once the session lookup batched with it has admitted the person.
    Session(&'a str),
}

/// The session's person as `reader`. It must agree with [`Actor::admin_flag`] and
/// [`Actor::place_editor_flag`] (admins, and those granted 'places', edit the map): the test
/// `a_session_reader_has_the_flags_of_its_actor` holds them together.
const FROM_SESSION: &str = "reader(id, admin, editor) AS (
    SELECT u.id, u.role = 'admin',
           u.role = 'admin' OR EXISTS (SELECT 1 FROM role_grants rg
                                       WHERE rg.user_id = u.id AND rg.capability = 'places')
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ? AND u.deactivated_at IS NULL)";

/// The actor's flags as binds, and their row by primary key (one index entry read): a reader
/// that SQLite knows is at most one row lets an `ORDER BY` follow the index of the table joined
/// after it. A row of bare binds does not (SQLite then sorts everything in a temp B-tree; the
/// test `a_reader_bound_either_way_keeps_the_index_order`).
const FROM_ACTOR: &str =
    "reader(id, admin, editor) AS (SELECT u.id, ?, ? FROM users u WHERE u.id = ?)";

impl Reader<'_> {
    /// `stmt`, whose SQL names its reader through `reader`, for this reader: the CTE goes first,
    /// and its binds before the statement's own. A statement with CTEs of its own (`WITH …` or
    /// `WITH RECURSIVE …`) gets `reader` as the first of them.
    pub fn bind(&self, stmt: Stmt) -> Stmt {
        let (cte, mut params): (&str, Vec<Value>) = match self {
            Reader::Actor(actor) => (
                FROM_ACTOR,
                vec![
                    actor.admin_flag().into(),
                    actor.place_editor_flag().into(),
                    actor.id.as_str().into(),
                ],
            ),
            Reader::Session(hash) => (FROM_SESSION, vec![(*hash).into()]),
        };
        params.extend(stmt.params);
        let sql = if let Some(more) = stmt.sql.strip_prefix("WITH RECURSIVE ") {
            format!("WITH RECURSIVE {cte}, {more}")
        } else if let Some(more) = stmt.sql.strip_prefix("WITH ") {
            format!("WITH {cte}, {more}")
        } else {
            format!("WITH {cte} {}", stmt.sql)
        };
        Stmt {
            sql: Cow::Owned(sql),
            params,
        }
    }
}
