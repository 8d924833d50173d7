//! The form map editors add and edit places with.

use super::list::position;
use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use balai_protocol::Millis;
use balai_protocol::limits::{
    PLACE_ADDRESS_MAX_CHARS, PLACE_DESCRIPTION_MAX_CHARS, PLACE_HOURS_MAX_CHARS,
    PLACE_NAME_MAX_CHARS, PLACE_PHONE_MAX_CHARS,
};
use balai_protocol::people::Department;
use balai_protocol::places::{Place, PlaceCategory, PlaceInput, PlaceVisibility};
use leptos::prelude::*;

/// A `datetime-local` value (the reader's time zone) as unix milliseconds.
fn parse_local(value: &str) -> Option<Millis> {
    let ms = js_sys::Date::parse(value);
    (!value.is_empty() && ms.is_finite()).then_some(ms as Millis)
}

/// Unix milliseconds as a `datetime-local` value in the reader's time zone.
fn format_local(at: Millis) -> String {
    let d = js_sys::Date::new(&(at as f64).into());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// One text field of the form, with its label.
#[component]
fn Field(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = 200)] max: usize,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <label for=id>{t(label)}</label>
        <input id=id type=kind required=required maxlength=max step="any"
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

/// Adds a place (`place` is `None`) or edits one; `on_saved` gets the place as saved.
#[component]
pub fn PlaceForm(
    #[prop(optional_no_strip)] place: Option<Place>,
    categories: Signal<Vec<PlaceCategory>>,
    #[prop(into)] on_saved: Callback<Place>,
) -> impl IntoView {
    let editing = place.as_ref().map(|p| p.id.clone());
    // The group link is kept as it is (set through the API); the form does not change it.
    let editing_group = StoredValue::new(place.as_ref().and_then(|p| p.group_id.clone()));
    let p = place.as_ref();
    let text = |f: fn(&Place) -> String| RwSignal::new(p.map(f).unwrap_or_default());
    let name = text(|p| p.name.clone());
    let category = RwSignal::new(p.map_or_else(|| "branch".to_string(), |p| p.category_id.clone()));
    let address = text(|p| p.address.clone());
    let lat = text(|p| p.lat.to_string());
    let lng = text(|p| p.lng.to_string());
    let phone = text(|p| p.phone.clone());
    let hours = text(|p| p.hours.clone());
    let description = text(|p| p.description.clone());
    let tags = text(|p| p.tags.join(" "));
    let department = text(|p| p.department_id.clone().unwrap_or_default());
    let starts = RwSignal::new(
        p.and_then(|p| p.starts_at)
            .map(format_local)
            .unwrap_or_default(),
    );
    let ends = RwSignal::new(
        p.and_then(|p| p.ends_at)
            .map(format_local)
            .unwrap_or_default(),
    );
    let restricted = RwSignal::new(p.is_some_and(|p| p.visibility == PlaceVisibility::Restricted));
    let audience = RwSignal::new(p.map(|p| p.audience.clone()).unwrap_or_default());
    let departments = RwSignal::new(Vec::<Department>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::departments().await {
            departments.set(list);
        }
    });
    let editing = StoredValue::new(editing);
    let key = StoredValue::new(api::new_key());
    let save = Call::new();
    let locate = Call::<()>::new();
    let here = move |_| {
        locate.run(async move {
            let (la, ln) = position().await.map_err(|_| {
                api::Error::Api(balai_protocol::ApiError::translated(
                    balai_protocol::ErrorCode::BadRequest,
                    t(Msg::LocationDenied),
                ))
            })?;
            lat.set(format!("{la:.6}"));
            lng.set(format!("{ln:.6}"));
            Ok(())
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |s: RwSignal<String>| {
            s.get_untracked()
                .trim()
                .replace(',', ".")
                .parse()
                .unwrap_or(f64::NAN)
        };
        let input = PlaceInput {
            name: name.get_untracked(),
            category_id: category.get_untracked(),
            address: address.get_untracked(),
            lat: number(lat),
            lng: number(lng),
            description: description.get_untracked(),
            phone: phone.get_untracked(),
            hours: hours.get_untracked(),
            tags: tags
                .get_untracked()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            department_id: Some(department.get_untracked()).filter(|d| !d.is_empty()),
            group_id: editing_group.get_value(),
            visibility: if restricted.get_untracked() {
                PlaceVisibility::Restricted
            } else {
                PlaceVisibility::All
            },
            audience: audience.get_untracked(),
            starts_at: parse_local(&starts.get_untracked()),
            ends_at: parse_local(&ends.get_untracked()),
        };
        save.run(async move {
            let saved = match editing.get_value() {
                Some(id) => api::update_place(&id, &input).await?,
                None => api::create_place(&input, &key.get_value()).await?,
            };
            key.set_value(api::new_key());
            on_saved.run(saved);
            Ok(())
        });
    };
    let is_event = move || category.with(|c| c == "event");
    view! {
        <form class="place-form" on:submit=submit>
            <Field id="place-name" label=Msg::GroupName value=name max=PLACE_NAME_MAX_CHARS required=true/>
            <label for="place-category">{t(Msg::Category)}</label>
            <select id="place-category" on:change=move |ev| category.set(event_target_value(&ev))>
                {move || categories.get().into_iter().map(|c| {
                    let selected = category.get_untracked() == c.id;
                    view! { <option value=c.id.clone() selected=selected>{c.icon} " " {c.name}</option> }
                }).collect_view()}
            </select>
            <Field id="place-address" label=Msg::Address value=address max=PLACE_ADDRESS_MAX_CHARS/>
            <div class="form-pair">
                <div><Field id="place-lat" label=Msg::Latitude value=lat kind="number" required=true/></div>
                <div><Field id="place-lng" label=Msg::Longitude value=lng kind="number" required=true/></div>
            </div>
            <button type="button" on:click=here disabled=move || locate.pending.get()>
                "📍 " {t(Msg::UseMyLocation)}
            </button>
            {locate.error_view()}
            <Field id="place-phone" label=Msg::Phone value=phone kind="tel" max=PLACE_PHONE_MAX_CHARS/>
            <Field id="place-hours" label=Msg::OpeningHours value=hours max=PLACE_HOURS_MAX_CHARS/>
            <label for="place-description">{t(Msg::Description)}</label>
            <textarea id="place-description" rows="2" maxlength=PLACE_DESCRIPTION_MAX_CHARS
                prop:value=move || description.get()
                on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            <Field id="place-tags" label=Msg::TagsHint value=tags/>
            <label for="place-department">{t(Msg::ResponsibleDepartment)}</label>
            <select id="place-department" on:change=move |ev| department.set(event_target_value(&ev))>
                <option value="">"—"</option>
                {move || departments.get().into_iter().map(|d| {
                    let selected = department.get_untracked() == d.id;
                    view! { <option value=d.id selected=selected>{d.name}</option> }
                }).collect_view()}
            </select>
            <Show when=is_event>
                <label for="place-starts">{t(Msg::Starts)}</label>
                <input id="place-starts" type="datetime-local" prop:value=move || starts.get()
                    on:input=move |ev| starts.set(event_target_value(&ev))/>
                <label for="place-ends">{t(Msg::Ends)}</label>
                <input id="place-ends" type="datetime-local" prop:value=move || ends.get()
                    on:input=move |ev| ends.set(event_target_value(&ev))/>
            </Show>
            <label class="check">
                <input type="checkbox" prop:checked=move || restricted.get()
                    on:change=move |ev| restricted.set(event_target_checked(&ev))/>
                {t(Msg::OnlySomeDepartments)}
            </label>
            <Show when=move || restricted.get()>
                <fieldset class="audience">
                    <legend>{t(Msg::WhoMaySee)}</legend>
                    {move || departments.get().into_iter().map(|d| {
                        let id = d.id.clone();
                        let checked = {
                            let id = id.clone();
                            move || audience.with(|a| a.contains(&id))
                        };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    audience.update(|a| {
                                        a.retain(|x| *x != id);
                                        if on {
                                            a.push(id);
                                        }
                                    });
                                }/>
                                {d.name}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </Show>
            <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Save)}</button>
            {save.error_view()}
        </form>
    }
}
