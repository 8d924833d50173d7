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
