use crate::api;
use crate::components::error_text::ErrorText;
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;
use balai_protocol::auth::AcceptInviteRequest;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Joining with an invitation link (`/invite/:token`) or a one-time access code (`/join`).
#[component]
pub fn AcceptPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_params_map();
    let token = move || params.read().get("token");
    let code = RwSignal::new(String::new());
    let login = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept = Action::new_local(move |req: &AcceptInviteRequest| {
        let req = req.clone();
        async move { api::accept_invite(&req).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(me)) = accept.value().get() {
            session.me.set(Some(Some(me)));
            navigate("/", Default::default());
        }
    });
    let with_code = move || token().is_none();
    view! {
        <section class="card narrow">
            <h1>{move || i18n.t(Msg::JoinBalai)}</h1>
            <p class="muted">{move || i18n.t(Msg::JoinIntro)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let by_code = with_code();
                accept.dispatch(AcceptInviteRequest {
                    token: token(),
                    code: by_code.then(|| code.get_untracked()),
                    login: by_code.then(|| login.get_untracked()),
                    name: name.get_untracked(),
                    password: password.get_untracked(),
                });
            }>
                <Show when=with_code>
                    <label for="join-code">{move || i18n.t(Msg::AccessCode)}</label>
                    <input id="join-code" type="text" autocomplete="one-time-code" autocapitalize="characters" required
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <label for="join-login">{move || i18n.t(Msg::ChooseLogin)}</label>
                    <input id="join-login" type="text" autocomplete="username" autocapitalize="none" required
                        prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev))/>
                </Show>
                <label for="join-name">{move || i18n.t(Msg::YourName)}</label>
                <input id="join-name" type="text" autocomplete="name" required
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="join-password">{move || i18n.t(Msg::ChoosePassword)}</label>
                <input id="join-password" type="password" autocomplete="new-password" minlength="10" required
                    aria-describedby="join-password-hint"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <p id="join-password-hint" class="muted small">{move || i18n.t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary wide" disabled=move || accept.pending().get()>
                    {move || i18n.t(Msg::Join)}
                </button>
            </form>
            {move || match accept.value().get() {
                Some(Err(e)) => Some(view! { <ErrorText error=e/> }),
                _ => None,
            }}
        </section>
    }
}
