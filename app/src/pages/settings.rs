use crate::api;
use crate::components::error_text::ErrorText;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{self, Lang, Msg, t};
use crate::offline::outbox;
use crate::session::use_session;
use balai_protocol::auth::SessionInfo;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <RequireLogin><Settings/></RequireLogin> }
}

#[component]
fn Settings() -> impl IntoView {
    let session = use_session();
    let version = RwSignal::new(0u32);
    let sessions = LocalResource::new(move || {
        version.track();
        api::sessions()
    });
    let logout = Action::new_local(|_: &()| api::logout());
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            outbox::clear();
            session.me.set(Some(None));
            crate::router::navigate("/login");
        }
    });
    let me = move || session.user();
    view! {
        <section class="card">
            <h1>{move || me().map(|m| m.name)}</h1>
            <p class="muted">{move || me().map(|m| m.email)}</p>
            <label for="language">{t(Msg::Language)}</label>
            <select id="language" on:change=move |ev| {
                i18n::set(if event_target_value(&ev) == "id" { Lang::Id } else { Lang::En });
            }>
                <option value="en" selected=i18n::current() == Lang::En>"English"</option>
                <option value="id" selected=i18n::current() == Lang::Id>"Bahasa Indonesia"</option>
            </select>
        </section>
        <section class="card">
            <h2>{t(Msg::YourSessions)}</h2>
            <Transition fallback=move || view! { <p class="muted">{t(Msg::Loading)}</p> }>
                {move || sessions.get().map(|result| match result {
                    Ok(list) => view! {
                        <ul class="list">
                            <For each=move || list.clone() key=|s| s.id.clone() let:s>
                                <SessionRow info=s version=version/>
                            </For>
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <ErrorText error=e/> }.into_any(),
                })}
            </Transition>
        </section>
        <button type="button" class="wide danger" on:click=move |_| { logout.dispatch(()); }>
            {t(Msg::LogOut)}
        </button>
    }
}

#[component]
fn SessionRow(info: SessionInfo, version: RwSignal<u32>) -> impl IntoView {
    let id = info.id.clone();
    let end = Action::new_local(move |_: &()| {
        let id = id.clone();
        async move { api::end_session(&id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = end.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let current = info.current;
    view! {
        <li class="list-row">
            <div>
                <div class="small">{device_name(&info.user_agent)}
                    <Show when=move || current><span class="badge">{t(Msg::ThisDevice)}</span></Show>
                </div>
                <div class="muted small">{t(Msg::LastSeen)} " " <TimeAgo at=info.last_seen_at/></div>
            </div>
            <Show when=move || !current>
                <button type="button" on:click=move |_| { end.dispatch(()); }>{t(Msg::EndSession)}</button>
            </Show>
        </li>
    }
}

/// A short, human name for a browser from its user agent.
fn device_name(ua: &str) -> String {
    let os = ["Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux"]
        .into_iter()
        .find(|os| ua.contains(os))
        .unwrap_or("?");
    let browser = ["Edg", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| ua.contains(b))
        .unwrap_or("Browser");
    format!("{browser} · {os}")
}
