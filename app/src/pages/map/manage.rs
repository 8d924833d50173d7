//! For map editors: add a place, import a CSV export (with a report per row), export the map,
//! and decide on suggested corrections.

use super::form::PlaceForm;
use crate::api;
use crate::call::Call;
use crate::components::csv_file::{CsvFile, ImportSummary};
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::router::navigate;
use crate::session::use_session;
use balai_protocol::limits::PLACE_CATEGORY_NAME_MAX_CHARS;
use balai_protocol::places::{ImportReport, NewPlaceCategory, Place, PlaceCategory, Suggestion};
use leptos::prelude::*;

#[component]
pub fn ManageMapPage() -> impl IntoView {
    let session = use_session();
    let editor =
        move || session.is_admin() || session.user().is_some_and(|me| me.grants.place_editor);
    let categories = RwSignal::new(Vec::<PlaceCategory>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::place_categories().await {
            categories.set(list);
        }
    });
    view! {
        <RequireLogin>
            <Show when=editor fallback=move || view! { <p class="error">{t(Msg::NotFound)}</p> }>
                <h1>{t(Msg::ManageMap)}</h1>
                <p><a class="chip" href="/map">"← " {t(Msg::BackToMap)}</a></p>
                <details class="card">
                    <summary>{t(Msg::AddPlace)}</summary>
                    <PlaceForm categories=categories.into()
                        on_saved=move |p: Place| navigate(&format!("/map?place={}", p.id))/>
                </details>
                <Import/>
                <Show when=move || session.is_admin()>
                    <NewCategory categories=categories/>
                </Show>
                <section class="card">
                    <h2>{t(Msg::ExportMap)}</h2>
                    <p class="actions">
                        <a class="chip" href="/api/places/export.csv" download="balai-places.csv">"CSV"</a>
                        <a class="chip" href="/api/places/export.geojson" download="balai-places.geojson">"GeoJSON"</a>
                    </p>
                </section>
                <Suggestions/>
            </Show>
        </RequireLogin>
    }
}

/// Admins add a map category: a name, a marker colour and an icon.
#[component]
fn NewCategory(categories: RwSignal<Vec<PlaceCategory>>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let colour = RwSignal::new("#0f5e57".to_string());
    let icon = RwSignal::new("📍".to_string());
    let add = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewPlaceCategory {
            name: name.get_untracked(),
            colour: colour.get_untracked(),
            icon: icon.get_untracked(),
        };
        add.run(async move {
            let made = api::create_place_category(&input).await?;
            categories.update(|c| c.push(made));
            name.set(String::new());
            Ok(())
        });
    };
    view! {
        <details class="card">
            <summary>{t(Msg::AddCategory)}</summary>
            <form class="place-form" on:submit=submit>
                <label for="category-name">{t(Msg::GroupName)}</label>
                <input id="category-name" type="text" required maxlength=PLACE_CATEGORY_NAME_MAX_CHARS
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <div class="form-pair">
                    <div>
                        <label for="category-colour">{t(Msg::Colour)}</label>
                        <input id="category-colour" type="color" prop:value=move || colour.get()
                            on:input=move |ev| colour.set(event_target_value(&ev))/>
                    </div>
                    <div>
                        <label for="category-icon">{t(Msg::Icon)}</label>
                        <input id="category-icon" type="text" maxlength="4" prop:value=move || icon.get()
                            on:input=move |ev| icon.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="submit" class="primary wide" disabled=move || add.pending.get()>{t(Msg::Save)}</button>
                {add.error_view()}
            </form>
            <ul class="list">
                {move || categories.get().into_iter().map(|c| view! {
                    <li class="list-row"><span>{c.icon} " " {c.name}</span><span class="muted small">{c.colour}</span></li>
                }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn Import() -> impl IntoView {
    let text = StoredValue::new(String::new());
    let check = Call::<ImportReport>::new();
    let run = move |valid_only: bool| {
        check.run(async move { api::import_places(text.get_value(), valid_only).await });
    };
    let report = move || {
        check.result.get().and_then(Result::ok).map(|r| {
            let bad: Vec<_> = r.rows.into_iter().filter(|row| !row.errors.is_empty()).collect();
            view! {
                <ImportSummary imported=r.imported valid=r.valid invalid=r.invalid
                    valid_only=move |_| run(true) test_id="import-summary"/>
                <ul class="list import-errors">
                    {bad.into_iter().map(|row| view! {
                        <li class="list-row">
                            <span><strong>{t(Msg::Line)} " " {row.line}</strong> " " {row.name}</span>
                            <span class="error small">{row.errors.join(" ")}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="card">
            <h2>{t(Msg::ImportCsv)}</h2>
            <p class="muted small">{t(Msg::ImportHint)}</p>
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

/// "Phone: +62 … · Position: -7.26, 112.76": what a suggestion would change.
/// Each field a suggestion changes: its label, its present value, and the proposed one.
fn changed_fields(s: &Suggestion) -> Vec<(&'static str, String, String)> {
    let (to, now) = (&s.changes, &s.current);
    let texts = [
        (Msg::GroupName, &to.name, &now.name),
        (Msg::Address, &to.address, &now.address),
        (Msg::Phone, &to.phone, &now.phone),
        (Msg::OpeningHours, &to.hours, &now.hours),
        (Msg::Description, &to.description, &now.description),
    ];
    let mut fields: Vec<_> = texts
        .into_iter()
        .filter_map(|(label, to, now)| {
            Some((t(label), now.clone().unwrap_or_default(), to.clone()?))
        })
        .collect();
    let position = |lat: Option<f64>, lng: Option<f64>| match (lat, lng) {
        (Some(lat), Some(lng)) => Some(format!("{lat}, {lng}")),
        _ => None,
    };
    if let Some(to) = position(to.lat, to.lng) {
        let now = position(now.lat, now.lng).unwrap_or_default();
        fields.push((t(Msg::Position), now, to));
    }
    fields
}

#[component]
fn Suggestions() -> impl IntoView {
    let list = RwSignal::new(Vec::<Suggestion>::new());
    leptos::task::spawn_local(async move {
        if let Ok(page) = api::open_suggestions().await {
            list.set(page.items);
        }
    });
    let decide = Call::new();
    let answer = move |id: String, accept: bool| {
        decide.run(async move {
            api::decide_suggestion(&id, accept).await?;
            list.update(|l| l.retain(|s| s.id != id));
            Ok(())
        });
    };
    view! {
        <section class="card">
            <h2>{t(Msg::SuggestedCorrections)}</h2>
            <Show when=move || list.with(Vec::is_empty)>
                <p class="muted">{t(Msg::NothingToReview)}</p>
            </Show>
            <ul class="list">
                <For each=move || list.get() key=|s| s.id.clone() let:s>
                    {
                        let (accept_id, reject_id) = (s.id.clone(), s.id.clone());
                        let changes = changed_fields(&s)
                            .into_iter()
                            .map(|(label, now, to)| {
                                let was = (!now.is_empty()).then(|| view! { <del>{now}</del> " → " });
                                view! { <li><span class="muted">{label} ": "</span>{was}<ins>{to}</ins></li> }
                            })
                            .collect_view();
                        view! {
                            <li class="list-row">
                                <div>
                                    <a class="row-link" href=format!("/map?place={}", s.place_id)>{s.place_name.clone()}</a>
                                    <p>{s.note.clone()}</p>
                                    <ul class="changes">{changes}</ul>
                                    <p class="muted small">{s.author.name.clone()}</p>
                                </div>
                                <div class="actions">
                                    <button type="button" class="primary" on:click=move |_| answer(accept_id.clone(), true)>
                                        {t(Msg::Accept)}
                                    </button>
                                    <button type="button" on:click=move |_| answer(reject_id.clone(), false)>
                                        {t(Msg::Reject)}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
            {decide.error_view()}
        </section>
    }
}
