//! The company map's places. Who may see what:
//! - a place for all employees is seen by everyone;
//! - a restricted place (a client's address, say) only by the departments in its audience;
//! - map editors (admins, and people granted 'places') see and edit every place.
//!
//! The rule is written once, `place_visible!` in `service/mod.rs`, and sits in the SQL of every
//! place query, so a person who may not see a place never receives any of it.

pub mod categories;
pub mod geo;
pub mod import;
pub mod query;
pub mod suggestions;
mod write;

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::policy::{Action, may_edit_places};
use super::reader::Reader;
use super::{audit, forbidden, groups, not_found, sessions, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers};
use balai_protocol::limits::{
    GROUP_TAGS_MAX, PLACE_ADDRESS_MAX_CHARS, PLACE_DESCRIPTION_MAX_CHARS, PLACE_HOURS_MAX_CHARS,
    PLACE_NAME_MAX_CHARS, PLACE_PHONE_MAX_CHARS,
};
use balai_protocol::people::Department;
use balai_protocol::places::{Place, PlaceCategory, PlaceInput, PlaceRef, PlaceVisibility};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// One place with the columns its sheet needs, decoded into [`PlaceRow`], if `reader` may see
/// it (written against the `reader` CTE; bind it with [`Reader::bind`]; binds: the place's id).
const PLACE_SELECT: &str = concat!(
    "SELECT pl.id, pl.name, pl.category_id, pl.address, pl.lat_e6, pl.lng_e6, pl.description,
            pl.phone, pl.hours, pl.tags, pl.department_id, d.name AS department_name,
            pl.group_id, g.name AS group_name, pl.visibility, pl.starts_at, pl.ends_at,
            pl.updated_at, pl.archived_at,
            (SELECT group_concat(department_id, ' ') FROM place_audience WHERE place_id = pl.id) AS audience
     FROM reader r
     JOIN places pl ON pl.id = ?
     LEFT JOIN departments d ON d.id = pl.department_id
     LEFT JOIN user_groups g ON g.id = pl.group_id
     WHERE ",
    place_visible!("r.editor", "r.id")
);

#[derive(Deserialize)]
struct PlaceRow {
    id: String,
    name: String,
    category_id: String,
    address: String,
    lat_e6: i64,
    lng_e6: i64,
    description: String,
    phone: String,
    hours: String,
    tags: String,
    department_id: Option<String>,
    department_name: Option<String>,
    group_id: Option<String>,
    group_name: Option<String>,
    visibility: PlaceVisibility,
    starts_at: Option<Millis>,
    ends_at: Option<Millis>,
    updated_at: Millis,
    archived_at: Option<Millis>,
    audience: Option<String>,
}

impl PlaceRow {
    fn into_place(self, actor: &Actor) -> Place {
        Place {
            lat: geo::from_e6(self.lat_e6),
            lng: geo::from_e6(self.lng_e6),
            tags: words(&self.tags),
            audience: words(self.audience.as_deref().unwrap_or_default()),
            archived: self.archived_at.is_some(),
            can_edit: may_edit_places(actor),
            id: self.id,
            name: self.name,
            category_id: self.category_id,
            address: self.address,
            description: self.description,
            phone: self.phone,
            hours: self.hours,
            department_id: self.department_id,
            department_name: self.department_name,
            group_id: self.group_id,
            group_name: self.group_name,
            visibility: self.visibility,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            updated_at: self.updated_at,
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// What a place's fields may refer to: loaded once per request (an import checks every row
/// against it without a query per row).
pub struct Catalog {
    pub categories: Vec<PlaceCategory>,
    /// (id, name) of every department.
    pub departments: Vec<(String, String)>,
}

impl Catalog {
    pub async fn load<R: Runtime>(rt: &R) -> Result<Self, ApiError> {
        let [categories, departments] = rt
            .db()
            .read_each([
                categories::all_stmt(),
                stmt!("SELECT id, name FROM departments ORDER BY name"),
            ])
            .await?;
        Ok(Catalog {
            categories: categories.decode()?,
            departments: departments
                .decode::<Department>()?
                .into_iter()
                .map(|d| (d.id, d.name))
                .collect(),
        })
    }

    /// A category by id or by name, ignoring case ("Client" or "client").
    pub fn category(&self, key: &str) -> Option<&PlaceCategory> {
        let key = key.trim();
        self.categories
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(key) || c.name.eq_ignore_ascii_case(key))
    }

    /// A department's id, given its id or its name.
    pub fn department(&self, key: &str) -> Option<&str> {
        let key = key.trim();
        self.departments
            .iter()
            .find(|(id, name)| id == key || name.eq_ignore_ascii_case(key))
            .map(|(id, _)| id.as_str())
    }
}

/// A place's fields, checked and normalized, ready to write.
pub struct Fields {
    pub name: String,
    pub category_id: String,
    pub address: String,
    pub lat_e6: i64,
    pub lng_e6: i64,
    pub description: String,
    pub phone: String,
    pub hours: String,
    pub tags: String,
    pub department_id: Option<String>,
    pub group_id: Option<String>,
    pub visibility: PlaceVisibility,
    pub audience: Vec<String>,
    pub starts_at: Option<Millis>,
    pub ends_at: Option<Millis>,
}

fn invalid(field: &str, en: String, id: String) -> ApiError {
    ApiError::field(ErrorCode::Validation, field, en, id)
}

/// Optional text: trimmed, at most `max` characters.
fn optional_text(field: &str, value: &str, max: usize, errors: &mut Vec<ApiError>) -> String {
    validate::optional(field, value, max).unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    })
}

/// Checks every field of `input` against `catalog`, answering all that is wrong (an import
/// reports them all; a form shows the first).
pub fn check_fields(input: &PlaceInput, catalog: &Catalog) -> Result<Fields, Vec<ApiError>> {
    let mut errors = Vec::new();
    let name = match validate::text("name", &input.name, PLACE_NAME_MAX_CHARS) {
        Ok(n) => n,
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let category_id = match catalog.category(&input.category_id) {
        Some(c) => c.id.clone(),
        None => {
            let known: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
            errors.push(invalid(
                "category_id",
                format!(
                    "Unknown category \"{}\" (known: {}).",
                    input.category_id.trim(),
                    known.join(", ")
                ),
                format!(
                    "Kategori \"{}\" tidak dikenal (yang ada: {}).",
                    input.category_id.trim(),
                    known.join(", ")
                ),
            ));
            String::new()
        }
    };
    let (lat_e6, lng_e6) = geo::check(input.lat, input.lng).unwrap_or_else(|e| {
        errors.push(e);
        (0, 0)
    });
    let address = optional_text(
        "address",
        &input.address,
        PLACE_ADDRESS_MAX_CHARS,
        &mut errors,
    );
    let description = optional_text(
        "description",
        &input.description,
        PLACE_DESCRIPTION_MAX_CHARS,
        &mut errors,
    );
    let phone = validate::phone("phone", &input.phone, PLACE_PHONE_MAX_CHARS).unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    });
    let hours = optional_text("hours", &input.hours, PLACE_HOURS_MAX_CHARS, &mut errors);
    let tags = match groups::normalize_tags(&input.tags) {
        Ok(t) if t.len() > GROUP_TAGS_MAX => {
            errors.push(invalid(
                "tags",
                format!("At most {GROUP_TAGS_MAX} tags."),
                format!("Paling banyak {GROUP_TAGS_MAX} tag."),
            ));
            String::new()
        }
        Ok(t) => t.join(" "),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let department_id = match input.department_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(key) => match catalog.department(key) {
            Some(id) => Some(id.to_string()),
            None => {
                errors.push(invalid(
                    "department_id",
                    format!("Unknown department \"{key}\"."),
                    format!("Departemen \"{key}\" tidak dikenal."),
                ));
                None
            }
        },
    };
    let mut audience = Vec::new();
    for key in &input.audience {
        match catalog.department(key) {
            Some(id) if !audience.iter().any(|a| a == id) => audience.push(id.to_string()),
            Some(_) => {}
            None => errors.push(invalid(
                "audience",
                format!("Unknown department \"{}\" in the audience.", key.trim()),
                format!("Departemen \"{}\" di audiens tidak dikenal.", key.trim()),
            )),
        }
    }
    if input.visibility == PlaceVisibility::All {
        audience.clear();
    }
    match (input.starts_at, input.ends_at) {
        (Some(s), Some(e)) if e < s => errors.push(invalid(
            "ends_at",
            "An event cannot end before it starts.".into(),
            "Acara tidak bisa berakhir sebelum dimulai.".into(),
        )),
        (None, _) | (_, None) if category_id == "event" => errors.push(invalid(
            "starts_at",
            "An event needs a start and an end.".into(),
            "Acara perlu waktu mulai dan selesai.".into(),
        )),
        (Some(_), None) | (None, Some(_)) => errors.push(invalid(
            "ends_at",
            "Give both a start and an end, or neither.".into(),
            "Isi waktu mulai dan selesai, atau kosongkan keduanya.".into(),
        )),
        _ => {}
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Fields {
        name,
        category_id,
        address,
        lat_e6,
        lng_e6,
        description,
        phone,
        hours,
        tags,
        department_id,
        group_id: input
            .group_id
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_string),
        visibility: input.visibility,
        audience,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
    })
}

/// Checked fields and the names they refer to.
struct Checked {
    fields: Fields,
    department_name: Option<String>,
    group_name: Option<String>,
}

impl Checked {
    /// The place these fields make, as its sheet shows it.
    fn into_place(self, id: String, actor: &Actor, now: Millis) -> Place {
        let f = self.fields;
        Place {
            id,
            name: f.name,
            category_id: f.category_id,
            address: f.address,
            lat: geo::from_e6(f.lat_e6),
            lng: geo::from_e6(f.lng_e6),
            description: f.description,
            phone: f.phone,
            hours: f.hours,
            tags: words(&f.tags),
            department_id: f.department_id,
            department_name: self.department_name,
            group_id: f.group_id,
            group_name: self.group_name,
            visibility: f.visibility,
            audience: f.audience,
            starts_at: f.starts_at,
            ends_at: f.ends_at,
            updated_at: now,
            archived: false,
            can_edit: may_edit_places(actor),
        }
    }
}

/// Checks a place's fields, including the group it links to (open or closed groups only: a
/// secret group's name must not show on a map everyone reads).
async fn checked<R: Runtime>(rt: &R, input: &PlaceInput) -> Result<Checked, ApiError> {
    let catalog = Catalog::load(rt).await?;
    let fields = check_fields(input, &catalog).map_err(|mut errors| errors.remove(0))?;
    let department_name = fields.department_id.as_ref().and_then(|id| {
        catalog
            .departments
            .iter()
            .find(|(d, _)| d == id)
            .map(|(_, name)| name.clone())
    });
    let group_name = match &fields.group_id {
        None => None,
        Some(group_id) => {
            #[derive(Deserialize)]
            struct Named {
                name: String,
            }
            validate::id(group_id, Thing::Group)?;
            let group: Option<Named> = rt
                .db()
                .first(stmt!(
                    "SELECT name FROM user_groups WHERE id = ? AND visibility <> 'secret'",
                    group_id.as_str()
                ))
                .await?;
            Some(
                group
                    .ok_or_else(|| {
                        invalid(
                            "group_id",
                            "Link an open or closed group that exists.".into(),
                            "Tautkan grup terbuka atau tertutup yang ada.".into(),
                        )
                    })?
                    .name,
            )
        }
    };
    Ok(Checked {
        fields,
        department_name,
        group_name,
    })
}

/// Whether a live place with this name and category already lies within about 100 m.
async fn duplicate<R: Runtime>(
    rt: &R,
    f: &Fields,
    except_id: Option<&str>,
) -> Result<bool, ApiError> {
    Ok(rt
        .db()
        .first::<serde::de::IgnoredAny>(stmt!(
            "SELECT 1 AS dup FROM places
             WHERE category_id = ? AND name = ? COLLATE NOCASE AND archived_at IS NULL
               AND abs(lat_e6 - ?) < 1000 AND abs(lng_e6 - ?) < 1000 AND id <> ?",
            f.category_id.as_str(),
            f.name.as_str(),
            f.lat_e6,
            f.lng_e6,
            except_id.unwrap_or("")
        ))
        .await?
        .is_some())
}

fn duplicate_error() -> ApiError {
    ApiError::field(
        ErrorCode::Conflict,
        "name",
        "A place with this name and category is already there.",
        "Tempat dengan nama dan kategori ini sudah ada.",
    )
}

pub fn require_editor(actor: &Actor) -> Result<(), ApiError> {
    if may_edit_places(actor) {
        Ok(())
    } else {
        Err(forbidden())
    }
}

/// Creates a place. Map editors only; audited; a retry with the same key creates nothing.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &PlaceInput,
    key: Option<&str>,
) -> Result<Created<Place>, ApiError> {
    require_editor(actor)?;
    let checked = checked(rt, input).await?;
    if duplicate(rt, &checked.fields, None).await? {
        return Err(duplicate_error());
    }
    let id = new_id(rt);
    let now = rt.now();
    let mut stmts = write::insert(&[(id.clone(), &checked.fields)], &actor.id, now);
    stmts.push(audit::entry(rt, actor, "place.create", Some(&id), None));
    let place = checked.into_place(id, actor, now);
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &place).await? {
            None => Created::New(place),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Replaces a place's fields (a full replacement, so a retry is harmless). Editors; audited.
pub async fn update<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    input: &PlaceInput,
) -> Result<Place, ApiError> {
    require_editor(actor)?;
    get(rt, actor, id).await?;
    let checked = checked(rt, input).await?;
    let f = &checked.fields;
    if duplicate(rt, f, Some(id)).await? {
        return Err(duplicate_error());
    }
    let mut stmts = write::update(id, f, rt.now());
    stmts.push(audit::entry(rt, actor, "place.update", Some(id), None));
    rt.db().batch(stmts).await?;
    get(rt, actor, id).await
}

/// Archives a place: it leaves the map and lists; posts about it keep their link. Editors;
/// audited; archiving twice is fine.
pub async fn archive<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<(), ApiError> {
    require_editor(actor)?;
    get(rt, actor, id).await?;
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE places SET archived_at = coalesce(archived_at, ?) WHERE id = ?",
                rt.now(),
                id
            ),
            audit::entry(rt, actor, "place.archive", Some(id), None),
        ])
        .await?;
    Ok(())
}

/// One place, if the reader may see it (archived places: editors only). Else 404, the same
/// answer as for an id that never existed.
pub async fn get<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<Place, ApiError> {
    validate::id(id, Thing::Place)?;
    let row = rt.db().first(place_stmt(&Reader::Actor(actor), id)).await?;
    place_from(actor, row)
}

/// [`get`] for the person behind a session token: the session lookup and the place in one D1
/// round trip (a pin tapped on the map).
pub async fn get_by_session<R: Runtime>(rt: &R, token: &str, id: &str) -> Result<Place, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::Place)).await?;
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![place_stmt(&Reader::Session(hash), id)]
    })
    .await?;
    let [row] = answers(sets)?;
    place_from(&actor, row.first()?)
}

fn place_stmt(reader: &Reader, id: &str) -> Stmt {
    reader.bind(stmt!(PLACE_SELECT, id))
}

fn place_from(actor: &Actor, row: Option<PlaceRow>) -> Result<Place, ApiError> {
    super::policy::require(actor, Action::ReadFeed)?;
    row.filter(|row| row.archived_at.is_none() || may_edit_places(actor))
        .map(|row| row.into_place(actor))
        .ok_or_else(|| not_found(Thing::Place))
}

/// The place `id` if it is live and `reader` may see it: one row (`id`, `name`) or none.
pub fn visible_stmt(reader: &Reader, id: &str) -> Stmt {
    reader.bind(stmt!(
        concat!(
            "SELECT pl.id, pl.name FROM reader r JOIN places pl ON pl.id = ?
             WHERE pl.archived_at IS NULL AND ",
            place_visible!("r.editor", "r.id")
        ),
        id
    ))
}

/// The place a post names: live and visible to `actor`, else 404.
pub async fn require_visible<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
) -> Result<PlaceRef, ApiError> {
    super::policy::require(actor, Action::ReadFeed)?;
    validate::id(id, Thing::Place)?;
    let visible = rt
        .db()
        .first(visible_stmt(&Reader::Actor(actor), id))
        .await?;
    visible.ok_or_else(|| not_found(Thing::Place))
}

/// [`require_visible`] from what [`visible_stmt`] answered in a batch read.
pub fn require_visible_from(answer: &impl RowSet) -> Result<PlaceRef, ApiError> {
    answer.first()?.ok_or_else(|| not_found(Thing::Place))
}
