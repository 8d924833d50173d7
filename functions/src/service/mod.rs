//! Business rules, platform-neutral: every function takes a [`Runtime`](crate::runtime::Runtime)
//! and returns wire types or an [`ApiError`](balai_protocol::ApiError). No HTTP here.

/// SQL: whether the reader may read post `p`, joined with its group as `g` (binds: admin flag,
/// then the reader's id; or the SQL naming them from the [`reader`] CTE: `readable!(reader)`, or
/// `readable!("r.admin", "r.id")` where it is joined as `r`).
/// The one place this rule is written; every post query uses it.
/// Company posts and open groups' posts are for everyone; closed and secret groups' posts for
/// their active members; admins read all (moderation).
macro_rules! readable {
    () => {
        readable!("?", "?")
    };
    (reader) => {
        readable!("(SELECT admin FROM reader)", "(SELECT id FROM reader)")
    };
    ($admin:literal, $me:literal) => {
        concat!(
            "(p.group_id IS NULL OR ",
            $admin,
            " = 1 OR g.visibility = 'open'
              OR EXISTS (SELECT 1 FROM group_members vm WHERE vm.group_id = p.group_id AND vm.user_id = ",
            $me,
            " AND vm.state = 'active'))"
        )
    };
}

/// SQL: whether the reader may see place `pl` (binds: map-editor flag, then the reader's id; or
/// the SQL naming them, as the feed does from its joined [`reader`]:
/// `place_visible!("r.editor", "r.id")`).
/// Places for all employees are for everyone; restricted ones for the departments in their
/// audience; map editors and admins see all. Every place query, and the place a post names,
/// uses it.
macro_rules! place_visible {
    () => {
        place_visible!("?", "?")
    };
    ($editor:literal, $me:literal) => {
        concat!(
            "(pl.visibility = 'all' OR ",
            $editor,
            " = 1
              OR EXISTS (SELECT 1 FROM place_audience pa JOIN users pu ON pu.department_id = pa.department_id
                         WHERE pa.place_id = pl.id AND pu.id = ",
            $me,
            "))"
        )
    };
}

/// SQL: the capabilities granted to person `u`, one 0/1 column each, named as [`actor::Grants`]'s
/// fields (sessions, `/api/me` and the people list all select them).
macro_rules! grant_columns {
    () => {
        "EXISTS (SELECT 1 FROM role_grants r WHERE r.user_id = u.id AND r.capability = 'communications') AS communications,
         EXISTS (SELECT 1 FROM role_grants r WHERE r.user_id = u.id AND r.capability = 'places') AS place_editor,
         EXISTS (SELECT 1 FROM role_grants r WHERE r.user_id = u.id AND r.capability = 'ideas') AS idea_reviewer,
         EXISTS (SELECT 1 FROM role_grants r WHERE r.user_id = u.id AND r.capability = 'moderation') AS moderator,
         EXISTS (SELECT 1 FROM role_grants r WHERE r.user_id = u.id AND r.capability = 'hr') AS hr"
    };
}

pub mod accounts;
pub mod acks;
pub mod actor;
pub mod api_tokens;
pub mod audit;
pub mod comments;
pub mod credentials;
pub mod csv;
pub mod departments;
pub mod follows;
pub mod groups;
pub mod ideas;
pub mod idempotency;
pub mod ids;
pub mod image;
pub mod invites;
pub mod likes;
pub mod maintenance;
pub mod markdown;
pub mod notifications;
pub mod password;
pub mod places;
pub mod policy;
pub mod posts;
pub mod push;
pub mod rate_limit;
pub mod reader;
pub mod reports;
pub mod round_tables;
pub mod saved_filters;
pub mod search;
pub mod sessions;
pub mod text;
pub mod thing;
pub mod validate;
pub mod votes;
pub mod webhooks;
pub mod wib;
pub mod work_pages;

pub use thing::Thing;

use crate::store::DbError;
use balai_protocol::{ApiError, ErrorCode};

/// Database failures are ours, never the user's: log the detail, answer a generic 500.
impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        log_error(&format!("db: {e:?}"));
        ApiError::new(
            ErrorCode::Internal,
            "Something went wrong on our side. Please try again.",
            "Terjadi kesalahan di pihak kami. Silakan coba lagi.",
        )
    }
}

/// People listed by name page by a `(name, id)` cursor: the position after `cursor` (the start
/// when `None`), for `(u.name, u.id) > (?, ?)`.
pub fn after_name(cursor: Option<&str>) -> Result<(String, String), ApiError> {
    match cursor {
        None => Ok((String::new(), String::new())),
        Some(c) => {
            let (name, id) = c.rsplit_once('\u{1f}').ok_or_else(validate::bad_cursor)?;
            Ok((name.to_string(), id.to_string()))
        }
    }
}

/// The `(name, id)` cursor of a person's row (see [`after_name`]).
pub fn name_cursor(name: &str, id: &str) -> String {
    format!("{name}\u{1f}{id}")
}

/// The cursor after a page: the last row's position when the page came back full (a short page
/// is the last one).
pub fn next_cursor<T>(rows: &[T], limit: i64, position: impl Fn(&T) -> String) -> Option<String> {
    (rows.len() as i64 == limit)
        .then(|| rows.last().map(position))
        .flatten()
}

pub fn not_found(what: Thing) -> ApiError {
    let (en, id) = what.names();
    ApiError::new(
        ErrorCode::NotFound,
        format!("{en} not found."),
        format!("{id} tidak ditemukan."),
    )
}

pub fn forbidden() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "You are not allowed to do that.",
        "Anda tidak diizinkan melakukan itu.",
    )
}

pub fn log_error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    worker::console_error!("{message}");
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}
