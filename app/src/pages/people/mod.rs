//! People: the directory (search by name, position, competency; filter by department and
//! branch), "who knows …?" expert search, work pages, the org chart, and (for admins) the
//! administration page.

mod api_tokens;
mod audit_log;
mod bookmarks;
mod card;
mod departments;
mod edit;
mod import;
mod manage;
mod org_chart;
mod work_page;

pub use departments::{DepartmentPage, DepartmentsPage};
pub use manage::ManagePeoplePage;
pub use org_chart::OrgChartPage;
pub use work_page::PersonPage;

use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::router::{encode, query_param, use_location};
use balai_protocol::directory::{Expert, PersonCard};
use balai_protocol::people::{Branch, Department};
use card::PersonRow;
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    view! { <RequireLogin><Directory/></RequireLogin> }
}

#[component]
fn Directory() -> impl IntoView {
    let session = crate::session::use_session();
    // `?expert=forklift` (a competency chip on a work page) opens expert search.
    let url = use_location().0.get_untracked();
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let asked_expert = query_param(query, "expert");
    let experts_mode = RwSignal::new(!asked_expert.is_empty());
    let q = RwSignal::new(asked_expert);
    let department = RwSignal::new(String::new());
    let branch = RwSignal::new(String::new());
    let departments = Call::<Vec<Department>>::new();
    departments.run(api::departments());
    let branches = Call::<Vec<Branch>>::new();
    branches.run(api::branches());
    let pager = Pager::<PersonCard>::new();
    let experts = Call::<Vec<Expert>>::new();
    let search = move |cursor: Option<String>| {
        if experts_mode.get_untracked() {
            let topic = q.get_untracked();
            if !topic.trim().is_empty() {
                experts.run(async move { api::experts(&topic).await });
            }
            return;
        }
        let mut params = format!("q={}", encode(q.get_untracked().trim()));
        department.with_untracked(|d| {
            (!d.is_empty()).then(|| params.push_str(&format!("&department={d}")))
        });
        branch
            .with_untracked(|b| (!b.is_empty()).then(|| params.push_str(&format!("&branch={b}"))));
        pager.load(cursor.is_some(), async move {
            api::directory(&params, cursor.as_deref()).await
        });
    };
    search(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        search(None);
    };
    view! {
        <h1>"👥 " {t(Msg::People)}</h1>
        <p class="chips">
            {move || session.user().map(|me| view! {
                <a class="chip" href=format!("/people/{}", me.id)>"👤 " {t(Msg::MyPage)}</a>
            })}
            <a class="chip" href="/departments">"🏢 " {t(Msg::OrgStructure)}</a>
            <Show when=move || session.is_admin()>
                <a class="chip" href="/people/manage">"⚙ " {t(Msg::ManagePeople)}</a>
            </Show>
        </p>
        <div class="tabs" role="tablist">
            <button type="button" role="tab" class="chip" aria-pressed=move || (!experts_mode.get()).to_string()
                on:click=move |_| { experts_mode.set(false); search(None); }>{t(Msg::Directory)}</button>
            <button type="button" role="tab" class="chip" aria-pressed=move || experts_mode.get().to_string()
                on:click=move |_| { experts_mode.set(true); search(None); }>{t(Msg::WhoKnows)}</button>
        </div>
        <form class="search" role="search" on:submit=submit>
            <label class="visually-hidden" for="people-q">{t(Msg::Search)}</label>
            <input id="people-q" type="search" enterkeyhint="search"
                placeholder=move || if experts_mode.get() { t(Msg::WhoKnowsHint) } else { t(Msg::DirectoryHint) }
                prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))/>
            <button type="submit" aria-label=t(Msg::Search)>"🔍"</button>
        </form>
        <Show when=move || !experts_mode.get()>
            <div class="filters">
                <label class="filter">
                    <span class="visually-hidden">{t(Msg::AllDepartments)}</span>
                    <select id="people-department" on:change=move |ev| { department.set(event_target_value(&ev)); search(None); }>
                        <option value="">{t(Msg::AllDepartments)}</option>
                        {move || departments.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|d| view! {
                            <option value=d.id.clone()>{d.name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    <span class="visually-hidden">{t(Msg::AllBranches)}</span>
                    <select id="people-branch" on:change=move |ev| { branch.set(event_target_value(&ev)); search(None); }>
                        <option value="">{t(Msg::AllBranches)}</option>
                        {move || branches.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|b| view! {
                            <option value=b.id.clone()>{b.name}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <ul class="list card">
                <For each=move || pager.items.get() key=|p| p.id.clone() let:person>
                    <PersonRow person=person/>
                </For>
            </ul>
            {pager.footer(move || search(pager.cursor()))}
        </Show>
        <Show when=move || experts_mode.get()>
            {experts.error_view()}
            <ul class="list card" data-testid="experts">
                {move || experts.result.get().and_then(Result::ok).map(|list| {
                    if list.is_empty() {
                        view! { <li class="muted">{t(Msg::NoExperts)}</li> }.into_any()
                    } else {
                        list.into_iter().map(|e| {
                            let why = match (e.matched.is_empty(), e.posts) {
                                (false, 0) => format!("{} {}", t(Msg::Knows), e.matched.join(", ")),
                                (false, n) => format!("{} {} · {n} {}", t(Msg::Knows), e.matched.join(", "), t(Msg::PostsAbout)),
                                (true, n) => format!("{n} {}", t(Msg::PostsAbout)),
                            };
                            view! {
                                <PersonRow person=e.person/>
                                <li class="why muted small">{why}</li>
                            }
                        }).collect_view().into_any()
                    }
                })}
            </ul>
        </Show>
    }
}
