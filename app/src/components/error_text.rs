use crate::api::Error;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

/// An API error as a sentence for the person: the server's message, or a network hint.
#[component]
pub fn ErrorText(error: Error) -> impl IntoView {
    let text = move || match &error {
        Error::Network => t(Msg::NetworkError).to_string(),
        Error::Api(e) => e.message.clone(),
    };
    view! { <p class="error" role="alert">{text}</p> }
}
