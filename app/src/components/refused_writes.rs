//! Writes made offline that the server refused once the network was back (the group was closed
//! meanwhile, the post deleted…): shown with the reason and the text, so nothing a person wrote
//! disappears without a word. They can copy the text, then dismiss the notice.

use crate::i18n::{Msg, t};
use crate::offline::outbox::{self, OutboxVersion};
use leptos::prelude::*;

#[component]
pub fn RefusedWrites() -> impl IntoView {
    let outbox_version = expect_context::<OutboxVersion>();
    let dismissed = RwSignal::new(0u32);
    let items = move || {
        outbox_version.0.track();
        dismissed.track();
        outbox::refused()
    };
    let dismiss = move |_| {
        outbox::dismiss_refused();
        dismissed.update(|v| *v += 1);
    };
    view! {
        <Show when=move || !items().is_empty()>
            <section class="card notice" role="alert" data-testid="refused-writes">
                <h2>{t(Msg::NotSent)}</h2>
                {move || items().into_iter().map(|r| view! {
                    <p>{r.reason}</p>
                    {(!r.text.is_empty()).then(|| view! { <blockquote class="refused-text">{r.text}</blockquote> })}
                }).collect_view()}
                <button type="button" on:click=dismiss>{t(Msg::Dismiss)}</button>
            </section>
        </Show>
    }
}
