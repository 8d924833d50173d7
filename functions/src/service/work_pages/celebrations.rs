//! The home feed's widget: birthdays (only those shown publicly) and work anniversaries, today
//! and in the six days after (WIB).

use super::super::policy::{Action, require};
use super::super::{sessions, wib};
use crate::runtime::Runtime;
use crate::stmt;
use crate::store::{RowSet, answers};
use balai_protocol::ApiError;
use balai_protocol::directory::{Celebration, Celebrations};
use balai_protocol::feed::Author;
use serde::Deserialize;

/// Today and the next six days as `MM-DD`, today first.
fn week_days(now: balai_protocol::Millis) -> [String; 7] {
    std::array::from_fn(|i| {
        let (_, m, d) = wib::date_of(now + i as i64 * wib::DAY_MS);
        format!("{m:02}-{d:02}")
    })
}

/// This week's celebrations for the person behind a session token: the session lookup and
/// both reads in one D1 round trip (the home feed shows them on every start).
pub async fn this_week_by_session<R: Runtime>(
    rt: &R,
    token: &str,
) -> Result<Celebrations, ApiError> {
    let now = rt.now();
    let days = week_days(now);
    let (year, _, _) = wib::date_of(now);
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        email: String,
        day: String,
        start_year: Option<i64>,
    }
    let [d0, d1, d2, d3, d4, d5, d6] = days.clone();
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| {
        vec![
            stmt!(
                "SELECT id, name, email, birthday AS day, NULL AS start_year FROM users
                 WHERE birthday IN (?, ?, ?, ?, ?, ?, ?) AND birthday_public = 1 AND deactivated_at IS NULL",
                d0.as_str(),
                d1.as_str(),
                d2.as_str(),
                d3.as_str(),
                d4.as_str(),
                d5.as_str(),
                d6.as_str()
            ),
            stmt!(
                "SELECT id, name, email, substr(start_date, 6) AS day, CAST(substr(start_date, 1, 4) AS INTEGER) AS start_year
                 FROM users
                 WHERE substr(start_date, 6) IN (?, ?, ?, ?, ?, ?, ?) AND start_date IS NOT NULL
                   AND deactivated_at IS NULL",
                d0,
                d1,
                d2,
                d3,
                d4,
                d5,
                d6
            ),
        ]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [birthdays, anniversaries] = answers(sets)?;
    let (birthdays, anniversaries): (Vec<Row>, Vec<Row>) =
        (birthdays.decode()?, anniversaries.decode()?);
    // In the order the days come (a week may run over New Year), then by name.
    let order = |rows: Vec<Row>, anniversary: bool| -> Vec<Celebration> {
        let mut out: Vec<(usize, Celebration)> = rows
            .into_iter()
            .filter_map(|r| {
                let pos = days.iter().position(|d| *d == r.day)?;
                // The year the day falls in: next year if the week ran over New Year.
                let day_year = if days[pos] < days[0] { year + 1 } else { year };
                let years = r.start_year.map(|y| day_year - y);
                if anniversary && years.is_none_or(|y| y < 1) {
                    return None;
                }
                Some((
                    pos,
                    Celebration {
                        handle: r.email.split('@').next().unwrap_or_default().to_string(),
                        person: Author {
                            id: r.id,
                            name: r.name,
                            former: false,
                        },
                        date: r.day,
                        today: pos == 0,
                        years,
                    },
                ))
            })
            .collect();
        out.sort_by(|a, b| (a.0, &a.1.person.name).cmp(&(b.0, &b.1.person.name)));
        out.into_iter().map(|(_, c)| c).collect()
    };
    Ok(Celebrations {
        birthdays: order(birthdays, false),
        anniversaries: order(anniversaries, true),
    })
}
