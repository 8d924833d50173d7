use crate::api;
use crate::components::error_text::ErrorText;
use crate::components::post_card::{AuthorName, PostCard};
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use balai_protocol::feed::{Comment, NewComment, NewPost, PostDetail};
use balai_protocol::limits::COMMENT_MAX_CHARS;
use leptos::prelude::*;

#[component]
pub fn PostPage(id: String) -> impl IntoView {
    view! { <RequireLogin><PostView id=id.clone()/></RequireLogin> }
}

#[component]
fn PostView(id: String) -> impl IntoView {
    // Bumped after a comment, edit or delete so the post reloads.
    let version = RwSignal::new(0u32);
    let detail = LocalResource::new(move || {
        version.track();
        let id = id.clone();
        async move { api::post_detail(&id).await }
    });
    view! {
        <p><a href="/">"← " {t(Msg::BackToFeed)}</a></p>
        <Transition fallback=move || view! { <p class="muted">{t(Msg::Loading)}</p> }>
            {move || detail.get().map(|result| match result {
                Ok(d) => view! { <Detail detail=d version=version/> }.into_any(),
                Err(e) => view! { <ErrorText error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Detail(detail: PostDetail, version: RwSignal<u32>) -> impl IntoView {
    let post = detail.post.clone();
    let post_id = post.id.clone();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(post.body.clone().unwrap_or_default());
    let pid = post_id.clone();
    let save = Action::new_local(move |body: &String| {
        let (id, body) = (pid.clone(), body.clone());
        async move { api::edit_post(&id, &NewPost { body }).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(false);
            version.update(|v| *v += 1);
        }
    });
    let pid = post_id.clone();
    let remove = Action::new_local(move |_: &()| {
        let id = pid.clone();
        async move { api::delete_post(&id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            crate::router::navigate("/");
        }
    });
    let (can_edit, can_delete) = (post.can_edit, post.can_delete);
    view! {
        <PostCard post=post/>
        <div class="row-actions">
            <Show when=move || can_edit && !editing.get()>
                <button type="button" on:click=move |_| editing.set(true)>{t(Msg::Edit)}</button>
            </Show>
            <Show when=move || can_delete>
                <button type="button" class="danger" on:click=move |_| {
                    if confirm(t(Msg::ConfirmDelete)) {
                        remove.dispatch(());
                    }
                }>{t(Msg::Delete)}</button>
            </Show>
        </div>
        <Show when=move || editing.get()>
            <form class="card" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(draft.get_untracked());
            }>
                <label class="visually-hidden" for="edit-text">{t(Msg::Edit)}</label>
                <textarea id="edit-text" rows="5" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <div class="row-actions">
                    <button type="button" on:click=move |_| editing.set(false)>{t(Msg::Cancel)}</button>
                    <button type="submit" class="primary">{t(Msg::Save)}</button>
                </div>
                {move || match save.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorText error=e/> }),
                    _ => None,
                }}
            </form>
        </Show>
        {move || match remove.value().get() {
            Some(Err(e)) => Some(view! { <ErrorText error=e/> }),
            _ => None,
        }}
        <section class="comments">
            <h2>{t(Msg::Comments)}</h2>
            <For each=move || detail.comments.clone() key=|c| c.id.clone() let:comment>
                <CommentItem comment=comment version=version/>
            </For>
            <CommentForm post_id=post_id.clone() version=version/>
        </section>
    }
}

fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

#[component]
fn CommentItem(comment: Comment, version: RwSignal<u32>) -> impl IntoView {
    let id = comment.id.clone();
    let remove = Action::new_local(move |_: &()| {
        let id = id.clone();
        async move { api::delete_comment(&id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            version.update(|v| *v += 1);
        }
    });
    let can_delete = comment.can_delete;
    view! {
        <article class="comment">
            <header class="post-head">
                <AuthorName author=comment.author.clone()/>
                <span class="muted small"><TimeAgo at=comment.created_at/></span>
            </header>
            <div class="post-body" inner_html=comment.body_html.clone()></div>
            <Show when=move || can_delete>
                <button type="button" class="link danger small" on:click=move |_| {
                    if confirm(t(Msg::ConfirmDelete)) {
                        remove.dispatch(());
                    }
                }>{t(Msg::Delete)}</button>
            </Show>
        </article>
    }
}

#[component]
fn CommentForm(post_id: String, version: RwSignal<u32>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let key = RwSignal::new(api::new_key());
    let send = Action::new_local(move |body: &String| {
        let (post_id, body, key) = (post_id.clone(), body.clone(), key.get_untracked());
        async move { api::comment(&post_id, &NewComment { body }, &key).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = send.value().get() {
            text.set(String::new());
            key.set(api::new_key());
            version.update(|v| *v += 1);
        }
    });
    view! {
        <form class="comment-form" on:submit=move |ev| {
            ev.prevent_default();
            if !text.with_untracked(|t| t.trim().is_empty()) {
                send.dispatch(text.get_untracked());
            }
        }>
            <label class="visually-hidden" for="comment-text">{t(Msg::WriteComment)}</label>
            <textarea id="comment-text" rows="2" maxlength=COMMENT_MAX_CHARS.to_string()
                placeholder=t(Msg::WriteComment)
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit" class="primary" disabled=move || send.pending().get()>{t(Msg::Send)}</button>
            {move || match send.value().get() {
                Some(Err(e)) => Some(view! { <ErrorText error=e/> }),
                _ => None,
            }}
        </form>
    }
}
