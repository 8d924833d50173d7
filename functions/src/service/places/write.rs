//! The statements that write places: one field list, used by create, edit and import alike.
//!
//! New places go in as `INSERT … SELECT FROM json_each(?)`, a chunk of rows per statement: D1
//! caps bound parameters per statement and statements per request, not the size of one JSON
//! parameter, so a 10,000-row import is a few statements in one atomic batch.

use super::Fields;
use crate::stmt;
use crate::store::{Stmt, Value};
use balai_protocol::Millis;
use balai_protocol::places::PlaceVisibility;

/// Rows per INSERT statement: keeps each JSON parameter well under D1's 2 MB value limit.
const ROWS_PER_STATEMENT: usize = 500;

fn visibility_str(v: PlaceVisibility) -> &'static str {
    match v {
        PlaceVisibility::All => "all",
        PlaceVisibility::Restricted => "restricted",
    }
}

impl Fields {
    /// The columns a create and an edit both write, in this order: name, category_id,
    /// address, lat_e6, lng_e6, description, phone, hours, tags, department_id, group_id,
    /// visibility, starts_at, ends_at.
    fn values(&self) -> Vec<Value> {
        vec![
            self.name.as_str().into(),
            self.category_id.as_str().into(),
            self.address.as_str().into(),
            self.lat_e6.into(),
            self.lng_e6.into(),
            self.description.as_str().into(),
            self.phone.as_str().into(),
            self.hours.as_str().into(),
            self.tags.as_str().into(),
            self.department_id.as_deref().into(),
            self.group_id.as_deref().into(),
            visibility_str(self.visibility).into(),
            self.starts_at.into(),
            self.ends_at.into(),
        ]
    }
}

fn json(v: Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Int(n) => n.into(),
        Value::Text(s) => s.into(),
    }
}

/// Inserts `places` (each with its new id) and their audiences.
pub fn insert(places: &[(String, &Fields)], actor_id: &str, now: Millis) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    for chunk in places.chunks(ROWS_PER_STATEMENT) {
        let mut rows = Vec::with_capacity(chunk.len());
        let mut audience = Vec::new();
        for (id, f) in chunk {
            let mut row = vec![serde_json::Value::from(id.as_str())];
            row.extend(f.values().into_iter().map(json));
            rows.push(serde_json::Value::Array(row));
            audience.extend(f.audience.iter().map(|d| serde_json::json!([id, d])));
        }
        stmts.push(stmt!(
            "INSERT INTO places (id, name, category_id, address, lat_e6, lng_e6, description, phone, hours, tags,
                                 department_id, group_id, visibility, starts_at, ends_at,
                                 created_by, created_at, updated_at)
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
                    value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12,
                    value ->> 13, value ->> 14, ?, ?, ?
             FROM json_each(?)",
            actor_id,
            now,
            now,
            serde_json::Value::Array(rows).to_string()
        ));
        if !audience.is_empty() {
            stmts.push(audience_insert(audience));
        }
    }
    stmts
}

fn audience_insert(pairs: Vec<serde_json::Value>) -> Stmt {
    stmt!(
        "INSERT INTO place_audience (place_id, department_id)
         SELECT value ->> 0, value ->> 1 FROM json_each(?)",
        serde_json::Value::Array(pairs).to_string()
    )
}

/// Replaces place `id`'s fields and audience.
pub fn update(id: &str, f: &Fields, now: Millis) -> Vec<Stmt> {
    let mut params = f.values();
    params.extend([now.into(), id.into()]);
    let mut stmts = vec![
        Stmt {
            sql: "UPDATE places SET name = ?, category_id = ?, address = ?, lat_e6 = ?, lng_e6 = ?,
                         description = ?, phone = ?, hours = ?, tags = ?, department_id = ?, group_id = ?,
                         visibility = ?, starts_at = ?, ends_at = ?, updated_at = ?
                  WHERE id = ?"
                .into(),
            params,
        },
        stmt!("DELETE FROM place_audience WHERE place_id = ?", id),
    ];
    if !f.audience.is_empty() {
        stmts.push(audience_insert(
            f.audience
                .iter()
                .map(|d| serde_json::json!([id, d]))
                .collect(),
        ));
    }
    stmts
}
