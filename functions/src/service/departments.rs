//! The company's departments, as forms offer them.

use super::actor::Actor;
use super::policy::{self, Action};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::people::Department;
use balai_protocol::{ApiError, ErrorCode};

pub async fn list<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<Department>, ApiError> {
    policy::require(actor, Action::ReadFeed)?;
    Ok(rt
        .db()
        .all(stmt!("SELECT id, name FROM departments ORDER BY name"))
        .await?)
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
