//! "Choose a CSV file": reads the chosen file in the browser and hands its text over (imports
//! of places and of people).

use crate::i18n::{Msg, t};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn CsvFile(#[prop(into)] on_text: Callback<String>) -> impl IntoView {
    let file = NodeRef::<leptos::html::Input>::new();
    let chosen = move |_| {
        leptos::task::spawn_local(async move {
            let Some(chosen) = file
                .get_untracked()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            if let Some(text) = JsFuture::from(chosen.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                on_text.run(text);
            }
        });
    };
    view! {
        <label class="file">
            {t(Msg::ChooseCsv)}
            <input type="file" accept=".csv,text/csv" node_ref=file on:change=chosen/>
        </label>
    }
}
