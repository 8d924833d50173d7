//! Ideas: the list (top, newest, trending; by status and category; mine) and the form to
//! submit one (offline, the idea waits in the outbox). `idea.rs` is one idea's page.

mod idea;
mod labels;
mod vote;

pub use idea::IdeaPage;

use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::offline::draft::Draft;
use crate::offline::outbox::{OutboxVersion, Sent, send_or_queue};
use crate::pager::Pager;
use crate::router::navigate;
use balai_protocol::ideas::{Idea, IdeaCategory, IdeaStatus, NewIdea};
use balai_protocol::limits::{IDEA_TITLE_MAX_CHARS, POST_MAX_CHARS};
use balai_protocol::people::Department;
use balai_protocol::places::PlaceRef;
use leptos::prelude::*;
use vote::VoteButton;

#[component]
pub fn IdeasPage() -> impl IntoView {
    view! { <RequireLogin><Ideas/></RequireLogin> }
}

const SORTS: [(&str, Msg); 3] = [
    ("top", Msg::SortTop),
    ("newest", Msg::SortNewest),
    ("trending", Msg::SortTrending),
];

#[component]
fn Ideas() -> impl IntoView {
    let sort = RwSignal::new("top");
    let status = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let mine = RwSignal::new(false);
    let pager = Pager::<Idea>::new();
    let session = crate::session::use_session();
    let reviewer =
        move || session.is_admin() || session.user().is_some_and(|me| me.grants.idea_reviewer);
    let query = move || {
        let mut q = format!("sort={}", sort.get());
        status.with(|s| (!s.is_empty()).then(|| q.push_str(&format!("&status={s}"))));
        category.with(|c| (!c.is_empty()).then(|| q.push_str(&format!("&category={c}"))));
        if mine.get() {
            q.push_str("&mine=1");
        }
        q
    };
    let load = move |cursor: Option<String>| {
        let q = query();
        pager.load(cursor.is_some(), async move {
            api::ideas(&q, cursor.as_deref()).await
        });
    };
    // Again when ideas written offline have gone out.
    let outbox = expect_context::<OutboxVersion>();
    Effect::new(move |_| {
        outbox.0.track();
        load(None);
    });
    view! {
        <h1>"💡 " {t(Msg::IdeasTitle)}</h1>
        <NewIdeaForm/>
        <div class="tabs" role="group">
            {SORTS.into_iter().map(|(value, label)| view! {
                <button type="button" class="chip" aria-pressed=move || (sort.get() == value).to_string()
                    on:click=move |_| sort.set(value)>{t(label)}</button>
            }).collect_view()}
            <button type="button" class="chip" aria-pressed=move || mine.get().to_string()
                on:click=move |_| mine.update(|m| *m = !*m)>{t(Msg::MyIdeas)}</button>
        </div>
        <div class="form-pair">
            <div>
                <label for="idea-status">{t(Msg::Status)}</label>
                <select id="idea-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">{t(Msg::AllStatuses)}</option>
                    {IdeaStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str()>{t(labels::status(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for="idea-category-filter">{t(Msg::Category)}</label>
                <select id="idea-category-filter" on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="">{t(Msg::AllCategories)}</option>
                    {IdeaCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str()>{t(labels::category(c))}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <Show when=reviewer>
            <p class="actions">
                <a class="chip" href="/api/ideas/export.csv" download="balai-ideas.csv">"CSV"</a>
                <a class="chip" href="/api/ideas/export.json" download="balai-ideas.json">"JSON"</a>
            </p>
        </Show>
        <ul class="list ideas">
            <For each=move || pager.items.get() key=|i| (i.id.clone(), i.vote_count, i.voted_by_me) let:idea>
                <IdeaRow idea=idea/>
            </For>
        </ul>
        {pager.footer(move || load(pager.cursor()))}
    }
}

#[component]
fn IdeaRow(idea: Idea) -> impl IntoView {
    view! {
        <li class="list-row idea-row">
            <VoteButton idea_id=idea.id.clone() voted=idea.voted_by_me count=idea.vote_count/>
            <a class="idea-link" href=format!("/ideas/{}", idea.id)>
                <span class="place-name">{idea.title.clone()}</span>
                <span class="muted small">
                    {t(labels::status(idea.status))} " · " {t(labels::category(idea.category))}
                    " · " {idea.author.name.clone()}
                    {(idea.comment_count > 0).then(|| format!(" · 💬 {}", idea.comment_count))}
                </span>
            </a>
        </li>
    }
}

/// The idea form: submitting (or, with `editing`, changing one while it is new). `about`: the
/// place it concerns when it was started from that place's sheet.
#[component]
pub fn IdeaForm(
    #[prop(optional_no_strip)] editing: Option<Idea>,
    #[prop(optional_no_strip)] about: Option<String>,
    #[prop(into)] on_saved: Callback<Idea>,
) -> impl IntoView {
    let department = RwSignal::new(
        editing
            .as_ref()
            .and_then(|i| i.department.as_ref())
            .map(|d| d.id.clone())
            .unwrap_or_default(),
    );
    let place = RwSignal::new(editing.as_ref().and_then(|i| i.place.clone()));
    if let Some(place_id) = about {
        leptos::task::spawn_local(async move {
            if let Ok(p) = api::place(&place_id).await {
                place.set(Some(PlaceRef {
                    id: p.id,
                    name: p.name,
                }));
            }
        });
    }
    let departments = Call::<Vec<Department>>::new();
    departments.run(api::departments());
    // A new idea is kept until it is sent; a correction starts from what was saved.
    let (title, body) = match &editing {
        Some(idea) => (
            Draft::unkept(idea.title.clone()),
            Draft::unkept(idea.body.clone().unwrap_or_default()),
        ),
        None => (Draft::kept(".idea.title"), Draft::kept(".idea.body")),
    };
    let category = RwSignal::new(
        editing
            .as_ref()
            .map_or(IdeaCategory::Process, |i| i.category),
    );
    let id = StoredValue::new(editing.map(|i| i.id));
    // One key per idea being written: a retry, or the outbox's later send, reuses it.
    let key = StoredValue::new(api::new_key());
    let queued = RwSignal::new(false);
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewIdea {
            title: title.text.get_untracked(),
            body: body.text.get_untracked(),
            category: category.get_untracked(),
            department_id: Some(department.get_untracked()).filter(|d| !d.is_empty()),
            place_id: place.with_untracked(|p| p.as_ref().map(|p| p.id.clone())),
        };
        save.run(async move {
            queued.set(false);
            let sent = match id.get_value() {
                Some(id) => Sent::Now(api::edit_idea(&id, &input).await?),
                // Without a network a new idea waits in the outbox, and the form is free again:
                // sent or waiting, it is no longer a draft.
                None => {
                    let sent = send_or_queue(api::new_idea(&input), key.get_value()).await?;
                    title.clear();
                    body.clear();
                    sent
                }
            };
            key.set_value(api::new_key());
            match sent {
                Sent::Now(idea) => on_saved.run(idea),
                Sent::Queued => {
                    place.set(None);
                    queued.set(true);
                }
            }
            Ok(())
        });
    };
    view! {
        <form class="place-form" on:submit=submit>
            <label for="idea-title">{t(Msg::IdeaTitle)}</label>
            <input id="idea-title" type="text" required maxlength=IDEA_TITLE_MAX_CHARS
                prop:value=move || title.text.get() on:input=move |ev| title.write(event_target_value(&ev))/>
            <label for="idea-body">{t(Msg::IdeaBody)}</label>
            <textarea id="idea-body" rows="4" required maxlength=POST_MAX_CHARS
                prop:value=move || body.text.get() on:input=move |ev| body.write(event_target_value(&ev))></textarea>
            <label for="idea-category">{t(Msg::Category)}</label>
            <select id="idea-category" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(c) = IdeaCategory::ALL.into_iter().find(|c| c.as_str() == v) {
                    category.set(c);
                }
            }>
                {IdeaCategory::ALL.into_iter().map(|c| view! {
                    <option value=c.as_str() selected=move || category.get() == c>{t(labels::category(c))}</option>
                }).collect_view()}
            </select>
            <label for="idea-department">{t(Msg::IdeaDepartment)}</label>
            <select id="idea-department" on:change=move |ev| department.set(event_target_value(&ev))>
                <option value="" selected=move || department.with(String::is_empty)>{t(Msg::NoDepartment)}</option>
                {move || departments.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|d| {
                    let id = d.id.clone();
                    view! { <option value=d.id.clone() selected=move || department.with(|s| *s == id)>{d.name}</option> }
                }).collect_view()}
            </select>
            {move || place.get().map(|p| view! {
                <p class="chips">
                    <span class="chip" data-testid="idea-place">{t(Msg::IdeaAboutPlace)} " 📍 " {p.name}</span>
                    <button type="button" class="chip" aria-label=t(Msg::Cancel) on:click=move |_| place.set(None)>"✕"</button>
                </p>
            })}
            <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Submit)}</button>
            <Show when=move || queued.get()>
                <p class="notice" role="status">{t(Msg::QueuedOffline)}</p>
            </Show>
            {save.error_view()}
        </form>
    }
}

/// The form to submit an idea, opened at once when a place's sheet sent us (`?place=`).
#[component]
fn NewIdeaForm() -> impl IntoView {
    let url = crate::router::use_location().0.get_untracked();
    let about = Some(crate::router::query_param(
        url.split_once('?').map_or("", |(_, q)| q),
        "place",
    ))
    .filter(|p| !p.is_empty());
    let open = about.is_some();
    view! {
        <details class="card" open=open>
            <summary>{t(Msg::NewIdea)}</summary>
            <IdeaForm about=about on_saved=move |i: Idea| navigate(&format!("/ideas/{}", i.id))/>
        </details>
    }
}
