//! Suggestions while writing an @mention or a #tag. A mention names a colleague by handle (their
//! email's local part, or login name), which nobody remembers for everyone; a tag is found by
//! those who follow it only if it is written as others wrote it. So once two characters follow
//! an `@` or `#` before the caret, the colleagues they begin (or the tags in use, most used
//! first) are offered, and a tap writes the chosen one in their place. On a keyboard, as in
//! other chat tools: the arrows move through them, Enter or Tab writes the highlighted one,
//! Escape puts them away.

use crate::api;
use crate::i18n::{Msg, t};
use crate::latest::Latest;
use balai_protocol::mentions_and_tags::{Typed, typed_word};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Suggestions shown at most.
const SUGGESTIONS: usize = 5;
/// Typing pauses this long before the server is asked: not a request per keystroke.
const PAUSE_MS: u32 = 250;

/// One thing offered: what it writes after the `@` or `#`, and how it is shown (a tag has no
/// detail line: it is left empty, which costs less WASM than an optional view).
#[derive(Clone)]
struct Offer {
    word: String,
    title: String,
    detail: String,
}

impl Offer {
    /// Whether it still fits `typed` (lower-case ASCII): its handle or tag, or a word of its
    /// name, begins with it, roughly as the server matches.
    fn fits(&self, typed: &str) -> bool {
        let begins = |word: &str| word.to_ascii_lowercase().starts_with(typed);
        begins(&self.word) || self.title.split_whitespace().any(begins)
    }
}

/// What the server offers for `typed` after the sign of `kind`. Offline, or refused: nothing,
/// and the mention or tag can still be typed out.
async fn offers(kind: Typed, typed: &str) -> Vec<Offer> {
    match kind {
        Typed::Mention => api::mentionable(typed, SUGGESTIONS)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|person| {
                let handle = person.email.split('@').next().unwrap_or_default();
                Offer {
                    word: handle.to_string(),
                    detail: format!("@{handle} · {}", person.position),
                    title: person.name,
                }
            })
            .collect(),
        Typed::Tag => api::tags_beginning(typed)
            .await
            .unwrap_or_default()
            .into_iter()
            .take(SUGGESTIONS)
            .map(|tag| Offer {
                title: format!("#{tag}"),
                word: tag,
                detail: String::new(),
            })
            .collect(),
    }
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

/// The id of the `at`th suggestion for the field `field_id`.
fn option_id(field_id: &str, at: usize) -> String {
    format!("{field_id}-offer-{at}")
}

/// Offers colleagues or tags for the @mention or #tag being typed into the text area
/// `field_id`, whose text is `text`; a tap puts `@handle ` or `#tag ` in place of what was
/// typed, and the caret after it.
#[component]
pub fn TypingSuggestions(text: RwSignal<String>, #[prop(into)] field_id: String) -> impl IntoView {
    let field_id = StoredValue::new(field_id);
    let found = RwSignal::new(Vec::<Offer>::new());
    let kind = RwSignal::new(Typed::Mention);
    // The one Enter or Tab writes: the first, until the arrows move it.
    let highlighted = RwSignal::new(0usize);
    let latest = Latest::new();
    Effect::new(move |_| {
        let typed = text.with(|value| {
            let (_, at) = field_id.with_value(|id| caret(id, value))?;
            typed_word(value, at).map(|(kind, _, word)| (kind, word.to_string()))
        });
        let ticket = latest.begin();
        let Some((typed_kind, typed)) = typed else {
            found.set(Vec::new());
            return;
        };
        // Until the answer for what is typed now comes, only what still fits it stays on
        // offer, so Enter never writes a colleague or tag the typing has moved past.
        let lower = typed.to_ascii_lowercase();
        let same_kind = kind.get_untracked() == typed_kind;
        found.update(|offered| offered.retain(|offer| same_kind && offer.fits(&lower)));
        highlighted.set(0);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(PAUSE_MS).await;
            if !latest.is_current(ticket) {
                return;
            }
            let offered = offers(typed_kind, &typed).await;
            if latest.is_current(ticket) {
                highlighted.set(0);
                kind.set(typed_kind);
                found.set(offered);
            }
        });
    });
    let pick = move |word: String| {
        let value = text.get_untracked();
        let Some((area, at)) = field_id.with_value(|id| caret(id, &value)) else {
            return;
        };
        let Some((typed, start, _)) = typed_word(&value, at) else {
            return;
        };
        let written = format!("{}{word} ", typed.sigil());
        let after = start + written.len();
        let value = format!("{}{written}{}", &value[..start], &value[at..]);
        let caret_units = value[..after].encode_utf16().count() as u32;
        latest.begin();
        found.set(Vec::new());
        // Written on the element, so the caret can be put after the word; the field's own
        // `input` listener then updates `text` (and the draft kept across reloads) as of typing.
        area.set_value(&value);
        let _ = area.focus();
        let _ = area.set_selection_range(caret_units, caret_units);
        if let Ok(input) = web_sys::Event::new("input") {
            let _ = area.dispatch_event(&input);
        }
    };
    let keys = window_event_listener(ev::keydown, move |key| {
        let count = found.with_untracked(Vec::len);
        let in_field = key
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|target| field_id.with_value(|id| target.id() == *id));
        // While an IME composes a word, Enter confirms the word, not a suggestion.
        if count == 0 || !in_field || key.is_composing() {
            return;
        }
        match key.key().as_str() {
            "ArrowDown" => highlighted.update(|at| *at = (*at + 1) % count),
            "ArrowUp" => highlighted.update(|at| *at = (*at + count - 1) % count),
            "Enter" | "Tab" => {
                let chosen = found.with_untracked(|offered| {
                    offered
                        .get(highlighted.get_untracked())
                        .map(|offer| offer.word.clone())
                });
                if let Some(chosen) = chosen {
                    pick(chosen);
                }
            }
            "Escape" => {
                latest.begin();
                found.set(Vec::new());
            }
            _ => return,
        }
        key.prevent_default();
    });
    on_cleanup(move || keys.remove());
    // A screen reader in the field reads out the highlighted suggestion.
    Effect::new(move |_| {
        let shown = found.with(|offered| !offered.is_empty());
        let option = option_id(&field_id.get_value(), highlighted.get());
        if let Some(area) = field_id.with_value(|id| document().get_element_by_id(id)) {
            let _ = match shown {
                true => area.set_attribute("aria-activedescendant", &option),
                false => area.remove_attribute("aria-activedescendant"),
            };
        }
    });
    let label = move || match kind.get() {
        Typed::Mention => t(Msg::MentionSuggestions),
        Typed::Tag => t(Msg::TagSuggestions),
    };
    view! {
        <Show when=move || found.with(|f| !f.is_empty())>
            <ul class="suggestions" aria-label=label>
                {move || found.get().into_iter().enumerate().map(|(at, offer)| {
                    let Offer { word, title, detail } = offer;
                    view! {
                        <li>
                            <button type="button" on:click=move |_| pick(word.clone())
                                id=option_id(&field_id.get_value(), at)
                                aria-current=move || (highlighted.get() == at).then_some("true")>
                                <strong>{title}</strong>
                                <span class="muted small">{detail}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
