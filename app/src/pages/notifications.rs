use crate::api;
use crate::components::require_login::RequireLogin;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::session::use_session;
use crate::unread::use_unread;
use balai_protocol::feed::comment_anchor;
use balai_protocol::notifications::{Kind, Notification};
use leptos::prelude::*;

/// The notification centre: newest first, unread marked; opening one marks it read.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! { <RequireLogin><Centre/></RequireLogin> }
}

#[component]
fn Centre() -> impl IntoView {
    let pager = Pager::<Notification>::new();
    let items = pager.items;
    let unread = use_unread();
    let load = move |cursor: Option<String>| {
        let append = cursor.is_some();
        pager.load(append, async move {
            api::notifications(cursor.as_deref()).await
        });
    };
    load(None);
    let read_all = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(u) = api::mark_read(None).await {
                unread.0.set(u.unread);
                items.update(|i| i.iter_mut().for_each(|n| n.read = true));
            }
        });
    };
    let session = use_session();
    view! {
        <h1 class="page-title">{t(Msg::Notifications)}</h1>
        <Show when=move || session.may_moderate()>
            <p><a class="chip" href="/moderation">"⚑ " {t(Msg::Moderation)}</a></p>
        </Show>
        <button type="button" class="wide" on:click=read_all>{t(Msg::MarkAllRead)}</button>
        <ul class="list">
            <For each=move || items.get() key=|n| (n.id, n.read, n.actor_count) let:n>
                <Item n=n/>
            </For>
        </ul>
        {pager.footer(move || load(pager.cursor()))}
    }
}

/// What a kind of notification says someone did ("mentioned you"), and whether the group's
/// name follows it.
pub fn verb(kind: Kind) -> (Msg, bool) {
    match kind {
        Kind::Mention => (Msg::NMentioned, false),
        Kind::Comment => (Msg::NCommented, false),
        Kind::Reply => (Msg::NReplied, false),
        Kind::Like => (Msg::NLiked, false),
        Kind::GroupPost => (Msg::NGroupPost, true),
        Kind::JoinRequest => (Msg::NJoinRequest, true),
        Kind::Announcement => (Msg::NAnnouncement, false),
        Kind::IdeaStatus => (Msg::NIdeaStatus, false),
        Kind::IdeaComment => (Msg::NIdeaComment, false),
        Kind::IdeaThanks => (Msg::NIdeaThanks, false),
        Kind::AckReminder => (Msg::NAckReminder, false),
        Kind::Report => (Msg::NReported, false),
        Kind::ReportRemoved => (Msg::NReportRemoved, false),
        Kind::ReportKept => (Msg::NReportKept, false),
        Kind::Removed => (Msg::NRemoved, false),
    }
}

/// What happened, in a sentence: "Ani and 4 others liked your post".
fn sentence(n: &Notification) -> String {
    let mut s = n.actor.name.clone();
    if n.actor_count > 1 {
        let others = n.actor_count - 1;
        let noun = if others == 1 {
            Msg::NOther
        } else {
            Msg::NOthers
        };
        s.push_str(&format!(" {} {others} {}", t(Msg::NAndOthers), t(noun)));
    }
    let (verb, group) = verb(n.kind);
    s.push(' ');
    s.push_str(t(verb));
    if let (true, Some(g)) = (group, &n.group) {
        s.push(' ');
        s.push_str(&g.name);
    }
    s
}

#[component]
fn Item(n: Notification) -> impl IntoView {
    let unread = use_unread();
    // Opened at the comment it is about, if any.
    let at = n
        .comment_id
        .as_ref()
        .map(|c| format!("#{}", comment_anchor(c)))
        .unwrap_or_default();
    let href = match (&n.post_id, &n.idea_id, &n.group) {
        _ if n.kind == Kind::Report => "/moderation".to_string(),
        (Some(p), _, _) => format!("/p/{p}{at}"),
        (None, Some(i), _) => format!("/ideas/{i}{at}"),
        (None, None, Some(g)) => format!("/g/{}", g.id),
        // (A removed post's reporter: nowhere left to go.)
        _ => "/notifications".to_string(),
    };
    let id = n.id;
    let was_unread = !n.read;
    let open = move |_| {
        if was_unread {
            leptos::task::spawn_local(async move {
                if let Ok(u) = api::mark_read(Some(id)).await {
                    unread.0.set(u.unread);
                }
            });
        }
    };
    view! {
        <li class="list-row notification" class:unread=was_unread>
            <a class="result" href=href on:click=open>
                {n.for_person.clone().map(|f| view! {
                    <span class="badge for" data-testid="for-person">{t(Msg::ForPerson)} " " {f.name}</span>
                })}
                <strong>{sentence(&n)}</strong>
                {n.quote.map(|q| view! { <q class="snippet" data-testid="quote">{q}</q> })}
                {n.excerpt.map(|e| view! { <span class="snippet muted">{e}</span> })}
                <span class="muted small"><TimeAgo at=n.created_at/></span>
            </a>
        </li>
    }
}
