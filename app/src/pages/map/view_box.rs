//! The map's box and the places answer that covers it: a pan inside what was already fetched
//! needs no request, and the list shows only what is in view.

use balai_protocol::places::PlacesInBox;

/// `west, south, east, north` in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl ViewBox {
    /// Parses Leaflet's `toBBoxString()`.
    pub fn parse(s: &str) -> Option<Self> {
        let n: Vec<f64> = s.split(',').filter_map(|p| p.parse().ok()).collect();
        let [west, south, east, north] = n[..] else {
            return None;
        };
        Some(ViewBox {
            west,
            south,
            east,
            north,
        })
    }

    /// This box grown by half its size on every side (clamped to the world): what is fetched,
    /// so the next pans stay inside it.
    pub fn padded(self) -> Self {
        let (dx, dy) = (
            (self.east - self.west) / 2.0,
            (self.north - self.south) / 2.0,
        );
        ViewBox {
            west: (self.west - dx).max(-180.0),
            south: (self.south - dy).max(-90.0),
            east: (self.east + dx).min(180.0),
            north: (self.north + dy).min(90.0),
        }
    }

    pub fn contains_box(&self, other: &ViewBox) -> bool {
        self.west <= other.west
            && self.south <= other.south
            && self.east >= other.east
            && self.north >= other.north
    }

    pub fn contains(&self, lat: f64, lng: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lng)
    }

    pub fn to_query(self) -> String {
        format!("{},{},{},{}", self.west, self.south, self.east, self.north)
    }
}

/// The part of `answer` inside `view` (an answer of cluster hints stays as it is).
pub fn in_view(answer: &PlacesInBox, view: &ViewBox) -> PlacesInBox {
    if answer.truncated {
        return answer.clone();
    }
    let places: Vec<_> = answer
        .places
        .iter()
        .filter(|p| view.contains(p.lat, p.lng))
        .cloned()
        .collect();
    PlacesInBox {
        total: places.len() as i64,
        places,
        truncated: false,
        clusters: Vec::new(),
    }
}
