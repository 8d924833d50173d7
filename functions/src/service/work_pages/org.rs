//! The org structure: departments as a tree with heads, a department's page, and reporting
//! lines one can walk up (managers) and down (direct reports).

use super::super::actor::Actor;
use super::super::policy::{Action, may_manage_staff, require};
use super::super::reader::Reader;
use super::super::{not_found, sessions, validate};
use super::directory::{CardRow, card_joins, card_select};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers};
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

/// Every department, by name, with its parent: the client draws the tree. For the person
/// behind a session token, in the session lookup's D1 round trip.
pub async fn tree_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<DepartmentNode>, ApiError> {
    let (actor, sets) =
        sessions::authenticate_with(rt, token, |_| vec![stmt!(node_select!("ORDER BY d.name"))])
            .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let rows: Vec<NodeRow> = rows.decode()?;
    Ok(rows.into_iter().map(DepartmentNode::from).collect())
}

/// The department above `id`, the one above that, and so on, nearest first (binds: id, the
/// depth walked at most).
const PARENTS: &str = "WITH RECURSIVE up(id, name, parent_id, depth) AS (
       SELECT p.id, p.name, p.parent_id, 1
       FROM departments c JOIN departments p ON p.id = c.parent_id WHERE c.id = ?
       UNION ALL
       SELECT p.id, p.name, p.parent_id, up.depth + 1
       FROM up JOIN departments p ON p.id = up.parent_id WHERE up.depth < ?)
     SELECT id, name FROM up ORDER BY depth";

/// What a department's page reads, in one batch: the department, its sub-departments, the
/// line of departments above it (walked in SQL) and its current people.
fn page_stmts(id: &str, now: Millis) -> Vec<Stmt> {
    vec![
        stmt!(node_select!("WHERE d.id = ?"), id),
        stmt!(node_select!("WHERE d.parent_id = ? ORDER BY d.name"), id),
        stmt!(PARENTS, id, CHAIN_MAX as i64),
        stmt!(
            card_select!(concat!(
                " FROM users u",
                card_joins!(),
                "WHERE u.department_id = ? AND u.deactivated_at IS NULL ORDER BY u.name LIMIT ?"
            )),
            now,
            now,
            id,
            DEPARTMENT_PEOPLE_MAX
        ),
    ]
}

/// The page from what [`page_stmts`] answered.
fn page_from<S: RowSet>(id: &str, sets: Vec<S>) -> Result<DepartmentPage, ApiError> {
    let [node, children, parents, people] = answers(sets)?;
    let node: NodeRow = node.first()?.ok_or_else(|| not_found(Thing::Department))?;
    let children: Vec<NodeRow> = children.decode()?;
    let people: Vec<CardRow> = people.decode()?;
    Ok(DepartmentPage {
        parents: top_down(parents.decode::<Department>()?, id, |d| &d.id),
        department: node.into(),
        children: children.into_iter().map(DepartmentNode::from).collect(),
        people: people.into_iter().map(PersonCard::from).collect(),
    })
}

/// A department: its place in the tree, sub-departments, and current people by name (after a
/// change `actor` made to it), in one D1 round trip.
async fn department<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
) -> Result<DepartmentPage, ApiError> {
    require(actor, Action::ReadFeed)?;
    validate::id(id, Thing::Department)?;
    let sets = rt.db().read_batch(page_stmts(id, rt.now())).await?;
    page_from(id, sets)
}

/// A department's page for the person behind a session token: the session lookup and the
/// whole page in one D1 round trip.
pub async fn department_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<DepartmentPage, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::Department)).await?;
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| page_stmts(id, now)).await?;
    require(&actor, Action::ReadFeed)?;
    page_from(id, sets)
}

/// A line walked upwards from `start` (nearest first), turned top first: it ends before any
/// step that comes back to `start` or to a step already taken (a loop in the data).
fn top_down<T>(nearest_first: Vec<T>, start: &str, id: impl Fn(&T) -> &String) -> Vec<T> {
    let mut line: Vec<T> = Vec::new();
    for step in nearest_first {
        if id(&step) == start || line.iter().any(|taken| id(taken) == id(&step)) {
            break;
        }
        line.push(step);
    }
    line.reverse();
    line
}

/// The managers above person `id`, nearest first, as cards (binds: id, the depth walked at
/// most, then now twice).
macro_rules! managers {
    () => {
        concat!(
            "WITH RECURSIVE up(id, depth) AS (
               SELECT manager_id, 1 FROM users WHERE id = ? AND manager_id IS NOT NULL
               UNION ALL
               SELECT m.manager_id, up.depth + 1 FROM up JOIN users m ON m.id = up.id
               WHERE m.manager_id IS NOT NULL AND up.depth < ?) ",
            card_select!(concat!(
                " FROM up JOIN users u ON u.id = up.id",
                card_joins!(),
                "ORDER BY up.depth"
            ))
        )
    };
}

/// A person in the reporting lines: their managers up to the top, and their direct reports.
/// For the person behind a session token: the session lookup and the chart (the managers
/// walked in SQL) in one D1 round trip.
pub async fn chart_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<OrgChart, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::Person)).await?;
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| {
        vec![
            stmt!(
                card_select!(concat!(" FROM users u", card_joins!(), "WHERE u.id = ?")),
                now,
                now,
                id
            ),
            stmt!(managers!(), id, CHAIN_MAX as i64, now, now),
            stmt!(
                card_select!(concat!(
                    " FROM users u",
                    card_joins!(),
                    "WHERE u.manager_id = ? AND u.deactivated_at IS NULL ORDER BY u.name LIMIT ?"
                )),
                now,
                now,
                id,
                DEPARTMENT_PEOPLE_MAX
            ),
        ]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [person, managers, reports] = answers(sets)?;
    let person: CardRow = person.first()?.ok_or_else(|| not_found(Thing::Person))?;
    let managers: Vec<PersonCard> = managers
        .decode::<CardRow>()?
        .into_iter()
        .map(PersonCard::from)
        .collect();
    let reports: Vec<CardRow> = reports.decode()?;
    Ok(OrgChart {
        chain: top_down(managers, id, |card: &PersonCard| &card.id),
        person: person.into(),
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
        id: String,
        name: String,
        deactivated_at: Option<Millis>,
    }
    // The new manager, then their managers up the line, in one query.
    let line: Vec<Row> = rt
        .db()
        .all(stmt!(
            "WITH RECURSIVE up(id, depth) AS (
               SELECT ?, 0
               UNION ALL
               SELECT m.manager_id, up.depth + 1 FROM up JOIN users m ON m.id = up.id
               WHERE m.manager_id IS NOT NULL AND up.depth < ?)
             SELECT u.id, u.name, u.deactivated_at FROM up JOIN users u ON u.id = up.id
             ORDER BY up.depth",
            manager_id,
            CHAIN_MAX as i64
        ))
        .await?;
    let manager = line
        .first()
        .filter(|m| m.id == manager_id)
        .ok_or_else(|| bad("No such colleague.", "Rekan itu tidak ada."))?;
    if manager.deactivated_at.is_some() {
        return Err(bad(
            "A former employee cannot be a manager.",
            "Mantan karyawan tidak bisa menjadi atasan.",
        ));
    }
    if line.iter().any(|up| up.id == person_id) {
        return Err(bad(
            "That colleague reports to this person: reporting lines cannot go round in a circle.",
            "Rekan itu melapor kepada orang ini: garis pelaporan tidak boleh berputar.",
        ));
    }
    Ok(manager.name.clone())
}

/// The company's branches, by name (for the directory's filter), each linked to its office on
/// the map when the reader may see it. For the person behind a session token, in the session
/// lookup's D1 round trip.
pub async fn branches_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<balai_protocol::people::Branch>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        place_id: Option<String>,
    }
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(concat!(
            "SELECT b.id, b.name, ",
            branch_place!("r.editor", "r.id"),
            " AS place_id FROM reader r CROSS JOIN branches b ORDER BY b.name"
        )))]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let rows: Vec<Row> = rows.decode()?;
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
            // Meeting this department on the way up from the new parent would make a circle.
            let above: Vec<Department> = rt
                .db()
                .all(stmt!(PARENTS, parent, CHAIN_MAX as i64))
                .await?;
            if parent == id || above.iter().any(|d| d.id == id) {
                return Err(bad(
                    "A department cannot sit under itself or its own sub-departments.",
                    "Departemen tidak bisa berada di bawah dirinya sendiri atau sub-departemennya.",
                ));
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
