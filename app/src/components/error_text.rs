use crate::api::Error;
use crate::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// An API error as a sentence for the person: the server's message, or a network hint.
#[component]
pub fn ErrorText(error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match &error {
        Error::Network => i18n.t(Msg::NetworkError).to_string(),
        Error::Api(e) => e.message.clone(),
    };
    view! { <p class="error" role="alert">{text}</p> }
}
