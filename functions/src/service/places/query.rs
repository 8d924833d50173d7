//! Finding places: those in a map's bounding box (capped, with cluster hints beyond the cap),
//! and those nearest a point. Both honour `place_visible!`.

use super::geo::{self, METRES_PER_DEGREE};
use crate::runtime::Runtime;
use crate::service::actor::Actor;
use crate::service::policy::{Action, require};
use crate::service::reader::Reader;
use crate::service::sessions;
use crate::store::{Db, RowSet, Stmt, answers};
use balai_protocol::limits::{NEAR_PLACES_MAX, PLACES_PER_BOX_DEFAULT, PLACES_PER_BOX_MAX};
use balai_protocol::places::{ClusterHint, NearPlace, PlacePin, PlacesInBox};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;

/// Microdegrees of latitude in one strip of `places_by_strip` (migration 0020): the strip of a
/// place is `lat_e6 / LAT_STRIP_E6`, truncated towards zero in SQLite as in Rust.
const LAT_STRIP_E6: i64 = 100_000;

/// The strips a box covers, as the CTE `strips` that `in_box!` reads (binds: the first strip and
/// the last). A statement starts with it; the reader's CTE joins it there (`Reader::bind`).
macro_rules! strips {
    () => {
        "WITH RECURSIVE strips(s) AS (SELECT ? UNION ALL SELECT s + 1 FROM strips WHERE s < ?) "
    };
}

/// The filter every place search shares, for the `reader` and `strips` CTEs (bind with
/// [`Reader::bind`]; binds in `box_binds!`'s order). Seeks each strip's longitude range in
/// `places_by_strip`, so a box reads the places in it (and in the rest of its strips' 0.1° of
/// latitude), not every place at its latitude.
macro_rules! in_box {
    () => {
        concat!(
            "FROM places pl
             WHERE pl.archived_at IS NULL AND pl.lat_strip IN (SELECT s FROM strips)
               AND pl.lng_e6 BETWEEN ? AND ? AND pl.lat_e6 BETWEEN ? AND ?
               AND (? = '' OR instr(',' || ? || ',', ',' || pl.category_id || ',') > 0)
               AND (? = '' OR pl.name LIKE ? ESCAPE '\\' OR pl.address LIKE ? ESCAPE '\\' OR pl.tags LIKE ? ESCAPE '\\')
               AND ",
            place_visible!("(SELECT editor FROM reader)", "(SELECT id FROM reader)")
        )
    };
}

/// A box on the map, in microdegrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub south: i64,
    pub west: i64,
    pub north: i64,
    pub east: i64,
}

impl BBox {
    /// Parses `west,south,east,north` in degrees (Leaflet's `toBBoxString` order).
    pub fn parse(s: &str) -> Result<Self, ApiError> {
        let bad = || {
            ApiError::field(
                ErrorCode::BadRequest,
                "bbox",
                "bbox is west,south,east,north in degrees, west < east and south < north.",
                "bbox ditulis barat,selatan,timur,utara dalam derajat, barat < timur dan selatan < utara.",
            )
        };
        let n: Vec<f64> = s
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        let [west, south, east, north] = n[..] else {
            return Err(bad());
        };
        let ok = [west, south, east, north].iter().all(|v| v.is_finite())
            && (-90.0..=90.0).contains(&south)
            && (-90.0..=90.0).contains(&north)
            && south < north
            && west < east;
        if !ok {
            return Err(bad());
        }
        // A map zoomed far out may report longitudes beyond ±180: clamp, do not refuse.
        Ok(BBox {
            south: geo::to_e6(south),
            north: geo::to_e6(north),
            west: geo::to_e6(west.max(-180.0)),
            east: geo::to_e6(east.min(180.0)),
        })
    }

    fn around(lat_e6: i64, lng_e6: i64, half_deg: f64) -> Self {
        let h = geo::to_e6(half_deg);
        BBox {
            south: (lat_e6 - h).max(-90_000_000),
            north: (lat_e6 + h).min(90_000_000),
            west: (lng_e6 - h).max(-180_000_000),
            east: (lng_e6 + h).min(180_000_000),
        }
    }
}

/// What to look for: categories (ids, empty for all) and text in the name, address or tags.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub categories: Vec<String>,
    pub text: String,
}

impl Filter {
    fn categories_csv(&self) -> String {
        self.categories.join(",")
    }

    fn like(&self) -> String {
        let t = self.text.trim().to_lowercase();
        if t.is_empty() {
            return String::new();
        }
        let escaped = t
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    }
}

#[derive(Deserialize)]
struct PinRow {
    id: String,
    name: String,
    category_id: String,
    address: String,
    lat_e6: i64,
    lng_e6: i64,
    starts_at: Option<Millis>,
    ends_at: Option<Millis>,
}

impl PinRow {
    fn into_pin(self) -> PlacePin {
        PlacePin {
            lat: geo::from_e6(self.lat_e6),
            lng: geo::from_e6(self.lng_e6),
            id: self.id,
            name: self.name,
            category_id: self.category_id,
            address: self.address,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
        }
    }
}

/// The columns of a [`PinRow`].
macro_rules! pin_columns {
    () => {
        "SELECT pl.id, pl.name, pl.category_id, pl.address, pl.lat_e6, pl.lng_e6, pl.starts_at, pl.ends_at "
    };
}

/// Binds `strips!` and `in_box!` in order (after the reader's).
macro_rules! box_binds {
    ($b:expr, $f:expr) => {{
        let (cats, like) = ($f.categories_csv(), $f.like());
        vec![
            ($b.south / LAT_STRIP_E6).into(),
            ($b.north / LAT_STRIP_E6).into(),
            $b.west.into(),
            $b.east.into(),
            $b.south.into(),
            $b.north.into(),
            cats.clone().into(),
            cats.into(),
            like.clone().into(),
            like.clone().into(),
            like.clone().into(),
            like.into(),
        ]
    }};
}

/// The places in `bbox` the reader may see, at most `limit` (capped). When there are more, the
/// answer also carries a 16 × 16 grid of cluster hints covering all of them, so a phone draws
/// counts instead of ten thousand markers. For the person behind a session token: the session
/// lookup and the places in one D1 round trip; the hints, when needed, in a second.
pub async fn in_box_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    bbox: BBox,
    filter: &Filter,
    limit: Option<u32>,
) -> Result<PlacesInBox, ApiError> {
    let limit = limit
        .unwrap_or(PLACES_PER_BOX_DEFAULT)
        .clamp(1, PLACES_PER_BOX_MAX) as i64;
    let mut params = box_binds!(bbox, filter);
    params.push((limit + 1).into());
    let pins = Stmt {
        sql: concat!(
            strips!(),
            pin_columns!(),
            in_box!(),
            " ORDER BY pl.id LIMIT ?"
        )
        .into(),
        params,
    };
    let (actor, sets) =
        sessions::authenticate_with(rt, token, |hash| vec![Reader::Session(hash).bind(pins)])
            .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let mut rows: Vec<PinRow> = rows.decode()?;
    let truncated = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let places: Vec<PlacePin> = rows.into_iter().map(PinRow::into_pin).collect();
    if !truncated {
        return Ok(PlacesInBox {
            total: places.len() as i64,
            places,
            truncated,
            clusters: Vec::new(),
        });
    }
    let clusters = clusters(rt, &actor, bbox, filter).await?;
    Ok(PlacesInBox {
        total: clusters.iter().map(|c| c.count).sum(),
        places,
        truncated,
        clusters,
    })
}

const GRID: i64 = 16;

async fn clusters<R: Runtime>(
    rt: &R,
    actor: &Actor,
    bbox: BBox,
    filter: &Filter,
) -> Result<Vec<ClusterHint>, ApiError> {
    #[derive(Deserialize)]
    struct Cell {
        lat_e6: f64,
        lng_e6: f64,
        n: i64,
    }
    let cell_lat = ((bbox.north - bbox.south) / GRID).max(1);
    let cell_lng = ((bbox.east - bbox.west) / GRID).max(1);
    let mut params = box_binds!(bbox, filter);
    params.extend([
        bbox.south.into(),
        cell_lat.into(),
        bbox.west.into(),
        cell_lng.into(),
    ]);
    let cells: Vec<Cell> = rt
        .db()
        .all(
            Reader::Actor(actor).bind(Stmt {
                sql: concat!(
                    strips!(),
                    "SELECT avg(pl.lat_e6) AS lat_e6, avg(pl.lng_e6) AS lng_e6, count(*) AS n ",
                    in_box!(),
                    " GROUP BY (pl.lat_e6 - ?) / ?, (pl.lng_e6 - ?) / ?"
                )
                .into(),
                params,
            }),
        )
        .await?;
    Ok(cells
        .into_iter()
        .map(|c| ClusterHint {
            lat: c.lat_e6 / 1e6,
            lng: c.lng_e6 / 1e6,
            count: c.n,
        })
        .collect())
}

/// Boxes tried around the point, in degrees of half-width, each read only when the one before
/// could not settle: a district first (about 5 km; field staff mostly ask in town), read in the
/// session lookup's round trip, then growing fourfold, the world last.
const NEAR_STEPS: [f64; 6] = [0.05, 0.25, 1.0, 4.0, 16.0, 180.0];

/// The point the nearest places are measured from, in degrees and in microdegrees (as stored).
struct Centre {
    lat: f64,
    lng: f64,
    lat_e6: i64,
    lng_e6: i64,
}

impl Centre {
    /// The `limit` places within `half_deg` of the centre that are nearest it, nearest first by
    /// the flat-earth distance (longitude scaled by the centre's latitude), so the statement
    /// sorts and D1 returns only those, not every place in the box. Bound for the `reader` CTE.
    fn nearest_in(&self, half_deg: f64, filter: &Filter, limit: usize) -> Stmt {
        let bbox = BBox::around(self.lat_e6, self.lng_e6, half_deg);
        // Integers only are bound: the longitude's shrink in millionths.
        let shrink_e6 = (self.lat.to_radians().cos() * 1e6).round() as i64;
        let mut params = box_binds!(bbox, filter);
        params.extend([
            self.lat_e6.into(),
            self.lat_e6.into(),
            self.lng_e6.into(),
            shrink_e6.into(),
            self.lng_e6.into(),
            shrink_e6.into(),
            (limit as i64).into(),
        ]);
        Stmt {
            sql: concat!(
                strips!(),
                pin_columns!(),
                in_box!(),
                " ORDER BY (pl.lat_e6 - ?) * (pl.lat_e6 - ?)
                         + ((pl.lng_e6 - ?) * ? / 1e6) * ((pl.lng_e6 - ?) * ? / 1e6)
                  LIMIT ?"
            )
            .into(),
            params,
        }
    }

    /// The places read, with their great-circle distances, nearest first.
    fn measure(&self, rows: Vec<PinRow>) -> Vec<NearPlace> {
        let mut found: Vec<NearPlace> = rows
            .into_iter()
            .map(|r| {
                let pin = r.into_pin();
                NearPlace {
                    distance_m: geo::distance_m(self.lat, self.lng, pin.lat, pin.lng),
                    place: pin,
                }
            })
            .collect();
        found.sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m));
        found
    }

    /// Whether the `limit` nearest in a box are the nearest anywhere: nothing outside the box
    /// is nearer than its inscribed circle's radius (longitude degrees shrink with latitude).
    fn settles(&self, half_deg: f64, found: &[NearPlace], limit: usize) -> bool {
        let radius = half_deg * METRES_PER_DEGREE * self.lat.to_radians().cos().min(1.0);
        found.len() == limit && found.last().is_some_and(|p| p.distance_m <= radius)
    }
}

/// The places nearest (`lat`, `lng`) that the person behind a session token may see, nearest
/// first, with distances. Searches a growing box until nothing outside it could be nearer; the
/// first box is read in the session lookup's D1 round trip, so in town it is one round trip.
pub async fn near_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    point: Result<(f64, f64), ApiError>,
    filter: &Filter,
    limit: Option<u32>,
) -> Result<Vec<NearPlace>, ApiError> {
    let point = point.and_then(|(lat, lng)| Ok((lat, lng, geo::check(lat, lng)?)));
    let (lat, lng, (lat_e6, lng_e6)) = sessions::checked(rt, token, point).await?;
    let centre = Centre {
        lat,
        lng,
        lat_e6,
        lng_e6,
    };
    let limit = limit.unwrap_or(10).clamp(1, NEAR_PLACES_MAX) as usize;
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(centre.nearest_in(NEAR_STEPS[0], filter, limit))]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [rows] = answers(sets)?;
    let mut found = centre.measure(rows.decode()?);
    for (&inner, &half) in NEAR_STEPS.iter().zip(&NEAR_STEPS[1..]) {
        if centre.settles(inner, &found, limit) {
            break;
        }
        let stmt = Reader::Actor(&actor).bind(centre.nearest_in(half, filter, limit));
        found = centre.measure(rt.db().all(stmt).await?);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_is_west_south_east_north() {
        let b = BBox::parse("106.7,-6.3,106.9,-6.1").unwrap();
        assert_eq!(
            (b.west, b.south, b.east, b.north),
            (106_700_000, -6_300_000, 106_900_000, -6_100_000)
        );
        assert!(
            BBox::parse("106.9,-6.3,106.7,-6.1").is_err(),
            "west after east"
        );
        assert!(BBox::parse("1,2,3").is_err());
        assert!(BBox::parse("a,b,c,d").is_err());
        assert_eq!(BBox::parse("-200,-10,200,10").unwrap().west, -180_000_000);
    }

    #[test]
    fn search_text_is_a_literal_like_pattern() {
        let f = Filter {
            categories: vec![],
            text: "50%_off".into(),
        };
        assert_eq!(f.like(), "%50\\%\\_off%");
    }
}
