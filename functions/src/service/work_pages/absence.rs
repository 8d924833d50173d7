//! Away and deputy: a person (or their manager, or HR) sets an absence with dates and a deputy.
//! While it lasts, the page says "away until …, contact …" and notifications to the absent person
//! are also delivered to the deputy, marked "for" them (see `notifications::deliver`); when it
//! ends, delivery returns by itself, because delivery reads the dates.

use super::super::actor::Actor;
use super::super::ids::new_id;
use super::super::policy::may_manage_staff;
use super::super::{audit, forbidden, not_found, validate, wib};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, count};
use balai_protocol::feed::Author;
use balai_protocol::limits::{ABSENCE_MAX_DAYS, ABSENCE_NOTE_MAX_CHARS};
use balai_protocol::notifications::Kind;
use balai_protocol::people::{
    AbsenceInput, Away, CoveredItem, DeputyAction, DeputyActionKind, DeputyLog,
};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// An absence's columns and its deputy's name, then `$rest`.
macro_rules! absence_select {
    ($rest:literal) => {
        concat!(
            "SELECT a.starts_at, a.ends_at, a.note, a.cancelled_at, a.deputy_id, d.name AS deputy_name,
                    d.deactivated_at AS deputy_left
             FROM absences a JOIN users d ON d.id = a.deputy_id ",
            $rest
        )
    };
}

/// An absence as read, with its deputy.
#[derive(Deserialize)]
pub struct AbsenceRow {
    starts_at: Millis,
    ends_at: Millis,
    note: String,
    cancelled_at: Option<Millis>,
    deputy_id: String,
    deputy_name: String,
    deputy_left: Option<Millis>,
}

impl AbsenceRow {
    fn deputy(&self) -> Author {
        Author {
            id: self.deputy_id.clone(),
            name: self.deputy_name.clone(),
            former: self.deputy_left.is_some(),
        }
    }
}

/// The absence that is on now, or else the next one planned; read with [`away_from`].
pub fn away_stmt(user_id: &str, now: Millis) -> Stmt {
    stmt!(
        absence_select!(
            "WHERE a.user_id = ? AND a.cancelled_at IS NULL AND a.ends_at > ?
             ORDER BY a.starts_at LIMIT 1"
        ),
        user_id,
        now
    )
}

pub fn away_from(answer: &impl RowSet) -> Result<Option<Away>, ApiError> {
    let row: Option<AbsenceRow> = answer.first()?;
    Ok(row.map(|r| Away {
        deputy: r.deputy(),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        note: r.note,
    }))
}

/// Whether `actor` may set `user_id`'s absence and read its deputy log, knowing whom the person
/// reports to (`manager_id`): the person, their manager, admins and HR.
pub fn may_set_given(actor: &Actor, user_id: &str, manager_id: Option<&str>) -> bool {
    actor.id == user_id || may_manage_staff(actor) || manager_id == Some(actor.id.as_str())
}

/// [`may_set_given`], asking D1 whom the person reports to only when it matters.
async fn may_set<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<bool, ApiError> {
    if may_set_given(actor, user_id, None) {
        return Ok(true);
    }
    Ok(count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM users WHERE id = ? AND manager_id = ?",
            user_id,
            actor.id.as_str()
        ),
    )
    .await?
        > 0)
}

fn invalid(field: &str, en: &str, id: &str) -> ApiError {
    ApiError::field(ErrorCode::Validation, field, en, id)
}

/// Sets `user_id`'s absence, replacing any current or planned one (so a retry is harmless).
/// Audited, with who set it.
pub async fn set<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
    input: &AbsenceInput,
) -> Result<Away, ApiError> {
    validate::id(user_id, Thing::Person)?;
    if !may_set(rt, actor, user_id).await? {
        return Err(forbidden());
    }
    let starts_at = wib::parse_date(&input.starts_on).ok_or_else(|| {
        invalid(
            "starts_on",
            "The first day away is YYYY-MM-DD.",
            "Hari pertama tidak hadir ditulis YYYY-MM-DD.",
        )
    })?;
    let last_day = wib::parse_date(&input.ends_on).ok_or_else(|| {
        invalid(
            "ends_on",
            "The last day away is YYYY-MM-DD.",
            "Hari terakhir tidak hadir ditulis YYYY-MM-DD.",
        )
    })?;
    // Away through the whole last day: back at the next midnight (WIB).
    let ends_at = last_day + wib::DAY_MS;
    if ends_at <= starts_at {
        return Err(invalid(
            "ends_on",
            "The last day away comes on or after the first.",
            "Hari terakhir tidak hadir jatuh pada atau setelah hari pertama.",
        ));
    }
    if ends_at <= rt.now() {
        return Err(invalid(
            "ends_on",
            "That absence is already over.",
            "Ketidakhadiran itu sudah lewat.",
        ));
    }
    if (ends_at - starts_at) / wib::DAY_MS > ABSENCE_MAX_DAYS {
        return Err(invalid(
            "ends_on",
            &format!("An absence is at most {ABSENCE_MAX_DAYS} days."),
            &format!("Ketidakhadiran paling lama {ABSENCE_MAX_DAYS} hari."),
        ));
    }
    let note = validate::optional("note", &input.note, ABSENCE_NOTE_MAX_CHARS)?;
    validate::id(&input.deputy_id, Thing::Deputy)
        .map_err(|_| invalid("deputy_id", "No such colleague.", "Rekan itu tidak ada."))?;
    if input.deputy_id == user_id {
        return Err(invalid(
            "deputy_id",
            "A deputy is someone else.",
            "Wakil harus orang lain.",
        ));
    }
    let deputies = count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM users WHERE id = ? AND deactivated_at IS NULL",
            input.deputy_id.as_str()
        ),
    )
    .await?;
    if deputies == 0 {
        return Err(invalid(
            "deputy_id",
            "No such colleague.",
            "Rekan itu tidak ada.",
        ));
    }
    let persons = count(
        rt.db(),
        stmt!("SELECT COUNT(*) AS n FROM users WHERE id = ?", user_id),
    )
    .await?;
    if persons == 0 {
        return Err(not_found(Thing::Person));
    }
    let now = rt.now();
    let id = new_id(rt);
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE absences SET cancelled_at = ? WHERE user_id = ? AND cancelled_at IS NULL AND ends_at > ?",
                now,
                user_id,
                now
            ),
            stmt!(
                "INSERT INTO absences (id, user_id, starts_at, ends_at, deputy_id, note, created_by, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id.as_str(),
                user_id,
                starts_at,
                ends_at,
                input.deputy_id.as_str(),
                note.as_str(),
                actor.id.as_str(),
                now
            ),
            audit::entry(rt, actor, "absence.set", Some(user_id), Some(&input.deputy_id)),
        ])
        .await?;
    let [away] = rt.db().read_each([away_stmt(user_id, now)]).await?;
    away_from(&away)?.ok_or_else(|| not_found(Thing::Absence))
}

/// Ends (or calls off) `user_id`'s current and planned absences: delivery returns to them at
/// once. Audited; ending twice is fine.
pub async fn end<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<(), ApiError> {
    validate::id(user_id, Thing::Person)?;
    if !may_set(rt, actor, user_id).await? {
        return Err(forbidden());
    }
    let now = rt.now();
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE absences SET cancelled_at = ? WHERE user_id = ? AND cancelled_at IS NULL AND ends_at > ?",
                now,
                user_id,
                now
            ),
            audit::entry(rt, actor, "absence.end", Some(user_id), None),
        ])
        .await?;
    Ok(())
}

/// Covered items (and, apart, actions) listed at most.
const LOG_MAX: i64 = 100;

/// The latest absence of `user_id` (on now, or ended), whose deputy log a page may show; read
/// with [`latest_from`]. A cancelled absence counts only if it had begun.
pub fn latest_stmt(user_id: &str, now: Millis) -> Stmt {
    stmt!(
        absence_select!(
            "WHERE a.user_id = ? AND a.starts_at <= ? AND (a.cancelled_at IS NULL OR a.cancelled_at > a.starts_at)
             ORDER BY a.starts_at DESC, a.created_at DESC, a.rowid DESC LIMIT 1"
        ),
        user_id,
        now
    )
}

pub fn latest_from(answer: &impl RowSet) -> Result<Option<AbsenceRow>, ApiError> {
    Ok(answer.first()?)
}

/// When an absence's deputy stopped covering: its end, or its cancelling if that came first.
fn covered_until(a: &AbsenceRow) -> Millis {
    a.cancelled_at.map_or(a.ends_at, |c| c.min(a.ends_at))
}

/// The deputy log of absence `a` of `user_id`, read with [`log_from`]: what its deputy received
/// for the person, with what they opened, and what they did for them (the join requests they
/// answered, from the audit log). Requests exist only on closed groups (secret ones are joined
/// by invitation), whose names anyone may see. For the person, their manager, admins and HR
/// ([`may_set_given`]).
pub fn log_stmts(user_id: &str, a: &AbsenceRow) -> [Stmt; 2] {
    let until = covered_until(a);
    [
        stmt!(
            "SELECT n.kind, n.actor_id, u.name AS actor_name, u.deactivated_at AS actor_left,
                    n.post_id, n.idea_id, n.created_at, n.read_at
             FROM notifications n JOIN users u ON u.id = n.actor_id
             WHERE n.user_id = ? AND n.for_user_id = ? AND n.created_at >= ? AND n.created_at < ?
             ORDER BY n.created_at DESC LIMIT ?",
            a.deputy_id.as_str(),
            user_id,
            a.starts_at,
            until,
            LOG_MAX
        ),
        stmt!(
            "SELECT al.action AS kind, p.id AS person_id, p.name AS person_name,
                    p.deactivated_at AS person_left, g.id AS group_id, g.name AS group_name,
                    al.created_at
             FROM audit_log al
               JOIN users p ON p.id = al.detail
               JOIN user_groups g ON g.id = al.target
             WHERE al.on_behalf_of = ? AND al.created_at >= ? AND al.created_at < ?
               AND al.actor_id = ? AND al.action IN ('group.request.approve', 'group.request.decline')
             ORDER BY al.created_at DESC, al.rowid DESC LIMIT ?",
            user_id,
            a.starts_at,
            until,
            a.deputy_id.as_str(),
            LOG_MAX
        ),
    ]
}

/// The deputy log of absence `a` from what [`log_stmts`] answered.
pub fn log_from(
    a: &AbsenceRow,
    items: &impl RowSet,
    actions: &impl RowSet,
) -> Result<DeputyLog, ApiError> {
    #[derive(Deserialize)]
    struct ItemRow {
        kind: Kind,
        actor_id: String,
        actor_name: String,
        actor_left: Option<Millis>,
        post_id: Option<String>,
        idea_id: Option<String>,
        created_at: Millis,
        read_at: Option<Millis>,
    }
    #[derive(Deserialize)]
    struct ActionRow {
        kind: DeputyActionKind,
        person_id: String,
        person_name: String,
        person_left: Option<Millis>,
        group_id: String,
        group_name: String,
        created_at: Millis,
    }
    let items: Vec<ItemRow> = items.decode()?;
    let actions: Vec<ActionRow> = actions.decode()?;
    Ok(DeputyLog {
        deputy: a.deputy(),
        starts_at: a.starts_at,
        ends_at: covered_until(a),
        items: items
            .into_iter()
            .map(|r| CoveredItem {
                kind: r.kind,
                actor: Author {
                    id: r.actor_id,
                    name: r.actor_name,
                    former: r.actor_left.is_some(),
                },
                post_id: r.post_id,
                idea_id: r.idea_id,
                at: r.created_at,
                opened_at: r.read_at,
            })
            .collect(),
        actions: actions
            .into_iter()
            .map(|r| DeputyAction {
                kind: r.kind,
                person: Author {
                    id: r.person_id,
                    name: r.person_name,
                    former: r.person_left.is_some(),
                },
                group_id: r.group_id,
                group_name: r.group_name,
                at: r.created_at,
            })
            .collect(),
    })
}
