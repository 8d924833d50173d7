//! One round table. While it is open the page asks the server every few seconds (while it is
//! visible), so votes re-order the list and answers appear for everyone without a reload.

use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::offline::draft::Draft;
use balai_protocol::round_tables::{NewQuestion, Question, RoundTableDetail};
use leptos::prelude::*;

/// How often an open round table refreshes.
const LIVE_EVERY_MS: u32 = 4_000;

#[component]
pub fn RoundTablePage(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    view! { <RequireLogin><Live id=id.get_value()/></RequireLogin> }
}

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

#[component]
fn Live(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let detail = RwSignal::new(None::<RoundTableDetail>);
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    let refresh = move || {
        leptos::task::spawn_local(async move {
            if let Ok(d) = api::round_table(&id.get_value()).await {
                detail.set(Some(d));
            }
        });
    };
    refresh();
    leptos::task::spawn_local(async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(LIVE_EVERY_MS).await;
            if !alive.get_value() {
                break;
            }
            let open = detail.with_untracked(|d| d.as_ref().is_some_and(|d| d.open));
            if open && visible() {
                refresh();
            }
        }
    });
    let body = move || {
        detail.get().map(|d| {
            let open = d.open;
            let can_answer = d.can_answer;
            let can_moderate = d.can_moderate;
            let leaders: Vec<String> = d
                .round_table
                .leaders
                .iter()
                .map(|l| l.name.clone())
                .collect();
            view! {
                <h1>{d.round_table.title.clone()}</h1>
                <p class="muted">
                    {if open { t(Msg::OpenNow) } else { t(Msg::Archive) }} " · "
                    {t(Msg::LeadersAnswering)} ": " {leaders.join(", ")}
                </p>
                <Show when=move || open>
                    <Ask table=id.get_value() on_asked=move |_| refresh()/>
                </Show>
                <ul class="list questions" data-testid="questions">
                    <For each=move || detail.get().map(|d| d.questions).unwrap_or_default()
                        key=|q| (q.id.clone(), q.vote_count, q.voted_by_me, q.answer.clone())
                        let:q>
                        <QuestionRow q=q open=open can_answer=can_answer can_moderate=can_moderate
                            on_changed=move |_| refresh()/>
                    </For>
                </ul>
            }
        })
    };
    view! {
        <p><a class="chip" href="/round-tables">"← " {t(Msg::RoundTables)}</a></p>
        {body}
    }
}

#[component]
fn Ask(table: String, #[prop(into)] on_asked: Callback<()>) -> impl IntoView {
    // Kept until asked: a question is often written over a while, before the table closes.
    let body = Draft::kept(&format!(".question.{table}"));
    let table = StoredValue::new(table);
    let anonymous = RwSignal::new(false);
    let key = StoredValue::new(api::new_key());
    let send = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewQuestion {
            body: body.text.get_untracked(),
            anonymous: anonymous.get_untracked(),
        };
        send.run(async move {
            api::ask(&table.get_value(), &input, &key.get_value()).await?;
            key.set_value(api::new_key());
            body.clear();
            on_asked.run(());
            Ok(())
        });
    };
    view! {
        <form class="card place-form" on:submit=submit>
            <label for="question">{t(Msg::YourQuestion)}</label>
            <textarea id="question" rows="2" required prop:value=move || body.text.get()
                on:input=move |ev| body.write(event_target_value(&ev))></textarea>
            <label class="check">
                <input type="checkbox" prop:checked=move || anonymous.get()
                    on:change=move |ev| anonymous.set(event_target_checked(&ev))/>
                {t(Msg::AskAnonymously)}
            </label>
            <button type="submit" class="primary wide" disabled=move || send.pending.get()>{t(Msg::Ask)}</button>
            {send.error_view()}
        </form>
    }
}

#[component]
fn QuestionRow(
    q: Question,
    open: bool,
    can_answer: bool,
    can_moderate: bool,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    let id = StoredValue::new(q.id.clone());
    let action = Call::new();
    let voted = q.voted_by_me;
    let vote = move |_| {
        action.run(async move {
            api::vote_question(&id.get_value(), !voted).await?;
            on_changed.run(());
            Ok(())
        });
    };
    let hide = move |_| {
        action.run(async move {
            api::hide_question(&id.get_value()).await?;
            on_changed.run(());
            Ok(())
        });
    };
    let draft = RwSignal::new(q.answer.clone().unwrap_or_default());
    let reply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        action.run(async move {
            api::answer_question(&id.get_value(), &text).await?;
            on_changed.run(());
            Ok(())
        });
    };
    let answered = q.answer.is_some();
    let who = q
        .author
        .as_ref()
        .map_or_else(|| t(Msg::Anonymous).to_string(), |a| a.name.clone());
    view! {
        <li class="list-row question" class:answered=answered>
            <div class="idea-row">
                <button type="button" class="chip vote" aria-pressed=voted.to_string()
                    disabled=move || !open || action.pending.get() on:click=vote>
                    "▲ " {q.vote_count}
                </button>
                <div class="idea-link">
                    <span class="place-name">{q.body.clone()}</span>
                    <span class="muted small">
                        {who} {q.mine.then(|| format!(" ({})", t(Msg::You)))} " · "
                        {if answered { t(Msg::Answered) } else { t(Msg::NotAnswered) }}
                    </span>
                </div>
            </div>
            {q.answer.clone().map(|a| view! {
                <p class="answer" data-testid="answer">
                    <strong>{q.answered_by.clone().map(|b| b.name).unwrap_or_default()} ": "</strong> {a}
                </p>
            })}
            <Show when=move || can_answer>
                <form class="answer-form" on:submit=reply>
                    <label class="visually-hidden" for=format!("answer-{}", id.get_value())>{t(Msg::YourAnswer)}</label>
                    <textarea id=format!("answer-{}", id.get_value()) rows="2" placeholder=t(Msg::YourAnswer)
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="primary">{t(Msg::AnswerAction)}</button>
                </form>
            </Show>
            <Show when=move || can_moderate>
                <button type="button" class="danger" on:click=hide>{t(Msg::Hide)}</button>
            </Show>
            {action.error_view()}
        </li>
    }
}
