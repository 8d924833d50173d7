//! Admins: the audit log, who did what to whom, newest first. Tapping a name narrows the log to
//! that person (or group, idea, place…): what they did and what was done to them.

use crate::api;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use balai_protocol::audit::AuditEntry;
use leptos::prelude::*;

/// Whose entries the log is narrowed to: an id, and the name to show.
type Narrowed = RwSignal<Option<(String, String)>>;

#[component]
pub fn AuditLog() -> impl IntoView {
    let narrowed: Narrowed = RwSignal::new(None);
    let pager = Pager::<AuditEntry>::new();
    let load = move |cursor: Option<String>| {
        let person = narrowed.get_untracked().map(|(id, _)| id);
        pager.load(cursor.is_some(), async move {
            api::audit_log(person.as_deref(), cursor.as_deref()).await
        });
    };
    Effect::new(move |_| {
        narrowed.track();
        load(None);
    });
    view! {
        <section class="card" data-testid="audit-log">
            <h2>{t(Msg::AuditLogTitle)}</h2>
            <p class="muted small">{t(Msg::AuditLogHelp)}</p>
            {move || narrowed.get().map(|(_, name)| view! {
                <p class="tabs">
                    <button type="button" class="chip" aria-pressed="true" on:click=move |_| narrowed.set(None)>
                        {t(Msg::OnlyAbout)} " " {name} " ✕"
                    </button>
                </p>
            })}
            <ul class="list">
                // Re-rendered whole on "load more": read once, not kept in step.
                {move || pager.items.get().into_iter().map(|entry| view! {
                    <AuditRow entry=entry narrowed=narrowed/>
                }).collect_view()}
            </ul>
            {pager.footer(move || load(pager.cursor()))}
        </section>
    }
}

#[component]
fn AuditRow(entry: AuditEntry, narrowed: Narrowed) -> impl IntoView {
    let narrow_to = move |id: String, name: String| {
        view! {
            <button type="button" class="chip" on:click=move |_| narrowed.set(Some((id.clone(), name.clone())))>
                {name.clone()}
            </button>
        }
    };
    let target = match (entry.target, entry.target_name) {
        (Some(id), Some(name)) => Some(narrow_to(id, name).into_any()),
        (Some(id), None) => Some(view! { <span class="muted small">{id}</span> }.into_any()),
        _ => None,
    };
    view! {
        <li class="list-row audit-entry">
            <span class="chips">
                {narrow_to(entry.actor.id, entry.actor.name)}
                // In the reader's words; the stable code as a tooltip, for desktop readers.
                <span class="audit-what" title=entry.action>{entry.summary}</span>
                {target}
            </span>
            {entry.on_behalf_of.map(|p| view! {
                <span class="badge for">{t(Msg::ForPerson)} " " {p.name}</span>
            })}
            {entry.detail.map(|d| view! { <span class="muted small">{d}</span> })}
            <span class="muted small"><TimeAgo at=entry.at/></span>
        </li>
    }
}
