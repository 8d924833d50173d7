//! The org structure: departments as a tree with their heads, and a department's page (where it
//! sits, its sub-departments, its people).

use super::card::PersonRow;
use super::edit::PersonPicker;
use crate::api;
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use balai_protocol::directory::{DepartmentEdit, DepartmentNode, DepartmentPage as Page};
use balai_protocol::limits::DEPARTMENT_NAME_MAX_CHARS;
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

/// Whether the reader shapes the tree (admins and HR).
fn shapes_tree() -> bool {
    let session = crate::session::use_session();
    session.is_admin() || session.user().is_some_and(|me| me.grants.hr)
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
        {shapes_tree().then(|| view! {
            <details class="card">
                <summary>"➕ " {t(Msg::AddDepartment)}</summary>
                <DepartmentForm id=None name=String::new() parent=None head=None
                    on_saved=move |p: Page| crate::router::navigate(&format!("/departments/{}", p.department.id))/>
            </details>
        })}
    }
}

/// Adds a department (`id: None`) or changes one: name, the department it sits under, its head.
#[component]
fn DepartmentForm(
    id: Option<String>,
    name: String,
    parent: Option<String>,
    head: Option<(String, String)>,
    #[prop(into)] on_saved: Callback<Page>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let name = RwSignal::new(name);
    let parent = RwSignal::new(parent.unwrap_or_default());
    let head = RwSignal::new(head);
    let all = Call::<Vec<DepartmentNode>>::new();
    all.run(api::department_tree());
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = DepartmentEdit {
            name: Some(name.get_untracked()),
            parent_id: Some(parent.get_untracked()),
            head_id: Some(head.get_untracked().map(|(id, _)| id).unwrap_or_default()),
        };
        save.run(async move {
            let page = match id.get_value() {
                Some(id) => api::edit_department(&id, &input).await?,
                None => api::create_department(&input).await?,
            };
            on_saved.run(page);
            Ok(())
        });
    };
    view! {
        <form class="place-form" on:submit=submit>
            <label for="dept-name">{t(Msg::GroupName)}</label>
            <input id="dept-name" type="text" required maxlength=DEPARTMENT_NAME_MAX_CHARS
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="dept-parent">{t(Msg::PartOf)}</label>
            <select id="dept-parent" on:change=move |ev| parent.set(event_target_value(&ev))>
                <option value="" selected=move || parent.with(String::is_empty)>{t(Msg::TopLevel)}</option>
                {move || all.result.get().and_then(Result::ok).unwrap_or_default().into_iter()
                    .filter(|d| id.with_value(|me| me.as_deref() != Some(d.id.as_str())))
                    .map(|d| {
                        let did = d.id.clone();
                        view! { <option value=d.id.clone() selected=move || parent.with(|p| *p == did)>{d.name}</option> }
                    }).collect_view()}
            </select>
            <PersonPicker input_id="dept-head" label=Msg::Head chosen=head/>
            <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Save)}</button>
            {save.error_view()}
        </form>
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
        {move || load.result.get().and_then(Result::ok).map(|p| {
            let editing = (
                p.department.id.clone(),
                p.department.name.clone(),
                p.department.parent_id.clone(),
                p.department.head.clone().map(|h| (h.id, h.name)),
            );
            view! {
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
            {shapes_tree().then(|| {
                let (id, name, parent, head) = editing;
                view! {
                    <details class="card">
                        <summary>"✏ " {t(Msg::EditDepartment)}</summary>
                        <DepartmentForm id=Some(id) name=name parent=parent head=head
                            on_saved=move |saved: Page| load.result.set(Some(Ok(saved)))/>
                    </details>
                }
            })}
        }})}
    }
}
