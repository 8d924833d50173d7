//! CSV import (an HR or sales export) with a report per row, and export as CSV and GeoJSON.
//!
//! An import is all or nothing: when any row is wrong, nothing is written and the report says
//! what is wrong where, unless the editor asks to import only the valid rows. The valid rows go
//! in as one atomic batch (see `write.rs`).
//!
//! Columns, matched by header name in any order: name, category, lat, lng (required), address,
//! description, phone, hours, tags (separated by `;`), department, visibility (`all` or
//! `restricted`), audience (departments separated by `;`), starts_at, ends_at
//! (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, Western Indonesian Time, UTC+7).

use super::query::BBox;
use super::{Catalog, Fields, check_fields, geo, require_editor, write};
use crate::runtime::Runtime;
use crate::service::actor::Actor;
use crate::service::audit;
use crate::service::csv;
use crate::service::ids::new_id;
use crate::service::policy::{Action, require};
use crate::service::wib::{format_wib, parse_wib};
use crate::stmt;
use crate::store::Db;
use balai_protocol::limits::IMPORT_ROWS_MAX;
use balai_protocol::places::{ImportReport, ImportRow, PlaceInput, PlaceVisibility};
use balai_protocol::{ApiError, Lang, Millis};
use serde::Deserialize;

const REQUIRED: [&str; 4] = ["name", "category", "lat", "lng"];
const COLUMNS: [&str; 14] = [
    "name",
    "category",
    "address",
    "lat",
    "lng",
    "description",
    "phone",
    "hours",
    "tags",
    "department",
    "visibility",
    "audience",
    "starts_at",
    "ends_at",
];
/// Reads one row into a form, noting what cannot even be parsed.
fn row_input(get: impl Fn(&str) -> String, errors: &mut Vec<ApiError>) -> PlaceInput {
    let mut number = |field: &str| -> f64 {
        let raw = get(field).replace(',', ".");
        raw.trim().parse::<f64>().unwrap_or_else(|_| {
            let raw = get(field);
            errors.push(csv::cell_error(
                field,
                format!("\"{raw}\" is not a number."),
                format!("\"{raw}\" bukan angka."),
            ));
            f64::NAN
        })
    };
    let (lat, lng) = (number("lat"), number("lng"));
    let mut time = |field: &str| -> Option<Millis> {
        let raw = get(field);
        if raw.trim().is_empty() {
            return None;
        }
        parse_wib(&raw).or_else(|| {
            errors.push(csv::cell_error(
                field,
                format!("\"{raw}\" is not a date (YYYY-MM-DD or YYYY-MM-DD HH:MM)."),
                format!("\"{raw}\" bukan tanggal (YYYY-MM-DD atau YYYY-MM-DD HH:MM)."),
            ));
            None
        })
    };
    let (starts_at, ends_at) = (time("starts_at"), time("ends_at"));
    let visibility = match get("visibility").trim().to_ascii_lowercase().as_str() {
        "" | "all" => PlaceVisibility::All,
        "restricted" => PlaceVisibility::Restricted,
        other => {
            errors.push(csv::cell_error(
                "visibility",
                format!("\"{other}\" is neither all nor restricted."),
                format!("\"{other}\" bukan all maupun restricted."),
            ));
            PlaceVisibility::Restricted
        }
    };
    let list = |field: &str| -> Vec<String> {
        get(field)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let department = get("department");
    PlaceInput {
        name: get("name"),
        category_id: get("category"),
        address: get("address"),
        lat,
        lng,
        description: get("description"),
        phone: get("phone"),
        hours: get("hours"),
        tags: list("tags"),
        department_id: (!department.trim().is_empty()).then_some(department),
        group_id: None,
        visibility,
        audience: list("audience"),
        starts_at,
        ends_at,
    }
}

/// A live place's identity for duplicate checks: category, lower-cased name, position.
type Key = (String, String, i64, i64);

fn near_same(a: &Key, b: &Key) -> bool {
    a.0 == b.0 && a.1 == b.1 && (a.2 - b.2).abs() < 1000 && (a.3 - b.3).abs() < 1000
}

/// Checks every row of `text`; writes the valid ones when all are valid, or when `valid_only`.
/// Map editors only; audited.
pub async fn import<R: Runtime>(
    rt: &R,
    actor: &Actor,
    text: &str,
    valid_only: bool,
    lang: Lang,
) -> Result<ImportReport, ApiError> {
    require_editor(actor)?;
    let table = csv::Table::parse(text, &REQUIRED, IMPORT_ROWS_MAX, ("places", "tempat"))?;
    let catalog = Catalog::load(rt).await?;
    #[derive(Deserialize)]
    struct Existing {
        category_id: String,
        name: String,
        lat_e6: i64,
        lng_e6: i64,
    }
    let existing: Vec<Key> = rt
        .db()
        .all::<Existing>(stmt!(
            "SELECT category_id, name, lat_e6, lng_e6 FROM places WHERE archived_at IS NULL"
        ))
        .await?
        .into_iter()
        .map(|e| (e.category_id, e.name.to_lowercase(), e.lat_e6, e.lng_e6))
        .collect();

    let mut report = Vec::with_capacity(table.rows.len());
    let mut valid: Vec<Fields> = Vec::new();
    let mut seen: Vec<(Key, i64)> = Vec::new();
    for record in &table.rows {
        let get = |col: &str| table.get(record, col);
        let mut errors = Vec::new();
        let input = row_input(get, &mut errors);
        let checked = check_fields(&input, &catalog);
        let fields = match checked {
            Ok(f) if errors.is_empty() => Some(f),
            Ok(_) => None,
            Err(found) => {
                // Parse errors already name lat/lng/dates; skip the checker's repeat of them.
                for e in found {
                    if !errors.iter().any(|seen| seen.field == e.field) {
                        errors.push(e);
                    }
                }
                None
            }
        };
        if let Some(f) = &fields {
            let key = (
                f.category_id.clone(),
                f.name.to_lowercase(),
                f.lat_e6,
                f.lng_e6,
            );
            if existing.iter().any(|e| near_same(e, &key)) {
                errors.push(csv::row_error(
                    "Duplicate: this place is already on the map.".into(),
                    "Duplikat: tempat ini sudah ada di peta.".into(),
                ));
            } else if let Some((_, line)) = seen.iter().find(|(k, _)| near_same(k, &key)) {
                errors.push(csv::row_error(
                    format!("Duplicate of line {line}."),
                    format!("Duplikat baris {line}."),
                ));
            }
            seen.push((key, record.line));
        }
        report.push(ImportRow {
            line: record.line,
            name: input.name.clone(),
            errors: errors.iter().map(|e| csv::report_error(e, lang)).collect(),
        });
        if let (Some(f), true) = (fields, errors.is_empty()) {
            valid.push(f);
        }
    }
    let invalid = report.iter().filter(|r| !r.errors.is_empty()).count() as i64;
    let valid_count = valid.len() as i64;
    let write = !valid.is_empty() && (invalid == 0 || valid_only);
    if write {
        let rows: Vec<(String, &Fields)> = valid.iter().map(|f| (new_id(rt), f)).collect();
        let mut stmts = write::insert(&rows, &actor.id, rt.now());
        stmts.push(audit::entry(
            rt,
            actor,
            "place.import",
            None,
            Some(&valid_count.to_string()),
        ));
        rt.db().batch(stmts).await?;
    }
    Ok(ImportReport {
        rows: report,
        valid: valid_count,
        invalid,
        imported: if write { valid_count } else { 0 },
    })
}

#[derive(Deserialize)]
struct ExportRow {
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
    department: Option<String>,
    visibility: String,
    audience: Option<String>,
    starts_at: Option<Millis>,
    ends_at: Option<Millis>,
}

/// Every live place the reader may see, by name (at most the import cap).
async fn exported<R: Runtime>(rt: &R, actor: &Actor) -> Result<Vec<ExportRow>, ApiError> {
    require(actor, Action::ReadFeed)?;
    let world = BBox::parse("-180,-90,180,90")?;
    Ok(rt
        .db()
        .all(stmt!(
            concat!(
                "SELECT pl.id, pl.name, pl.category_id, pl.address, pl.lat_e6, pl.lng_e6, pl.description, pl.phone,
                        pl.hours, pl.tags, d.name AS department, pl.visibility, pl.starts_at, pl.ends_at,
                        (SELECT group_concat(ad.name, ';') FROM place_audience pa2 JOIN departments ad ON ad.id = pa2.department_id
                         WHERE pa2.place_id = pl.id) AS audience
                 FROM places pl LEFT JOIN departments d ON d.id = pl.department_id
                 WHERE pl.archived_at IS NULL AND pl.lat_e6 BETWEEN ? AND ? AND ",
                place_visible!(),
                " ORDER BY pl.name LIMIT ?"
            ),
            world.south,
            world.north,
            actor.place_editor_flag(),
            actor.id.as_str(),
            IMPORT_ROWS_MAX as i64
        ))
        .await?)
}

/// CSV with the import's columns, so an export imports back as it is.
pub async fn export_csv<R: Runtime>(rt: &R, actor: &Actor) -> Result<String, ApiError> {
    let mut out = String::new();
    csv::row(&mut out, &COLUMNS);
    for r in exported(rt, actor).await? {
        let (lat, lng) = (
            geo::from_e6(r.lat_e6).to_string(),
            geo::from_e6(r.lng_e6).to_string(),
        );
        let tags = r.tags.replace(' ', ";");
        let (starts, ends) = (
            r.starts_at.map(format_wib).unwrap_or_default(),
            r.ends_at.map(format_wib).unwrap_or_default(),
        );
        csv::row(
            &mut out,
            &[
                &r.name,
                &r.category_id,
                &r.address,
                &lat,
                &lng,
                &r.description,
                &r.phone,
                &r.hours,
                &tags,
                r.department.as_deref().unwrap_or_default(),
                &r.visibility,
                r.audience.as_deref().unwrap_or_default(),
                &starts,
                &ends,
            ],
        );
    }
    Ok(out)
}

/// A GeoJSON FeatureCollection (RFC 7946: longitude first).
pub async fn export_geojson<R: Runtime>(
    rt: &R,
    actor: &Actor,
) -> Result<serde_json::Value, ApiError> {
    let features: Vec<serde_json::Value> = exported(rt, actor)
        .await?
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "type": "Feature",
                "id": r.id,
                "geometry": {
                    "type": "Point",
                    "coordinates": [geo::from_e6(r.lng_e6), geo::from_e6(r.lat_e6)],
                },
                "properties": {
                    "name": r.name,
                    "category": r.category_id,
                    "address": r.address,
                    "description": r.description,
                    "phone": r.phone,
                    "hours": r.hours,
                    "tags": r.tags.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>(),
                    "department": r.department,
                    "visibility": r.visibility,
                    "starts_at": r.starts_at,
                    "ends_at": r.ends_at,
                },
            })
        })
        .collect();
    Ok(serde_json::json!({ "type": "FeatureCollection", "features": features }))
}
