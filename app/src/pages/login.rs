use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use crate::session::use_session;
use balai_protocol::auth::LoginRequest;
use leptos::prelude::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = LoginRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        login.run(async move {
            let me = api::login(&req).await?;
            session.logged_in(me);
            crate::router::navigate("/");
            Ok(())
        });
    };
    view! {
        <section class="card narrow">
            <h1 class="brand">"Balai"</h1>
            <p class="muted">{t(Msg::AppTagline)}</p>
            <form on:submit=submit>
                <label for="login-email">{t(Msg::EmailOrLogin)}</label>
                <input id="login-email" type="text" autocomplete="username" inputmode="email" required
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="login-password">{t(Msg::Password)}</label>
                <input id="login-password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide" disabled=move || login.pending.get()>
                    {move || if login.pending.get() { t(Msg::LoggingIn) } else { t(Msg::LogIn) }}
                </button>
            </form>
            {login.error_view()}
            <p class="small"><a class="row-link" href="/join">{t(Msg::HaveCode)}</a></p>
            <p class="muted small">{t(Msg::ForgotPassword)}</p>
        </section>
    }
}
