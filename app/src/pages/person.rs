//! A colleague's page: who they are, how to reach them, and what they gave the company in ideas
//! (counts, and the thanks they received).

use crate::api;
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use balai_protocol::people::Profile;
use leptos::prelude::*;

#[component]
pub fn PersonPage(id: String) -> impl IntoView {
    view! { <RequireLogin><PersonView id=id.clone()/></RequireLogin> }
}

#[component]
fn PersonView(id: String) -> impl IntoView {
    let load = Call::<Profile>::new();
    load.run(async move { api::profile(&id).await });
    view! {
        {load.error_view()}
        {move || load.result.get().and_then(Result::ok).map(|p| view! { <ProfileView p=p/> })}
    }
}

#[component]
fn ProfileView(p: Profile) -> impl IntoView {
    let c = p.contributions;
    let whereabouts: Vec<String> = [p.department.clone(), p.branch.clone()]
        .into_iter()
        .flatten()
        .collect();
    view! {
        <article class="card profile" data-testid="profile">
            <h1>
                {p.name.clone()}
                {p.former.then(|| view! { " " <span class="badge">{t(Msg::FormerEmployee)}</span> })}
            </h1>
            <p class="muted">{whereabouts.join(" · ")}</p>
            <p><a class="chip" href=format!("mailto:{}", p.email)>"✉ " {p.email.clone()}</a></p>
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
                    {p.recognition.into_iter().map(|r| view! {
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
    }
}
