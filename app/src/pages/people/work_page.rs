//! A colleague's work page: photo, position, department, branch (linked to its office on the
//! map), manager, phones and email, competencies (each one an expert search), what they do,
//! hobbies, birthday, start date, whether they are away and who covers, and what they gave the
//! company in ideas. Their own page, and HR's view, add the forms in `edit.rs`.

use super::bookmarks::MyBookmarks;
use super::card::Avatar;
use super::edit::{AbsenceForm, EndAbsence, OfficialForm, OwnForm, PhotoForm};
use crate::api;
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::components::tel::tel;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::router::encode;
use balai_protocol::people::{DeputyActionKind, Profile};
use leptos::prelude::*;

#[component]
pub fn PersonPage(id: String) -> impl IntoView {
    view! { <RequireLogin><PersonView id=id.clone()/></RequireLogin> }
}

#[component]
fn PersonView(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let load = Call::<Profile>::new();
    let reload = move || load.run(async move { api::profile(&id.get_value()).await });
    reload();
    // A form's answer is the page as it now is: show it without another round trip.
    let saved = Callback::new(move |p: Profile| load.result.set(Some(Ok(p))));
    view! {
        {load.error_view()}
        {move || load.result.get().and_then(Result::ok).map(|p| view! {
            <ProfileView p=p saved=saved reload=Callback::new(move |_| reload())/>
        })}
    }
}

/// A day of the year or a date, as people read it ("2 Dec", "3 Dec 2019").
fn day(month_day: &str, year: Option<&str>) -> String {
    let mut parts = month_day.split('-');
    let (m, d) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let month = m
        .parse::<usize>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .map_or("", |m| {
            [
                "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
            ][m - 1]
        });
    let d = d.trim_start_matches('0');
    match year {
        Some(y) => format!("{d} {month} {y}"),
        None => format!("{d} {month}"),
    }
}

#[component]
fn ProfileView(p: Profile, saved: Callback<Profile>, reload: Callback<()>) -> impl IntoView {
    let c = p.contributions;
    let editing = p.can_edit;
    let official = p.can_edit_official;
    let may_set_absence = p.can_edit || p.can_edit_official;
    let start = p
        .start_date
        .as_deref()
        .map(|s| day(s.get(5..).unwrap_or(""), s.get(..4)));
    let editable = StoredValue::new(p.clone());
    view! {
        <article class="card profile" data-testid="profile">
            <header class="profile-head">
                <Avatar name=p.name.clone() photo_url=p.photo_url.clone() large=true/>
                <div>
                    <h1>
                        {p.name.clone()}
                        {p.former.then(|| view! { " " <span class="badge">{t(Msg::FormerEmployee)}</span> })}
                    </h1>
                    <p class="muted">{p.position.clone()}</p>
                </div>
            </header>
            {p.away.clone().map(|a| view! {
                <p class="notice away" role="status" data-testid="away">
                    "🌴 " {t(Msg::AwayUntil)} " " {js_date(a.ends_at)} " · " {t(Msg::ContactInstead)} " "
                    <AuthorName author=a.deputy/>
                    {(!a.note.is_empty()).then(|| view! { <br/><span class="muted">{a.note.clone()}</span> })}
                    {may_set_absence.then(|| view! {
                        <br/><EndAbsence person_id=editable.with_value(|p| p.id.clone()) changed=reload/>
                    })}
                </p>
            })}
            <dl class="facts">
                {p.department.clone().map(|d| view! {
                    <dt>{t(Msg::Department)}</dt>
                    <dd><a class="row-link" href=format!("/departments/{}", d.id)>{d.name}</a></dd>
                })}
                {p.branch.clone().map(|b| view! {
                    <dt>{t(Msg::Branch)}</dt>
                    <dd>{match b.place_id {
                        Some(place) => view! { <a class="row-link" href=format!("/map?place={place}")>"📍 " {b.name}</a> }.into_any(),
                        None => view! { <span>{b.name}</span> }.into_any(),
                    }}</dd>
                })}
                {p.manager.clone().map(|m| view! {
                    <dt>{t(Msg::Manager)}</dt>
                    <dd><AuthorName author=m/></dd>
                })}
                {start.map(|s| view! { <dt>{t(Msg::StartDate)}</dt><dd>{s}</dd> })}
                {p.birthday.clone().map(|b| view! { <dt>{t(Msg::Birthday)}</dt><dd>"🎂 " {day(&b, None)}</dd> })}
            </dl>
            <p class="chips contact">
                {(!p.phone.is_empty()).then(|| view! {
                    <a class="chip" href=tel(&p.phone)>"📞 " {p.phone.clone()}</a>
                })}
                <a class="chip" href=format!("mailto:{}", p.email)>"✉ " {p.email.clone()}</a>
                <a class="chip" href=format!("/people/{}/org", p.id)>"🧭 " {t(Msg::OrgChart)}</a>
            </p>
            {(!p.competencies.is_empty()).then(|| view! {
                <h2>{t(Msg::Competencies)}</h2>
                <p class="chips" data-testid="competencies">
                    {p.competencies.iter().map(|c| view! {
                        <a class="chip" href=format!("/people?expert={}", encode(c))>{c.clone()}</a>
                    }).collect_view()}
                </p>
            })}
            {(!p.responsibilities.is_empty()).then(|| view! {
                <h2>{t(Msg::Responsibilities)}</h2>
                <p>{p.responsibilities.clone()}</p>
            })}
            {(!p.hobbies.is_empty()).then(|| view! {
                <h2>{t(Msg::Hobbies)}</h2>
                <p>{p.hobbies.clone()}</p>
            })}
            <ul class="stats" data-testid="contributions">
                <li><strong>{c.ideas_submitted}</strong> " " {t(Msg::IdeasSubmitted)}</li>
                <li><strong>{c.ideas_implemented}</strong> " " {t(Msg::IdeasImplemented)}</li>
                <li><strong>{c.thanks_received}</strong> " " {t(Msg::ThanksReceived)}</li>
            </ul>
        </article>
        {(!p.recognition.is_empty()).then(|| view! {
            <section class="card">
                <h2>"🙏 " {t(Msg::Recognition)}</h2>
                <ul class="list">
                    {p.recognition.clone().into_iter().map(|r| view! {
                        <li class="list-row">
                            <span>
                                <a class="row-link" href=format!("/ideas/{}", r.idea.id)>{r.idea.title}</a>
                                <br/>
                                <AuthorName author=r.thanks.from/> ": " {r.thanks.note}
                            </span>
                            <TimeAgo at=r.thanks.at/>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {editing.then(|| view! {
            <MyBookmarks initial=editable.with_value(|p| p.bookmarks.clone())/>
            <OwnForm profile=editable.get_value() saved=saved/>
            <PhotoForm person_id=editable.with_value(|p| p.id.clone()) saved=saved/>
        })}
        {may_set_absence.then(|| view! {
            <AbsenceForm person_id=editable.with_value(|p| p.id.clone()) changed=reload/>
        })}
        {official.then(|| view! { <OfficialForm profile=editable.get_value() saved=saved/> })}
        {p.deputy_log.clone().map(|log| {
            let opened = log.items.iter().filter(|i| i.opened_at.is_some()).count();
            let deputy = log.deputy.name.clone();
            let actions = (!log.actions.is_empty()).then(|| view! {
                <h3 class="small">{t(Msg::DoneOnBehalf)}</h3>
                <ul class="list" data-testid="deputy-actions">
                    {log.actions.into_iter().map(|action| {
                        let verb = match action.kind {
                            DeputyActionKind::ApprovedJoin => Msg::ApprovedRequestOf,
                            DeputyActionKind::DeclinedJoin => Msg::DeclinedRequestOf,
                        };
                        view! {
                            <li class="list-row">
                                <a class="row-link" href=format!("/g/{}", action.group_id)>
                                    {deputy.clone()} " " {t(verb)} " " <strong>{action.person.name}</strong>
                                    " " {t(Msg::ToJoinGroup)} " " {action.group_name}
                                </a>
                                <span class="muted small"><TimeAgo at=action.at/></span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            });
            view! {
                <details class="card" data-testid="deputy-log">
                    <summary>
                        "🤝 " {t(Msg::CoveredBy)} " " {log.deputy.name.clone()} ": " {log.items.len()} " · "
                        {opened} " " {t(Msg::Opened)}
                    </summary>
                    <ul class="list">
                        {log.items.into_iter().map(|item| {
                            let href = match (&item.post_id, &item.idea_id) {
                                (Some(p), _) => format!("/p/{p}"),
                                (None, Some(i)) => format!("/ideas/{i}"),
                                _ => "/notifications".to_string(),
                            };
                            view! {
                                <li class="list-row">
                                    <a class="row-link" href=href>{item.actor.name} " " {t(crate::pages::notifications::verb(item.kind).0)}</a>
                                    <span class="muted small">
                                        {if item.opened_at.is_some() { "✓ " } else { "· " }} <TimeAgo at=item.at/>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {actions}
                </details>
            }
        })}
        {(!p.history.is_empty()).then(|| view! {
            <details class="card">
                <summary>{t(Msg::OfficialHistory)}</summary>
                <ul class="list">
                    {p.history.into_iter().map(|h| view! {
                        <li class="list-row">
                            <span>
                                <strong>{h.field}</strong> ": " {h.old_value.unwrap_or_else(|| "—".into())}
                                " → " {h.new_value.unwrap_or_else(|| "—".into())}
                                <br/><span class="muted small">{h.actor.name}</span>
                            </span>
                            <TimeAgo at=h.at/>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        })}
    }
}

/// A moment as a local date ("4/12/2026" in the reader's language).
fn js_date(at: i64) -> String {
    let date = js_sys::Date::new(&(at as f64 - 1.0).into());
    date.to_locale_date_string(crate::i18n::current().code(), &js_sys::Object::new())
        .into()
}
