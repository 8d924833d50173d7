use crate::i18n::{Msg, use_i18n};
use crate::offline::Online;
use leptos::prelude::*;

/// A banner that says, plainly, that we are offline and what still works.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let online = expect_context::<Online>();
    view! {
        <Show when=move || !online.0.get()>
            <div class="offline-banner" role="status">{move || i18n.t(Msg::Offline)}</div>
        </Show>
    }
}
