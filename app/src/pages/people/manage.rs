//! People administration (admins): invite, issue access codes, withdraw invitations, grant
//! capabilities and the admin role, offboard; API tokens for outside systems; and the audit log.

use crate::api::{self, Error};
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::session::use_session;
use balai_protocol::auth::Role;
use balai_protocol::people::{
    AccessCodeRequest, Capability, Grants, InviteRequest, IssuedInvite, PendingInvite, Person,
};
use leptos::prelude::*;

/// The administration page.
#[component]
pub fn ManagePeoplePage() -> impl IntoView {
    let session = use_session();
    view! {
        <RequireLogin>
            <Show when=move || session.is_admin()
                fallback=move || view! { <p class="error">{t(Msg::NotFound)}</p> }>
                <Invites/>
                <PeopleList/>
                <super::import::ImportPeople/>
                <super::bookmarks::SharedBookmarks/>
                <super::api_tokens::ApiTokens/>
                <super::audit_log::AuditLog/>
            </Show>
        </RequireLogin>
    }
}

/// This site's origin, for the links an admin passes on.
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn capability_label(capability: Capability) -> Msg {
    match capability {
        Capability::Communications => Msg::HoldsCommunications,
        Capability::Places => Msg::HoldsPlaces,
        Capability::Ideas => Msg::HoldsIdeas,
        Capability::Moderation => Msg::HoldsModeration,
        Capability::Hr => Msg::HoldsHr,
    }
}

fn role_label(role: Role) -> Msg {
    match role {
        Role::Admin => Msg::Admin,
        Role::Member => Msg::Member,
    }
}

#[component]
fn Invites() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let as_admin = RwSignal::new(false);
    let key = RwSignal::new(api::new_key());
    let issued = RwSignal::new(None::<IssuedInvite>);
    let pending = Call::new();
    let load = move || pending.run(api::pending_invites());
    load();
    let issue = Call::new();
    let role = move || {
        if as_admin.get_untracked() {
            Role::Admin
        } else {
            Role::Member
        }
    };
    // Both kinds answer an IssuedInvite; show it once, refresh the open list, use a new key.
    let settle = move |result: Result<IssuedInvite, Error>| {
        let invite = result?;
        issued.set(Some(invite));
        email.set(String::new());
        key.set(api::new_key());
        load();
        Ok(())
    };
    let invite = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (req, k) = (
            InviteRequest {
                email: email.get_untracked(),
                role: role(),
            },
            key.get_untracked(),
        );
        issue.run(async move { settle(api::invite(&req, &k).await) });
    };
    let code = move |_| {
        let (req, k) = (AccessCodeRequest { role: role() }, key.get_untracked());
        issue.run(async move { settle(api::access_code(&req, &k).await) });
    };
    let origin = origin();
    view! {
        <section class="card">
            <h1>{t(Msg::Invite)}</h1>
            <form on:submit=invite>
                <label for="invite-email">{t(Msg::Email)}</label>
                <input id="invite-email" type="email" inputmode="email" autocomplete="off" required
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || as_admin.get()
                        on:change=move |ev| as_admin.set(event_target_checked(&ev))/>
                    {t(Msg::Role)} ": " {t(Msg::Admin)}
                </label>
                <button type="submit" class="primary wide" disabled=move || issue.pending.get()>
                    {t(Msg::InviteByEmail)}
                </button>
            </form>
            <button type="button" class="wide" disabled=move || issue.pending.get() on:click=code>
                {t(Msg::NewAccessCode)}
            </button>
            {issue.error_view()}
            {move || issued.get().map(|i| {
                let link = i.link.map(|l| format!("{origin}{l}"));
                let is_link = link.is_some();
                view! {
                    <div class="notice issued" role="status">
                        <p>{move || if is_link { t(Msg::InviteLinkReady) } else { t(Msg::AccessCodeReady) }}</p>
                        <p><output class="secret">{link.or(i.code)}</output></p>
                        <p class="muted small">{t(Msg::CopyHint)}</p>
                    </div>
                }
            })}
        </section>
        <section class="card">
            <h2>{t(Msg::PendingInvites)}</h2>
            {move || match pending.result.get() {
                None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="muted">{t(Msg::NothingYet)}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <ul class="list">
                        <For each=move || list.clone() key=|p| p.id.clone() let:p>
                            <PendingRow invite=p on_revoked=load/>
                        </For>
                    </ul>
                }.into_any(),
                Some(Err(_)) => pending.error_view().into_any(),
            }}
        </section>
    }
}

#[component]
fn PendingRow(
    invite: PendingInvite,
    on_revoked: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = StoredValue::new(invite.id.clone());
    let revoke = Call::new();
    let who = invite.email.clone();
    let role = invite.role;
    view! {
        <li class="list-row">
            <div>
                <div>{who.unwrap_or_else(|| t(Msg::AccessCode).to_string())}</div>
                <div class="muted small">
                    {t(role_label(role))} " · " {t(Msg::Expires)} " "
                    <TimeAgo at=invite.expires_at/>
                </div>
            </div>
            <button type="button" disabled=move || revoke.pending.get() on:click=move |_| {
                let id = id.get_value();
                revoke.run(async move {
                    api::revoke_invite(&id).await?;
                    on_revoked();
                    Ok(())
                });
            }>{t(Msg::Revoke)}</button>
        </li>
    }
}

#[component]
fn PeopleList() -> impl IntoView {
    let pager = Pager::<Person>::new();
    let people = pager.items;
    let q = RwSignal::new(String::new());
    let load = move |cursor: Option<String>| {
        let q = q.get_untracked();
        pager.load(cursor.is_some(), async move {
            api::people(q.trim(), cursor.as_deref()).await
        });
    };
    load(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        load(None);
    };
    view! {
        <section class="card" data-testid="people">
            <h2>{t(Msg::People)}</h2>
            <form class="search" role="search" on:submit=submit>
                <label class="visually-hidden" for="manage-people-q">{t(Msg::Search)}</label>
                <input id="manage-people-q" type="search" enterkeyhint="search"
                    placeholder=t(Msg::FindPersonHint)
                    prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))/>
                <button type="submit" aria-label=t(Msg::Search)>"🔍"</button>
            </form>
            <ul class="list">
                <For each=move || people.get() key=|p| (p.id.clone(), p.active) let:person>
                    <PersonRow person=person people=people/>
                </For>
            </ul>
            {pager.footer(move || load(pager.cursor()))}
        </section>
    }
}

#[component]
fn PersonRow(person: Person, people: RwSignal<Vec<Person>>) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(person.id.clone());
    let toggle = Call::new();
    let set_active = move |activate: bool| {
        toggle.run(async move {
            let id = id.get_value();
            if activate {
                api::reactivate(&id).await?
            } else {
                api::deactivate(&id).await?
            }
            people.update(|list| {
                if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                    p.active = activate;
                }
            });
            Ok(())
        });
    };
    let sessions_ended = RwSignal::new(false);
    let end_sessions = Call::new();
    let log_out_everywhere = move |_| {
        if confirm(t(Msg::ConfirmLogOutEverywhere)) {
            end_sessions.run(async move {
                api::log_out_everywhere(&id.get_value()).await?;
                sessions_ended.set(true);
                Ok(())
            });
        }
    };
    let reset = Call::new();
    let issue_reset =
        move |_| reset.run(async move { api::issue_password_reset(&id.get_value()).await });
    let active = person.active;
    let role = RwSignal::new(person.role);
    let grants = RwSignal::new(person.grants);
    // What they may do beyond their role, readable without opening "Manage".
    let rights = move || {
        let held = grants.get();
        let names: Vec<&str> = Capability::ALL
            .into_iter()
            .filter(|c| held.holds(*c))
            .map(|c| t(capability_label(c)))
            .collect();
        (!names.is_empty()).then(|| view! { <div class="muted small">{names.join(" · ")}</div> })
    };
    let is_me = session.user().is_some_and(|me| me.id == person.id);
    let name = person.name.clone();
    let manage_name = StoredValue::new(person.name.clone());
    view! {
        <li class="list-row">
            <div>
                <div>
                    {person.name.clone()}
                    <Show when=move || !active><span class="badge">{t(Msg::Deactivated)}</span></Show>
                </div>
                <div class="muted small">
                    {person.email.clone()} " · " {move || t(role_label(role.get()))}
                    {person.department.clone().map(|d| format!(" · {d}"))}
                    {person.branch.clone().map(|b| format!(" · {b}"))}
                </div>
                {rights}
            </div>
            <Show when=move || !is_me>
                // Folded: a page of 50 people with eight buttons each was 40 phone screens long.
                <details class="person-actions">
                <summary aria-label=format!("{} {}", t(Msg::Manage), manage_name.get_value())>{t(Msg::Manage)}</summary>
                <div class="actions">
                <Show when=move || active>
                    <button type="button" disabled=move || end_sessions.pending.get() on:click=log_out_everywhere>
                        {t(Msg::LogOutEverywhere)}
                    </button>
                    <button type="button" disabled=move || reset.pending.get() on:click=issue_reset>
                        {t(Msg::ResetLink)}
                    </button>
                    <RoleToggle person_id=id.get_value() role/>
                    <GrantToggle person_id=id.get_value() capability=Capability::Communications
                        grants on=Msg::CommunicationsOn off=Msg::CommunicationsOff/>
                    <GrantToggle person_id=id.get_value() capability=Capability::Places
                        grants on=Msg::PlaceEditorOn off=Msg::PlaceEditorOff/>
                    <GrantToggle person_id=id.get_value() capability=Capability::Ideas
                        grants on=Msg::IdeaReviewerOn off=Msg::IdeaReviewerOff/>
                    <GrantToggle person_id=id.get_value() capability=Capability::Moderation
                        grants on=Msg::ModeratorOn off=Msg::ModeratorOff/>
                    <GrantToggle person_id=id.get_value() capability=Capability::Hr
                        grants on=Msg::HrOn off=Msg::HrOff/>
                </Show>
                <button type="button" class:danger=active aria-label=format!("{} {}", if active { t(Msg::Deactivate) } else { t(Msg::Reactivate) }, name)
                    on:click=move |_| {
                        if !active || confirm(t(Msg::ConfirmDeactivate)) {
                            set_active(!active);
                        }
                    }>
                    {move || if active { t(Msg::Deactivate) } else { t(Msg::Reactivate) }}
                </button>
                </div>
                </details>
            </Show>
            <Show when=move || sessions_ended.get()>
                <p class="notice small" role="status">{t(Msg::LoggedOutEverywhere)}</p>
            </Show>
            {end_sessions.error_view()}
            {move || reset.result.get().and_then(Result::ok).map(|issued| view! {
                <div class="notice issued" role="status">
                    <p>{t(Msg::ResetLinkReady)}</p>
                    <p><output class="secret">{format!("{}{}", origin(), issued.link)}</output></p>
                    <p class="muted small">{t(Msg::CopyHint)}</p>
                </div>
            })}
            {reset.error_view()}
        </li>
    }
}

/// A button that makes the person an admin or a member again, after confirming: the most
/// powerful change an admin makes, so it is never one stray tap.
#[component]
fn RoleToggle(person_id: String, role: RwSignal<Role>) -> impl IntoView {
    let id = StoredValue::new(person_id);
    let change = Call::new();
    let toggle = move |_| {
        let (to, question) = match role.get_untracked() {
            Role::Admin => (Role::Member, Msg::ConfirmRemoveAdmin),
            Role::Member => (Role::Admin, Msg::ConfirmMakeAdmin),
        };
        if confirm(t(question)) {
            change.run(async move {
                api::set_role(&id.get_value(), to).await?;
                role.set(to);
                Ok(())
            });
        }
    };
    view! {
        <button type="button" aria-pressed=move || (role.get() == Role::Admin).to_string()
            disabled=move || change.pending.get() on:click=toggle>
            {move || if role.get() == Role::Admin { t(Msg::AdminOn) } else { t(Msg::AdminOff) }}
        </button>
        {change.error_view()}
    }
}

/// A button that grants or withdraws one capability, showing whether it is held.
#[component]
fn GrantToggle(
    person_id: String,
    capability: Capability,
    grants: RwSignal<Grants>,
    on: Msg,
    off: Msg,
) -> impl IntoView {
    let id = StoredValue::new(person_id);
    let held = move || grants.get().holds(capability);
    let grant = Call::new();
    let toggle = move |_| {
        let enabled = !grants.get_untracked().holds(capability);
        grant.run(async move {
            api::set_grant(&id.get_value(), capability, enabled).await?;
            grants.update(|g| g.set(capability, enabled));
            Ok(())
        });
    };
    view! {
        <button type="button" aria-pressed=move || held().to_string()
            disabled=move || grant.pending.get() on:click=toggle>
            {move || if held() { t(on) } else { t(off) }}
        </button>
        {grant.error_view()}
    }
}
