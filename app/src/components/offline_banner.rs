use crate::i18n::{Msg, t};
use crate::offline::Online;
use leptos::prelude::*;

/// A banner that says, plainly, that we are offline and what still works.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = expect_context::<Online>();
    view! {
        <Show when=move || !online.0.get()>
            <div class="offline-banner" role="status">{t(Msg::Offline)}</div>
        </Show>
    }
}
