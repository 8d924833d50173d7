//! Work pages: who a colleague is, what they do and know, whom they report to, whether they are
//! away, and what they gave the company in ideas. A person edits their own fields; admins and
//! HR edit the official ones (position, department, branch, manager, start date), each change
//! kept with who and when.

/// SQL: the id of branch `b`'s office on the map, if the reader may see it (`$editor` and `$me`
/// name the reader, as `place_visible!` takes them). Matched by name, case aside, so that
/// `places_by_name` (category, name COLLATE NOCASE) finds it: compared by the default
/// collation, SQLite would read every branch place for each person shown.
macro_rules! branch_place {
    ($editor:literal, $me:literal) => {
        concat!(
            "(SELECT pl.id FROM places pl
              WHERE pl.category_id = 'branch' AND pl.name = b.name COLLATE NOCASE
                AND pl.archived_at IS NULL AND ",
            place_visible!($editor, $me),
            " LIMIT 1)"
        )
    };
}

pub mod absence;
pub mod bookmarks;
pub mod celebrations;
pub mod directory;
pub mod import;
pub mod org;
pub mod photo;

use super::actor::Actor;
use super::policy::{Action, may_manage_staff, require};
use super::reader::Reader;
use super::sessions;
use super::{audit, forbidden, ideas, not_found, validate, wib};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers};
use balai_protocol::feed::Author;
use balai_protocol::limits::{
    COMPETENCIES_MAX, COMPETENCY_MAX_CHARS, HOBBIES_MAX_CHARS, PHONE_MAX_CHARS, POSITION_MAX_CHARS,
    RESPONSIBILITIES_MAX_CHARS,
};
use balai_protocol::people::{
    Branch, Department, DeputyLog, OfficialChange, OfficialEdit, Profile, ProfileEdit,
};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// Thanks shown on a profile at most (the count covers all of them).
const RECOGNITION_SHOWN: i64 = 20;
/// Official changes shown on a profile at most.
const HISTORY_SHOWN: i64 = 50;

/// Where a person's photo is served (the `v` changes with the photo, so it caches forever).
pub fn photo_url(id: &str, etag: Option<&str>) -> Option<String> {
    etag.map(|e| format!("/api/people/{id}/photo?v={e}"))
}

/// Competencies as stored (`"Forklift, K3 safety"`) to a list.
pub fn competency_list(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

#[derive(Deserialize)]
struct ProfileRow {
    id: String,
    name: String,
    email: String,
    position: String,
    department_id: Option<String>,
    department_name: Option<String>,
    branch_id: Option<String>,
    branch_name: Option<String>,
    branch_place_id: Option<String>,
    manager_id: Option<String>,
    manager_name: Option<String>,
    manager_left: Option<Millis>,
    start_date: Option<String>,
    phone: String,
    competencies: String,
    responsibilities: String,
    hobbies: String,
    birthday: Option<String>,
    birthday_public: i64,
    photo_etag: Option<String>,
    deactivated_at: Option<Millis>,
}

/// A person's page as `reader` sees it, up to what only some may see: the person, their absence
/// on now or next, their ideas and thanks, the reader's bookmarks on their own page, and the
/// latest absence (its deputy log is for a few). Read with [`page_from`].
fn page_stmts(reader: &Reader, id: &str, now: Millis) -> Vec<Stmt> {
    vec![
        reader.bind(stmt!(
            concat!(
                "SELECT u.id, u.name, u.email, u.position, u.department_id, d.name AS department_name,
                        u.branch_id, b.name AS branch_name, ",
                branch_place!("r.editor", "r.id"),
                " AS branch_place_id,
                        u.manager_id, m.name AS manager_name, m.deactivated_at AS manager_left, u.start_date,
                        u.phone, u.competencies, u.responsibilities, u.hobbies, u.birthday, u.birthday_public,
                        u.photo_etag, u.deactivated_at
                 FROM reader r CROSS JOIN users u LEFT JOIN departments d ON d.id = u.department_id
                 LEFT JOIN branches b ON b.id = u.branch_id
                 LEFT JOIN users m ON m.id = u.manager_id
                 WHERE u.id = ?"
            ),
            id
        )),
        absence::away_stmt(id, now),
        ideas::contributions_stmt(id),
        ideas::recognition_stmt(id, RECOGNITION_SHOWN),
        bookmarks::mine_stmt(reader, id),
        absence::latest_stmt(id, now),
    ]
}

/// A person's page for `actor` (after a change they made to it).
pub async fn get<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<Profile, ApiError> {
    validate::id(id, Thing::Person)?;
    let stmts = page_stmts(&Reader::Actor(actor), id, rt.now());
    let sets = rt.db().read_batch(stmts).await?;
    page_from(rt, actor, id, sets).await
}

/// A person's page for the person behind a session token: the session lookup and the page in
/// one D1 round trip, and a second only for what the person themselves, their manager, admins
/// and HR see (the official history, the deputy log).
pub async fn get_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<Profile, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::Person)).await?;
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        page_stmts(&Reader::Session(hash), id, now)
    })
    .await?;
    page_from(rt, &actor, id, sets).await
}

/// The page from what [`page_stmts`] answered for `actor`, reading the history and the deputy
/// log (in one round trip) only when `actor` may see them.
async fn page_from<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    sets: Vec<<R::Db as Db>::Rows>,
) -> Result<Profile, ApiError> {
    require(actor, Action::ReadFeed)?;
    let [row, away, contributions, recognition, bookmarks, latest] = answers(sets)?;
    let row: ProfileRow = row.first()?.ok_or_else(|| not_found(Thing::Person))?;
    let is_me = actor.id == row.id;
    let staff = may_manage_staff(actor);
    let latest = absence::latest_from(&latest)?
        .filter(|_| absence::may_set_given(actor, id, row.manager_id.as_deref()));
    let (history, deputy_log) = for_the_few(rt, id, is_me || staff, latest).await?;
    let birthday_shown = row.birthday_public != 0 || is_me || staff;
    Ok(Profile {
        away: absence::away_from(&away)?,
        contributions: ideas::contributions_from(&contributions)?,
        recognition: ideas::recognition_from(&recognition)?,
        deputy_log,
        bookmarks: bookmarks::mine_from(&bookmarks)?,
        history,
        photo_url: photo_url(&row.id, row.photo_etag.as_deref()),
        can_edit: is_me && row.deactivated_at.is_none(),
        can_edit_official: staff,
        birthday: row.birthday.filter(|_| birthday_shown),
        birthday_public: row.birthday_public != 0,
        department: row
            .department_id
            .zip(row.department_name)
            .map(|(id, name)| Department { id, name }),
        branch: row.branch_id.zip(row.branch_name).map(|(id, name)| Branch {
            id,
            name,
            place_id: row.branch_place_id,
        }),
        manager: row
            .manager_id
            .zip(row.manager_name)
            .map(|(id, name)| Author {
                id,
                name,
                former: row.manager_left.is_some(),
            }),
        competencies: competency_list(&row.competencies),
        id: row.id,
        name: row.name,
        email: row.email,
        position: row.position,
        start_date: row.start_date,
        phone: row.phone,
        responsibilities: row.responsibilities,
        hobbies: row.hobbies,
        former: row.deactivated_at.is_some(),
    })
}

/// The official history (if `history_shown`) and the deputy log of absence `latest` (if any), in
/// one round trip, or none when neither is shown.
async fn for_the_few<R: Runtime>(
    rt: &R,
    id: &str,
    history_shown: bool,
    latest: Option<absence::AbsenceRow>,
) -> Result<(Vec<OfficialChange>, Option<DeputyLog>), ApiError> {
    let db = rt.db();
    Ok(match (history_shown, latest) {
        (false, None) => (Vec::new(), None),
        (true, None) => {
            let [history] = db.read_each([history_stmt(id)]).await?;
            (history_from(&history)?, None)
        }
        (false, Some(a)) => {
            let [items, actions] = db.read_each(absence::log_stmts(id, &a)).await?;
            (Vec::new(), Some(absence::log_from(&a, &items, &actions)?))
        }
        (true, Some(a)) => {
            let [items, actions] = absence::log_stmts(id, &a);
            let [history, items, actions] =
                db.read_each([history_stmt(id), items, actions]).await?;
            let log = absence::log_from(&a, &items, &actions)?;
            (history_from(&history)?, Some(log))
        }
    })
}

/// The person's official changes, newest first; read with [`history_from`].
fn history_stmt(id: &str) -> Stmt {
    stmt!(
        "SELECT h.field, h.old_value, h.new_value, h.actor_id, u.name AS actor_name,
                u.deactivated_at AS actor_left, h.created_at
         FROM profile_history h JOIN users u ON u.id = h.actor_id
         WHERE h.user_id = ? ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?",
        id,
        HISTORY_SHOWN
    )
}

fn history_from(answer: &impl RowSet) -> Result<Vec<OfficialChange>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        field: String,
        old_value: Option<String>,
        new_value: Option<String>,
        actor_id: String,
        actor_name: String,
        actor_left: Option<Millis>,
        created_at: Millis,
    }
    let rows: Vec<Row> = answer.decode()?;
    Ok(rows
        .into_iter()
        .map(|r| OfficialChange {
            field: r.field,
            old_value: r.old_value,
            new_value: r.new_value,
            actor: Author {
                id: r.actor_id,
                name: r.actor_name,
                former: r.actor_left.is_some(),
            },
            at: r.created_at,
        })
        .collect())
}

/// Competencies as typed, checked: at most [`COMPETENCIES_MAX`], each short, no commas inside,
/// duplicates (ignoring case) dropped.
fn checked_competencies(list: &[String]) -> Result<Vec<String>, ApiError> {
    let bad =
        |en: String, id: String| ApiError::field(ErrorCode::Validation, "competencies", en, id);
    let mut out: Vec<String> = Vec::new();
    for c in list.iter().flat_map(|c| c.split(',')).map(str::trim) {
        if c.is_empty() || out.iter().any(|o| o.to_lowercase() == c.to_lowercase()) {
            continue;
        }
        if c.chars().count() > COMPETENCY_MAX_CHARS {
            return Err(bad(
                format!("A competency is at most {COMPETENCY_MAX_CHARS} characters: \"{c}\"."),
                format!("Satu kompetensi paling banyak {COMPETENCY_MAX_CHARS} karakter: \"{c}\"."),
            ));
        }
        out.push(c.to_string());
    }
    if out.len() > COMPETENCIES_MAX {
        return Err(bad(
            format!("At most {COMPETENCIES_MAX} competencies."),
            format!("Paling banyak {COMPETENCIES_MAX} kompetensi."),
        ));
    }
    Ok(out)
}

/// A person edits their own page (a full replacement, so a retry is harmless).
pub async fn edit_own<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &ProfileEdit,
) -> Result<Profile, ApiError> {
    if actor.id != id {
        return Err(forbidden());
    }
    let phone = validate::phone("phone", &input.phone, PHONE_MAX_CHARS)?;
    let competencies = checked_competencies(&input.competencies)?;
    let responsibilities = validate::optional(
        "responsibilities",
        &input.responsibilities,
        RESPONSIBILITIES_MAX_CHARS,
    )?;
    let hobbies = validate::optional("hobbies", &input.hobbies, HOBBIES_MAX_CHARS)?;
    let birthday = match input.birthday.as_deref().filter(|b| !b.trim().is_empty()) {
        None => None,
        Some(b) => Some(wib::parse_month_day(b).ok_or_else(|| {
            ApiError::field(
                ErrorCode::Validation,
                "birthday",
                "A birthday is a month and day, MM-DD.",
                "Tanggal lahir ditulis bulan dan hari, MM-DD.",
            )
        })?),
    };
    let tags: Vec<String> = competencies.iter().map(|c| c.to_lowercase()).collect();
    let tags_json = serde_json::to_string(&tags).expect("strings serialize");
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE users SET phone = ?, competencies = ?, responsibilities = ?, hobbies = ?,
                                  birthday = ?, birthday_public = ?
                 WHERE id = ?",
                phone.as_str(),
                competencies.join(", "),
                responsibilities.as_str(),
                hobbies.as_str(),
                birthday.as_deref(),
                i64::from(input.birthday_public),
                id
            ),
            stmt!("DELETE FROM person_competencies WHERE user_id = ?", id),
            stmt!(
                "INSERT OR IGNORE INTO person_competencies (user_id, tag) SELECT ?, value FROM json_each(?)",
                id,
                tags_json
            ),
        ])
        .await?;
    get(rt, actor, id).await
}

/// The official fields as stored, with names for what ids point to (for the history).
#[derive(Deserialize)]
struct Official {
    position: String,
    department_id: Option<String>,
    department_name: Option<String>,
    branch_id: Option<String>,
    branch_name: Option<String>,
    manager_id: Option<String>,
    manager_name: Option<String>,
    start_date: Option<String>,
}

/// Admins and HR change official fields; each change is kept in the person's history (who,
/// when, from what to what) and audited, in one batch. Fields left out stay; sending the same
/// values again changes nothing.
pub async fn edit_official<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &OfficialEdit,
) -> Result<Profile, ApiError> {
    if !may_manage_staff(actor) {
        return Err(forbidden());
    }
    validate::id(id, Thing::Person)?;
    let now: Official = rt
        .db()
        .first(stmt!(
            "SELECT u.position, u.department_id, d.name AS department_name, u.branch_id,
                    b.name AS branch_name, u.manager_id, m.name AS manager_name, u.start_date
             FROM users u LEFT JOIN departments d ON d.id = u.department_id
             LEFT JOIN branches b ON b.id = u.branch_id LEFT JOIN users m ON m.id = u.manager_id
             WHERE u.id = ?",
            id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Person))?;
    let mut changes: Vec<(&str, Option<String>, Option<String>, Stmt)> = Vec::new();
    if let Some(p) = &input.position {
        let p = validate::optional("position", p, POSITION_MAX_CHARS)?;
        if p != now.position {
            let update = stmt!("UPDATE users SET position = ? WHERE id = ?", p.as_str(), id);
            changes.push(("position", Some(now.position.clone()), Some(p), update));
        }
    }
    if let Some(d) = cleared(&input.department_id)
        && d.as_deref() != now.department_id.as_deref()
    {
        let name = match &d {
            Some(d) => Some(
                super::departments::require(rt, "department_id", d)
                    .await?
                    .name,
            ),
            None => None,
        };
        let update = stmt!(
            "UPDATE users SET department_id = ? WHERE id = ?",
            d.as_deref(),
            id
        );
        changes.push(("department", now.department_name.clone(), name, update));
    }
    if let Some(b) = cleared(&input.branch_id)
        && b.as_deref() != now.branch_id.as_deref()
    {
        let name = match &b {
            Some(b) => Some(branch_name(rt, b).await?),
            None => None,
        };
        let update = stmt!(
            "UPDATE users SET branch_id = ? WHERE id = ?",
            b.as_deref(),
            id
        );
        changes.push(("branch", now.branch_name.clone(), name, update));
    }
    if let Some(m) = cleared(&input.manager_id)
        && m.as_deref() != now.manager_id.as_deref()
    {
        let name = match &m {
            Some(m) => Some(org::check_manager(rt, id, m).await?),
            None => None,
        };
        let update = stmt!(
            "UPDATE users SET manager_id = ? WHERE id = ?",
            m.as_deref(),
            id
        );
        changes.push(("manager", now.manager_name.clone(), name, update));
    }
    if let Some(s) = cleared(&input.start_date)
        && s.as_deref() != now.start_date.as_deref()
    {
        if let Some(s) = &s
            && wib::parse_date(s).is_none()
        {
            return Err(ApiError::field(
                ErrorCode::Validation,
                "start_date",
                "A start date is YYYY-MM-DD.",
                "Tanggal mulai ditulis YYYY-MM-DD.",
            ));
        }
        let update = stmt!(
            "UPDATE users SET start_date = ? WHERE id = ?",
            s.as_deref(),
            id
        );
        changes.push(("start_date", now.start_date.clone(), s, update));
    }
    if !changes.is_empty() {
        let at = rt.now();
        let mut stmts = Vec::new();
        let mut fields = Vec::new();
        for (field, old, new, update) in changes {
            stmts.push(update);
            stmts.push(stmt!(
                "INSERT INTO profile_history (id, user_id, field, old_value, new_value, actor_id, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
                super::ids::new_id(rt),
                id,
                field,
                old.filter(|o| !o.is_empty()),
                new.filter(|n| !n.is_empty()),
                actor.id.as_str(),
                at
            ));
            fields.push(field);
        }
        stmts.push(audit::entry(
            rt,
            actor,
            "person.official",
            Some(id),
            Some(&fields.join(",")),
        ));
        rt.db().batch(stmts).await?;
    }
    get(rt, actor, id).await
}

/// An optional id field: absent → leave it; `""` → clear it; else the value.
pub(super) fn cleared(field: &Option<String>) -> Option<Option<String>> {
    field
        .as_ref()
        .map(|v| Some(v.trim().to_string()).filter(|v| !v.is_empty()))
}

async fn branch_name<R: Runtime>(rt: &R, id: &str) -> Result<String, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
    }
    let unknown = || {
        ApiError::field(
            ErrorCode::Validation,
            "branch_id",
            "No such branch.",
            "Cabang itu tidak ada.",
        )
    };
    validate::id(id, Thing::Branch).map_err(|_| unknown())?;
    let row: Option<Row> = rt
        .db()
        .first(stmt!("SELECT name FROM branches WHERE id = ?", id))
        .await?;
    Ok(row.ok_or_else(unknown)?.name)
}
