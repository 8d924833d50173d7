//! The home feed's "this week": public birthdays and work anniversaries, today's first, each
//! with a button that starts a congratulation in the composer (mentioning them).

use crate::api;
use crate::call::Call;
use crate::components::composer::Prefill;
use crate::i18n::{Msg, t};
use balai_protocol::directory::{Celebration, Celebrations};
use leptos::prelude::*;

#[component]
pub fn CelebrationsCard() -> impl IntoView {
    let load = Call::<Celebrations>::new();
    load.run(api::celebrations());
    let prefill = use_context::<Prefill>();
    let row = move |c: Celebration, birthday: bool| {
        let text = format!(
            "@{} {}",
            c.handle,
            if birthday {
                t(Msg::CongratsBirthday)
            } else {
                t(Msg::CongratsAnniversary)
            }
        );
        let what = match (birthday, c.years) {
            (true, _) if c.today => t(Msg::BirthdayToday).to_string(),
            (true, _) => format!("{} {}", t(Msg::BirthdaySoon), day(&c.date)),
            (false, years) => format!(
                "{} {} · {}",
                years.unwrap_or(0),
                t(Msg::Anniversary),
                day(&c.date)
            ),
        };
        view! {
            <li class="list-row">
                <span>
                    <a class="row-link" href=format!("/people/{}", c.person.id)>{c.person.name.clone()}</a>
                    <br/><span class="muted small">{what}</span>
                </span>
                {prefill.map(|p| view! {
                    <button type="button" class="chip" on:click=move |_| p.0.set(Some(text.clone()))>
                        {t(Msg::Congratulate)}
                    </button>
                })}
            </li>
        }
    };
    move || {
        load.result.get().and_then(Result::ok).and_then(|c| {
            (!c.birthdays.is_empty() || !c.anniversaries.is_empty()).then(|| {
                view! {
                    <section class="card celebrations" data-testid="celebrations">
                        <h2>{t(Msg::Celebrations)}</h2>
                        <ul class="list">
                            {c.birthdays.into_iter().map(|b| row(b, true)).collect_view()}
                            {c.anniversaries.into_iter().map(|a| row(a, false)).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
    }
}

/// `MM-DD` as "17/08".
fn day(month_day: &str) -> String {
    let (m, d) = month_day.split_once('-').unwrap_or(("", ""));
    format!("{d}/{m}")
}
