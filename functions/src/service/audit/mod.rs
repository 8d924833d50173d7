//! The audit log of admin actions; entries are written in the same batch as the action, and
//! admins read them here, worded in their language (`wording.rs`).

mod wording;

use super::actor::Actor;
use super::ids::new_id;
use super::policy::{Action, require};
use super::posts::parse_cursor;
use super::{markdown, next_cursor, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, Stmt};
use balai_protocol::audit::AuditEntry;
use balai_protocol::feed::Author;
use balai_protocol::limits::AUDIT_PAGE_SIZE;
use balai_protocol::{ApiError, Lang, Millis, Page};
use serde::Deserialize;

pub fn entry<R: Runtime>(
    rt: &R,
    actor: &Actor,
    action: &str,
    target: Option<&str>,
    detail: Option<&str>,
) -> Stmt {
    insert(rt, actor, action, target, detail, None)
}

/// An action a deputy took for an absent colleague (`on_behalf_of`): it is also listed in the
/// deputy log on that colleague's page.
pub fn on_behalf<R: Runtime>(
    rt: &R,
    actor: &Actor,
    action: &str,
    target: Option<&str>,
    detail: Option<&str>,
    on_behalf_of: &str,
) -> Stmt {
    insert(rt, actor, action, target, detail, Some(on_behalf_of))
}

fn insert<R: Runtime>(
    rt: &R,
    actor: &Actor,
    action: &str,
    target: Option<&str>,
    detail: Option<&str>,
    on_behalf_of: Option<&str>,
) -> Stmt {
    stmt!(
        "INSERT INTO audit_log (id, actor_id, action, target, detail, on_behalf_of, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        new_id(rt),
        actor.id.as_str(),
        action,
        target,
        detail,
        on_behalf_of,
        rt.now()
    )
}

/// An audit log page's query, newest first from the cursor, narrowed by `$filter`.
macro_rules! audit_select {
    ($filter:literal) => {
        concat!(
            "SELECT a.id, a.action, a.target, a.detail, a.created_at,
                    a.actor_id, u.name AS actor_name, u.deactivated_at AS actor_left,
                    a.on_behalf_of, ob.name AS on_behalf_name,
                    COALESCE(tu.name, tg.name, tp.name, ti.title, tr.title, td.name, tt.name,
                             tcat.name, tb.title) AS target_name,
                    -- A post, comment or question is named by its first words (see `brief`).
                    substr(COALESCE(tpo.body, tc.body, tic.body, tq.body), 1, 400) AS target_text,
                    COALESCE(du.name, di.title) AS detail_name,
                    substr(dq.body, 1, 400) AS detail_text
             FROM audit_log a
             JOIN users u ON u.id = a.actor_id
             LEFT JOIN users ob ON ob.id = a.on_behalf_of
             LEFT JOIN users tu ON tu.id = a.target
             LEFT JOIN user_groups tg ON tg.id = a.target
             LEFT JOIN places tp ON tp.id = a.target
             LEFT JOIN ideas ti ON ti.id = a.target
             LEFT JOIN round_tables tr ON tr.id = a.target
             LEFT JOIN departments td ON td.id = a.target
             LEFT JOIN posts tpo ON tpo.id = a.target
             LEFT JOIN comments tc ON tc.id = a.target
             LEFT JOIN idea_comments tic ON tic.id = a.target
             LEFT JOIN rt_questions tq ON tq.id = a.target
             LEFT JOIN api_tokens tt ON tt.id = a.target
             LEFT JOIN place_categories tcat ON tcat.id = a.target
             LEFT JOIN position_bookmarks tb ON tb.id = a.target
             -- A detail that is an id: the person, idea or question it names.
             LEFT JOIN users du ON du.id = a.detail
             LEFT JOIN ideas di ON di.id = a.detail
             LEFT JOIN rt_questions dq ON dq.id = a.detail
             WHERE a.created_at <= ? AND (a.created_at < ? OR a.id < ?) ",
            $filter,
            " ORDER BY a.created_at DESC, a.id DESC LIMIT ?"
        )
    };
}

/// The log, newest first, a page at a time, in `lang`; with `person`, only what they did or
/// what was done to them. Admins only.
pub async fn list<R: Runtime>(
    rt: &R,
    actor: &Actor,
    person: Option<&str>,
    cursor: Option<&str>,
    lang: Lang,
) -> Result<Page<AuditEntry>, ApiError> {
    require(actor, Action::ManagePeople)?;
    if let Some(id) = person {
        validate::id(id, Thing::Person)?;
    }
    let (before_at, before_id) = match cursor {
        Some(c) => parse_cursor(c)?,
        None => (Millis::MAX, String::new()),
    };
    let limit = AUDIT_PAGE_SIZE as i64;
    let before_id = before_id.as_str();
    // With a person, each side of the filter seeks its own index (0016); else the time index.
    let query = match person {
        None => stmt!(audit_select!(""), before_at, before_at, before_id, limit),
        Some(id) => stmt!(
            audit_select!("AND (a.actor_id = ? OR a.target = ?)"),
            before_at,
            before_at,
            before_id,
            id,
            id,
            limit
        ),
    };
    let rows: Vec<Row> = rt.db().all(query).await?;
    Ok(Page {
        next_cursor: next_cursor(&rows, limit, |r| format!("{}.{}", r.created_at, r.id)),
        items: rows.into_iter().map(|r| r.into_entry(lang)).collect(),
    })
}

/// A text that names what an entry is about: its first words, without markdown (a post of
/// photos alone, that it is one).
fn brief(text: &str, lang: Lang) -> String {
    let words = markdown::plain_excerpt(text, 80);
    if words.is_empty() {
        wording::photos_alone(lang).to_string()
    } else {
        words
    }
}

#[derive(Deserialize)]
struct Row {
    id: String,
    action: String,
    target: Option<String>,
    target_name: Option<String>,
    target_text: Option<String>,
    detail: Option<String>,
    detail_name: Option<String>,
    detail_text: Option<String>,
    created_at: Millis,
    actor_id: String,
    actor_name: String,
    actor_left: Option<Millis>,
    on_behalf_of: Option<String>,
    on_behalf_name: Option<String>,
}

impl Row {
    fn into_entry(self, lang: Lang) -> AuditEntry {
        let target_name = self
            .target_name
            .or_else(|| self.target_text.as_deref().map(|t| brief(t, lang)));
        let detail_name = self
            .detail_name
            .or_else(|| self.detail_text.as_deref().map(|t| brief(t, lang)));
        AuditEntry {
            id: self.id,
            actor: Author {
                id: self.actor_id,
                name: self.actor_name,
                former: self.actor_left.is_some(),
            },
            summary: wording::summary(&self.action, lang),
            detail: wording::detail(
                &self.action,
                self.detail.as_deref(),
                detail_name.as_deref(),
                target_name.as_deref(),
                lang,
            ),
            action: self.action,
            target: self.target,
            target_name,
            on_behalf_of: self
                .on_behalf_of
                .zip(self.on_behalf_name)
                .map(|(id, name)| Author {
                    id,
                    name,
                    former: false,
                }),
            at: self.created_at,
        }
    }
}
