//! Suggestions while writing an @mention. A mention names a colleague by handle (their email's
//! local part, or login name), which nobody remembers for everyone: once two characters follow
//! an `@` before the caret, the colleagues they begin are offered, and a tap writes the chosen
//! one's handle in their place.

use crate::api::{self, Mentionable};
use crate::i18n::{Msg, t};
use crate::latest::Latest;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Suggestions shown at most.
const SUGGESTIONS: usize = 5;
/// Typing pauses this long before the directory is asked: not a request per keystroke.
const PAUSE_MS: u32 = 250;

/// The characters of a handle, as the server reads mentions (functions/src/service/text.rs).
fn handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// The @mention being typed before byte `caret` of `text`: where its `@` is, and what follows
/// it. None unless the `@` starts a word (an email address is not a mention) and at least two
/// characters follow it.
fn typed_mention(text: &str, caret: usize) -> Option<(usize, &str)> {
    let before = text.get(..caret)?;
    let typed_len: usize = before
        .chars()
        .rev()
        .take_while(|c| handle_char(*c))
        .map(char::len_utf8)
        .sum();
    let at = caret.checked_sub(typed_len + 1)?;
    if !before[at..].starts_with('@') {
        return None;
    }
    let word_start = before[..at]
        .chars()
        .next_back()
        .is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '&'));
    let typed = &before[at + 1..];
    (word_start && typed.len() >= 2).then_some((at, typed))
}

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

#[cfg(test)]
mod tests {
    use super::typed_mention;

    #[test]
    fn a_mention_is_what_follows_an_at_sign_at_a_words_start() {
        assert_eq!(typed_mention("halo @bu", 8), Some((5, "bu")));
        assert_eq!(typed_mention("@budi.s", 7), Some((0, "budi.s")));
        assert_eq!(typed_mention("(@budi", 6), Some((1, "budi")));
        // The part before the caret only.
        assert_eq!(typed_mention("@budi siap", 5), Some((0, "budi")));
        assert_eq!(
            typed_mention("siap @b", 7),
            None,
            "one character is too few"
        );
        assert_eq!(typed_mention("ani@balai", 9), None, "an email address");
        assert_eq!(typed_mention("@budi siap", 10), None, "past the mention");
        assert_eq!(typed_mention("Rapat ✓ @de", 13), Some((10, "de")));
        assert_eq!(typed_mention("abc", 9), None, "a caret past the end");
    }
}
