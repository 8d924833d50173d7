//! Coordinates: stored as integer microdegrees; distances on a sphere.

use balai_protocol::{ApiError, ErrorCode};

const MICRO: f64 = 1_000_000.0;
const EARTH_RADIUS_M: f64 = 6_371_008.8;
/// Metres per degree of latitude (and of longitude at the equator).
pub const METRES_PER_DEGREE: f64 = 111_195.0;

pub fn to_e6(degrees: f64) -> i64 {
    (degrees * MICRO).round() as i64
}

pub fn from_e6(micro: i64) -> f64 {
    micro as f64 / MICRO
}

/// Checks a latitude and longitude, answering a clear error naming the bad one. (0, 0) is
/// refused too: it is where a missing coordinate lands, in the Gulf of Guinea.
pub fn check(lat: f64, lng: f64) -> Result<(i64, i64), ApiError> {
    let bad =
        |field: &str, en: &str, id: &str| ApiError::field(ErrorCode::Validation, field, en, id);
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(bad(
            "lat",
            "Latitude must be a number from -90 to 90.",
            "Lintang harus berupa angka dari -90 sampai 90.",
        ));
    }
    if !lng.is_finite() || !(-180.0..=180.0).contains(&lng) {
        return Err(bad(
            "lng",
            "Longitude must be a number from -180 to 180.",
            "Bujur harus berupa angka dari -180 sampai 180.",
        ));
    }
    if lat == 0.0 && lng == 0.0 {
        return Err(bad(
            "lat",
            "0, 0 is not a real address: the coordinates look missing.",
            "0, 0 bukan alamat sungguhan: koordinatnya tampaknya belum diisi.",
        ));
    }
    Ok((to_e6(lat), to_e6(lng)))
}

/// Great-circle distance in metres (haversine).
pub fn distance_m(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lng2 - lng1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jakarta_to_surabaya_is_about_660_km() {
        let d = distance_m(-6.2088, 106.8456, -7.2575, 112.7521);
        assert!((655_000.0..670_000.0).contains(&d), "{d}");
    }

    #[test]
    fn coordinates_round_trip_and_bad_ones_name_their_field() {
        assert_eq!(check(-6.2, 106.8).unwrap(), (-6_200_000, 106_800_000));
        assert_eq!(from_e6(to_e6(-7.257_472)), -7.257_472);
        assert_eq!(check(91.0, 1.0).unwrap_err().field.as_deref(), Some("lat"));
        assert_eq!(
            check(1.0, f64::NAN).unwrap_err().field.as_deref(),
            Some("lng")
        );
        assert!(check(0.0, 0.0).is_err());
    }
}
