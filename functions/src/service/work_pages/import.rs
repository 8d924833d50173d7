//! Importing people from an HR export (CSV): each row is checked and reported; nothing is
//! written while any row is bad, unless only the valid rows are asked for. A new email becomes
//! an invitation carrying the official fields (applied when the person joins); an email already
//! invited updates that invitation; an email already in Balai updates the person's official
//! fields (with history). So importing the same export again updates and never duplicates.

use super::super::actor::{Actor, role_str};
use super::super::csv::{self, Table};
use super::super::ids::{new_id, random_token, sha256_hex};
use super::super::invites::LINK_VALID_MS;
use super::super::policy::{Action, require};
use super::super::{audit, validate, wib};
use super::edit_official;
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{Db, Stmt};
use balai_protocol::auth::Role;
use balai_protocol::limits::{NAME_MAX_CHARS, PHONE_MAX_CHARS, POSITION_MAX_CHARS};
use balai_protocol::people::{
    OfficialEdit, PeopleImportReport, PersonImportAction, PersonImportRow,
};
use balai_protocol::{ApiError, Lang};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const REQUIRED: [&str; 2] = ["name", "email"];
/// People in one file at most.
pub const PEOPLE_IMPORT_MAX: usize = 5_000;

/// The official fields an invitation carries until its person joins (`invites.profile`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvitedProfile {
    pub name: String,
    pub position: String,
    pub department_id: Option<String>,
    pub branch_id: Option<String>,
    pub manager_email: Option<String>,
    pub start_date: Option<String>,
    pub phone: String,
}

/// The statement that gives a person who just joined (`user_id`) what their invitation carried.
pub fn apply_on_join(user_id: &str, profile: &InvitedProfile) -> Stmt {
    stmt!(
        "UPDATE users SET position = ?, department_id = ?, branch_id = ?, start_date = ?, phone = ?,
                          manager_id = (SELECT id FROM users WHERE email = ? AND deactivated_at IS NULL)
         WHERE id = ?",
        profile.position.as_str(),
        profile.department_id.as_deref(),
        profile.branch_id.as_deref(),
        profile.start_date.as_deref(),
        profile.phone.as_str(),
        profile.manager_email.as_deref(),
        user_id
    )
}

#[derive(Deserialize)]
struct Named {
    id: String,
    name: String,
}

/// What the database already holds for an import: departments and branches by lower-cased
/// name, people and open invitations by email.
struct Known {
    departments: HashMap<String, String>,
    branches: HashMap<String, String>,
    people: HashMap<String, String>,
    invites: HashMap<String, String>,
}

impl Known {
    async fn load<R: Runtime>(rt: &R) -> Result<Known, ApiError> {
        let by_name = |rows: Vec<Named>| -> HashMap<String, String> {
            rows.into_iter()
                .map(|r| (r.name.to_lowercase(), r.id))
                .collect()
        };
        #[derive(Deserialize)]
        struct ByEmail {
            id: String,
            email: String,
        }
        let by_email = |rows: Vec<ByEmail>| -> HashMap<String, String> {
            rows.into_iter().map(|r| (r.email, r.id)).collect()
        };
        Ok(Known {
            departments: by_name(
                rt.db()
                    .all(stmt!("SELECT id, name FROM departments"))
                    .await?,
            ),
            branches: by_name(rt.db().all(stmt!("SELECT id, name FROM branches")).await?),
            people: by_email(rt.db().all(stmt!("SELECT id, email FROM users")).await?),
            invites: by_email(
                rt.db()
                    .all(stmt!(
                        "SELECT id, email FROM invites WHERE email IS NOT NULL AND used_at IS NULL
                           AND revoked_at IS NULL AND expires_at > ?",
                        rt.now()
                    ))
                    .await?,
            ),
        })
    }
}

/// One row read and checked: its email and what the person should have.
struct Checked {
    email: String,
    profile: InvitedProfile,
}

fn check_row(
    table: &Table,
    record: &super::super::csv::Record,
    known: &Known,
    errors: &mut Vec<ApiError>,
) -> Option<Checked> {
    let get = |col: &str| table.get(record, col);
    let mut note = |result: Result<String, ApiError>| {
        result.unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        })
    };
    let name = note(validate::text("name", &get("name"), NAME_MAX_CHARS));
    let email = note(validate::email("email", &get("email")));
    let position = note(validate::optional(
        "position",
        &get("position"),
        POSITION_MAX_CHARS,
    ));
    let phone = note(validate::phone("phone", &get("phone"), PHONE_MAX_CHARS));
    // `things_id`: the column's thing in Bahasa Indonesia, for the message.
    let mut lookup = |col: &str, things_id: &str, table: &HashMap<String, String>| {
        let value = get(col);
        if value.is_empty() {
            return None;
        }
        let found = table.get(&value.to_lowercase()).cloned();
        if found.is_none() {
            errors.push(csv::cell_error(
                col,
                format!("No {col} is called \"{value}\"."),
                format!("Tidak ada {} bernama \"{value}\".", things_id),
            ));
        }
        found
    };
    let department_id = lookup("department", "departemen", &known.departments);
    let branch_id = lookup("branch", "cabang", &known.branches);
    let start_date = Some(get("start_date")).filter(|s| !s.is_empty());
    if let Some(s) = &start_date
        && wib::parse_date(s).is_none()
    {
        errors.push(csv::cell_error(
            "start_date",
            format!("\"{s}\" is not a date (YYYY-MM-DD)."),
            format!("\"{s}\" bukan tanggal (YYYY-MM-DD)."),
        ));
    }
    let manager_email = Some(get("manager_email").to_lowercase()).filter(|m| !m.is_empty());
    if manager_email.is_some() && manager_email.as_deref() == Some(email.as_str()) {
        errors.push(csv::cell_error(
            "manager_email",
            "Nobody is their own manager.".into(),
            "Tidak ada yang menjadi atasan bagi dirinya sendiri.".into(),
        ));
    }
    errors.is_empty().then_some(Checked {
        email,
        profile: InvitedProfile {
            name,
            position,
            department_id,
            branch_id,
            manager_email,
            start_date,
            phone,
        },
    })
}

/// Checks every row; writes when all are valid, or only the valid ones with `valid_only`.
/// Admins only (it invites); audited.
pub async fn import<R: Runtime>(
    rt: &R,
    actor: &Actor,
    text: &str,
    valid_only: bool,
    lang: Lang,
) -> Result<PeopleImportReport, ApiError> {
    require(actor, Action::ManagePeople)?;
    let table = Table::parse(text, &REQUIRED, PEOPLE_IMPORT_MAX, ("people", "orang"))?;
    let known = Known::load(rt).await?;
    let mut report: Vec<PersonImportRow> = Vec::with_capacity(table.rows.len());
    let mut valid: Vec<(usize, Checked)> = Vec::new();
    let mut seen: HashMap<String, i64> = HashMap::new();
    for record in &table.rows {
        let mut errors = Vec::new();
        let checked = check_row(&table, record, &known, &mut errors);
        let email = table.get(record, "email").to_lowercase();
        if let Some(first) = seen.get(&email) {
            errors.push(csv::cell_error(
                "email",
                format!("Also on line {first}."),
                format!("Juga ada di baris {first}."),
            ));
        } else if !email.is_empty() {
            seen.insert(email.clone(), record.line);
        }
        report.push(PersonImportRow {
            line: record.line,
            email,
            name: table.get(record, "name"),
            errors: errors.iter().map(|e| csv::report_error(e, lang)).collect(),
            action: None,
            link: None,
        });
        if let (Some(c), true) = (checked, errors.is_empty()) {
            valid.push((report.len() - 1, c));
        }
    }
    // A manager must be someone in Balai, invited, or in this file.
    for (i, c) in &mut valid {
        if let Some(m) = &c.profile.manager_email
            && !known.people.contains_key(m)
            && !known.invites.contains_key(m)
            && !seen.contains_key(m)
        {
            let unknown = csv::cell_error(
                "manager_email",
                format!("Nobody has the email {m}."),
                format!("Tidak ada yang memakai email {m}."),
            );
            report[*i].errors.push(csv::report_error(&unknown, lang));
        }
    }
    valid.retain(|(i, _)| report[*i].errors.is_empty());
    let invalid = report.iter().filter(|r| !r.errors.is_empty()).count() as i64;
    let write = !valid.is_empty() && (invalid == 0 || valid_only);
    if !write {
        return Ok(PeopleImportReport {
            valid: valid.len() as i64,
            invalid,
            imported: 0,
            rows: report,
        });
    }
    // Invitations (new and updated) in one atomic batch; then people already in Balai, each
    // through the official-fields edit (its checks, history and audit).
    let now = rt.now();
    let mut stmts = Vec::new();
    let mut updates = Vec::new();
    for (i, c) in &valid {
        let profile = serde_json::to_string(&c.profile).expect("profile serializes");
        if let Some(user_id) = known.people.get(&c.email) {
            updates.push((*i, user_id.clone(), &c.profile));
        } else if let Some(invite_id) = known.invites.get(&c.email) {
            stmts.push(stmt!(
                "UPDATE invites SET profile = ? WHERE id = ?",
                profile,
                invite_id.as_str()
            ));
            report[*i].action = Some(PersonImportAction::InviteUpdated);
        } else {
            let token = random_token(rt, 32);
            stmts.push(stmt!(
                "INSERT INTO invites (id, kind, email, role, secret_hash, created_by, created_at, expires_at, profile)
                 VALUES (?, 'link', ?, ?, ?, ?, ?, ?, ?)",
                new_id(rt),
                c.email.as_str(),
                role_str(Role::Member),
                sha256_hex(token.as_bytes()),
                actor.id.as_str(),
                now,
                now + LINK_VALID_MS,
                profile
            ));
            report[*i].action = Some(PersonImportAction::Invited);
            report[*i].link = Some(format!("/invite/{token}"));
        }
    }
    stmts.push(audit::entry(
        rt,
        actor,
        "person.import",
        None,
        Some(&valid.len().to_string()),
    ));
    rt.db().batch(stmts).await?;
    for (i, user_id, profile) in updates {
        let manager_id = profile
            .manager_email
            .as_ref()
            .and_then(|m| known.people.get(m).cloned());
        let edit = OfficialEdit {
            position: Some(profile.position.clone()),
            department_id: Some(profile.department_id.clone().unwrap_or_default()),
            branch_id: Some(profile.branch_id.clone().unwrap_or_default()),
            manager_id: manager_id.or_else(|| profile.manager_email.is_none().then(String::new)),
            start_date: Some(profile.start_date.clone().unwrap_or_default()),
        };
        match edit_official(rt, actor, &user_id, &edit).await {
            Ok(_) => report[i].action = Some(PersonImportAction::Updated),
            Err(e) => report[i].errors.push(csv::report_error(&e, lang)),
        }
    }
    Ok(PeopleImportReport {
        imported: report.iter().filter(|r| r.action.is_some()).count() as i64,
        valid: valid.len() as i64,
        invalid,
        rows: report,
    })
}
