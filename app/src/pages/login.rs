use crate::api;
use crate::components::error_text::ErrorText;
use crate::i18n::{Msg, use_i18n};
use crate::session::use_session;
use balai_protocol::auth::LoginRequest;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |req: &LoginRequest| {
        let req = req.clone();
        async move { api::login(&req).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            session.me.set(Some(Some(me)));
            navigate("/", Default::default());
        }
    });
    view! {
        <section class="card narrow">
            <h1 class="brand">"Balai"</h1>
            <p class="muted">{move || i18n.t(Msg::AppTagline)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                login.dispatch(LoginRequest { email: email.get_untracked(), password: password.get_untracked() });
            }>
                <label for="login-email">{move || i18n.t(Msg::EmailOrLogin)}</label>
                <input id="login-email" type="text" autocomplete="username" inputmode="email" required
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                <label for="login-password">{move || i18n.t(Msg::Password)}</label>
                <input id="login-password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { i18n.t(Msg::LoggingIn) } else { i18n.t(Msg::LogIn) }}
                </button>
            </form>
            {move || match login.value().get() {
                Some(Err(e)) => Some(view! { <ErrorText error=e/> }),
                _ => None,
            }}
            <p class="small"><A href="/join">{move || i18n.t(Msg::HaveCode)}</A></p>
        </section>
    }
}
