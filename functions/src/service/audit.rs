//! The audit log of admin actions; entries are written in the same batch as the action.

use super::actor::Actor;
use super::ids::new_id;
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::Stmt;

pub fn entry<R: Runtime>(
    rt: &R,
    actor: &Actor,
    action: &str,
    target: Option<&str>,
    detail: Option<&str>,
) -> Stmt {
    stmt!(
        "INSERT INTO audit_log (id, actor_id, action, target, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        new_id(rt),
        actor.id.as_str(),
        action,
        target,
        detail,
        rt.now()
    )
}
