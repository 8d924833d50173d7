use crate::api;
use crate::call::Call;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{self, Lang, Msg, t};
use crate::pager::Pager;
use crate::pages::password::ChangePassword;
use crate::push;
use crate::session::use_session;
use balai_protocol::auth::SessionInfo;
use balai_protocol::feed::{FollowKind, Followed};
use balai_protocol::notifications::{Kind, PushKey, Setting};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <RequireLogin><Settings/></RequireLogin> }
}

#[component]
fn Settings() -> impl IntoView {
    let session = use_session();
    let sessions = Call::new();
    let load = move || sessions.run(api::sessions());
    load();
    let logout = Call::new();
    let log_out = move |_| {
        logout.run(async move {
            api::logout().await?;
            crate::offline::forget_person();
            session.me.set(Some(None));
            crate::router::navigate("/login");
            Ok(())
        })
    };
    let me = session.user();
    view! {
        <section class="card">
            <h1>{me.as_ref().map(|m| m.name.clone())}</h1>
            <p class="muted">{me.map(|m| m.email)}</p>
            <label for="language">{t(Msg::Language)}</label>
            <select id="language" on:change=move |ev| {
                i18n::set(if event_target_value(&ev) == "id" { Lang::Id } else { Lang::En });
            }>
                <option value="en" selected=i18n::current() == Lang::En>"English"</option>
                <option value="id" selected=i18n::current() == Lang::Id>"Bahasa Indonesia"</option>
            </select>
        </section>
        <NotificationSettings/>
        <Follows/>
        <SavedFilters/>
        <ChangePassword on_changed=load/>
        <section class="card">
            <h2>{t(Msg::YourSessions)}</h2>
            {move || match sessions.result.get() {
                None => view! { <p class="muted">{t(Msg::Loading)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="list">
                        <For each=move || list.clone() key=|s| s.id.clone() let:s>
                            <SessionRow info=s on_ended=load/>
                        </For>
                    </ul>
                }.into_any(),
                Some(Err(_)) => sessions.error_view().into_any(),
            }}
        </section>
        <button type="button" class="wide danger" on:click=log_out>{t(Msg::LogOut)}</button>
        {logout.error_view()}
    }
}

#[component]
fn SessionRow(
    info: SessionInfo,
    on_ended: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = StoredValue::new(info.id.clone());
    let end = Call::new();
    let current = info.current;
    view! {
        <li class="list-row">
            <div>
                <div class="small">{device_name(&info.user_agent)}
                    <Show when=move || current><span class="badge">{t(Msg::ThisDevice)}</span></Show>
                </div>
                <div class="muted small">{t(Msg::LastSeen)} " " <TimeAgo at=info.last_seen_at/></div>
            </div>
            <Show when=move || !current>
                <button type="button" on:click=move |_| {
                    let id = id.get_value();
                    end.run(async move {
                        api::end_session(&id).await?;
                        on_ended();
                        Ok(())
                    });
                }>{t(Msg::EndSession)}</button>
            </Show>
        </li>
    }
}

/// A short, human name for a browser from its user agent.
fn device_name(ua: &str) -> String {
    let os = ["Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux"]
        .into_iter()
        .find(|os| ua.contains(os))
        .unwrap_or("?");
    let browser = ["Edg", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| ua.contains(b))
        .unwrap_or("Browser");
    format!("{browser} · {os}")
}

/// Which kinds of notification reach me, in the app and on my phones: two switches each, under
/// this phone's own switch.
#[component]
fn NotificationSettings() -> impl IntoView {
    let settings = RwSignal::new(Vec::<Setting>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::notification_settings().await {
            settings.set(list);
        }
    });
    // Reports reach only those who moderate; nobody else has that switch to set.
    let session = use_session();
    let listed = move || {
        let moderates = session.may_moderate();
        let mut list = settings.get();
        list.retain(|s| s.kind != Kind::Report || moderates);
        list
    };
    let change = Call::<()>::new();
    let toggle = move |setting: Setting| {
        change.run(async move {
            settings.set(api::set_notification(setting).await?);
            Ok(())
        });
    };
    view! {
        <section class="card">
            <h2>{t(Msg::NotificationSettings)}</h2>
            <PhoneNotifications/>
            <div class="notify-grid">
                <span></span>
                <span class="muted small">{t(Msg::InApp)}</span>
                <span class="muted small">{t(Msg::OnPhone)}</span>
                <For each=listed key=|s| (s.kind, s.enabled, s.push) let:setting>
                    <span>{t(kind_label(setting.kind))}</span>
                    <label class="cell" title=t(Msg::InApp)>
                        <input type="checkbox" prop:checked=setting.enabled
                            aria-label=format!("{}: {}", t(kind_label(setting.kind)), t(Msg::InApp))
                            on:change=move |ev| toggle(Setting { enabled: event_target_checked(&ev), ..setting })/>
                    </label>
                    <label class="cell" title=t(Msg::OnPhone)>
                        <input type="checkbox" prop:checked=setting.enabled && setting.push == Some(true)
                            disabled=!setting.enabled
                            aria-label=format!("{}: {}", t(kind_label(setting.kind)), t(Msg::OnPhone))
                            on:change=move |ev| toggle(Setting { push: Some(event_target_checked(&ev)), ..setting })/>
                    </label>
                </For>
            </div>
            {change.error_view()}
        </section>
    }
}

/// Where this phone stands with notifications, and its switch.
#[derive(Clone, Copy, PartialEq)]
enum Phone {
    Checking,
    Unsupported,
    NotSetUp,
    Blocked,
    Off,
    On,
    Failed,
}

/// This phone's own switch: on, the browser asks the person's permission and subscribes, and the
/// server pushes to it what is ticked under "Phone" (`service/push.rs` on the server).
#[component]
fn PhoneNotifications() -> impl IntoView {
    let state = RwSignal::new(Phone::Checking);
    let key = StoredValue::new(None::<String>);
    leptos::task::spawn_local(async move {
        if !push::supported() {
            return state.set(Phone::Unsupported);
        }
        let k = match api::push_key().await {
            Ok(PushKey {
                public_key: Some(k),
            }) => k,
            Ok(_) => return state.set(Phone::NotSetUp),
            // Offline, say: "try again later".
            Err(_) => return state.set(Phone::Failed),
        };
        key.set_value(Some(k));
        state.set(match push::current().await {
            Some(_) => Phone::On,
            None if push::blocked() => Phone::Blocked,
            None => Phone::Off,
        });
    });
    let change = Call::<()>::new();
    let turn_on = move |_| {
        let key = key.get_value().unwrap_or_default();
        let permission = push::ask_permission();
        change.run(async move {
            match push::subscribe(permission, &key).await {
                push::Asked::Endpoint(endpoint) => {
                    api::set_push(endpoint, true).await?;
                    state.set(Phone::On);
                }
                push::Asked::Refused if push::blocked() => state.set(Phone::Blocked),
                push::Asked::Refused => {}
                push::Asked::Failed => state.set(Phone::Failed),
            }
            Ok(())
        })
    };
    let turn_off = move |_| {
        change.run(async move {
            if let Some(endpoint) = push::unsubscribe().await {
                api::set_push(endpoint, false).await?;
            }
            state.set(Phone::Off);
            Ok(())
        })
    };
    view! {
        <div class="phone-push" data-testid="phone-push">
            <h3>{t(Msg::PhoneNotifications)}</h3>
            {move || {
                let note = |m: Msg| view! { <p class="muted small">{t(m)}</p> }.into_any();
                match state.get() {
                    Phone::Checking => note(Msg::Loading),
                    Phone::Unsupported => note(Msg::PhoneUnsupported),
                    Phone::NotSetUp => note(Msg::PhoneNotSetUp),
                    Phone::Blocked => note(Msg::PhoneBlocked),
                    Phone::On => view! {
                        <p class="small">{t(Msg::PhoneOnNote)}</p>
                        <button type="button" on:click=turn_off>{t(Msg::TurnOff)}</button>
                    }.into_any(),
                    state => view! {
                        <p class="small">{t(if state == Phone::Failed { Msg::PhoneFailed } else { Msg::PhoneOffNote })}</p>
                        <button type="button" class="primary" on:click=turn_on>{t(Msg::TurnOn)}</button>
                    }.into_any(),
                }
            }}
            {change.error_view()}
        </div>
    }
}

fn kind_label(kind: Kind) -> Msg {
    match kind {
        Kind::Mention => Msg::KindMention,
        Kind::Comment => Msg::KindComment,
        Kind::Reply => Msg::KindReply,
        Kind::Like => Msg::KindLike,
        Kind::GroupPost => Msg::KindGroupPost,
        Kind::JoinRequest => Msg::KindJoinRequest,
        Kind::Announcement => Msg::KindAnnouncement,
        Kind::IdeaStatus => Msg::KindIdeaStatus,
        Kind::IdeaComment => Msg::KindIdeaComment,
        Kind::IdeaThanks => Msg::KindIdeaThanks,
        Kind::AckReminder => Msg::KindAckReminder,
        Kind::Report => Msg::KindReport,
        Kind::ReportRemoved => Msg::KindReportRemoved,
        Kind::ReportKept => Msg::KindReportKept,
        Kind::Removed => Msg::KindRemoved,
    }
}

/// What I follow, each linked and each to unfollow here, a page at a time: where someone who
/// follows dozens of colleagues, groups and tags tidies them without visiting each.
#[component]
fn Follows() -> impl IntoView {
    let pager = Pager::<Followed>::new();
    let load = move |cursor: Option<String>| {
        pager.load(cursor.is_some(), async move {
            api::follows(cursor.as_deref()).await
        })
    };
    load(None);
    let failed = Call::new();
    let unfollow = move |kind: FollowKind, target: String| {
        failed.run(async move {
            api::unfollow(kind, &target).await?;
            pager
                .items
                .update(|list| list.retain(|f| !(f.kind == kind && f.target == target)));
            Ok(())
        })
    };
    view! {
        <section class="card">
            <h2>{t(Msg::WhatIFollow)}</h2>
            <ul class="list">
                <For each=move || pager.items.get() key=|f| (f.kind, f.target.clone()) let:f>
                    <li class="list-row">
                        <FollowedLink followed=f.clone()/>
                        <button type="button" on:click={
                            let target = f.target.clone();
                            move |_| unfollow(f.kind, target.clone())
                        }>{t(Msg::StopFollowing)}</button>
                    </li>
                </For>
            </ul>
            {failed.error_view()}
            {pager.footer(move || load(pager.cursor()))}
        </section>
    }
}

/// A followed person, group or tag, linked to its page (a group the reader may no longer see
/// is named as such, unlinked).
#[component]
fn FollowedLink(followed: Followed) -> impl IntoView {
    let Followed {
        kind,
        target,
        name,
        former,
        ..
    } = followed;
    let Some(name) = name else {
        return view! { <span class="muted">{t(Msg::HiddenGroup)}</span> }.into_any();
    };
    let (icon, href, label) = match kind {
        FollowKind::Person => ("👤 ", format!("/people/{target}"), name),
        FollowKind::Group => ("👥 ", format!("/g/{target}"), name),
        FollowKind::Tag => (
            "",
            format!("/t/{}", crate::router::encode(&target)),
            format!("#{name}"),
        ),
    };
    view! {
        <span>
            <span aria-hidden="true">{icon}</span>
            <a class="row-link" href=href>{label}</a>
            {former.then(|| view! { " " <span class="badge">{t(Msg::FormerEmployee)}</span> })}
        </span>
    }
    .into_any()
}

/// The saved filters shown on the home feed, each removable.
#[component]
fn SavedFilters() -> impl IntoView {
    let filters = Call::new();
    let load = move || filters.run(api::saved_filters());
    load();
    let remove = move |id: String| {
        leptos::task::spawn_local(async move {
            if api::remove_filter(&id).await.is_ok() {
                load();
            }
        });
    };
    view! {
        {move || filters.result.get().and_then(|r| r.ok()).filter(|l| !l.is_empty()).map(|list| view! {
            <section class="card">
                <h2>{t(Msg::SavedFilters)}</h2>
                <ul class="list">
                    {list.into_iter().map(|f| {
                        let id = f.id.clone();
                        view! {
                            <li class="list-row">
                                <span>{f.name}</span>
                                <button type="button" class="danger" on:click=move |_| remove(id.clone())>
                                    {t(Msg::Remove)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
