//! The org structure: departments as a tree with heads, a department's page, and reporting
//! lines one can walk up (managers) and down (direct reports).

use super::super::actor::Actor;
use super::super::policy::{Action, may_manage_staff, require};
use super::super::{not_found, validate};
use super::directory::{CardRow, card_joins, card_select};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::Db;
use balai_protocol::directory::{
    DepartmentEdit, DepartmentNode, DepartmentPage, OrgChart, PersonCard,
};
use balai_protocol::feed::Author;
use balai_protocol::limits::DEPARTMENT_NAME_MAX_CHARS;
use balai_protocol::people::Department;
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// Reporting lines are walked at most this deep (a guard; real ones are far shallower).
const CHAIN_MAX: usize = 20;
/// People listed on a department's page at most.
const DEPARTMENT_PEOPLE_MAX: i64 = 500;

#[derive(Deserialize)]
struct NodeRow {
    id: String,
    name: String,
    parent_id: Option<String>,
    head_id: Option<String>,
    head_name: Option<String>,
    head_left: Option<Millis>,
    people: i64,
}

impl From<NodeRow> for DepartmentNode {
    fn from(r: NodeRow) -> Self {
        DepartmentNode {
            head: r.head_id.zip(r.head_name).map(|(id, name)| Author {
                id,
                name,
                former: r.head_left.is_some(),
            }),
            id: r.id,
            name: r.name,
            parent_id: r.parent_id,
            people: r.people,
        }
    }
}

macro_rules! node_select {
    ($rest:literal) => {
        concat!(
            "SELECT d.id, d.name, d.parent_id, d.head_id, h.name AS head_name, h.deactivated_at AS head_left,
                    (SELECT COUNT(*) FROM users m WHERE m.department_id = d.id AND m.deactivated_at IS NULL) AS people
             FROM departments d LEFT JOIN users h ON h.id = d.head_id ",
            $rest
        )
    };
}

/// Every department, by name, with its parent: the client draws the tree.
pub async fn tree<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<DepartmentNode>, ApiError> {
    require(actor, Action::ReadFeed)?;
    let rows: Vec<NodeRow> = rt.db().all(stmt!(node_select!("ORDER BY d.name"))).await?;
    Ok(rows.into_iter().map(DepartmentNode::from).collect())
}

/// A department: its place in the tree, sub-departments, and current people by name.
pub async fn department<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
) -> Result<DepartmentPage, ApiError> {
    require(actor, Action::ReadFeed)?;
    validate::id(id, Thing::Department)?;
    let node: NodeRow = rt
        .db()
        .first(stmt!(node_select!("WHERE d.id = ?"), id))
        .await?
        .ok_or_else(|| not_found(Thing::Department))?;
    let children: Vec<NodeRow> = rt
        .db()
        .all(stmt!(
            node_select!("WHERE d.parent_id = ? ORDER BY d.name"),
            id
        ))
        .await?;
    let mut parents: Vec<Department> = Vec::new();
    let mut next = node.parent_id.clone();
    while let Some(parent) = next.take() {
        if parents.len() >= CHAIN_MAX || parents.iter().any(|p| p.id == parent) {
            break;
        }
        #[derive(Deserialize)]
        struct Up {
            id: String,
            name: String,
            parent_id: Option<String>,
        }
        let up: Option<Up> = rt
            .db()
            .first(stmt!(
                "SELECT id, name, parent_id FROM departments WHERE id = ?",
                parent.as_str()
            ))
            .await?;
        if let Some(up) = up {
            next = up.parent_id;
            parents.insert(
                0,
                Department {
                    id: up.id,
                    name: up.name,
                },
            );
        }
    }
    let now = rt.now();
    let people: Vec<CardRow> = rt
        .db()
        .all(stmt!(
            card_select!(concat!(
                " FROM users u",
                card_joins!(),
                "WHERE u.department_id = ? AND u.deactivated_at IS NULL ORDER BY u.name LIMIT ?"
            )),
            now,
            now,
            id,
            DEPARTMENT_PEOPLE_MAX
        ))
        .await?;
    Ok(DepartmentPage {
        department: node.into(),
        parents,
        children: children.into_iter().map(DepartmentNode::from).collect(),
        people: people.into_iter().map(PersonCard::from).collect(),
    })
}

/// One person's card and their manager's id.
async fn card_with_manager<R: Runtime>(
    rt: &R,
    id: &str,
) -> Result<Option<(PersonCard, Option<String>)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        card: CardRow,
        manager_id: Option<String>,
    }
    let now = rt.now();
    let row: Option<Row> = rt
        .db()
        .first(stmt!(
            card_select!(concat!(
                ", u.manager_id FROM users u",
                card_joins!(),
                "WHERE u.id = ?"
            )),
            now,
            now,
            id
        ))
        .await?;
    Ok(row.map(|r| (r.card.into(), r.manager_id)))
}

/// A person in the reporting lines: their managers up to the top, and their direct reports.
pub async fn chart<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<OrgChart, ApiError> {
    require(actor, Action::ReadFeed)?;
    validate::id(id, Thing::Person)?;
    let (person, mut manager) = card_with_manager(rt, id)
        .await?
        .ok_or_else(|| not_found(Thing::Person))?;
    let mut chain: Vec<PersonCard> = Vec::new();
    while let Some(m) = manager.take() {
        if chain.len() >= CHAIN_MAX || m == id || chain.iter().any(|c| c.id == m) {
            break;
        }
        if let Some((card, up)) = card_with_manager(rt, &m).await? {
            chain.insert(0, card);
            manager = up;
        }
    }
    let now = rt.now();
    let reports: Vec<CardRow> = rt
        .db()
        .all(stmt!(
            card_select!(concat!(
                " FROM users u",
                card_joins!(),
                "WHERE u.manager_id = ? AND u.deactivated_at IS NULL ORDER BY u.name LIMIT ?"
            )),
            now,
            now,
            id,
            DEPARTMENT_PEOPLE_MAX
        ))
        .await?;
    Ok(OrgChart {
        chain,
        person,
        reports: reports.into_iter().map(PersonCard::from).collect(),
    })
}

/// Checks `manager_id` may manage `person_id`: a current colleague, not the person, and not
/// someone who (directly or not) reports to them. Answers the manager's name.
pub async fn check_manager<R: Runtime>(
    rt: &R,
    person_id: &str,
    manager_id: &str,
) -> Result<String, ApiError> {
    let bad = |en: &str, id: &str| ApiError::field(ErrorCode::Validation, "manager_id", en, id);
    validate::id(manager_id, Thing::Manager)
        .map_err(|_| bad("No such colleague.", "Rekan itu tidak ada."))?;
    if manager_id == person_id {
        return Err(bad(
            "Nobody is their own manager.",
            "Tidak ada yang menjadi atasan bagi dirinya sendiri.",
        ));
    }
    #[derive(Deserialize)]
    struct Row {
        name: String,
        manager_id: Option<String>,
        deactivated_at: Option<Millis>,
    }
    let mut next = Some(manager_id.to_string());
    let mut name = None;
    for _ in 0..CHAIN_MAX {
        let Some(current) = next.take() else { break };
        let row: Option<Row> = rt
            .db()
            .first(stmt!(
                "SELECT name, manager_id, deactivated_at FROM users WHERE id = ?",
                current.as_str()
            ))
            .await?;
        let Some(row) = row else { break };
        if name.is_none() {
            if row.deactivated_at.is_some() {
                return Err(bad(
                    "A former employee cannot be a manager.",
                    "Mantan karyawan tidak bisa menjadi atasan.",
                ));
            }
            name = Some(row.name);
        }
        if row.manager_id.as_deref() == Some(person_id) {
            return Err(bad(
                "That colleague reports to this person: reporting lines cannot go round in a circle.",
                "Rekan itu melapor kepada orang ini: garis pelaporan tidak boleh berputar.",
            ));
        }
        next = row.manager_id;
    }
    name.ok_or_else(|| bad("No such colleague.", "Rekan itu tidak ada."))
}

/// The company's branches, by name (for the directory's filter), each linked to its office on
/// the map when the reader may see it.
pub async fn branches<R: Runtime>(
    rt: &R,
    actor: &Actor,
) -> Result<Vec<balai_protocol::people::Branch>, ApiError> {
    require(actor, Action::ReadFeed)?;
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        place_id: Option<String>,
    }
    let rows: Vec<Row> = rt
        .db()
        .all(stmt!(
            concat!(
                "SELECT b.id, b.name, ",
                branch_place!("?", "?"),
                " AS place_id FROM branches b ORDER BY b.name"
            ),
            actor.place_editor_flag(),
            actor.id.as_str()
        ))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| balai_protocol::people::Branch {
            id: r.id,
            name: r.name,
            place_id: r.place_id,
        })
        .collect())
}

/// Department names are unique: a clash is the caller's to fix, not ours.
fn name_taken(e: crate::store::DbError) -> ApiError {
    match e {
        crate::store::DbError::Constraint(_) => ApiError::field(
            ErrorCode::Conflict,
            "name",
            "A department with this name exists.",
            "Departemen dengan nama ini sudah ada.",
        ),
        e => e.into(),
    }
}

/// Adds a department (with `name`, optionally under a parent and with a head). Admins and HR;
/// audited.
pub async fn create_department<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &DepartmentEdit,
) -> Result<DepartmentPage, ApiError> {
    if !may_manage_staff(actor) {
        return Err(super::super::forbidden());
    }
    let name = validate::text(
        "name",
        input.name.as_deref().unwrap_or_default(),
        DEPARTMENT_NAME_MAX_CHARS,
    )?;
    let id = super::super::ids::new_id(rt);
    let insert = stmt!(
        "INSERT INTO departments (id, name) VALUES (?, ?)",
        id.as_str(),
        name.as_str()
    );
    rt.db()
        .batch(vec![
            insert,
            super::super::audit::entry(rt, actor, "department.create", Some(&id), Some(&name)),
        ])
        .await
        .map_err(name_taken)?;
    let rest = DepartmentEdit {
        name: None,
        ..input.clone()
    };
    edit_department(rt, actor, &id, &rest).await
}

/// Renames a department, moves it under another (never under itself or its own
/// sub-departments), or changes its head. Admins and HR; audited.
pub async fn edit_department<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &DepartmentEdit,
) -> Result<DepartmentPage, ApiError> {
    if !may_manage_staff(actor) {
        return Err(super::super::forbidden());
    }
    let current = department(rt, actor, id).await?;
    let mut stmts = Vec::new();
    if let Some(name) = &input.name {
        let name = validate::text("name", name, DEPARTMENT_NAME_MAX_CHARS)?;
        stmts.push(stmt!(
            "UPDATE departments SET name = ? WHERE id = ?",
            name,
            id
        ));
    }
    if let Some(parent) = super::cleared(&input.parent_id) {
        if let Some(parent) = parent.as_deref() {
            let bad =
                |en: &str, id: &str| ApiError::field(ErrorCode::Validation, "parent_id", en, id);
            super::super::departments::require(rt, "parent_id", parent).await?;
            // Walk up from the new parent: meeting this department would make a circle.
            let mut next = Some(parent.to_string());
            for _ in 0..CHAIN_MAX {
                let Some(at) = next.take() else { break };
                if at == id {
                    return Err(bad(
                        "A department cannot sit under itself or its own sub-departments.",
                        "Departemen tidak bisa berada di bawah dirinya sendiri atau sub-departemennya.",
                    ));
                }
                #[derive(Deserialize)]
                struct Up {
                    parent_id: Option<String>,
                }
                next = rt
                    .db()
                    .first::<Up>(stmt!(
                        "SELECT parent_id FROM departments WHERE id = ?",
                        at.as_str()
                    ))
                    .await?
                    .and_then(|u| u.parent_id);
            }
        }
        stmts.push(stmt!(
            "UPDATE departments SET parent_id = ? WHERE id = ?",
            parent.as_deref(),
            id
        ));
    }
    if let Some(head) = super::cleared(&input.head_id) {
        if let Some(head) = head.as_deref() {
            let unknown = || {
                ApiError::field(
                    ErrorCode::Validation,
                    "head_id",
                    "No such colleague.",
                    "Rekan itu tidak ada.",
                )
            };
            validate::id(head, Thing::Head).map_err(|_| unknown())?;
            let active = rt
                .db()
                .first::<serde_json::Value>(stmt!(
                    "SELECT 1 AS found FROM users WHERE id = ? AND deactivated_at IS NULL",
                    head
                ))
                .await?;
            if active.is_none() {
                return Err(unknown());
            }
        }
        stmts.push(stmt!(
            "UPDATE departments SET head_id = ? WHERE id = ?",
            head.as_deref(),
            id
        ));
    }
    if !stmts.is_empty() {
        stmts.push(super::super::audit::entry(
            rt,
            actor,
            "department.edit",
            Some(id),
            Some(&current.department.name),
        ));
        rt.db().batch(stmts).await.map_err(name_taken)?;
    }
    department(rt, actor, id).await
}
