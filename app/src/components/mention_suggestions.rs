//! Suggestions while writing an @mention. A mention names a colleague by handle (their email's
//! local part, or login name), which nobody remembers for everyone: once two characters follow
//! an `@` before the caret, the colleagues they begin are offered, and a tap writes the chosen
//! one's handle in their place.

use crate::api::{self, Mentionable};
use crate::i18n::{Msg, t};
use crate::latest::Latest;
use balai_protocol::mentions::typed_mention;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Suggestions shown at most.
const SUGGESTIONS: usize = 5;
/// Typing pauses this long before the directory is asked: not a request per keystroke.
const PAUSE_MS: u32 = 250;

/// A person's handle: what a mention of them writes after the `@`.
fn handle(person: &Mentionable) -> &str {
    person.email.split('@').next().unwrap_or_default()
}

/// The text area `field_id` names, and its caret as a byte offset into `text` (the browser
/// counts UTF-16 units).
fn caret(field_id: &str, text: &str) -> Option<(web_sys::HtmlTextAreaElement, usize)> {
    let area = document()
        .get_element_by_id(field_id)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let units = area.selection_start().ok()?? as usize;
    let mut seen = 0;
    let byte = text
        .char_indices()
        .find(|(_, c)| {
            seen += c.len_utf16();
            seen > units
        })
        .map_or(text.len(), |(i, _)| i);
    Some((area, byte))
}

/// Offers colleagues for the @mention being typed into the text area `field_id`, whose text is
/// `text`; a tap puts `@handle ` in place of what was typed, and the caret after it.
#[component]
pub fn MentionSuggestions(text: RwSignal<String>, #[prop(into)] field_id: String) -> impl IntoView {
    let field_id = StoredValue::new(field_id);
    let found = RwSignal::new(Vec::<Mentionable>::new());
    let latest = Latest::new();
    Effect::new(move |_| {
        let typed = text.with(|value| {
            let (_, at) = field_id.with_value(|id| caret(id, value))?;
            typed_mention(value, at).map(|(_, typed)| typed.to_string())
        });
        let ticket = latest.begin();
        let Some(typed) = typed else {
            found.set(Vec::new());
            return;
        };
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(PAUSE_MS).await;
            if !latest.is_current(ticket) {
                return;
            }
            // Offline, or refused: no suggestions, and the mention can still be typed out.
            let people = api::mentionable(&typed, SUGGESTIONS)
                .await
                .unwrap_or_default();
            if latest.is_current(ticket) {
                found.set(people);
            }
        });
    });
    let pick = move |handle: String| {
        let value = text.get_untracked();
        let Some((area, at)) = field_id.with_value(|id| caret(id, &value)) else {
            return;
        };
        let Some((start, _)) = typed_mention(&value, at) else {
            return;
        };
        let written = format!("@{handle} ");
        let after = start + written.len();
        let value = format!("{}{written}{}", &value[..start], &value[at..]);
        let caret_units = value[..after].encode_utf16().count() as u32;
        latest.begin();
        found.set(Vec::new());
        text.set(value.clone());
        // Set on the element at once too, so the caret lands after the handle.
        area.set_value(&value);
        let _ = area.focus();
        let _ = area.set_selection_range(caret_units, caret_units);
        // The field's own listeners (the draft kept across reloads) hear of it as of typing.
        if let Ok(input) = web_sys::Event::new("input") {
            let _ = area.dispatch_event(&input);
        }
    };
    view! {
        <Show when=move || found.with(|f| !f.is_empty())>
            <ul class="suggestions" aria-label=t(Msg::MentionSuggestions)>
                {move || found.get().into_iter().map(|person| {
                    let handle = handle(&person).to_string();
                    let chosen = handle.clone();
                    view! {
                        <li>
                            <button type="button" on:click=move |_| pick(chosen.clone())>
                                <strong>{person.name}</strong>
                                <span class="muted small">"@" {handle} " · " {person.position}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
