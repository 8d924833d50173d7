//! "Report" under a post or comment someone else wrote: why (one of a few reasons, and a note),
//! sent to the moderators, or kept in the outbox without a network. Reporting twice is fine.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use crate::offline::outbox::{Sent, send_or_queue};
use balai_protocol::limits::REPORT_NOTE_MAX_CHARS;
use balai_protocol::reports::{NewReport, ReportReason, ReportTarget, Reported};
use leptos::prelude::*;

/// How a reason reads, here and in the moderators' queue.
pub fn reason_label(reason: ReportReason) -> Msg {
    match reason {
        ReportReason::Harassment => Msg::ReasonHarassment,
        ReportReason::Confidential => Msg::ReasonConfidential,
        ReportReason::Misleading => Msg::ReasonMisleading,
        ReportReason::Spam => Msg::ReasonSpam,
        ReportReason::Other => Msg::ReasonOther,
    }
}

#[component]
pub fn ReportButton(target: ReportTarget, id: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let reason = RwSignal::new(None::<ReportReason>);
    let note = RwSignal::new(String::new());
    let done = RwSignal::new(None::<Msg>);
    let send = Call::<()>::new();
    // One key for this report, so a resend after a lost answer is the same report.
    let key = StoredValue::new(api::new_key());
    let field = format!("report-note-{id}");
    let group = format!("report-reason-{id}");
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reason) = reason.get_untracked() else {
            return;
        };
        let write = api::report(&NewReport {
            target,
            id: id.get_value(),
            reason,
            note: note.get_untracked(),
        });
        let key = key.get_value();
        send.run(async move {
            let sent = send_or_queue::<Reported>(write, key).await?;
            done.set(Some(match sent {
                Sent::Now(_) => Msg::ReportSent,
                Sent::Queued => Msg::ReportQueued,
            }));
            open.set(false);
            Ok(())
        });
    };
    view! {
        {move || done.get().map(|m| view! { <p class="muted small" role="status">{t(m)}</p> })}
        <Show when=move || done.get().is_none() && !open.get()>
            <button type="button" class="link small" on:click=move |_| open.set(true)>
                {t(Msg::Report)}
            </button>
        </Show>
        <Show when=move || open.get()>
            <form class="card report-form" on:submit=submit>
                <fieldset>
                    <legend>{t(Msg::ReportWhy)}</legend>
                    {ReportReason::ALL.map(|r| view! {
                        <label class="check">
                            <input type="radio" name=group.clone() required
                                on:change=move |_| reason.set(Some(r))/>
                            {t(reason_label(r))}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for=field.clone()>{t(Msg::ReportNote)}</label>
                <textarea id=field.clone() rows="2" maxlength=REPORT_NOTE_MAX_CHARS.to_string()
                    required=move || reason.get() == Some(ReportReason::Other)
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                <p class="muted small">{t(Msg::ReportPrivate)}</p>
                <div class="row-actions">
                    <button type="button" on:click=move |_| open.set(false)>{t(Msg::Cancel)}</button>
                    <button type="submit" class="primary" disabled=move || send.pending.get()>
                        {t(Msg::SendReport)}
                    </button>
                </div>
                {send.error_view()}
            </form>
        </Show>
    }
}
