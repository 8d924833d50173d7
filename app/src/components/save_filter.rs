use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

/// Saves the feed being looked at (`query`, e.g. `tag=gudang`) as a named chip on the home feed.
#[component]
pub fn SaveFilter(query: String, name: String) -> impl IntoView {
    let query = StoredValue::new(query);
    let name = StoredValue::new(name);
    let save = Call::new();
    let ask = move |_| {
        let Some(chosen) = web_sys::window()
            .and_then(|w| {
                w.prompt_with_message_and_default(t(Msg::FilterName), &name.get_value())
                    .ok()
            })
            .flatten()
        else {
            return;
        };
        save.run(async move { api::save_filter(&chosen, &query.get_value()).await });
    };
    view! {
        <button type="button" on:click=ask disabled=move || save.pending.get()>{t(Msg::SaveFilter)}</button>
        {move || matches!(save.result.get(), Some(Ok(_))).then(|| view! {
            <p class="notice" role="status">{t(Msg::FilterSaved)}</p>
        })}
        {save.error_view()}
    }
}
