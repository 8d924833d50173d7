use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use crate::session::use_session;
use balai_protocol::auth::AcceptInviteRequest;
use leptos::prelude::*;

/// Joining with an invitation link (`/invite/:token`) or a one-time access code (`/join`).
#[component]
pub fn AcceptPage(token: Option<String>) -> impl IntoView {
    let session = use_session();
    let with_code = token.is_none();
    let token = StoredValue::new(token);
    let code = RwSignal::new(String::new());
    let login = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = AcceptInviteRequest {
            token: token.get_value(),
            code: with_code.then(|| code.get_untracked()),
            login: with_code.then(|| login.get_untracked()),
            name: name.get_untracked(),
            password: password.get_untracked(),
        };
        accept.run(async move {
            let me = api::accept_invite(&req).await?;
            session.logged_in(me);
            crate::router::navigate("/");
            Ok(())
        });
    };
    view! {
        <section class="card narrow">
            <h1>{t(Msg::JoinBalai)}</h1>
            <p class="muted">{t(Msg::JoinIntro)}</p>
            <form on:submit=submit>
                <Show when=move || with_code>
                    <label for="join-code">{t(Msg::AccessCode)}</label>
                    <input id="join-code" type="text" autocomplete="one-time-code" autocapitalize="characters" required
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <label for="join-login">{t(Msg::ChooseLogin)}</label>
                    <input id="join-login" type="text" autocomplete="username" autocapitalize="none" required
                        prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev))/>
                </Show>
                <label for="join-name">{t(Msg::YourName)}</label>
                <input id="join-name" type="text" autocomplete="name" required
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="join-password">{t(Msg::ChoosePassword)}</label>
                <input id="join-password" type="password" autocomplete="new-password" minlength="10" required
                    aria-describedby="join-password-hint"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <p id="join-password-hint" class="muted small">{t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary wide" disabled=move || accept.pending.get()>
                    {t(Msg::Join)}
                </button>
            </form>
            {accept.error_view()}
        </section>
    }
}
