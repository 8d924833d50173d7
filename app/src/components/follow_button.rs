use crate::api;
use crate::call::Call;
use crate::i18n::{Msg, t};
use balai_protocol::feed::{Follow, FollowKind, FollowState};
use leptos::prelude::*;

/// Follow or unfollow a person, group or tag; for a group, also whether its new posts notify.
/// `known`: the state the page's answer came with (search hits, a group); without it (a tag),
/// the button asks.
#[component]
pub fn FollowButton(kind: FollowKind, target: String, known: Option<FollowState>) -> impl IntoView {
    let target = StoredValue::new(target);
    // `None` until known; then whether followed and with notifications.
    let state = RwSignal::new(known.map(|k| (k.following, k.notify)));
    if known.is_none() {
        leptos::task::spawn_local(async move {
            if let Ok(k) = api::follow_state(kind, &target.get_value()).await {
                state.set(Some((k.following, k.notify)));
            }
        });
    }
    let change = Call::<()>::new();
    let set = move |follow: bool, notify: bool| {
        change.run(async move {
            if follow {
                let f = Follow {
                    kind,
                    target: target.get_value(),
                    notify,
                };
                let saved = api::follow(&f).await?;
                state.set(Some((true, saved.notify)));
            } else {
                api::unfollow(kind, &target.get_value()).await?;
                state.set(Some((false, false)));
            }
            Ok(())
        });
    };
    view! {
        {move || state.get().map(|(following, notify)| view! {
            <div class="follow">
                <button type="button" class:primary=!following aria-pressed=following.to_string()
                    disabled=move || change.pending.get() on:click=move |_| set(!following, notify)>
                    {if following { t(Msg::Unfollow) } else { t(Msg::Follow) }}
                </button>
                <Show when=move || following && kind == FollowKind::Group>
                    <label class="check">
                        <input type="checkbox" prop:checked=notify
                            on:change=move |ev| set(true, event_target_checked(&ev))/>
                        {t(Msg::NotifyNewPosts)}
                    </label>
                </Show>
            </div>
        })}
        {change.error_view()}
    }
}
