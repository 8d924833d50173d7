//! A thread of comments (oldest first) with its form: under a post, or under an idea.

use crate::api::{self, Thread};
use crate::call::Call;
use crate::components::post_card::AuthorName;
use crate::components::report_button::ReportButton;
use crate::components::time_ago::TimeAgo;
use crate::components::typing_suggestions::TypingSuggestions;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use crate::offline::draft::Draft;
use crate::offline::outbox::{OutboxVersion, Sent, send_or_queue};
use balai_protocol::feed::{Comment, NewComment, comment_anchor};
use balai_protocol::limits::COMMENT_MAX_CHARS;
use balai_protocol::reports::ReportTarget;
use leptos::prelude::*;

/// The comments of `parent_id` (a post or idea, as `thread` says); `on_changed` reloads them.
#[component]
pub fn Comments(
    thread: Thread,
    parent_id: String,
    comments: Vec<Comment>,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="comments">
            <h2>{t(Msg::Comments)}</h2>
            {comments.into_iter().map(|comment| view! {
                <CommentItem thread=thread comment=comment on_changed=on_changed/>
            }).collect_view()}
            <CommentForm thread=thread parent_id=parent_id on_changed=on_changed/>
        </section>
    }
}

/// Whether the URL's fragment names this comment's anchor (a notification's link).
fn linked(anchor: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash.strip_prefix('#') == Some(anchor))
}

#[component]
fn CommentItem(thread: Thread, comment: Comment, on_changed: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(comment.id.clone());
    let anchor = comment_anchor(&comment.id);
    let is_linked = linked(&anchor);
    let node = NodeRef::<leptos::html::Article>::new();
    if is_linked {
        // Scrolled to once it is on screen; the fragment then goes, so reloading the thread
        // (after one's own comment) does not scroll back to it.
        Effect::new(move || {
            if let Some(el) = node.get() {
                el.scroll_into_view();
                if let Some(w) = web_sys::window() {
                    let (path, search) = (w.location().pathname(), w.location().search());
                    if let (Ok(history), Ok(path), Ok(search)) = (w.history(), path, search) {
                        let url = format!("{path}{search}");
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&url),
                        );
                    }
                }
            }
        });
    }
    let change = Call::new();
    let (can_edit, can_delete) = (comment.can_edit, comment.can_delete);
    let edited = comment.edited_at.is_some();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(comment.body.clone().unwrap_or_default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, body) = (id.get_value(), draft.get_untracked());
        change.run(async move {
            api::edit_comment(thread, &id, &NewComment { body }).await?;
            editing.set(false);
            on_changed.run(());
            Ok(())
        });
    };
    let body_html = comment.body_html.clone();
    let field = format!("edit-{}", comment.id);
    let report_target = match thread {
        Thread::Post => ReportTarget::Comment,
        Thread::Idea => ReportTarget::IdeaComment,
    };
    view! {
        <article class="comment" id=anchor class:linked=is_linked node_ref=node>
            <header class="post-head">
                <AuthorName author=comment.author.clone()/>
                <span class="muted small">
                    <TimeAgo at=comment.created_at/>
                    <Show when=move || edited>" · " {t(Msg::Edited)}</Show>
                </span>
            </header>
            <Show when=move || !editing.get()>
                <div class="post-body" inner_html=body_html.clone()></div>
            </Show>
            <Show when=move || editing.get()>
                <form class="comment-form" on:submit=save>
                    <label class="visually-hidden" for=field.clone()>{t(Msg::Edit)}</label>
                    <textarea id=field.clone() rows="3" maxlength=COMMENT_MAX_CHARS.to_string()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                    <TypingSuggestions text=draft field_id=field.clone()/>
                    <div class="row-actions">
                        <button type="button" on:click=move |_| editing.set(false)>{t(Msg::Cancel)}</button>
                        <button type="submit" class="primary" disabled=move || change.pending.get()>
                            {t(Msg::Save)}
                        </button>
                    </div>
                </form>
            </Show>
            <Show when=move || can_edit && !editing.get()>
                <button type="button" class="link small" on:click=move |_| editing.set(true)>{t(Msg::Edit)}</button>
            </Show>
            <Show when=move || can_delete && !editing.get()>
                <button type="button" class="link danger small" on:click=move |_| {
                    if confirm(t(Msg::ConfirmDelete)) {
                        let id = id.get_value();
                        change.run(async move {
                            api::delete_comment(thread, &id).await?;
                            on_changed.run(());
                            Ok(())
                        });
                    }
                }>{t(Msg::Delete)}</button>
            </Show>
            <Show when=move || !can_edit>
                <ReportButton target=report_target id=id.get_value()/>
            </Show>
            {change.error_view()}
        </article>
    }
}

#[component]
fn CommentForm(thread: Thread, parent_id: String, on_changed: Callback<()>) -> impl IntoView {
    // Kept until sent, as the composer's post is: a thread reloaded by another comment
    // arriving loses nothing either.
    let draft = Draft::kept(&match thread {
        Thread::Post => format!(".comment.post.{parent_id}"),
        Thread::Idea => format!(".comment.idea.{parent_id}"),
    });
    let text = draft.text;
    let parent_id = StoredValue::new(parent_id);
    // One key per comment being written, reused by every retry of it.
    let key = RwSignal::new(api::new_key());
    let queued = RwSignal::new(false);
    let send = Call::new();
    // A comment written offline shows up once the outbox has sent it.
    let outbox = expect_context::<OutboxVersion>();
    Effect::new(move |seen: Option<()>| {
        outbox.0.track();
        if seen.is_some() {
            on_changed.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.with_untracked(|t| t.trim().is_empty()) {
            return;
        }
        let write = api::new_comment(
            thread,
            &parent_id.get_value(),
            &NewComment {
                body: text.get_untracked(),
            },
        );
        let k = key.get_untracked();
        send.run(async move {
            queued.set(false);
            let sent = send_or_queue::<Comment>(write, k).await?;
            draft.clear();
            key.set(api::new_key());
            match sent {
                Sent::Now(_) => on_changed.run(()),
                Sent::Queued => queued.set(true),
            }
            Ok(())
        });
    };
    view! {
        <form class="comment-form" on:submit=submit>
            <label class="visually-hidden" for="comment-text">{t(Msg::WriteComment)}</label>
            <textarea id="comment-text" rows="2" maxlength=COMMENT_MAX_CHARS.to_string()
                placeholder=t(Msg::WriteComment)
                prop:value=move || text.get()
                on:input=move |ev| draft.write(event_target_value(&ev))></textarea>
            <TypingSuggestions text=text field_id="comment-text"/>
            <button type="submit" class="primary" disabled=move || send.pending.get()>{t(Msg::Send)}</button>
            <Show when=move || queued.get()>
                <p class="notice" role="status">{t(Msg::QueuedOffline)}</p>
            </Show>
            {send.error_view()}
        </form>
    }
}
