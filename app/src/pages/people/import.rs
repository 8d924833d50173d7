//! Admins: import people from the HR export (CSV). The report lists each row's problems, or
//! what was done: invited (with the link to pass on), invitation updated, or page updated.

use crate::api;
use crate::call::Call;
use crate::components::csv_file::{CsvFile, ImportSummary};
use crate::i18n::{Msg, t};
use balai_protocol::people::{PeopleImportReport, PersonImportAction};
use leptos::prelude::*;

#[component]
pub fn ImportPeople() -> impl IntoView {
    let text = StoredValue::new(String::new());
    let check = Call::<PeopleImportReport>::new();
    let run = move |valid_only: bool| {
        check.run(async move { api::import_people(text.get_value(), valid_only).await });
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let report = move || {
        check.result.get().and_then(Result::ok).map(|r| {
            let origin = origin.clone();
            view! {
                <ImportSummary imported=r.imported valid=r.valid invalid=r.invalid
                    valid_only=move |_| run(true) test_id="people-import-summary"/>
                <ul class="list import-errors">
                    {r.rows.into_iter().filter(|row| !row.errors.is_empty() || row.action.is_some()).map(|row| {
                        let done = row.action.map(|a| match a {
                            PersonImportAction::Invited => t(Msg::ImportInvited),
                            PersonImportAction::InviteUpdated => t(Msg::ImportInviteUpdated),
                            PersonImportAction::Updated => t(Msg::ImportUpdated),
                        });
                        view! {
                            <li class="list-row">
                                <span><strong>{t(Msg::Line)} " " {row.line}</strong> " " {row.name} " · " {row.email}</span>
                                {(!row.errors.is_empty()).then(|| view! { <span class="error small">{row.errors.join(" ")}</span> })}
                                {done.map(|d| view! { <span class="small">{d}</span> })}
                                {row.link.map(|l| view! { <output class="secret small">{format!("{origin}{l}")}</output> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="card" data-testid="people-import">
            <h2>{t(Msg::ImportPeople)}</h2>
            <p class="muted small">{t(Msg::ImportPeopleHint)}</p>
            <CsvFile on_text=move |csv: String| {
                text.set_value(csv);
                run(false);
            }/>
            <Show when=move || check.pending.get()><p class="muted">{t(Msg::Loading)}</p></Show>
            {check.error_view()}
            {report}
        </section>
    }
}
