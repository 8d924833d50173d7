use crate::api;
use crate::api::Thread;
use crate::call::Call;
use crate::components::ack::{AckReport, follows_up};
use crate::components::comments::Comments;
use crate::components::post_card::PostCard;
use crate::components::report_button::ReportButton;
use crate::components::require_login::RequireLogin;
use crate::components::typing_suggestions::TypingSuggestions;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use balai_protocol::feed::{NewPost, PostDetail};
use balai_protocol::reports::ReportTarget;
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
        <p><a class="chip" href="/">"← " {t(Msg::BackToFeed)}</a></p>
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
                    ack_required: false,
                    photos: Vec::new(),
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
    // Who follows up on an order sees who has not confirmed it yet.
    let ack_report = (post.ack.is_some() && follows_up(&post.author))
        .then(|| view! { <AckReport post_id=post_id.get_value()/> });
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
        // Someone else's post; one's own is edited or deleted instead.
        <Show when=move || !can_edit>
            <ReportButton target=ReportTarget::Post id=post_id.get_value()/>
        </Show>
        <Show when=move || editing.get()>
            <form class="card" on:submit=save>
                <label class="visually-hidden" for="edit-text">{t(Msg::Edit)}</label>
                <textarea id="edit-text" rows="5" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <TypingSuggestions text=draft field_id="edit-text"/>
                <div class="row-actions">
                    <button type="button" on:click=move |_| editing.set(false)>{t(Msg::Cancel)}</button>
                    <button type="submit" class="primary" disabled=move || change.pending.get()>{t(Msg::Save)}</button>
                </div>
            </form>
        </Show>
        {change.error_view()}
        {ack_report}
        <Comments thread=Thread::Post parent_id=post_id.get_value() comments=detail.comments
            on_changed=move |_| reload.run()/>
    }
}
