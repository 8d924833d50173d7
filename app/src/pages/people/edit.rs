//! The forms on a work page: one's own fields and photo, an absence with a deputy (the person,
//! their manager or HR), and the official fields (admins and HR). Each answers the page as it
//! now is.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use balai_protocol::directory::PersonCard;
use balai_protocol::limits::{
    ABSENCE_NOTE_MAX_CHARS, HOBBIES_MAX_CHARS, PHONE_MAX_CHARS, POSITION_MAX_CHARS,
    RESPONSIBILITIES_MAX_CHARS,
};
use balai_protocol::people::{AbsenceInput, Department, OfficialEdit, Profile, ProfileEdit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn text_signal(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_string())
}

#[component]
pub fn OwnForm(profile: Profile, saved: Callback<Profile>) -> impl IntoView {
    let id = StoredValue::new(profile.id.clone());
    let phone = text_signal(&profile.phone);
    let competencies = text_signal(&profile.competencies.join(", "));
    let responsibilities = text_signal(&profile.responsibilities);
    let hobbies = text_signal(&profile.hobbies);
    let birthday = text_signal(profile.birthday.as_deref().unwrap_or_default());
    let birthday_public = RwSignal::new(profile.birthday_public);
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ProfileEdit {
            phone: phone.get_untracked(),
            competencies: vec![competencies.get_untracked()],
            responsibilities: responsibilities.get_untracked(),
            hobbies: hobbies.get_untracked(),
            birthday: Some(birthday.get_untracked()).filter(|b| !b.trim().is_empty()),
            birthday_public: birthday_public.get_untracked(),
        };
        save.run(async move {
            saved.run(api::edit_profile(&id.get_value(), &input).await?);
            Ok(())
        });
    };
    let field = |id: &'static str, label: Msg, value: RwSignal<String>, max: usize| {
        view! {
            <label for=id>{t(label)}</label>
            <input id=id type="text" maxlength=max prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };
    view! {
        <details class="card">
            <summary>"✏ " {t(Msg::EditMyPage)}</summary>
            <form class="place-form" on:submit=submit>
                <label for="me-phone">{t(Msg::Phone)}</label>
                <input id="me-phone" type="tel" maxlength=PHONE_MAX_CHARS prop:value=move || phone.get()
                    on:input=move |ev| phone.set(event_target_value(&ev))/>
                {field("me-competencies", Msg::CompetenciesHint, competencies, 900)}
                <label for="me-responsibilities">{t(Msg::Responsibilities)}</label>
                <textarea id="me-responsibilities" rows="3" maxlength=RESPONSIBILITIES_MAX_CHARS
                    prop:value=move || responsibilities.get()
                    on:input=move |ev| responsibilities.set(event_target_value(&ev))></textarea>
                {field("me-hobbies", Msg::Hobbies, hobbies, HOBBIES_MAX_CHARS)}
                {field("me-birthday", Msg::BirthdayHint, birthday, 5)}
                <label class="check">
                    <input type="checkbox" prop:checked=move || birthday_public.get()
                        on:change=move |ev| birthday_public.set(event_target_checked(&ev))/>
                    {t(Msg::BirthdayPublic)}
                </label>
                <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Save)}</button>
                {save.error_view()}
            </form>
        </details>
    }
}

/// The longest side of an uploaded photo: plenty for a profile, and far under the size cap.
const PHOTO_SIDE_PX: f64 = 512.0;

/// Uploads a photo chosen on the phone (the camera or the gallery), scaled down first.
#[component]
pub fn PhotoForm(person_id: String, saved: Callback<Profile>) -> impl IntoView {
    let id = StoredValue::new(person_id);
    let upload = Call::new();
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        upload.run(async move {
            // Undecodable here, the original goes up, and the server says what is wrong.
            let photo = match crate::images::jpeg_blob(&file, PHOTO_SIDE_PX).await {
                Some(small) => small,
                None => file.into(),
            };
            saved.run(api::upload_photo(&id.get_value(), photo).await?);
            Ok(())
        });
    };
    view! {
        <section class="card">
            <label class="file" for="me-photo">
                {t(Msg::ChangePhoto)}
                <input id="me-photo" type="file" accept="image/jpeg,image/png,image/webp" on:change=chosen/>
            </label>
            <p class="muted small">{t(Msg::PhotoHint)}</p>
            {upload.error_view()}
        </section>
    }
}

/// Finds a colleague by name and picks one: `chosen` is their (id, name).
#[component]
pub(super) fn PersonPicker(
    input_id: &'static str,
    label: Msg,
    chosen: RwSignal<Option<(String, String)>>,
) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let found = Call::<Vec<PersonCard>>::new();
    let find = move || {
        let query = format!("q={}", crate::router::encode(q.get_untracked().trim()));
        found.run(async move { Ok(api::directory(&query, None).await?.items) });
    };
    view! {
        <label for=input_id>{t(label)}</label>
        {move || chosen.get().map(|(_, name)| view! {
            <p class="chips">
                <span class="chip" data-testid="picked">{name}</span>
                <button type="button" class="chip" aria-label=t(Msg::Cancel) on:click=move |_| chosen.set(None)>"✕"</button>
            </p>
        })}
        <div class="inline-form">
            <input id=input_id type="search" enterkeyhint="search" placeholder=t(Msg::FindColleague)
                prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); find(); }/>
            <button type="button" on:click=move |_| find()>{t(Msg::Search)}</button>
        </div>
        {move || found.result.get().and_then(Result::ok).map(|list| view! {
            <ul class="list">
                {list.into_iter().map(|p| {
                    let pick = (p.id.clone(), p.name.clone());
                    view! {
                        <li>
                            <button type="button" class="wide" on:click=move |_| {
                                chosen.set(Some(pick.clone()));
                                found.result.set(None);
                            }>{p.name} " · " {p.position}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

/// Today in WIB, `YYYY-MM-DD` (the form's default days). Absences are whole days in WIB, as
/// the server counts them: the browser's own date can still be yesterday there (a phone set to
/// UTC late in the evening), and "today" would then be refused as already over.
fn today() -> String {
    const WIB_OFFSET_MS: f64 = 7.0 * 3600.0 * 1000.0;
    let wib = js_sys::Date::new(&(js_sys::Date::now() + WIB_OFFSET_MS).into());
    format!(
        "{:04}-{:02}-{:02}",
        wib.get_utc_full_year(),
        wib.get_utc_month() + 1,
        wib.get_utc_date()
    )
}

/// Ends the absence now (back early, or calls off a planned one).
#[component]
pub fn EndAbsence(person_id: String, changed: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(person_id);
    let end = Call::new();
    view! {
        <button type="button" on:click=move |_| end.run(async move {
            api::end_absence(&id.get_value()).await?;
            changed.run(());
            Ok(())
        }) disabled=move || end.pending.get()>{t(Msg::EndAbsence)}</button>
        {end.error_view()}
    }
}

#[component]
pub fn AbsenceForm(person_id: String, changed: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(person_id);
    let starts = RwSignal::new(today());
    let ends = RwSignal::new(today());
    let note = RwSignal::new(String::new());
    let deputy = RwSignal::new(None::<(String, String)>);
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((deputy_id, _)) = deputy.get_untracked() else {
            return;
        };
        let input = AbsenceInput {
            starts_on: starts.get_untracked(),
            ends_on: ends.get_untracked(),
            deputy_id,
            note: note.get_untracked(),
        };
        save.run(async move {
            api::set_absence(&id.get_value(), &input).await?;
            changed.run(());
            Ok(())
        });
    };
    view! {
        <details class="card">
            <summary>"🌴 " {t(Msg::SetAbsence)}</summary>
            <form class="place-form" on:submit=submit>
                <label for="away-from">{t(Msg::FirstDayAway)}</label>
                <input id="away-from" type="date" required prop:value=move || starts.get()
                    on:input=move |ev| starts.set(event_target_value(&ev))/>
                <label for="away-to">{t(Msg::LastDayAway)}</label>
                <input id="away-to" type="date" required prop:value=move || ends.get()
                    on:input=move |ev| ends.set(event_target_value(&ev))/>
                <PersonPicker input_id="away-deputy" label=Msg::Deputy chosen=deputy/>
                <label for="away-note">{t(Msg::AbsenceNote)}</label>
                <input id="away-note" type="text" maxlength=ABSENCE_NOTE_MAX_CHARS prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide"
                    disabled=move || save.pending.get() || deputy.with(Option::is_none)>{t(Msg::Save)}</button>
                {save.error_view()}
            </form>
        </details>
    }
}

/// Admins and HR: position, department, manager, start date.
#[component]
pub fn OfficialForm(profile: Profile, saved: Callback<Profile>) -> impl IntoView {
    let id = StoredValue::new(profile.id.clone());
    let position = text_signal(&profile.position);
    let department = text_signal(profile.department.as_ref().map_or("", |d| d.id.as_str()));
    let manager = RwSignal::new(
        profile
            .manager
            .as_ref()
            .map(|m| (m.id.clone(), m.name.clone())),
    );
    let start = text_signal(profile.start_date.as_deref().unwrap_or_default());
    let departments = Call::<Vec<Department>>::new();
    departments.run(api::departments());
    let save = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = OfficialEdit {
            position: Some(position.get_untracked()),
            department_id: Some(department.get_untracked()),
            branch_id: None,
            manager_id: Some(
                manager
                    .get_untracked()
                    .map(|(id, _)| id)
                    .unwrap_or_default(),
            ),
            start_date: Some(start.get_untracked()),
        };
        save.run(async move {
            saved.run(api::edit_official(&id.get_value(), &input).await?);
            Ok(())
        });
    };
    view! {
        <details class="card">
            <summary>"🗂 " {t(Msg::OfficialFields)}</summary>
            <form class="place-form" on:submit=submit>
                <label for="off-position">{t(Msg::Position)}</label>
                <input id="off-position" type="text" maxlength=POSITION_MAX_CHARS prop:value=move || position.get()
                    on:input=move |ev| position.set(event_target_value(&ev))/>
                <label for="off-department">{t(Msg::Department)}</label>
                <select id="off-department" on:change=move |ev| department.set(event_target_value(&ev))>
                    <option value="" selected=move || department.with(String::is_empty)>{t(Msg::NoDepartment)}</option>
                    {move || departments.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|d| {
                        let did = d.id.clone();
                        view! { <option value=d.id.clone() selected=move || department.with(|s| *s == did)>{d.name}</option> }
                    }).collect_view()}
                </select>
                <PersonPicker input_id="off-manager" label=Msg::Manager chosen=manager/>
                <label for="off-start">{t(Msg::StartDate)}</label>
                <input id="off-start" type="date" prop:value=move || start.get()
                    on:input=move |ev| start.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide" disabled=move || save.pending.get()>{t(Msg::Save)}</button>
                {save.error_view()}
            </form>
        </details>
    }
}
