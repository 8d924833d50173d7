//! Admins: API tokens for outside systems (the innovation tracker sets ideas' status with one).
//! A new token's secret is shown once; revoking one stops it at its next request.

use crate::api;
use crate::call::Call;
use crate::components::time_ago::TimeAgo;
use crate::confirm::confirm;
use crate::i18n::{Msg, t};
use balai_protocol::integrations::{ApiToken, IssuedApiToken, NewApiToken};
use balai_protocol::limits::TOKEN_NAME_MAX_CHARS;
use leptos::prelude::*;

#[component]
pub fn ApiTokens() -> impl IntoView {
    let list = Call::<Vec<ApiToken>>::new();
    let load = move || list.run(api::api_tokens());
    load();
    let name = RwSignal::new(String::new());
    let issue = Call::<IssuedApiToken>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewApiToken {
            name: name.get_untracked(),
        };
        issue.run(async move {
            let issued = api::issue_api_token(&input).await?;
            name.set(String::new());
            load();
            Ok(issued)
        });
    };
    view! {
        <section class="card" data-testid="api-tokens">
            <h2>{t(Msg::ApiTokensTitle)}</h2>
            <p class="muted small">{t(Msg::ApiTokensHelp)}</p>
            <form class="inline-form" on:submit=submit>
                <label for="token-name">{t(Msg::TokenName)}</label>
                <input id="token-name" type="text" required maxlength=TOKEN_NAME_MAX_CHARS
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="submit" class="primary" disabled=move || issue.pending.get()>{t(Msg::IssueToken)}</button>
            </form>
            {issue.error_view()}
            {move || issue.result.get().and_then(Result::ok).map(|i| view! {
                <div class="notice issued" role="status">
                    <p><output class="secret">{i.secret}</output></p>
                    <p class="muted small">{t(Msg::TokenShownOnce)}</p>
                </div>
            })}
            {list.error_view()}
            <ul class="list">
                {move || list.result.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|token| {
                    view! { <TokenRow token=token on_revoked=load/> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn TokenRow(
    token: ApiToken,
    on_revoked: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = StoredValue::new(token.id.clone());
    let revoke = Call::new();
    let revoked = token.revoked;
    view! {
        <li class="list-row">
            <div>
                <strong>{token.name.clone()}</strong>
                {revoked.then(|| view! { " " <span class="badge">{t(Msg::RevokedBadge)}</span> })}
                <div class="muted small">
                    {token.scope.clone()} " · " {token.created_by.name.clone()} " · "
                    {match token.last_used_at {
                        Some(at) => view! { {t(Msg::LastUsed)} " " <TimeAgo at=at/> }.into_any(),
                        None => t(Msg::NeverUsed).into_any(),
                    }}
                </div>
            </div>
            <Show when=move || !revoked>
                <button type="button" class="danger" disabled=move || revoke.pending.get() on:click=move |_| {
                    if confirm(t(Msg::Revoke)) {
                        revoke.run(async move {
                            api::revoke_api_token(&id.get_value()).await?;
                            on_revoked();
                            Ok(())
                        });
                    }
                }>{t(Msg::Revoke)}</button>
            </Show>
            {revoke.error_view()}
        </li>
    }
}
