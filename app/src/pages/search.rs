use crate::api::{self, Error};
use crate::components::error_text::ErrorText;
use crate::components::follow_button::FollowButton;
use crate::components::post_card::AuthorName;
use crate::components::require_login::RequireLogin;
use crate::components::search_box::SearchBox;
use crate::components::time_ago::TimeAgo;
use crate::i18n::{Msg, t};
use crate::router::encode;
use balai_protocol::feed::FollowKind;
use balai_protocol::feed::comment_anchor;
use balai_protocol::search::{PostHit, SearchResults};
use leptos::prelude::*;

/// Search results grouped by kind; posts page on with "load more".
#[component]
pub fn SearchPage(q: String) -> impl IntoView {
    let q = StoredValue::new(q);
    view! {
        <RequireLogin>
            <h1 class="visually-hidden">{t(Msg::Search)}</h1>
            <SearchBox value=q.get_value()/>
            <Show when=move || q.with_value(|q| !q.trim().is_empty())>
                <Results q=q.get_value()/>
            </Show>
        </RequireLogin>
    }
}

#[component]
fn Results(q: String) -> impl IntoView {
    let q = StoredValue::new(q);
    let results = RwSignal::new(None::<Result<SearchResults, Error>>);
    // More posts, a page at a time after the grouped answer.
    let more = RwSignal::new(Vec::<PostHit>::new());
    let next = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let first = api::search(&q.get_value(), None, None).await;
        // A full group of posts may have more: ask for the posts page's cursor.
        if let Ok(r) = &first
            && r.posts.len() >= 5
            && let Ok(page) = api::search(&q.get_value(), Some("posts"), None).await
        {
            more.set(page.posts.into_iter().skip(r.posts.len()).collect());
            next.set(page.next_cursor);
        }
        results.set(Some(first));
    });
    let me = StoredValue::new(crate::session::use_session().user().map(|m| m.id));
    let load_more = move |_| {
        leptos::task::spawn_local(async move {
            let cursor = next.get_untracked();
            if let Ok(page) = api::search(&q.get_value(), Some("posts"), cursor.as_deref()).await {
                more.update(|m| m.extend(page.posts));
                next.set(page.next_cursor);
            }
        });
    };
    view! {
        {move || match results.get() {
            None => view! { <p class="muted center">{t(Msg::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorText error=e/> }.into_any(),
            Some(Ok(r)) if r.posts.is_empty() && r.comments.is_empty() && r.people.is_empty()
                && r.groups.is_empty() && r.tags.is_empty() => {
                view! { <p class="muted center">{t(Msg::NoResults)}</p> }.into_any()
            }
            Some(Ok(r)) => view! {
                <Section title=Msg::PeopleResults shown=!r.people.is_empty()>
                    {r.people.into_iter().map(|p| {
                        let follow = (!p.former && me.with_value(|me| me.as_ref() != Some(&p.id))).then(|| view! {
                            <FollowButton kind=FollowKind::Person target=p.id.clone() known=Some(p.follow)/>
                        });
                        // Laid out like the directory's rows: the name leads to their page,
                        // with the position (and competencies) that matched the words.
                        view! {
                            <li class="list-row person-row" data-testid="person-hit">
                                <a class="person-link" href=format!("/people/{}", p.id)>
                                    <span class="person-text">
                                        <strong inner_html=p.name_html></strong>
                                        {p.former.then(|| view! { <span class="badge">{t(Msg::FormerEmployee)}</span> })}
                                        <span class="muted small" inner_html=p.position_html></span>
                                        {p.competencies_html.map(|c| view! {
                                            <span class="small skills" inner_html=c></span>
                                        })}
                                    </span>
                                </a>
                                <span class="contact">
                                    <a class="chip" href=format!("mailto:{}", p.email) aria-label=format!("{} {}", t(Msg::Email), p.email)>"✉"</a>
                                    {follow}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </Section>
                <Section title=Msg::GroupResults shown=!r.groups.is_empty()>
                    {r.groups.into_iter().map(|g| view! {
                        <li class="list-row">
                            // One span, so the marked name stays one line in the link's column.
                            <a class="group-link" href=format!("/g/{}", g.id)><span inner_html=g.name_html></span></a>
                            <span class="muted small">{g.member_count} " " {t(Msg::Members)}</span>
                        </li>
                    }).collect_view()}
                </Section>
                <Section title=Msg::TagResults shown=!r.tags.is_empty()>
                    <li class="tags">
                        {r.tags.into_iter().map(|tag| view! {
                            <a class="chip" href=format!("/t/{}", encode(&tag))>"#" {tag.clone()}</a>
                        }).collect_view()}
                    </li>
                </Section>
                <Section title=Msg::PostResults shown=!r.posts.is_empty()>
                    {r.posts.into_iter().map(|p| view! { <PostResult hit=p/> }).collect_view()}
                    <For each=move || more.get() key=|p| p.id.clone() let:hit>
                        <PostResult hit=hit/>
                    </For>
                    <Show when=move || next.with(|n| n.is_some())>
                        <li><button type="button" class="wide" on:click=load_more>{t(Msg::LoadMore)}</button></li>
                    </Show>
                </Section>
                <Section title=Msg::CommentResults shown=!r.comments.is_empty()>
                    {r.comments.into_iter().map(|c| view! {
                        <li class="list-row">
                            <a class="result" href=format!("/p/{}#{}", c.post_id, comment_anchor(&c.id))>
                                <AuthorName author=c.author plain=true/>
                                <span class="snippet" inner_html=c.snippet_html></span>
                            </a>
                        </li>
                    }).collect_view()}
                </Section>
            }.into_any(),
        }}
    }
}

/// One kind of result under its heading; nothing when there are none.
#[component]
fn Section(title: Msg, shown: bool, children: Children) -> impl IntoView {
    shown.then(|| {
        view! {
            <section class="card">
                <h2>{t(title)}</h2>
                <ul class="list">{children()}</ul>
            </section>
        }
    })
}

/// A matching post: who, when, and the words around the match (escaped, with `<mark>`).
#[component]
fn PostResult(hit: PostHit) -> impl IntoView {
    view! {
        <li class="list-row">
            <a class="result" href=format!("/p/{}", hit.id)>
                <span>
                    <AuthorName author=hit.author plain=true/>
                    {hit.group.map(|g| view! { <span class="muted small">" · " {g.name}</span> })}
                    " · " <TimeAgo at=hit.created_at/>
                </span>
                <span class="snippet" inner_html=hit.snippet_html></span>
            </a>
        </li>
    }
}
