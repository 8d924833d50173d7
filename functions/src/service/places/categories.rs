//! Map categories: five built in (branch, client, venue, supplier, event); admins add more,
//! each with a marker colour and an icon.

use crate::runtime::Runtime;
use crate::service::actor::Actor;
use crate::service::policy::{Action, require};
use crate::service::{audit, sessions, validate};
use crate::stmt;
use crate::store::{Db, DbError, RowSet, Stmt, answers};
use balai_protocol::limits::PLACE_CATEGORY_NAME_MAX_CHARS;
use balai_protocol::places::{NewPlaceCategory, PlaceCategory};
use balai_protocol::{ApiError, ErrorCode};

/// Every category, for the person behind a session token: the session lookup and the
/// categories in one D1 round trip (the map asks on every open).
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Vec<PlaceCategory>, ApiError> {
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| vec![all_stmt()]).await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    Ok(rows.decode()?)
}

/// Every category, built-in ones first.
pub(super) fn all_stmt() -> Stmt {
    stmt!("SELECT id, name, colour, icon FROM place_categories ORDER BY created_at, name")
}

/// `#rrggbb`, lower-cased.
fn colour(value: &str) -> Result<String, ApiError> {
    let v = value.trim().to_ascii_lowercase();
    let ok = v.len() == 7 && v.starts_with('#') && v[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(v)
    } else {
        Err(ApiError::field(
            ErrorCode::Validation,
            "colour",
            "The colour is #rrggbb, like #0f5e57.",
            "Warna ditulis #rrggbb, misalnya #0f5e57.",
        ))
    }
}

/// A short symbol (an emoji): 1 to 4 characters, no letters or markup.
fn icon(value: &str) -> Result<String, ApiError> {
    let v = value.trim();
    let n = v.chars().count();
    if (1..=4).contains(&n) && !v.chars().any(|c| c.is_ascii() && !c.is_ascii_whitespace()) {
        Ok(v.to_string())
    } else {
        Err(ApiError::field(
            ErrorCode::Validation,
            "icon",
            "The icon is one emoji, like 🏢.",
            "Ikon adalah satu emoji, misalnya 🏢.",
        ))
    }
}

/// The id a name makes: lower-case ASCII letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Adds a category. Admins only; audited; a name already in use is a conflict.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewPlaceCategory,
) -> Result<PlaceCategory, ApiError> {
    require(actor, Action::ManagePlaceCategories)?;
    let name = validate::text("name", &input.name, PLACE_CATEGORY_NAME_MAX_CHARS)?;
    let id = slug(&name);
    if id.is_empty() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "name",
            "The name needs at least one letter or digit.",
            "Nama perlu paling sedikit satu huruf atau angka.",
        ));
    }
    let category = PlaceCategory {
        id,
        name,
        colour: colour(&input.colour)?,
        icon: icon(&input.icon)?,
    };
    let written = rt
        .db()
        .batch(vec![
            stmt!(
                "INSERT INTO place_categories (id, name, colour, icon, created_at) VALUES (?, ?, ?, ?, ?)",
                category.id.as_str(),
                category.name.as_str(),
                category.colour.as_str(),
                category.icon.as_str(),
                rt.now()
            ),
            audit::entry(
                rt,
                actor,
                "place_category.create",
                Some(&category.id),
                None,
            ),
        ])
        .await;
    match written {
        Ok(_) => Ok(category),
        Err(DbError::Constraint(_)) => Err(ApiError::field(
            ErrorCode::Conflict,
            "name",
            "There is already a category with this name.",
            "Sudah ada kategori dengan nama ini.",
        )),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_colours_and_icons() {
        assert_eq!(slug("Cross-marketing  events!"), "cross-marketing-events");
        assert_eq!(slug("Tempat Ibadah"), "tempat-ibadah");
        assert_eq!(colour(" #0F5E57 ").unwrap(), "#0f5e57");
        assert!(colour("red").is_err());
        assert!(icon("🏥").is_ok());
        assert!(icon("<b>").is_err());
        assert!(icon("").is_err());
    }
}
