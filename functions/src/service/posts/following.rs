//! The "following" filter's page: posts by the people, in the groups and with the tags the
//! reader follows, newest first.
//!
//! Walking the whole feed and keeping what matches reads every post down to the page's last
//! one: for someone who follows a few quiet colleagues, most of the company's posts (all of
//! them when those colleagues have posted nothing). So the follows are read first, with the
//! session, and the page then walks each source's own index from the cursor
//! (`posts_by_author`, `posts_by_group`, `post_tags`), one arm of a compound SELECT each. SQLite
//! runs a compound SELECT with an ORDER BY as a merge that reads its arms lazily, so it stops at
//! the page's end: about a page of rows and one more a source, whatever the company's size.
//! D1 takes at most 5 terms a compound SELECT, so more sources merge five at a time (`merge`).

use super::{PostRow, Scope, page_stmt};
use crate::runtime::Runtime;
use crate::service::policy::{Action, require};
use crate::service::{actor::Actor, reader::Reader, sessions};
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, Value, answers};
use balai_protocol::feed::FollowKind;
use balai_protocol::{ApiError, Millis};
use serde::Deserialize;
use std::borrow::Cow;

/// The most sources merged. D1 takes at most 100 bound parameters a statement: a source's is
/// one, with the reader's 3, the cursor's 2 and the limit. Someone who follows more (up to
/// `follows::FOLLOWS_MAX`) follows much of the company, and the one-statement walk of the
/// whole feed finds their page soon.
const MERGED_SOURCES_MAX: usize = 90;

#[derive(Deserialize)]
struct Source {
    kind: FollowKind,
    target: String,
}

/// The reader's session, then their page after `before`: two D1 round trips, the follows read
/// in the first with the session (none followed: one).
pub(super) async fn page_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    before: &(Millis, String),
    limit: u32,
) -> Result<(Actor, Vec<PostRow>), ApiError> {
    let (actor, sets) =
        sessions::authenticate_with(rt, token, |hash| vec![sources_stmt(&Reader::Session(hash))])
            .await?;
    require(&actor, Action::ReadFeed)?;
    let [sources] = answers(sets)?;
    let sources: Vec<Source> = sources.decode()?;
    let reader = Reader::Actor(&actor);
    let page = match sources.len() {
        0 => return Ok((actor, Vec::new())),
        n if n > MERGED_SOURCES_MAX => page_stmt(&reader, Scope::Following, before, limit),
        _ => reader.bind(merged_stmt(&sources, before, limit)),
    };
    let rows = rt.db().all(page).await?;
    Ok((actor, rows))
}

/// What the reader follows, one more than is merged (to tell when there are more).
fn sources_stmt(reader: &Reader) -> Stmt {
    reader.bind(stmt!(
        "SELECT f.kind, f.target FROM reader r JOIN follows f ON f.user_id = r.id LIMIT ?",
        MERGED_SOURCES_MAX as i64 + 1
    ))
}

/// After the position `pos` (the cursor): `created_at <= ?` seeks the source's index to it,
/// the rest drops the posts of that same millisecond already shown.
macro_rules! after_pos {
    ($at:literal, $id:literal) => {
        concat!(
            $at,
            " <= pos.at AND (",
            $at,
            " < pos.at OR ",
            $id,
            " < pos.id)"
        )
    };
}

/// An arm: a source's live posts the reader may read, after the cursor, as (created_at, id).
/// `$from` is what it walks (joining the post as `p`), `$source` the column that names the
/// source, and `$at`, `$id` the index's order after it. Binds: the source.
macro_rules! arm {
    ($at:literal, $id:literal, $from:literal, $source:literal) => {
        concat!(
            "SELECT ",
            $at,
            " AS created_at, ",
            $id,
            " AS id FROM pos CROSS JOIN ",
            $from,
            " LEFT JOIN user_groups g ON g.id = p.group_id WHERE ",
            $source,
            " = ? AND p.deleted_at IS NULL AND ",
            after_pos!($at, $id),
            " AND ",
            readable!("pos.admin", "pos.me")
        )
    };
}

const BY_PERSON: &str = arm!("p.created_at", "p.id", "posts p", "p.author_id");
const IN_GROUP: &str = arm!("p.created_at", "p.id", "posts p", "p.group_id");
const WITH_TAG: &str = arm!(
    "t.created_at",
    "t.post_id",
    "post_tags t JOIN posts p ON p.id = t.post_id",
    "t.tag"
);

/// D1 refuses a compound SELECT of more than 5 terms, so more arms merge as a tree.
const COMPOUND_TERMS_MAX: usize = 5;

/// The page as the merge of one arm per source (UNION: a post two sources share shows once).
/// Binds: the cursor and the limit, the sources; the reader's go first ([`Reader::bind`]).
fn merged_stmt(sources: &[Source], before: &(Millis, String), limit: u32) -> Stmt {
    let arms: Vec<String> = sources
        .iter()
        .map(|s| match s.kind {
            FollowKind::Person => BY_PERSON,
            FollowKind::Group => IN_GROUP,
            FollowKind::Tag => WITH_TAG,
        })
        .map(String::from)
        .collect();
    // `pos`: the cursor, the page's length and the reader as the one row each arm joins first.
    // Built on the reader's row by primary key, SQLite knows it is one row and keeps each arm
    // in its index's order (materialized, it would sort each arm's posts).
    let sql = [
        post_select!(
            "WHERE p.id IN (
               WITH pos(at, id, lim, admin, me) AS (SELECT ?, ?, ?, r.admin, r.id FROM reader r)
               SELECT id FROM ("
        ),
        &merge(arms),
        ")) ORDER BY p.created_at DESC, p.id DESC",
    ]
    .concat();
    let mut params: Vec<Value> = vec![
        before.0.into(),
        before.1.as_str().into(),
        i64::from(limit).into(),
    ];
    params.extend(sources.iter().map(|s| s.target.as_str().into()));
    Stmt {
        sql: Cow::Owned(sql),
        params,
    }
}

/// `terms`, each (created_at, id) newest first, as one such list of the page's length. Up to
/// [`COMPOUND_TERMS_MAX`] terms are one compound SELECT, merged lazily. More are merged five at
/// a time, and those merges in turn: SQLite sorts a merge's page of rows again when it is a
/// term of the next (it does not see that they come sorted), but reads nothing more.
fn merge(mut terms: Vec<String>) -> String {
    let newest_first = |part: &[String]| {
        part.join(" UNION ") + " ORDER BY 1 DESC, 2 DESC LIMIT (SELECT lim FROM pos)"
    };
    while terms.len() > COMPOUND_TERMS_MAX {
        terms = terms
            .chunks(COMPOUND_TERMS_MAX)
            .map(|part| format!("SELECT created_at, id FROM ({})", newest_first(part)))
            .collect();
    }
    newest_first(&terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sqlite::SqliteDb;
    use balai_protocol::auth::Role;

    /// Each arm seeks its source's index to the cursor and SQLite merges the arms: nothing walks
    /// the whole feed, and the only sort is of the page's own rows at the end.
    #[test]
    fn each_source_walks_its_own_index_and_the_arms_merge() {
        let sources = [
            (FollowKind::Person, "u_ani"),
            (FollowKind::Group, "g_gudang"),
            (FollowKind::Tag, "stok"),
        ]
        .map(|(kind, target)| Source {
            kind,
            target: target.into(),
        });
        let actor = Actor {
            id: "u_budi".into(),
            name: "Budi".into(),
            email: "budi@example.com".into(),
            role: Role::Member,
            session_id: "s_1".into(),
            grants: Default::default(),
        };
        let page = Reader::Actor(&actor).bind(merged_stmt(&sources, &(1, "x".into()), 20));
        let plan = SqliteDb::in_memory().explain(&page.sql);
        let all = plan.join(" | ");
        for seek in [
            "MERGE (UNION)",
            "SEARCH p USING INDEX posts_by_author (author_id=? AND created_at<?)",
            "SEARCH p USING INDEX posts_by_group (group_id=? AND created_at<?)",
            "SEARCH t USING PRIMARY KEY (tag=? AND created_at<?)",
            "SEARCH p USING INDEX sqlite_autoindex_posts_1 (id=?)",
        ] {
            assert!(all.contains(seek), "{seek}: {all}");
        }
        assert!(
            !plan
                .iter()
                .any(|l| l == "SCAN p" || l.contains("posts_feed")),
            "{all}"
        );
        let sorts: Vec<_> = plan.iter().filter(|l| l.contains("TEMP B-TREE")).collect();
        assert_eq!(sorts.len(), 1, "{all}");
        assert_eq!(plan.last(), sorts.first().copied(), "{all}");
    }

    /// As many sources as are merged make a statement D1 takes: at most 100 bound parameters
    /// and 5 terms a compound SELECT (the test database has D1's limits), and still no walk of
    /// the whole feed.
    #[test]
    fn the_most_sources_merged_fit_d1s_limits() {
        let sources: Vec<Source> = (0..MERGED_SOURCES_MAX)
            .map(|i| Source {
                kind: [FollowKind::Person, FollowKind::Group, FollowKind::Tag][i % 3],
                target: format!("s{i}"),
            })
            .collect();
        let page = Reader::Session("hash").bind(merged_stmt(&sources, &(1, "x".into()), 50));
        assert!(page.params.len() <= 100, "{}", page.params.len());
        let plan = SqliteDb::in_memory().explain(&page.sql);
        assert!(
            !plan
                .iter()
                .any(|l| l == "SCAN p" || l.contains("posts_feed")),
            "{plan:?}"
        );
        let compound = (0..6).map(|i| format!("SELECT {i}")).collect::<Vec<_>>();
        let refused =
            std::panic::catch_unwind(|| SqliteDb::in_memory().explain(&compound.join(" UNION ")));
        assert!(
            refused.is_err(),
            "the test database refuses 6 terms, as D1 does"
        );
    }
}
