//! The moderators' queue: posts and comments colleagues reported, the longest waiting first,
//! each with who reported it and why; keep it, or remove it for everyone.

use crate::api;
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::report_button::reason_label;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::session::use_session;
use balai_protocol::reports::{ReportTarget, ReportedItem};
use leptos::prelude::*;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let session = use_session();
    view! {
        <RequireLogin>
            <h1 class="page-title">{t(Msg::Moderation)}</h1>
            <Show when=move || session.may_moderate()
                fallback=|| view! { <p class="muted">{t(Msg::ModeratorsOnly)}</p> }>
                <Queue/>
            </Show>
        </RequireLogin>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let pager = Pager::<ReportedItem>::new();
    let load = move |cursor: Option<String>| {
        pager.load(cursor.is_some(), async move {
            api::reports(cursor.as_deref()).await
        })
    };
    load(None);
    view! {
        <p class="muted">{t(Msg::ModerationHelp)}</p>
        <For each=move || pager.items.get() key=|item| item.id.clone() let:item>
            <Reported item=item/>
        </For>
        {pager.footer(move || load(pager.cursor()))}
    }
}

#[component]
fn Reported(item: ReportedItem) -> impl IntoView {
    let decide = Call::<Msg>::new();
    let (target, id) = (item.target, StoredValue::new(item.id.clone()));
    let run = move |remove: bool| {
        if remove && !confirm(t(Msg::ConfirmDelete)) {
            return;
        }
        decide.run(async move {
            api::decide_report(target, &id.get_value(), remove).await?;
            Ok(if remove {
                Msg::RemovedNote
            } else {
                Msg::KeptNote
            })
        });
    };
    let decided = move || decide.result.with(|r| matches!(r, Some(Ok(_))));
    let what = match target {
        ReportTarget::Post => Msg::ReportedPost,
        ReportTarget::Comment => Msg::ReportedComment,
        ReportTarget::IdeaComment => Msg::ReportedIdeaComment,
    };
    view! {
        <article class="card reported" class:decided=decided>
            <header class="post-head">
                <span>
                    <span class="badge">{t(what)}</span> " "
                    <AuthorName author=item.author.clone()/>
                </span>
                <span class="muted small"><TimeAgo at=item.written_at/></span>
            </header>
            <div class="post-body" inner_html=item.body_html.clone()></div>
            <p><a class="chip" href=item.link.clone()>{t(Msg::OpenWhere)} " →"</a></p>
            <ul class="report-entries">
                {item.reports.into_iter().map(|r| view! {
                    <li>
                        <strong>{t(reason_label(r.reason))}</strong>
                        {(!r.note.is_empty()).then(|| view! { <q>{r.note}</q> })}
                        <span class="muted small">
                            <AuthorName author=r.reporter/> " · " <TimeAgo at=r.at/>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
            {move || match decide.result.get() {
                Some(Ok(note)) => view! { <p class="muted" role="status">{t(note)}</p> }.into_any(),
                _ => view! {
                    <div class="row-actions">
                        <button type="button" disabled=move || decide.pending.get()
                            on:click=move |_| run(false)>{t(Msg::KeepIt)}</button>
                        <button type="button" class="danger" disabled=move || decide.pending.get()
                            on:click=move |_| run(true)>{t(Msg::RemoveIt)}</button>
                    </div>
                }.into_any(),
            }}
            {decide.error_view()}
        </article>
    }
}
