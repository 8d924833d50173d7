use crate::api;
use crate::call::Call;
use crate::components::post_card::{AuthorName, PostCard};
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use balai_protocol::feed::{Comment, NewComment, NewPost, PostDetail};
use balai_protocol::limits::COMMENT_MAX_CHARS;
use leptos::prelude::*;

#[component]
pub fn PostPage(id: String) -> impl IntoView {
    view! { <RequireLogin><PostView id=id.clone()/></RequireLogin> }
}

/// Loads (and, after a change, reloads) one post with its comments.
#[derive(Clone, Copy)]
struct Reload(StoredValue<String>, Call<PostDetail>);

impl Reload {
    fn run(self) {
        let id = self.0.get_value();
        self.1.run(async move { api::post_detail(&id).await });
    }
}

#[component]
fn PostView(id: String) -> impl IntoView {
    let detail = Call::new();
    let reload = Reload(StoredValue::new(id), detail);
    reload.run();
    view! {
        <p><a href="/">"← " {t(Msg::BackToFeed)}</a></p>
        {move || match detail.result.get() {
            None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
            Some(Ok(d)) => view! { <Detail detail=d reload=reload/> }.into_any(),
            Some(Err(_)) => detail.error_view().into_any(),
        }}
    }
}

#[component]
fn Detail(detail: PostDetail, reload: Reload) -> impl IntoView {
    let post = detail.post.clone();
    let post_id = StoredValue::new(post.id.clone());
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(post.body.clone().unwrap_or_default());
    let change = Call::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (id, body) = (post_id.get_value(), draft.get_untracked());
        change.run(async move {
            api::edit_post(
                &id,
                &NewPost {
                    body,
                    group_id: None,
                    announce_until: None,
                    place_id: None,
                },
            )
            .await?;
            editing.set(false);
            reload.run();
            Ok(())
        });
    };
    let remove = move |_| {
        if confirm(t(Msg::ConfirmDelete)) {
            let id = post_id.get_value();
            change.run(async move {
                api::delete_post(&id).await?;
                crate::router::navigate("/");
                Ok(())
            });
        }
    };
    let (can_edit, can_delete) = (post.can_edit, post.can_delete);
    view! {
        <PostCard post=post/>
        <div class="row-actions">
            <Show when=move || can_edit && !editing.get()>
                <button type="button" on:click=move |_| editing.set(true)>{t(Msg::Edit)}</button>
            </Show>
            <Show when=move || can_delete>
                <button type="button" class="danger" on:click=remove>{t(Msg::Delete)}</button>
            </Show>
        </div>
        <Show when=move || editing.get()>
            <form class="card" on:submit=save>
                <label class="visually-hidden" for="edit-text">{t(Msg::Edit)}</label>
                <textarea id="edit-text" rows="5" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <div class="row-actions">
                    <button type="button" on:click=move |_| editing.set(false)>{t(Msg::Cancel)}</button>
                    <button type="submit" class="primary" disabled=move || change.pending.get()>{t(Msg::Save)}</button>
                </div>
            </form>
        </Show>
        {change.error_view()}
        <section class="comments">
            <h2>{t(Msg::Comments)}</h2>
            <For each=move || detail.comments.clone() key=|c| c.id.clone() let:comment>
                <CommentItem comment=comment reload=reload/>
            </For>
            <CommentForm post_id=post_id reload=reload/>
        </section>
    }
}

#[component]
fn CommentItem(comment: Comment, reload: Reload) -> impl IntoView {
    let id = StoredValue::new(comment.id.clone());
    let remove = Call::new();
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
                        let id = id.get_value();
                        remove.run(async move {
                            api::delete_comment(&id).await?;
                            reload.run();
                            Ok(())
                        });
                    }
                }>{t(Msg::Delete)}</button>
            </Show>
            {remove.error_view()}
        </article>
    }
}

#[component]
fn CommentForm(post_id: StoredValue<String>, reload: Reload) -> impl IntoView {
    let text = RwSignal::new(String::new());
    // One key per comment being written, reused by every retry of it.
    let key = RwSignal::new(api::new_key());
    let send = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.with_untracked(|t| t.trim().is_empty()) {
            return;
        }
        let (post_id, body, k) = (
            post_id.get_value(),
            text.get_untracked(),
            key.get_untracked(),
        );
        send.run(async move {
            api::comment(&post_id, &NewComment { body }, &k).await?;
            text.set(String::new());
            key.set(api::new_key());
            reload.run();
            Ok(())
        });
    };
    view! {
        <form class="comment-form" on:submit=submit>
            <label class="visually-hidden" for="comment-text">{t(Msg::WriteComment)}</label>
            <textarea id="comment-text" rows="2" maxlength=COMMENT_MAX_CHARS.to_string()
                placeholder=t(Msg::WriteComment)
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit" class="primary" disabled=move || send.pending.get()>{t(Msg::Send)}</button>
            {send.error_view()}
        </form>
    }
}
