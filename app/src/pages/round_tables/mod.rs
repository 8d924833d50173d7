//! Round tables: the list (open ones first, then the archive) and, for admins, opening one.
//! `table.rs` is one round table, live while it is open.

mod table;

pub use table::RoundTablePage;

use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::router::navigate;
use crate::session::use_session;
use balai_protocol::round_tables::{NewRoundTable, RoundTable};
use leptos::prelude::*;

#[component]
pub fn RoundTablesPage() -> impl IntoView {
    view! { <RequireLogin><RoundTables/></RequireLogin> }
}

#[component]
fn RoundTables() -> impl IntoView {
    let session = use_session();
    let list = Call::<Vec<RoundTable>>::new();
    list.run(api::round_tables());
    let rows = move || {
        list.result.get().and_then(Result::ok).map(|tables| {
            let now = js_sys::Date::now() as i64;
            tables
                .into_iter()
                .map(|rt| {
                    let open = rt.opens_at <= now && now < rt.closes_at;
                    view! {
                        <li class="list-row">
                            <a class="idea-link" href=format!("/round-tables/{}", rt.id)>
                                <span class="place-name">{rt.title}</span>
                                <span class="muted small">
                                    {if open { t(Msg::OpenNow) } else { t(Msg::Archive) }} " · "
                                    {rt.answered_count} "/" {rt.question_count} " " {t(Msg::Answered)}
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1>"🎤 " {t(Msg::RoundTables)}</h1>
        <Show when=move || session.is_admin()>
            <NewRoundTableForm/>
        </Show>
        {list.error_view()}
        <ul class="list">{rows}</ul>
    }
}

/// `YYYY-MM-DDTHH:MM` in the reader's time zone, as unix milliseconds.
fn local_millis(value: &str) -> i64 {
    js_sys::Date::parse(value) as i64
}

#[component]
fn NewRoundTableForm() -> impl IntoView {
    let title = RwSignal::new(String::new());
    let leaders = RwSignal::new(String::new());
    let hours = RwSignal::new("2".to_string());
    let starts = RwSignal::new(String::new());
    let key = StoredValue::new(api::new_key());
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let opens_at = match starts.get_untracked().as_str() {
            "" => js_sys::Date::now() as i64,
            s => local_millis(s),
        };
        let hours: i64 = hours.get_untracked().trim().parse().unwrap_or(2);
        let input = NewRoundTable {
            title: title.get_untracked(),
            description: String::new(),
            opens_at,
            closes_at: opens_at + hours * 3_600_000,
            leaders: leaders
                .get_untracked()
                .split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        };
        save.run(async move {
            let made = api::create_round_table(&input, &key.get_value()).await?;
            navigate(&format!("/round-tables/{}", made.id));
            Ok(())
        });
    };
    view! {
        <details class="card">
            <summary>{t(Msg::OpenRoundTable)}</summary>
            <form class="place-form" on:submit=submit>
                <label for="rt-title">{t(Msg::GroupName)}</label>
                <input id="rt-title" type="text" required prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))/>
                <label for="rt-leaders">{t(Msg::LeadersWhoAnswer)}</label>
                <input id="rt-leaders" type="text" required prop:value=move || leaders.get()
                    on:input=move |ev| leaders.set(event_target_value(&ev))/>
                <label for="rt-starts">{t(Msg::Starts)}</label>
                <input id="rt-starts" type="datetime-local" prop:value=move || starts.get()
                    on:input=move |ev| starts.set(event_target_value(&ev))/>
                <label for="rt-hours">{t(Msg::HoursOpen)}</label>
                <input id="rt-hours" type="number" min="1" max="720" prop:value=move || hours.get()
                    on:input=move |ev| hours.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Save)}</button>
                {save.error_view()}
            </form>
        </details>
    }
}
