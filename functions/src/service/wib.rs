//! Dates in WIB (UTC+7), the company's time zone: what imports and exports write, and what
//! "today", a birthday or a day away means.

use balai_protocol::Millis;

/// WIB's offset from UTC.
const WIB_OFFSET_MS: Millis = 7 * 3_600_000;
pub const DAY_MS: Millis = 86_400_000;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (or with `T`) in WIB, to unix milliseconds.
pub fn parse_wib(s: &str) -> Option<Millis> {
    let s = s.trim();
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (hh, mm) = match time {
        None => (0, 0),
        Some(t) => {
            let (h, mi) = t.split_once(':')?;
            (h.parse::<i64>().ok()?, mi.get(..2)?.parse::<i64>().ok()?)
        }
    };
    if !(0..24).contains(&hh) || !(0..60).contains(&mm) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    // Refuse dates like 31 February, which the arithmetic would roll over.
    if civil_from_days(days) != (y, m, d) {
        return None;
    }
    Some(days * 86_400_000 + (hh * 60 + mm) * 60_000 - WIB_OFFSET_MS)
}

pub fn format_wib(at: Millis) -> String {
    let local = at + WIB_OFFSET_MS;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400_000));
    let minutes = local.rem_euclid(86_400_000) / 60_000;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// The civil date (year, month, day) in WIB at `at`.
pub fn date_of(at: Millis) -> (i64, i64, i64) {
    civil_from_days((at + WIB_OFFSET_MS).div_euclid(DAY_MS))
}

/// A `YYYY-MM-DD` date, strictly (a real day).
pub fn parse_date(s: &str) -> Option<Millis> {
    let s = s.trim();
    (s.len() == 10 && !s.contains([' ', 'T'])).then(|| parse_wib(s))?
}

/// A `MM-DD` day of the year (29 February allowed), normalised.
pub fn parse_month_day(s: &str) -> Option<String> {
    let (m, d) = s.trim().split_once('-')?;
    let (m, d) = (m.parse::<i64>().ok()?, d.parse::<i64>().ok()?);
    // 2024 is a leap year, so every real day of the year parses.
    let days = days_from_civil(2024, m, d);
    ((1..=12).contains(&m) && civil_from_days(days) == (2024, m, d))
        .then(|| format!("{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wib_dates_round_trip() {
        let at = parse_wib("2026-12-01 09:30").unwrap();
        assert_eq!(at, 1_796_092_200_000);
        assert_eq!(format_wib(at), "2026-12-01 09:30");
        assert_eq!(parse_wib("2026-12-01"), parse_wib("2026-12-01T00:00"));
        assert_eq!(parse_wib("2026-02-31"), None);
        assert_eq!(parse_wib("1/12/2026"), None);
        assert_eq!(parse_wib("2026-12-01 25:00"), None);
    }

    #[test]
    fn dates_and_days_of_the_year() {
        assert_eq!(parse_date("2026-12-01"), parse_wib("2026-12-01"));
        assert_eq!(parse_date("2026-12-01 09:30"), None);
        assert_eq!(
            date_of(parse_wib("2026-12-01 23:59").unwrap()),
            (2026, 12, 1)
        );
        assert_eq!(parse_month_day("2-29").as_deref(), Some("02-29"));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_month_day("13-01"), None);
    }
}
