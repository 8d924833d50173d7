//! The company's departments, as forms offer them.

use super::policy::{self, Action};
use super::sessions;
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers};
use balai_protocol::people::Department;
use balai_protocol::{ApiError, ErrorCode};

/// Every department, by name.
pub fn all_stmt() -> Stmt {
    stmt!("SELECT id, name FROM departments ORDER BY name")
}

/// Every department, as forms offer them: read in the session lookup's D1 round trip.
pub async fn list_by_session<R: Runtime>(rt: &R, token: &str) -> Result<Vec<Department>, ApiError> {
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| vec![all_stmt()]).await?;
    policy::require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    Ok(rows.decode()?)
}

/// The department with `id`, or a field error naming `field` (for forms that pick one).
pub async fn require<R: Runtime>(rt: &R, field: &str, id: &str) -> Result<Department, ApiError> {
    super::validate::id(id, Thing::Department).map_err(|_| unknown(field))?;
    rt.db()
        .first(stmt!("SELECT id, name FROM departments WHERE id = ?", id))
        .await?
        .ok_or_else(|| unknown(field))
}

fn unknown(field: &str) -> ApiError {
    ApiError::field(
        ErrorCode::Validation,
        field,
        "No such department.",
        "Departemen itu tidak ada.",
    )
}
