//! Confirmations of an announcement that asks everyone to confirm having read it: the button
//! under the post, and, for who follows up (its author, admins, communications), who has not,
//! with a reminder to send them (once a day).

use crate::api;
use crate::call::Call;
use crate::components::post_states::{PostChanges, PostStates};
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::offline::outbox::{Sent, send_or_queue};
use crate::pager::Pager;
use crate::session::use_session;
use balai_protocol::feed::{Ack, Author};
use balai_protocol::limits::ACK_REMINDER_INTERVAL_MS;
use leptos::prelude::*;

/// "I have read this", or that I did, with how many have confirmed.
#[component]
pub fn AckBar(post_id: String, ack: Ack) -> impl IntoView {
    let made = PostStates::use_context();
    let post_id = StoredValue::new(post_id);
    let changes = move || post_id.with_value(|id| made.get(id));
    // What the server said, unless I confirmed here since (a card loaded later is fresher).
    let state = move || match ack.mine {
        Some(_) => ack,
        None => changes().ack.unwrap_or(ack),
    };
    let record = move |ack: Ack| {
        made.set(
            post_id.get_value(),
            PostChanges {
                ack: Some(ack),
                ..untrack(changes)
            },
        )
    };
    let confirm = Call::new();
    // In the field, confirming offline counts: it waits in the outbox like a post.
    let queued = RwSignal::new(false);
    let send = move |_| {
        let write = api::confirm_read(&post_id.get_value());
        let before = state();
        confirm.run(async move {
            match send_or_queue::<Ack>(write, api::new_key()).await? {
                Sent::Now(ack) => record(ack),
                Sent::Queued => {
                    queued.set(true);
                    record(Ack {
                        mine: Some(js_sys::Date::now() as i64),
                        count: before.count + 1,
                    });
                }
            }
            Ok(())
        });
    };
    view! {
        <div class="ack-bar" data-testid="ack">
            {move || match state().mine {
                Some(_) => view! { <span class="ack-done">{t(Msg::YouConfirmed)}</span> }.into_any(),
                None => view! {
                    <button type="button" class="primary" disabled=move || confirm.pending.get()
                        on:click=send>{t(Msg::ConfirmRead)}</button>
                }.into_any(),
            }}
            <span class="muted small">{move || state().count} " " {t(Msg::ConfirmedCount)}</span>
            <Show when=move || queued.get()>
                <p class="notice" role="status">{t(Msg::QueuedOffline)}</p>
            </Show>
            {confirm.error_view()}
        </div>
    }
}

/// Whether the reader follows up on the confirmations of a post by `author`.
pub fn follows_up(author: &Author) -> bool {
    let session = use_session();
    session.may_announce() || session.user().is_some_and(|me| me.id == author.id)
}

/// Totals, and who has not confirmed yet, by name, a page at a time.
#[component]
pub fn AckReport(post_id: String) -> impl IntoView {
    let post_id = StoredValue::new(post_id);
    let totals = RwSignal::new(None::<(i64, i64)>);
    let reminded_at = RwSignal::new(None::<i64>);
    let pending = Pager::<Author>::new();
    let load = move |cursor: Option<String>| {
        pending.load(cursor.is_some(), async move {
            let report = api::ack_report(&post_id.get_value(), cursor.as_deref()).await?;
            totals.set(Some((report.confirmed, report.asked)));
            reminded_at.set(report.reminded_at);
            Ok(report.pending)
        });
    };
    load(None);
    let remind = Call::new();
    // One key per press, so a retry after a dropped answer reminds nobody twice.
    let send_reminder = move |_| {
        let key = api::new_key();
        remind.run(async move {
            let sent = api::remind_unconfirmed(&post_id.get_value(), &key).await?;
            reminded_at.set(Some(sent.at));
            Ok(())
        });
    };
    let anyone_pending = move || {
        totals
            .get()
            .is_some_and(|(confirmed, asked)| confirmed < asked)
    };
    let reminded_today = move || {
        reminded_at
            .get()
            .is_some_and(|at| js_sys::Date::now() as i64 - at < ACK_REMINDER_INTERVAL_MS)
    };
    view! {
        <section class="card" data-testid="ack-report">
            <h2>
                {move || totals.get().map(|(confirmed, asked)| {
                    format!("{confirmed} {} {asked} {}", t(Msg::ConfirmedOf), t(Msg::ConfirmedCount))
                })}
            </h2>
            {move || match reminded_at.get() {
                Some(at) if reminded_today() => view! {
                    <p class="muted small" data-testid="reminded">
                        {t(Msg::Reminded)} " " <TimeAgo at=at/>
                    </p>
                }.into_any(),
                _ => view! {
                    <Show when=anyone_pending>
                        <button type="button" class="wide" disabled=move || remind.pending.get()
                            on:click=send_reminder>{t(Msg::RemindPending)}</button>
                    </Show>
                }.into_any(),
            }}
            {remind.error_view()}
            <h3 class="small">{t(Msg::NotConfirmedYet)}</h3>
            <ul class="list">
                // Re-rendered whole on "load more": a follow-up list, read once, not kept in step.
                {move || pending.items.get().into_iter().map(|person| view! {
                    <li class="list-row">
                        <a class="row-link" href=format!("/people/{}", person.id)>{person.name}</a>
                    </li>
                }).collect_view()}
            </ul>
            {pending.footer(move || load(pending.cursor()))}
        </section>
    }
}
