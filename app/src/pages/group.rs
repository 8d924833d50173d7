use crate::api::{self, Source};
use crate::call::Call;
use crate::components::error_text::ErrorText;
use crate::components::follow_button::FollowButton;
use crate::components::group_badges::VisibilityBadge;
use crate::components::post_card::{AuthorName, PostCard};
use crate::components::post_list::PostList;
use crate::components::require_login::RequireLogin;
use crate::components::save_filter::SaveFilter;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use balai_protocol::feed::FollowKind;
use balai_protocol::groups::{Group, GroupRole, Member, MemberState, Visibility};
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
            Some(Ok(g)) => view! { <Header group=g.clone() call=group/> <Body group=g call=group/> }.into_any(),
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
    let follow = group.can_read.then(|| {
        view! {
            <FollowButton kind=FollowKind::Group target=group.id.clone() known=group.follow/>
            <SaveFilter query=format!("group={}", group.id) name=group.name.clone()/>
        }
    });
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
fn Body(group: Group, call: Call<Group>) -> impl IntoView {
    let member = group.my_state == Some(MemberState::Active);
    let manages = group.can_manage;
    let id = StoredValue::new(group.id.clone());
    // Managers pin a post; the page then shows the group as the server answers it.
    let pin = move |post_id: Option<String>| {
        call.run(async move { api::pin(&id.get_value(), post_id).await });
    };
    let pin_button = manages.then(|| Callback::new(move |post_id: String| pin(Some(post_id))));
    // Bumped when a manager approves someone, so the members list shows them.
    let joined = RwSignal::new(0u32);
    // Owners (and admins) give roles.
    let owns = (member && group.my_role == Some(GroupRole::Owner))
        || crate::session::use_session().is_admin();
    // The deputy of an absent owner or manager answers requests, even from outside the group.
    let covering = group.covering_for.clone().map(|absent| {
        view! {
            <p class="notice" role="status">
                {t(Msg::CoveringFor)} " " <strong>{absent.name}</strong> {t(Msg::CoveringForRequests)}
            </p>
        }
    });
    let requests = (manages || covering.is_some())
        .then(|| view! { <Requests group=id.get_value() joined=joined/> });
    if !group.can_read {
        return view! {
            {covering}
            {requests}
            <p class="muted center">{t(Msg::MembersOnly)}</p>
        }
        .into_any();
    }
    view! {
        {covering}
        {requests}
        {group.pinned_post_id.clone().map(|post_id| view! {
            <Pinned post_id=post_id unpin=manages.then(|| Callback::new(move |_: ()| pin(None)))/>
        })}
        <Members group=id.get_value() manages=manages owns=owns joined=joined/>
        <PostList source=Source::Group(id.get_value()) compose=member pin=pin_button/>
    }
    .into_any()
}

/// The pinned post, above the group's feed.
#[component]
fn Pinned(post_id: String, unpin: Option<Callback<()>>) -> impl IntoView {
    let post = Call::new();
    post.run(async move { api::post_detail(&post_id).await });
    view! {
        {move || post.result.get().and_then(|r| r.ok()).map(|detail| view! {
            <section class="pinned">
                <p class="badge">"📌 " {t(Msg::Pinned)}</p>
                <PostCard post=detail.post link=true in_group=true/>
                {unpin.map(|unpin| view! {
                    <button type="button" class="wide" on:click=move |_| unpin.run(())>{t(Msg::Unpin)}</button>
                })}
            </section>
        })}
    }
}

fn role_label(role: GroupRole) -> Msg {
    match role {
        GroupRole::Owner => Msg::Owner,
        GroupRole::Manager => Msg::Manager,
        GroupRole::Member => Msg::Member,
    }
}

/// Who is in the group, a page at a time; managers remove people and invite colleagues, owners
/// give roles.
#[component]
fn Members(group: String, manages: bool, owns: bool, joined: RwSignal<u32>) -> impl IntoView {
    let group = StoredValue::new(group);
    let pager = Pager::<Member>::new();
    let members = pager.items;
    let load = move |cursor: Option<String>| {
        let append = cursor.is_some();
        pager.load(append, async move {
            api::members(&group.get_value(), cursor.as_deref()).await
        });
    };
    Effect::new(move |_| {
        joined.track();
        load(None);
    });
    let change = Call::<()>::new();
    let remove = move |user: String| {
        if !confirm(t(Msg::ConfirmRemove)) {
            return;
        }
        change.run(async move {
            api::remove_member(&group.get_value(), &user).await?;
            load(None);
            Ok(())
        });
    };
    let set_role = move |user: String, role: GroupRole| {
        change.run(async move {
            api::set_member_role(&group.get_value(), &user, role).await?;
            load(None);
            Ok(())
        });
    };
    view! {
        <details class="card">
            <summary>{t(Msg::MembersTitle)}</summary>
            <Show when=move || manages>
                <InviteColleague group=group.get_value()/>
            </Show>
            <ul class="list">
                <For each=move || members.get() key=|m| (m.person.id.clone(), m.role) let:m>
                    <li class="list-row">
                        <span>
                            <AuthorName author=m.person.clone()/>
                            " " <span class="muted small">{t(role_label(m.role))}</span>
                        </span>
                        {owns.then(|| {
                            let user = m.person.id.clone();
                            let current = m.role;
                            view! {
                                <select aria-label=t(Msg::Role) on:change=move |ev| {
                                    let role = match event_target_value(&ev).as_str() {
                                        "owner" => GroupRole::Owner,
                                        "manager" => GroupRole::Manager,
                                        _ => GroupRole::Member,
                                    };
                                    set_role(user.clone(), role);
                                }>
                                    {[("owner", GroupRole::Owner), ("manager", GroupRole::Manager), ("member", GroupRole::Member)]
                                        .into_iter()
                                        .map(|(value, role)| view! {
                                            <option value=value selected=role == current>{t(role_label(role))}</option>
                                        })
                                        .collect_view()}
                                </select>
                            }
                        })}
                        {manages.then(|| {
                            let user = m.person.id.clone();
                            view! {
                                <button type="button" class="danger" on:click=move |_| remove(user.clone())>
                                    {t(Msg::Remove)}
                                </button>
                            }
                        })}
                    </li>
                </For>
            </ul>
            {pager.footer(move || load(pager.cursor()))}
            {change.error_view()}
        </details>
    }
}

/// Find a colleague by name and invite them (they join by accepting).
#[component]
fn InviteColleague(group: String) -> impl IntoView {
    let group = StoredValue::new(group);
    let name = RwSignal::new(String::new());
    let found = Call::new();
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = name.get_untracked();
        found.run(async move { api::search(&q, Some("people"), None).await });
    };
    let invite = Call::<()>::new();
    let invited = RwSignal::new(Vec::<String>::new());
    let send = move |user: String| {
        invite.run(async move {
            api::invite_member(&group.get_value(), &user).await?;
            invited.update(|i| i.push(user));
            Ok(())
        });
    };
    view! {
        <form class="search" on:submit=find>
            <label class="visually-hidden" for="invite-name">{t(Msg::InviteColleague)}</label>
            <input id="invite-name" type="search" placeholder=t(Msg::InviteColleague)
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <button type="submit">{t(Msg::Search)}</button>
        </form>
        {move || found.result.get().and_then(|r| r.ok()).map(|r| view! {
            <ul class="list">
                {r.people.into_iter().filter(|p| !p.former).map(|p| {
                    let user = p.id.clone();
                    let uid = StoredValue::new(p.id.clone());
                    let done = move || uid.with_value(|u| invited.with(|i| i.contains(u)));
                    view! {
                        <li class="list-row">
                            <span inner_html=p.name_html></span>
                            <button type="button" class="primary" disabled=done
                                on:click=move |_| send(user.clone())>
                                {move || if done() { t(Msg::Invited) } else { t(Msg::InviteAction) }}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {invite.error_view()}
    }
}

/// Requests to join, for the group's managers: approve or decline each.
#[component]
fn Requests(group: String, joined: RwSignal<u32>) -> impl IntoView {
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
                joined.update(|n| *n += 1);
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
