use crate::i18n::{Msg, t};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>{t(Msg::NotFound)}</h1>
            <p><a class="chip" href="/">"← " {t(Msg::BackToFeed)}</a></p>
        </section>
    }
}
