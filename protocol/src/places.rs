//! The company map: places (branches, clients, venues, suppliers, events), their categories,
//! suggested corrections, and CSV import. A place may be restricted to some departments; the
//! API never sends such a place to anyone else.

use crate::Millis;
use crate::feed::Author;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCategory {
    /// A slug: `branch`, `client`, `venue`, `supplier`, `event`, or one an admin made.
    pub id: String,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// One emoji.
    pub icon: String,
}

/// An admin adds a category (its id is made from the name).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewPlaceCategory {
    pub name: String,
    pub colour: String,
    pub icon: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceVisibility {
    /// Every employee.
    All,
    /// Only the departments in `audience` (and map editors); client addresses, say.
    Restricted,
}

/// What an editor writes when creating or editing a place.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlaceInput {
    pub name: String,
    pub category_id: String,
    #[serde(default)]
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub department_id: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
    pub visibility: PlaceVisibility,
    /// Department ids that may see a restricted place.
    #[serde(default)]
    pub audience: Vec<String>,
    /// Events: when it starts and ends.
    #[serde(default)]
    pub starts_at: Option<Millis>,
    #[serde(default)]
    pub ends_at: Option<Millis>,
}

/// The place a post is about, as the post shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub id: String,
    pub name: String,
}

/// A place as its sheet shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub category_id: String,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    pub description: String,
    pub phone: String,
    pub hours: String,
    pub tags: Vec<String>,
    pub department_id: Option<String>,
    pub department_name: Option<String>,
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    pub visibility: PlaceVisibility,
    pub audience: Vec<String>,
    pub starts_at: Option<Millis>,
    pub ends_at: Option<Millis>,
    pub updated_at: Millis,
    pub archived: bool,
    /// The reader is a map editor.
    pub can_edit: bool,
}

/// A place on the map or in a list: enough to draw its marker and its row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacePin {
    pub id: String,
    pub name: String,
    pub category_id: String,
    pub address: String,
    pub lat: f64,
    pub lng: f64,
    pub starts_at: Option<Millis>,
    pub ends_at: Option<Millis>,
}

/// Where many places lie close together: drawn as one counted circle when a box holds more
/// places than a page carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterHint {
    pub lat: f64,
    pub lng: f64,
    pub count: i64,
}

/// `GET /api/places?bbox=…`: the places in a box, up to a cap. When there are more, `clusters`
/// covers all of them (a grid over the box) and `places` holds the first `limit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacesInBox {
    pub places: Vec<PlacePin>,
    pub total: i64,
    pub truncated: bool,
    pub clusters: Vec<ClusterHint>,
}

/// `GET /api/places/near`: a place and how far it is, in metres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearPlace {
    pub place: PlacePin,
    pub distance_m: f64,
}

/// The fields a suggestion proposes to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceChanges {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lng: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewSuggestion {
    pub note: String,
    #[serde(default)]
    pub changes: PlaceChanges,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionState {
    Open,
    Accepted,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: String,
    pub place_id: String,
    pub place_name: String,
    pub author: Author,
    pub note: String,
    pub changes: PlaceChanges,
    /// The place's present value of each field `changes` proposes, so an editor sees what
    /// would change (the place may have been edited since the suggestion was made).
    #[serde(default)]
    pub current: PlaceChanges,
    pub state: SuggestionState,
    pub created_at: Millis,
}

/// An editor's decision on a suggestion.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Decision {
    pub accept: bool,
}

/// One CSV row's verdict: its line number in the file and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: i64,
    pub name: String,
    pub errors: Vec<String>,
}

/// What an import found and did. Nothing is written when any row is bad, unless the admin
/// asked to import only the valid rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub rows: Vec<ImportRow>,
    pub valid: i64,
    pub invalid: i64,
    pub imported: i64,
}

/// The map's settings: tiles come through the Worker, so only the attribution is the client's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapConfig {
    /// `{z}/{x}/{y}` template, same-origin.
    pub tile_url: String,
    pub attribution: String,
    pub max_zoom: u8,
}
