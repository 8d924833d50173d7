//! Accounts: logging in, the first admin, who am I, the people list and offboarding.

use super::actor::{Actor, GrantFlags, parse_role, role_str};
use super::ids::new_id;
use super::policy::{Action, require};
use super::rate_limit::{self, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS};
use super::sessions::{self, NewSession};
use super::{audit, not_found, password, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers, count};
use balai_protocol::auth::{LoginRequest, Me, Role, SetupRequest};
use balai_protocol::limits::NAME_MAX_CHARS;
use balai_protocol::people::{Capability, Person};
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

fn invalid_credentials() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidCredentials,
        "Wrong email or password.",
        "Email atau kata sandi salah.",
    )
}

/// Why a former employee cannot get in.
pub fn deactivated() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "This account has been deactivated. Ask your admin if this is a mistake.",
        "Akun ini sudah dinonaktifkan. Tanyakan admin Anda jika ini keliru.",
    )
}

#[derive(Deserialize)]
struct Credentials {
    id: String,
    password_hash: String,
    deactivated_at: Option<Millis>,
}

/// Checks a login and opens a session. Failures count against the account and the address.
pub async fn login<R: Runtime>(
    rt: &R,
    req: &LoginRequest,
    address: &str,
    user_agent: &str,
) -> Result<(Me, NewSession), ApiError> {
    let login = validate::login("email", &req.email)?;
    if req.password.is_empty() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "password",
            "Enter your password.",
            "Masukkan kata sandi Anda.",
        ));
    }
    let account_key = format!("login:account:{login}");
    let address_key = format!("login:address:{address}");
    rate_limit::check(
        rt,
        &[
            (&account_key, LOGIN_PER_ACCOUNT),
            (&address_key, LOGIN_PER_ADDRESS),
        ],
    )
    .await?;
    let row: Option<Credentials> = rt
        .db()
        .first(stmt!(
            "SELECT id, password_hash, deactivated_at FROM users WHERE email = ?",
            login.as_str()
        ))
        .await?;
    let ok = match &row {
        Some(c) => password::verify(rt, &req.password, &c.password_hash).await?,
        None => {
            password::burn(rt, &req.password).await?;
            false
        }
    };
    let Some(row) = row.filter(|_| ok) else {
        rate_limit::hit(rt, &account_key, LOGIN_PER_ACCOUNT).await?;
        rate_limit::hit(rt, &address_key, LOGIN_PER_ADDRESS).await?;
        return Err(invalid_credentials());
    };
    if row.deactivated_at.is_some() {
        return Err(deactivated());
    }
    let (session, open) = sessions::open(rt, &row.id, user_agent);
    rt.db()
        .batch(vec![
            open,
            stmt!("DELETE FROM rate_limits WHERE key = ?", account_key),
        ])
        .await?;
    Ok((me(rt, &row.id).await?, session))
}

pub async fn logout<R: Runtime>(rt: &R, actor: &Actor) -> Result<(), ApiError> {
    sessions::end_own(rt, actor, &actor.session_id).await
}

/// The columns every person query selects, so rows decode into [`PersonRow`].
macro_rules! person_select {
    ($($rest:tt)*) => {
        concat!(
            "SELECT u.id, u.name, u.email, u.role, d.name AS department, b.name AS branch,
                    u.deactivated_at, u.created_at, ",
            grant_columns!(),
            " FROM users u LEFT JOIN departments d ON d.id = u.department_id
             LEFT JOIN branches b ON b.id = u.branch_id ",
            $($rest)*
        )
    };
}

/// Who the person is (as a new session's first answer).
pub async fn me<R: Runtime>(rt: &R, user_id: &str) -> Result<Me, ApiError> {
    let row = rt
        .db()
        .first(stmt!(person_select!("WHERE u.id = ?"), user_id))
        .await?;
    me_from(row)
}

/// `GET /api/me`, which every start of the app asks first: the session lookup and who the
/// person is in one D1 round trip.
pub async fn me_by_session<R: Runtime>(rt: &R, token: &str) -> Result<Me, ApiError> {
    let (_, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![stmt!(
            person_select!("WHERE u.id = ", crate::session_user!()),
            hash
        )]
    })
    .await?;
    let [row] = answers(sets)?;
    me_from(row.first()?)
}

fn me_from(row: Option<PersonRow>) -> Result<Me, ApiError> {
    let row = row.ok_or_else(|| not_found(Thing::Person))?;
    Ok(Me {
        role: parse_role(&row.role),
        id: row.id,
        name: row.name,
        email: row.email,
        department: row.department,
        branch: row.branch,
        grants: row.grants.into(),
    })
}

/// Creates the first admin of a real deployment with the `SETUP_SECRET`; refused once anyone
/// exists.
pub async fn setup_first_admin<R: Runtime>(
    rt: &R,
    req: &SetupRequest,
    user_agent: &str,
) -> Result<(Me, NewSession), ApiError> {
    let secret_ok = rt
        .setup_secret()
        .is_some_and(|s| s.len() >= 16 && s.as_bytes() == req.secret.as_bytes());
    if !secret_ok {
        return Err(ApiError::field(
            ErrorCode::Forbidden,
            "secret",
            "The setup secret is not right.",
            "Rahasia penyiapan tidak benar.",
        ));
    }
    let email = validate::email("email", &req.email)?;
    let name = validate::text("name", &req.name, NAME_MAX_CHARS)?;
    validate::password("password", &req.password)?;
    if count(rt.db(), stmt!("SELECT COUNT(*) AS n FROM users")).await? > 0 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Balai is already set up. Log in instead.",
            "Balai sudah disiapkan. Silakan masuk.",
        ));
    }
    let id = new_id(rt);
    let hash = password::hash(rt, &req.password).await?;
    let (session, open) = sessions::open(rt, &id, user_agent);
    rt.db()
        .batch(vec![
            stmt!(
                "INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'admin', ?, ?)",
                id.as_str(),
                email,
                name,
                hash,
                rt.now()
            ),
            open,
        ])
        .await?;
    Ok((me(rt, &id).await?, session))
}

#[derive(Deserialize)]
struct PersonRow {
    id: String,
    name: String,
    email: String,
    role: String,
    department: Option<String>,
    branch: Option<String>,
    deactivated_at: Option<Millis>,
    created_at: Millis,
    #[serde(flatten)]
    grants: GrantFlags,
}

pub const PEOPLE_PAGE: i64 = 50;

/// Everyone, active or not, by name; paged by the (name, id) cursor. With `q`, only those
/// whose name, email, position or competencies match every word as a prefix (former employees
/// too, so an admin finds one to reactivate). Admins only; the session lookup and the page in
/// one D1 round trip.
pub async fn list_people_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    q: &str,
    after: Option<&str>,
) -> Result<Page<Person>, ApiError> {
    let page = sessions::checked(rt, token, people_page(q, after)).await?;
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| vec![page]).await?;
    require(&actor, Action::ManagePeople)?;
    let [rows] = answers(sets)?;
    let rows: Vec<PersonRow> = rows.decode()?;
    let next_cursor =
        super::next_cursor(&rows, PEOPLE_PAGE, |r| super::name_cursor(&r.name, &r.id));
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| Person {
                role: parse_role(&r.role),
                active: r.deactivated_at.is_none(),
                id: r.id,
                name: r.name,
                email: r.email,
                department: r.department,
                branch: r.branch,
                created_at: r.created_at,
                grants: r.grants.into(),
            })
            .collect(),
        next_cursor,
    })
}

/// A page of [`list_people_by_session`], or what is wrong with what was asked.
fn people_page(q: &str, after: Option<&str>) -> Result<Stmt, ApiError> {
    let (after_name, after_id) = super::after_name(after)?;
    Ok(if q.trim().is_empty() {
        stmt!(
            person_select!("WHERE (u.name, u.id) > (?, ?) ORDER BY u.name, u.id LIMIT ?"),
            after_name,
            after_id,
            PEOPLE_PAGE
        )
    } else {
        stmt!(
            person_select!(
                "WHERE u.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)
                   AND (u.name, u.id) > (?, ?) ORDER BY u.name, u.id LIMIT ?"
            ),
            super::search::match_expression(q)?,
            after_name,
            after_id,
            PEOPLE_PAGE
        )
    })
}

/// Offboards a person: their sessions end, login is refused, their content stays. Audited.
pub async fn deactivate<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    if user_id == actor.id {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "You cannot deactivate yourself.",
            "Anda tidak dapat menonaktifkan diri sendiri.",
        ));
    }
    exists(rt, user_id).await?;
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE users SET deactivated_at = ? WHERE id = ? AND deactivated_at IS NULL",
                rt.now(),
                user_id
            ),
            stmt!("DELETE FROM sessions WHERE user_id = ?", user_id),
            audit::entry(rt, actor, "person.deactivate", Some(user_id), None),
        ])
        .await?;
    Ok(())
}

/// Logs a person out on every device (a lost phone, a shared one) without offboarding them.
/// Audited.
pub async fn end_sessions_of<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    exists(rt, user_id).await?;
    rt.db()
        .batch(vec![
            stmt!("DELETE FROM sessions WHERE user_id = ?", user_id),
            audit::entry(rt, actor, "person.sessions.end", Some(user_id), None),
        ])
        .await?;
    Ok(())
}

/// Undoes an offboarding made by mistake. Audited.
pub async fn reactivate<R: Runtime>(rt: &R, actor: &Actor, user_id: &str) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    exists(rt, user_id).await?;
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE users SET deactivated_at = NULL WHERE id = ?",
                user_id
            ),
            audit::entry(rt, actor, "person.reactivate", Some(user_id), None),
        ])
        .await?;
    Ok(())
}

async fn exists<R: Runtime>(rt: &R, user_id: &str) -> Result<(), ApiError> {
    rt.db()
        .first::<serde::de::IgnoredAny>(stmt!("SELECT 1 AS found FROM users WHERE id = ?", user_id))
        .await?
        .map(|_| ())
        .ok_or_else(|| not_found(Thing::Person))
}

pub fn login_taken() -> ApiError {
    ApiError::field(
        ErrorCode::Conflict,
        "login",
        "Someone already uses that login. Choose another or log in.",
        "Nama login itu sudah dipakai. Pilih yang lain atau masuk.",
    )
}

#[derive(Deserialize)]
struct RoleRow {
    role: String,
}

/// Makes a colleague an admin, or an admin a member again (handing administration over before
/// one leaves). Nobody changes their own role, so the company always keeps an admin. Audited;
/// takes effect on the person's next request.
pub async fn set_role<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
    role: Role,
) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    if user_id == actor.id {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "You cannot change your own role: ask another admin.",
            "Anda tidak dapat mengubah peran Anda sendiri: minta admin lain.",
        ));
    }
    let role = role_str(role);
    let current: String = rt
        .db()
        .first::<RoleRow>(stmt!("SELECT role FROM users WHERE id = ?", user_id))
        .await?
        .ok_or_else(|| not_found(Thing::Person))?
        .role;
    if current == role {
        return Ok(()); // a retry: nothing changes, nothing to audit
    }
    rt.db()
        .batch(vec![
            stmt!("UPDATE users SET role = ? WHERE id = ?", role, user_id),
            audit::entry(
                rt,
                actor,
                &format!("person.role.{role}"),
                Some(user_id),
                None,
            ),
        ])
        .await?;
    Ok(())
}

/// Grants or withdraws a capability (announcing, editing the map). Audited; takes effect on the
/// person's next request.
pub async fn set_grant<R: Runtime>(
    rt: &R,
    actor: &Actor,
    user_id: &str,
    capability: Capability,
    enabled: bool,
) -> Result<(), ApiError> {
    require(actor, Action::ManagePeople)?;
    validate::id(user_id, Thing::Person)?;
    exists(rt, user_id).await?;
    let name = capability.as_str();
    let change = if enabled {
        stmt!(
            "INSERT OR IGNORE INTO role_grants (user_id, capability, granted_by, created_at) VALUES (?, ?, ?, ?)",
            user_id,
            name,
            actor.id.as_str(),
            rt.now()
        )
    } else {
        stmt!(
            "DELETE FROM role_grants WHERE user_id = ? AND capability = ?",
            user_id,
            name
        )
    };
    let action = format!(
        "person.{name}.{}",
        if enabled { "grant" } else { "withdraw" }
    );
    rt.db()
        .batch(vec![
            change,
            audit::entry(rt, actor, &action, Some(user_id), None),
        ])
        .await?;
    Ok(())
}
