//! Passwords: changing one's own (a section of Settings), and choosing a new one with the
//! reset link an admin passed on (`/reset/:token`). Either ends the person's other sessions.

use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use crate::session::use_session;
use balai_protocol::auth::{PasswordChange, PasswordReset};
use leptos::prelude::*;

/// Settings' "Change password": the current one, then the new one. `on_changed` runs after a
/// change (the session list shrinks to this device).
#[component]
pub fn ChangePassword(on_changed: impl Fn() + Copy + 'static) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    // One key per pair of passwords typed: resending them after a lost answer is the same
    // change, and typing anything makes a new one.
    let key = RwSignal::new(api::new_key());
    let typed = move |field: RwSignal<String>, ev: leptos::ev::Event| {
        field.set(event_target_value(&ev));
        key.set(api::new_key());
    };
    let change = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        let k = key.get_untracked();
        change.run(async move {
            api::change_password(&req, &k).await?;
            current.set(String::new());
            new.set(String::new());
            on_changed();
            Ok(())
        });
    };
    view! {
        <section class="card">
            <h2>{t(Msg::ChangePassword)}</h2>
            <form on:submit=submit>
                <label for="password-current">{t(Msg::CurrentPassword)}</label>
                <input id="password-current" type="password" autocomplete="current-password" required
                    prop:value=move || current.get() on:input=move |ev| typed(current, ev)/>
                <label for="password-new">{t(Msg::NewPassword)}</label>
                <input id="password-new" type="password" autocomplete="new-password" minlength="10" required
                    aria-describedby="password-new-hint"
                    prop:value=move || new.get() on:input=move |ev| typed(new, ev)/>
                <p id="password-new-hint" class="muted small">{t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary wide" disabled=move || change.pending.get()>
                    {t(Msg::ChangePassword)}
                </button>
            </form>
            {change.error_view()}
            <Show when=move || matches!(change.result.get(), Some(Ok(())))>
                <p class="notice small" role="status">{t(Msg::PasswordChanged)}</p>
            </Show>
        </section>
    }
}

/// `/reset/:token`: a new password with the link an admin issued; logged in here afterwards.
#[component]
pub fn ResetPasswordPage(token: String) -> impl IntoView {
    let session = use_session();
    let token = StoredValue::new(token);
    let password = RwSignal::new(String::new());
    let reset = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = PasswordReset {
            token: token.get_value(),
            password: password.get_untracked(),
        };
        reset.run(async move {
            let me = api::reset_password(&req).await?;
            session.logged_in(me);
            crate::router::navigate("/");
            Ok(())
        });
    };
    view! {
        <section class="card narrow">
            <h1>{t(Msg::ChooseNewPassword)}</h1>
            <p class="muted">{t(Msg::ResetIntro)}</p>
            <form on:submit=submit>
                <label for="reset-password">{t(Msg::NewPassword)}</label>
                <input id="reset-password" type="password" autocomplete="new-password" minlength="10" required
                    aria-describedby="reset-password-hint"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <p id="reset-password-hint" class="muted small">{t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary wide" disabled=move || reset.pending.get()>
                    {t(Msg::SavePassword)}
                </button>
            </form>
            {reset.error_view()}
        </section>
    }
}
