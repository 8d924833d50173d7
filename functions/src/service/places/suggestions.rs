//! Suggested corrections: anyone who can see a place may propose changes with a note; a map
//! editor accepts (the changes apply, as an edit would) or rejects. Decisions are audited.

use super::{geo, get, require_editor, update};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::service::actor::Actor;
use crate::service::idempotency::{self, Created};
use crate::service::ids::new_id;
use crate::service::posts::parse_cursor;
use crate::service::{audit, not_found, validate};
use crate::stmt;
use crate::store::Db;
use balai_protocol::feed::Author;
use balai_protocol::limits::{
    MEMBERS_PAGE_SIZE, PLACE_ADDRESS_MAX_CHARS, PLACE_DESCRIPTION_MAX_CHARS, PLACE_HOURS_MAX_CHARS,
    PLACE_NAME_MAX_CHARS, PLACE_PHONE_MAX_CHARS, SUGGESTION_NOTE_MAX_CHARS,
};
use balai_protocol::places::{
    NewSuggestion, Place, PlaceChanges, PlaceInput, Suggestion, SuggestionState,
};
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// Checks the proposed changes' shapes (the full check runs again when an editor accepts).
fn check_changes(c: &PlaceChanges) -> Result<(), ApiError> {
    let lengths = [
        ("name", &c.name, PLACE_NAME_MAX_CHARS),
        ("address", &c.address, PLACE_ADDRESS_MAX_CHARS),
        ("phone", &c.phone, PLACE_PHONE_MAX_CHARS),
        ("hours", &c.hours, PLACE_HOURS_MAX_CHARS),
        ("description", &c.description, PLACE_DESCRIPTION_MAX_CHARS),
    ];
    for (field, value, max) in lengths {
        if let Some(v) = value {
            validate::text(field, v, max)?;
        }
    }
    match (c.lat, c.lng) {
        (Some(lat), Some(lng)) => geo::check(lat, lng).map(|_| ()),
        (None, None) => Ok(()),
        _ => Err(ApiError::field(
            ErrorCode::Validation,
            "lat",
            "Suggest a latitude and a longitude together.",
            "Usulkan lintang dan bujur bersama-sama.",
        )),
    }
}

/// Someone suggests a correction to a place, for its editors. With a `key`, a retry (a phone on
/// a poor network) answers the first suggestion instead of making a second.
pub async fn suggest<R: Runtime>(
    rt: &R,
    actor: &Actor,
    place_id: &str,
    input: &NewSuggestion,
    key: Option<&str>,
) -> Result<Created<Suggestion>, ApiError> {
    let place = get(rt, actor, place_id).await?;
    let note = validate::text("note", &input.note, SUGGESTION_NOTE_MAX_CHARS)?;
    check_changes(&input.changes)?;
    let current = present(
        PlaceChanges {
            name: Some(place.name.clone()),
            address: Some(place.address),
            lat: Some(place.lat),
            lng: Some(place.lng),
            phone: Some(place.phone),
            hours: Some(place.hours),
            description: Some(place.description),
        },
        &input.changes,
    );
    let suggestion = Suggestion {
        id: new_id(rt),
        place_id: place.id,
        place_name: place.name,
        author: Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        },
        note,
        changes: input.changes.clone(),
        current,
        state: SuggestionState::Open,
        created_at: rt.now(),
    };
    let stmts = vec![stmt!(
        "INSERT INTO place_suggestions (id, place_id, author_id, note, changes, state, created_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?)",
        suggestion.id.as_str(),
        suggestion.place_id.as_str(),
        actor.id.as_str(),
        suggestion.note.as_str(),
        serde_json::to_string(&suggestion.changes).expect("changes serialize"),
        suggestion.created_at
    )];
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &suggestion).await? {
            None => Created::New(suggestion),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Of a place's present fields (`all`), those `changes` proposes to change.
fn present(all: PlaceChanges, changes: &PlaceChanges) -> PlaceChanges {
    PlaceChanges {
        name: all.name.filter(|_| changes.name.is_some()),
        address: all.address.filter(|_| changes.address.is_some()),
        lat: all.lat.filter(|_| changes.lat.is_some()),
        lng: all.lng.filter(|_| changes.lng.is_some()),
        phone: all.phone.filter(|_| changes.phone.is_some()),
        hours: all.hours.filter(|_| changes.hours.is_some()),
        description: all.description.filter(|_| changes.description.is_some()),
    }
}

#[derive(Deserialize)]
struct SuggestionRow {
    id: String,
    place_id: String,
    place_name: String,
    /// The place's present fields, as JSON in the shape of [`PlaceChanges`].
    place_now: String,
    author_id: String,
    author_name: String,
    author_left: Option<Millis>,
    note: String,
    changes: String,
    state: SuggestionState,
    created_at: Millis,
}

impl SuggestionRow {
    fn into_suggestion(self) -> Suggestion {
        let changes: PlaceChanges = serde_json::from_str(&self.changes).unwrap_or_default();
        let current = present(
            serde_json::from_str(&self.place_now).unwrap_or_default(),
            &changes,
        );
        Suggestion {
            changes,
            current,
            author: Author {
                id: self.author_id,
                name: self.author_name,
                former: self.author_left.is_some(),
            },
            id: self.id,
            place_id: self.place_id,
            place_name: self.place_name,
            note: self.note,
            state: self.state,
            created_at: self.created_at,
        }
    }
}

macro_rules! suggestion_select {
    ($rest:literal) => {
        concat!(
            "SELECT s.id, s.place_id, pl.name AS place_name,
                    json_object('name', pl.name, 'address', pl.address, 'lat', pl.lat_e6 / 1e6,
                      'lng', pl.lng_e6 / 1e6, 'phone', pl.phone, 'hours', pl.hours,
                      'description', pl.description) AS place_now,
                    s.author_id, u.name AS author_name,
                    u.deactivated_at AS author_left, s.note, s.changes, s.state, s.created_at
             FROM place_suggestions s JOIN places pl ON pl.id = s.place_id JOIN users u ON u.id = s.author_id ",
            $rest
        )
    };
}

/// Open suggestions, oldest first, paged by a `<created_at>.<id>` cursor. Editors only.
pub async fn open<R: Runtime>(
    rt: &R,
    actor: &Actor,
    cursor: Option<&str>,
) -> Result<Page<Suggestion>, ApiError> {
    require_editor(actor)?;
    let (after_at, after_id) = match cursor {
        Some(c) => parse_cursor(c)?,
        None => (0, String::new()),
    };
    let limit = MEMBERS_PAGE_SIZE as i64;
    let rows: Vec<SuggestionRow> = rt
        .db()
        .all(stmt!(
            suggestion_select!(
                "WHERE s.state = 'open' AND s.created_at >= ? AND (s.created_at > ? OR s.id > ?)
                 ORDER BY s.created_at, s.id LIMIT ?"
            ),
            after_at,
            after_at,
            after_id,
            limit
        ))
        .await?;
    let next_cursor =
        crate::service::next_cursor(&rows, limit, |r| format!("{}.{}", r.created_at, r.id));
    Ok(Page {
        items: rows
            .into_iter()
            .map(SuggestionRow::into_suggestion)
            .collect(),
        next_cursor,
    })
}

/// The form a place's current fields make, for applying changes to.
fn input_of(place: Place) -> PlaceInput {
    PlaceInput {
        name: place.name,
        category_id: place.category_id,
        address: place.address,
        lat: place.lat,
        lng: place.lng,
        description: place.description,
        phone: place.phone,
        hours: place.hours,
        tags: place.tags,
        department_id: place.department_id,
        group_id: place.group_id,
        visibility: place.visibility,
        audience: place.audience,
        starts_at: place.starts_at,
        ends_at: place.ends_at,
    }
}

fn apply(input: &mut PlaceInput, c: PlaceChanges) {
    let text_fields = [
        (&mut input.name, c.name),
        (&mut input.address, c.address),
        (&mut input.phone, c.phone),
        (&mut input.hours, c.hours),
        (&mut input.description, c.description),
    ];
    for (field, value) in text_fields {
        if let Some(v) = value {
            *field = v;
        }
    }
    if let (Some(lat), Some(lng)) = (c.lat, c.lng) {
        input.lat = lat;
        input.lng = lng;
    }
}

/// Accepts (applying the changes) or rejects an open suggestion. Editors only; audited. A
/// decided suggestion answers 409, so a double tap decides once.
pub async fn decide<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    accept: bool,
) -> Result<(), ApiError> {
    require_editor(actor)?;
    validate::id(id, Thing::Suggestion)?;
    let row: SuggestionRow = rt
        .db()
        .first(stmt!(suggestion_select!("WHERE s.id = ?"), id))
        .await?
        .ok_or_else(|| not_found(Thing::Suggestion))?;
    if row.state != SuggestionState::Open {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This suggestion has already been decided.",
            "Usulan ini sudah diputuskan.",
        ));
    }
    let suggestion = row.into_suggestion();
    if accept {
        let mut input = input_of(get(rt, actor, &suggestion.place_id).await?);
        apply(&mut input, suggestion.changes);
        update(rt, actor, &suggestion.place_id, &input).await?;
    }
    let state = if accept { "accepted" } else { "rejected" };
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE place_suggestions SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'open'",
                state,
                actor.id.as_str(),
                rt.now(),
                id
            ),
            audit::entry(
                rt,
                actor,
                &format!("place_suggestion.{state}"),
                Some(id),
                None,
            ),
        ])
        .await?;
    Ok(())
}
