//! The company's departments, as forms offer them.

use super::actor::Actor;
use super::policy::{Action, require};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Db;
use balai_protocol::ApiError;
use balai_protocol::people::Department;

pub async fn list<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<Department>, ApiError> {
    require(actor, Action::ReadFeed)?;
    Ok(rt
        .db()
        .all(stmt!("SELECT id, name FROM departments ORDER BY name"))
        .await?)
}
