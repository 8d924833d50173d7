use crate::api::{self, Source};
use crate::call::Call;
use crate::components::error_text::ErrorText;
use crate::components::follow_button::FollowButton;
use crate::components::group_badges::VisibilityBadge;
use crate::components::post_card::AuthorName;
use crate::components::post_list::PostList;
use crate::components::require_login::RequireLogin;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use balai_protocol::feed::FollowKind;
use balai_protocol::groups::{Group, MemberState, Visibility};
use leptos::prelude::*;

/// One group: what it is, joining or leaving, its posts, and its managers' join requests.
#[component]
pub fn GroupPage(id: String) -> impl IntoView {
    view! { <RequireLogin><GroupView id=id.clone()/></RequireLogin> }
}

#[component]
fn GroupView(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let group = Call::<Group>::new();
    group.run(async move { api::group(&id.get_value()).await });
    view! {
        {move || match group.result.get() {
            None => view! { <p class="muted center">{t(Msg::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
            Some(Ok(g)) => view! { <Header group=g.clone() call=group/> <Body group=g/> }.into_any(),
        }}
    }
}

/// The group's name and description, and the one membership action that fits.
#[component]
fn Header(group: Group, call: Call<Group>) -> impl IntoView {
    let id = StoredValue::new(group.id.clone());
    let change = Call::<()>::new();
    let act = move |leave: bool| {
        if leave && !confirm(t(Msg::ConfirmLeave)) {
            return;
        }
        change.run(async move {
            let g = if leave {
                api::leave_group(&id.get_value()).await?
            } else {
                api::join_group(&id.get_value()).await?
            };
            call.result.set(Some(Ok(g)));
            Ok(())
        });
    };
    let action = match (group.my_state, group.visibility) {
        (Some(MemberState::Active), _) => Some((Msg::Leave, true)),
        (Some(MemberState::Requested), _) => None,
        (Some(MemberState::Invited), _) => Some((Msg::AcceptInvitation, false)),
        (None, Visibility::Open) => Some((Msg::JoinGroup, false)),
        (None, Visibility::Closed) => Some((Msg::AskToJoin, false)),
        (None, Visibility::Secret) => None,
    };
    let requested = group.my_state == Some(MemberState::Requested);
    let follow = group
        .can_read
        .then(|| view! { <FollowButton kind=FollowKind::Group target=group.id.clone()/> });
    view! {
        <section class="card group-head">
            <h1>{group.name.clone()}</h1>
            <p class="muted small">
                <VisibilityBadge visibility=group.visibility/>
                " " {group.member_count} " " {t(Msg::Members)}
                {group.tags.iter().map(|tag| view! { " " <span class="tag">"#" {tag.clone()}</span> }).collect_view()}
            </p>
            <Show when={let d = group.description.clone(); move || !d.is_empty()}>
                <p>{group.description.clone()}</p>
            </Show>
            <Show when=move || requested>
                <p class="notice" role="status">{t(Msg::Requested)}</p>
            </Show>
            {action.map(|(label, leave)| view! {
                <button type="button" class=if leave { "wide" } else { "primary wide" }
                    disabled=move || change.pending.get() on:click=move |_| act(leave)>
                    {t(label)}
                </button>
            })}
            {change.error_view()}
            {follow}
        </section>
    }
}

#[component]
fn Body(group: Group) -> impl IntoView {
    let member = group.my_state == Some(MemberState::Active);
    let manages = group.can_manage;
    let id = group.id.clone();
    view! {
        <Show when=move || manages>
            <Requests group=id.clone()/>
        </Show>
        {if group.can_read {
            view! { <PostList source=Source::Group(group.id.clone()) compose=member/> }.into_any()
        } else {
            view! { <p class="muted center">{t(Msg::MembersOnly)}</p> }.into_any()
        }}
    }
}

/// Requests to join, for the group's managers: approve or decline each.
#[component]
fn Requests(group: String) -> impl IntoView {
    let group = StoredValue::new(group);
    let list = Call::new();
    let load = move || list.run(async move { api::join_requests(&group.get_value()).await });
    load();
    let decide = Call::<()>::new();
    let answer = move |user: String, approve: bool| {
        decide.run(async move {
            let g = group.get_value();
            if approve {
                api::approve_request(&g, &user).await?;
            } else {
                api::remove_member(&g, &user).await?;
            }
            load();
            Ok(())
        });
    };
    view! {
        {move || list.result.get().and_then(|r| r.ok()).filter(|p| !p.items.is_empty()).map(|page| view! {
            <section class="card">
                <h2>{t(Msg::JoinRequests)}</h2>
                <ul class="list">
                    {page.items.into_iter().map(|m| {
                        let (a, b) = (m.person.id.clone(), m.person.id.clone());
                        view! {
                            <li class="list-row">
                                <AuthorName author=m.person/>
                                <span class="actions">
                                    <button type="button" class="primary"
                                        on:click=move |_| answer(a.clone(), true)>{t(Msg::Approve)}</button>
                                    " "
                                    <button type="button"
                                        on:click=move |_| answer(b.clone(), false)>{t(Msg::Decline)}</button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {decide.error_view()}
            </section>
        })}
    }
}
