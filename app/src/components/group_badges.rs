use crate::i18n::{Msg, t};
use balai_protocol::groups::{MemberState, Visibility};
use leptos::prelude::*;

/// Open, closed or secret, as a small label.
#[component]
pub fn VisibilityBadge(visibility: Visibility) -> impl IntoView {
    let label = match visibility {
        Visibility::Open => Msg::OpenGroup,
        Visibility::Closed => Msg::ClosedGroup,
        Visibility::Secret => Msg::SecretGroup,
    };
    view! { <span class="badge">{t(label)}</span> }
}

/// Where the reader stands with a group, in words.
pub fn state_label(state: MemberState) -> Msg {
    match state {
        MemberState::Active => Msg::Member,
        MemberState::Requested => Msg::Requested,
        MemberState::Invited => Msg::Invited,
    }
}
