use crate::api;
use crate::call::Call;
use crate::components::photo_picker::PhotoPicker;
use crate::components::typing_suggestions::TypingSuggestions;
use crate::i18n::{Msg, t};
use crate::images;
use crate::offline::draft::Draft;
use crate::offline::outbox::{Sent, send_or_queue};
use balai_protocol::feed::{NewPost, Post};
use balai_protocol::limits::POST_MAX_CHARS;
use balai_protocol::places::PlaceRef;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const ANNOUNCE_FOR_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Text another part of the page puts into the home feed's composer (a congratulation).
#[derive(Clone, Copy)]
pub struct Prefill(pub RwSignal<Option<String>>);

/// Writes a post, to the company feed or into `group`, optionally about a map `place`. The
/// draft (one per feed or place) survives reloads; a post made offline waits in the outbox.
#[component]
pub fn Composer(
    group: Option<String>,
    #[prop(optional_no_strip)] place: Option<PlaceRef>,
    #[prop(into)] on_posted: Callback<Post>,
) -> impl IntoView {
    let draft = Draft::kept(&match (&group, &place) {
        (Some(g), _) => format!(".{g}"),
        (None, Some(p)) => format!(".place.{}", p.id),
        (None, None) => String::new(),
    });
    let placeholder = match (&group, &place) {
        (Some(_), _) => t(Msg::GroupComposer).to_string(),
        (None, Some(p)) => format!("{} {}", t(Msg::PlaceComposer), p.name),
        (None, None) => t(Msg::Composer).to_string(),
    };
    let place_id = StoredValue::new(place.map(|p| p.id));
    // Admins and communications staff may announce from the home feed: pinned for a week.
    let session = crate::session::use_session();
    let may_announce =
        group.is_none() && place_id.with_value(Option::is_none) && session.may_announce();
    let announce = RwSignal::new(false);
    // An announcement may ask everyone to confirm having read it (an order, a new rule).
    let ask_ack = RwSignal::new(false);
    let group = StoredValue::new(group);
    let text = draft.text;
    // Scaled photos, as `data:` URLs (too big for the draft: they are kept until sent or the
    // page closes).
    let photos = RwSignal::new(Vec::<String>::new());
    let scaling = RwSignal::new(false);
    // The home feed's composer takes what the page hands it, and takes the focus.
    if group.with_value(Option::is_none)
        && place_id.with_value(Option::is_none)
        && let Some(Prefill(prefill)) = use_context::<Prefill>()
    {
        Effect::new(move |_| {
            if let Some(start) = prefill.get() {
                draft.write(start);
                prefill.set(None);
                if let Some(el) = document().get_element_by_id("composer-text") {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
    }
    let queued = RwSignal::new(false);
    // One key per post being written: a retry of the same post reuses it.
    let key = RwSignal::new(api::new_key());
    let submit = Call::new();
    let left = move || POST_MAX_CHARS as i64 - text.with(|t| t.chars().count() as i64);
    // A photo may speak for itself.
    let can_send = move || {
        !submit.pending.get()
            && !scaling.get()
            && left() >= 0
            && (text.with(|t| !t.trim().is_empty()) || photos.with(|p| !p.is_empty()))
    };
    let done = move || {
        draft.clear();
        photos.set(Vec::new());
        announce.set(false);
        ask_ack.set(false);
        key.set(api::new_key());
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !can_send() {
            return;
        }
        let input = NewPost {
            body: text.get_untracked(),
            group_id: group.get_value(),
            announce_until: announce
                .get_untracked()
                .then(|| js_sys::Date::now() as i64 + ANNOUNCE_FOR_MS),
            place_id: place_id.get_value(),
            ack_required: announce.get_untracked() && ask_ack.get_untracked(),
            photos: photos.with_untracked(|p| {
                p.iter()
                    .map(|url| images::base64_of(url).to_string())
                    .collect()
            }),
        };
        let key = key.get_untracked();
        submit.run(async move {
            queued.set(false);
            let sent = send_or_queue(api::new_post(&input), key).await?;
            done();
            match sent {
                Sent::Now(post) => on_posted.run(post),
                Sent::Queued => queued.set(true),
            }
            Ok(())
        });
    };
    view! {
        <form class="card composer" on:submit=send>
            <label class="visually-hidden" for="composer-text">{placeholder.clone()}</label>
            <textarea
                id="composer-text"
                rows="3"
                placeholder=placeholder
                prop:value=move || text.get()
                on:input=move |ev| draft.write(event_target_value(&ev))
            ></textarea>
            <TypingSuggestions text=text field_id="composer-text"/>
            <Show when=move || may_announce>
                <label class="check">
                    <input type="checkbox" prop:checked=move || announce.get()
                        on:change=move |ev| announce.set(event_target_checked(&ev))/>
                    {t(Msg::AnnounceForAWeek)}
                </label>
            </Show>
            <Show when=move || announce.get()>
                <label class="check">
                    <input type="checkbox" prop:checked=move || ask_ack.get()
                        on:change=move |ev| ask_ack.set(event_target_checked(&ev))/>
                    {t(Msg::AskToConfirm)}
                </label>
            </Show>
            <PhotoPicker photos=photos busy=scaling input_id="composer-photos"/>
            <div class="composer-row">
                <span class="muted small" class:over=move || left() < 0>
                    {left} " " {t(Msg::Characters)}
                </span>
                <button type="submit" class="primary" disabled=move || !can_send()>
                    {move || if submit.pending.get() { t(Msg::Posting) } else { t(Msg::Post) }}
                </button>
            </div>
            <Show when=move || queued.get()>
                <p class="notice" role="status">{t(Msg::QueuedOffline)}</p>
            </Show>
            {submit.error_view()}
        </form>
    }
}
