//! The org structure: departments as a tree with their heads, and a department's page (where it
//! sits, its sub-departments, its people).

use super::card::PersonRow;
use crate::api;
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use balai_protocol::directory::{DepartmentNode, DepartmentPage as Page};
use leptos::prelude::*;

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    view! { <RequireLogin><Tree/></RequireLogin> }
}

/// The departments under `parent` (the top when `None`), each with its own below it.
fn branch(all: &[DepartmentNode], parent: Option<&str>) -> AnyView {
    let children: Vec<&DepartmentNode> = all
        .iter()
        .filter(|d| d.parent_id.as_deref() == parent)
        .collect();
    if children.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="tree">
            {children.into_iter().map(|d| view! {
                <li>
                    <a class="row-link" href=format!("/departments/{}", d.id)>
                        <strong>{d.name.clone()}</strong>
                        <span class="muted small">" · " {d.people} " " {t(Msg::PeopleCount)}</span>
                    </a>
                    {d.head.clone().map(|h| view! { <div class="muted small">{t(Msg::Head)} ": " {h.name}</div> })}
                    {branch(all, Some(&d.id))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Tree() -> impl IntoView {
    let load = Call::<Vec<DepartmentNode>>::new();
    load.run(api::department_tree());
    view! {
        <h1>"🏢 " {t(Msg::OrgStructure)}</h1>
        {load.error_view()}
        <section class="card" data-testid="department-tree">
            {move || load.result.get().and_then(Result::ok).map(|all| branch(&all, None))}
        </section>
    }
}

#[component]
pub fn DepartmentPage(id: String) -> impl IntoView {
    view! { <RequireLogin><Department id=id.clone()/></RequireLogin> }
}

#[component]
fn Department(id: String) -> impl IntoView {
    let load = Call::<Page>::new();
    load.run(async move { api::department(&id).await });
    view! {
        {load.error_view()}
        {move || load.result.get().and_then(Result::ok).map(|p| view! {
            <nav class="chips" aria-label=t(Msg::OrgStructure)>
                <a class="chip" href="/departments">"🏢"</a>
                {p.parents.into_iter().map(|d| view! {
                    <a class="chip" href=format!("/departments/{}", d.id)>{d.name}</a>
                }).collect_view()}
            </nav>
            <h1>{p.department.name.clone()}</h1>
            {p.department.head.clone().map(|h| view! { <p>{t(Msg::Head)} ": " <AuthorName author=h/></p> })}
            {(!p.children.is_empty()).then(|| view! {
                <h2>{t(Msg::SubDepartments)}</h2>
                <ul class="list card">
                    {p.children.into_iter().map(|d| view! {
                        <li class="list-row">
                            <a class="row-link" href=format!("/departments/{}", d.id)>{d.name}</a>
                            <span class="muted small">{d.people} " " {t(Msg::PeopleCount)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <h2>{t(Msg::People)} " (" {p.people.len()} ")"</h2>
            <ul class="list card">
                {p.people.into_iter().map(|person| view! { <PersonRow person=person/> }).collect_view()}
            </ul>
        })}
    }
}
