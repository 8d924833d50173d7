//! Imports of places and of people: "choose a CSV file" (read in the browser, its text handed
//! over) and the summary of what the import found, with "import only the valid rows".

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

/// "3 imported · 5 valid rows · 2 rows with problems", and the button to import the valid rows
/// when the file was refused for its bad ones.
#[component]
pub fn ImportSummary(
    imported: i64,
    valid: i64,
    invalid: i64,
    #[prop(into)] valid_only: Callback<()>,
    test_id: &'static str,
) -> impl IntoView {
    let partial = invalid > 0 && valid > 0 && imported == 0;
    view! {
        <p role="status" data-testid=test_id>
            {imported} " " {t(Msg::Imported)} " · " {valid} " " {t(Msg::ValidRows)}
            " · " {invalid} " " {t(Msg::RowsWithProblems)}
        </p>
        {partial.then(|| view! {
            <button type="button" on:click=move |_| valid_only.run(())>{t(Msg::ImportValidOnly)}</button>
        })}
    }
}
