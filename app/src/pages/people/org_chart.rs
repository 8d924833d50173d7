//! Reporting lines on a phone: the managers above (top first), the person, and who reports to
//! them. Every card is a step up or down.

use super::card::PersonRow;
use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use balai_protocol::directory::OrgChart;
use leptos::prelude::*;

#[component]
pub fn OrgChartPage(id: String) -> impl IntoView {
    view! { <RequireLogin><Chart id=id.clone()/></RequireLogin> }
}

#[component]
fn Chart(id: String) -> impl IntoView {
    let load = Call::<OrgChart>::new();
    load.run(async move { api::org_chart(&id).await });
    view! {
        <h1>"🧭 " {t(Msg::OrgChart)}</h1>
        {load.error_view()}
        {move || load.result.get().and_then(Result::ok).map(|c| {
            let org_link = |id: &str| format!("/people/{id}/org");
            view! {
                <ol class="org-chain" data-testid="org-chain">
                    {c.chain.into_iter().map(|m| view! {
                        <li class="org-step">
                            <a class="chip" href=org_link(&m.id) aria-label=format!("{} {}", t(Msg::OrgChart), m.name)>"↑"</a>
                            <ul class="list card"><PersonRow person=m/></ul>
                        </li>
                    }).collect_view()}
                </ol>
                <ul class="list card org-self" data-testid="org-person"><PersonRow person=c.person.clone()/></ul>
                <h2>{t(Msg::DirectReports)} " (" {c.reports.len()} ")"</h2>
                {c.reports.is_empty().then(|| view! { <p class="muted">{t(Msg::NoReports)}</p> })}
                <ul class="list card" data-testid="org-reports">
                    {c.reports.into_iter().map(|r| {
                        let down = org_link(&r.id);
                        let name = r.name.clone();
                        view! {
                            <PersonRow person=r/>
                            <li class="org-down"><a class="chip" href=down>"↓ " {t(Msg::OrgChart)} ": " {name}</a></li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
    }
}
