//! Ideas: the list (top, newest, trending; by status and category; mine) and the form to
//! submit one. `idea.rs` is one idea's page.

mod idea;
mod labels;
mod vote;

pub use idea::IdeaPage;

use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::router::navigate;
use balai_protocol::ideas::{Idea, IdeaCategory, IdeaStatus, NewIdea};
use balai_protocol::limits::{IDEA_TITLE_MAX_CHARS, POST_MAX_CHARS};
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
    Effect::new(move |_| load(None));
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
                </span>
            </a>
        </li>
    }
}

/// The idea form: submitting (or, with `editing`, changing one while it is new).
#[component]
pub fn IdeaForm(
    #[prop(optional_no_strip)] editing: Option<Idea>,
    #[prop(into)] on_saved: Callback<Idea>,
) -> impl IntoView {
    let title = RwSignal::new(
        editing
            .as_ref()
            .map(|i| i.title.clone())
            .unwrap_or_default(),
    );
    let body = RwSignal::new(
        editing
            .as_ref()
            .and_then(|i| i.body.clone())
            .unwrap_or_default(),
    );
    let category = RwSignal::new(
        editing
            .as_ref()
            .map_or(IdeaCategory::Process, |i| i.category),
    );
    let id = StoredValue::new(editing.map(|i| i.id));
    let key = StoredValue::new(api::new_key());
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewIdea {
            title: title.get_untracked(),
            body: body.get_untracked(),
            category: category.get_untracked(),
        };
        save.run(async move {
            let idea = match id.get_value() {
                Some(id) => api::edit_idea(&id, &input).await?,
                None => api::submit_idea(&input, &key.get_value()).await?,
            };
            key.set_value(api::new_key());
            on_saved.run(idea);
            Ok(())
        });
    };
    view! {
        <form class="place-form" on:submit=submit>
            <label for="idea-title">{t(Msg::IdeaTitle)}</label>
            <input id="idea-title" type="text" required maxlength=IDEA_TITLE_MAX_CHARS
                prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            <label for="idea-body">{t(Msg::IdeaBody)}</label>
            <textarea id="idea-body" rows="4" required maxlength=POST_MAX_CHARS
                prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
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
            <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Submit)}</button>
            {save.error_view()}
        </form>
    }
}

#[component]
fn NewIdeaForm() -> impl IntoView {
    view! {
        <details class="card">
            <summary>{t(Msg::NewIdea)}</summary>
            <IdeaForm on_saved=move |i: Idea| navigate(&format!("/ideas/{}", i.id))/>
        </details>
    }
}
