//! One idea: what it proposes, its votes, its discussion, thanks to its author, its history,
//! and (for reviewers) the next step.

use super::IdeaForm;
use super::labels;
use super::vote::VoteButton;
use crate::api::{self, Thread};
use crate::call::Call;
use crate::components::comments::Comments;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use balai_protocol::ideas::{Idea, IdeaDetail, IdeaStatus, NewThanks, StatusChange, Thanks};
use balai_protocol::limits::THANKS_NOTE_MAX_CHARS;
use leptos::prelude::*;

#[component]
pub fn IdeaPage(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    view! { <RequireLogin><IdeaView id=id.get_value()/></RequireLogin> }
}

#[component]
fn IdeaView(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let load = Call::<IdeaDetail>::new();
    let reload = move || load.run(async move { api::idea(&id.get_value()).await });
    reload();
    let body = move || {
        load.result.get().and_then(Result::ok).map(|d| {
            let idea = d.idea.clone();
            let editable = idea.clone();
            let can_edit = idea.can_edit;
            // Reviewers see the next steps, when there are any (implemented is the end).
            let open = idea.merged_into.is_none()
                && IdeaStatus::ALL.iter().any(|s| idea.status.may_become(*s));
            let reviewer = (idea.can_review && open).then(|| {
                view! { <Review idea=idea.clone() on_changed=move |_| reload()/> }
            });
            view! {
                <article class="card idea" data-testid="idea">
                    <p class="muted small">
                        <span class="badge status" data-testid="idea-status">{t(labels::status(idea.status))}</span>
                        " " {t(labels::category(idea.category))} " · " <AuthorName author=idea.author.clone()/> " · "
                        <TimeAgo at=idea.created_at/>
                    </p>
                    <h1>{idea.title.clone()}</h1>
                    <p class="chips">
                        {idea.department.clone().map(|d| view! { <span class="chip">"🏢 " {d.name}</span> })}
                        {idea.place.clone().map(|p| view! {
                            <a class="chip" href=format!("/map?place={}", p.id)>"📍 " {p.name}</a>
                        })}
                    </p>
                    <div class="post-body" inner_html=idea.body_html.clone()></div>
                    {idea.decline_reason.clone().map(|r| view! {
                        <p class="notice">{t(Msg::DeclineReason)} ": " {r}</p>
                    })}
                    {idea.merged_into.clone().map(|o| view! {
                        <p class="notice">{t(Msg::MergedInto)} " "
                            <a class="row-link" href=format!("/ideas/{}", o.id)>{o.title}</a></p>
                    })}
                    <VoteButton idea_id=idea.id.clone() voted=idea.voted_by_me count=idea.vote_count/>
                    <Show when=move || can_edit>
                        <details>
                            <summary>{t(Msg::Edit)}</summary>
                            <IdeaForm editing=Some(editable.clone()) on_saved=move |_| reload()/>
                        </details>
                    </Show>
                </article>
                {reviewer}
                <Thanked thanks=d.thanks.clone() can_thank=d.can_thank idea_id=d.idea.id.clone()
                    on_thanked=move |_| reload()/>
                <Comments thread=Thread::Idea parent_id=d.idea.id.clone() comments=d.comments.clone()
                    on_changed=move |_| reload()/>
                <section class="card">
                    <h2>{t(Msg::History)}</h2>
                    <ul class="list">
                        <li class="list-row">
                            <span>{t(labels::status(IdeaStatus::New))} " · " {d.idea.author.name.clone()}</span>
                            <TimeAgo at=d.idea.created_at/>
                        </li>
                        {d.history.into_iter().map(|h| view! {
                            <li class="list-row">
                                <span>
                                    {match (h.merged_into, h.merged_from) {
                                        (Some(o), _) => view! {
                                            {t(Msg::MergedInto)} " "
                                            <a class="row-link" href=format!("/ideas/{}", o.id)>{o.title}</a>
                                        }.into_any(),
                                        (_, Some(d)) => view! {
                                            <a class="row-link" href=format!("/ideas/{}", d.id)>{d.title}</a>
                                            " " {t(Msg::MergedHere)}
                                        }.into_any(),
                                        _ => view! {
                                            {t(labels::status(h.from))} " → "
                                            <strong>{t(labels::status(h.to))}</strong>
                                        }.into_any(),
                                    }}
                                    " · " {h.actor.name}
                                    {h.via.map(|v| view! { <span class="muted">" (" {t(Msg::Via)} " " {v} ")"</span> })}
                                    {h.note.map(|n| view! { <span class="muted">" — " {n}</span> })}
                                </span>
                                <TimeAgo at=h.at/>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        <p><a class="chip" href="/ideas">"← " {t(Msg::IdeasTitle)}</a></p>
        {load.error_view()}
        {body}
    }
}

/// The thanks the author received, and (for reviewers and leaders who have not yet) a form to
/// thank them.
#[component]
fn Thanked(
    thanks: Vec<Thanks>,
    can_thank: bool,
    idea_id: String,
    #[prop(into)] on_thanked: Callback<()>,
) -> impl IntoView {
    if thanks.is_empty() && !can_thank {
        return None;
    }
    let id = StoredValue::new(idea_id);
    let note = RwSignal::new(String::new());
    let send = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewThanks {
            note: note.get_untracked(),
        };
        send.run(async move {
            api::thank_idea_author(&id.get_value(), &input).await?;
            on_thanked.run(());
            Ok(())
        });
    };
    Some(view! {
        <section class="card thanks" data-testid="thanks">
            <h2>"🙏 " {t(Msg::ThanksTitle)}</h2>
            <ul class="list">
                {thanks.into_iter().map(|th| view! {
                    <li class="list-row">
                        <span><AuthorName author=th.from/> ": " {th.note}</span>
                        <TimeAgo at=th.at/>
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || can_thank>
                <form on:submit=submit>
                    <label for="thanks-note">{t(Msg::ThankAuthor)}</label>
                    <textarea id="thanks-note" rows="2" required maxlength=THANKS_NOTE_MAX_CHARS.to_string()
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="primary" disabled=move || send.pending.get()>{t(Msg::SayThanks)}</button>
                    {send.error_view()}
                </form>
            </Show>
        </section>
    })
}

/// The reviewer's panel: the steps the workflow allows from here, and a reason (required to
/// decline).
#[component]
fn Review(idea: Idea, #[prop(into)] on_changed: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(idea.id.clone());
    let reason = RwSignal::new(String::new());
    let change = Call::new();
    let next: Vec<IdeaStatus> = IdeaStatus::ALL
        .into_iter()
        .filter(|s| idea.status.may_become(*s))
        .collect();
    let step = move |status: IdeaStatus| {
        let input = StatusChange {
            status,
            reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
        };
        change.run(async move {
            api::set_idea_status(&id.get_value(), &input).await?;
            reason.set(String::new());
            on_changed.run(());
            Ok(())
        });
    };
    view! {
        <section class="card review">
            <h2>{t(Msg::ReviewIdea)}</h2>
            <label for="idea-reason">{t(Msg::ReasonOrNote)}</label>
            <textarea id="idea-reason" rows="2" prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            <div class="actions">
                {next.into_iter().map(|s| view! {
                    <button type="button" class:danger=s == IdeaStatus::Declined
                        class:primary=s != IdeaStatus::Declined
                        disabled=move || change.pending.get() on:click=move |_| step(s)>
                        {t(labels::status(s))}
                    </button>
                }).collect_view()}
            </div>
            {change.error_view()}
            <MergeInto id=id.get_value()/>
        </section>
    }
}

/// Merges this idea, a duplicate, into the original whose link (or id) the reviewer pastes.
#[component]
fn MergeInto(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let original = RwSignal::new(String::new());
    let merge = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let into = original
            .get_untracked()
            .trim()
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        merge.run(async move {
            let merged = api::merge_idea(&id.get_value(), &into).await?;
            crate::router::navigate(&format!("/ideas/{}", merged.idea.id));
            Ok(())
        });
    };
    view! {
        <details class="suggest">
            <summary>{t(Msg::MergeDuplicate)}</summary>
            <form on:submit=submit>
                <label>{t(Msg::OriginalIdeaLink)}
                    <input type="text" required prop:value=move || original.get()
                        on:input=move |ev| original.set(event_target_value(&ev))/>
                </label>
                <button type="submit" disabled=move || merge.pending.get()>{t(Msg::Merge)}</button>
                {merge.error_view()}
            </form>
        </details>
    }
}
