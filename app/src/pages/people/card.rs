//! A colleague in a list: photo, name, position, where they work, and one-tap call and email.

use crate::components::tel::tel;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use balai_protocol::directory::PersonCard;
use leptos::prelude::*;

/// A round photo, or the initials when there is none.
#[component]
pub fn Avatar(
    name: String,
    photo_url: Option<String>,
    #[prop(optional)] large: bool,
) -> impl IntoView {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    match photo_url {
        Some(url) => view! {
            <img class="avatar" class:large=large src=url alt="" loading="lazy" width="48" height="48"/>
        }
        .into_any(),
        None => view! { <span class="avatar initials" class:large=large aria-hidden="true">{initials}</span> }
            .into_any(),
    }
}

#[component]
pub fn PersonRow(person: PersonCard) -> impl IntoView {
    let whereabouts: Vec<String> = [person.department.clone(), person.branch.clone()]
        .into_iter()
        .flatten()
        .collect();
    view! {
        <li class="list-row person-row" data-testid="person">
            <a class="person-link" href=format!("/people/{}", person.id)>
                <Avatar name=person.name.clone() photo_url=person.photo_url.clone()/>
                <span class="person-text">
                    <strong>{person.name.clone()}</strong>
                    <span class="muted small">{person.position.clone()}</span>
                    <span class="muted small">{whereabouts.join(" · ")}</span>
                    {(!person.competencies.is_empty()).then(|| view! {
                        <span class="small skills">{person.competencies.join(", ")}</span>
                    })}
                    {person.away_until.map(|until| view! {
                        <span class="badge away">{t(Msg::AwayUntil)} " " <TimeAgo at=until/></span>
                    })}
                </span>
            </a>
            <span class="contact">
                {(!person.phone.is_empty()).then(|| view! {
                    <a class="chip" href=tel(&person.phone) aria-label=format!("{} {}", t(Msg::Call), person.name)>"📞"</a>
                })}
                <a class="chip" href=format!("mailto:{}", person.email) aria-label=format!("{} {}", t(Msg::Email), person.name)>"✉"</a>
            </span>
        </li>
    }
}
