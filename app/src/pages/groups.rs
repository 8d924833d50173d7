use crate::api;
use crate::call::Call;
use crate::components::group_badges::{VisibilityBadge, state_label};
use crate::components::require_login::RequireLogin;
use crate::i18n::{Msg, t};
use crate::pager::Pager;
use crate::router::navigate;
use balai_protocol::groups::{Category, Group, NewGroup, Visibility};
use balai_protocol::limits::{GROUP_DESCRIPTION_MAX_CHARS, GROUP_NAME_MAX_CHARS};
use leptos::prelude::*;

/// Groups: the reader's own, or every group they may see, and a form to start one.
#[component]
pub fn GroupsPage() -> impl IntoView {
    view! {
        <RequireLogin>
            <h1 class="page-title">{t(Msg::Groups)}</h1>
            <NewGroupForm/>
            <GroupList/>
        </RequireLogin>
    }
}

#[component]
fn GroupList() -> impl IntoView {
    let mine = RwSignal::new(false);
    let pager = Pager::<Group>::new();
    let groups = pager.items;
    let load = move |cursor: Option<String>| {
        let append = cursor.is_some();
        pager.load(append, async move {
            api::groups(mine.get_untracked(), cursor.as_deref()).await
        });
    };
    load(None);
    let show = move |want_mine: bool| {
        mine.set(want_mine);
        load(None);
    };
    view! {
        <div class="tabs" role="group">
            <button type="button" class="chip" aria-pressed=move || (!mine.get()).to_string()
                on:click=move |_| show(false)>{t(Msg::AllGroups)}</button>
            <button type="button" class="chip" aria-pressed=move || mine.get().to_string()
                on:click=move |_| show(true)>{t(Msg::MyGroups)}</button>
        </div>
        <ul class="list">
            <For each=move || groups.get() key=|g| (g.id.clone(), g.my_state, g.member_count) let:group>
                <li class="card list-row group-row">
                    <a href=format!("/g/{}", group.id) class="group-link">
                        <strong>{group.name.clone()}</strong>
                        <span class="muted small">
                            {group.member_count} " " {t(Msg::Members)}
                        </span>
                    </a>
                    <span>
                        <VisibilityBadge visibility=group.visibility/>
                        {group.my_state.map(|s| view! { <span class="badge">{t(state_label(s))}</span> })}
                    </span>
                </li>
            </For>
        </ul>
        {pager.footer(move || load(pager.cursor()))}
    }
}

fn category_of(value: &str) -> Category {
    match value {
        "branch" => Category::Branch,
        "department" => Category::Department,
        "interest" => Category::Interest,
        "other" => Category::Other,
        _ => Category::Project,
    }
}

fn visibility_of(value: &str) -> Visibility {
    match value {
        "closed" => Visibility::Closed,
        "secret" => Visibility::Secret,
        _ => Visibility::Open,
    }
}

#[component]
fn NewGroupForm() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new("project".to_string());
    let visibility = RwSignal::new("open".to_string());
    let tags = RwSignal::new(String::new());
    let key = RwSignal::new(api::new_key());
    let create = Call::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewGroup {
            name: name.get_untracked(),
            description: description.get_untracked(),
            category: category_of(&category.get_untracked()),
            tags: tags
                .get_untracked()
                .split([' ', ','])
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            visibility: visibility_of(&visibility.get_untracked()),
        };
        let k = key.get_untracked();
        create.run(async move {
            let group = api::create_group(&input, &k).await?;
            navigate(&format!("/g/{}", group.id));
            Ok(())
        });
    };
    let categories = [
        ("project", Msg::CatProject),
        ("branch", Msg::CatBranch),
        ("department", Msg::CatDepartment),
        ("interest", Msg::CatInterest),
        ("other", Msg::CatOther),
    ];
    let visibilities = [
        ("open", Msg::VisOpen),
        ("closed", Msg::VisClosed),
        ("secret", Msg::VisSecret),
    ];
    view! {
        <details class="card">
            <summary>{t(Msg::NewGroup)}</summary>
            <form on:submit=submit>
                <label for="group-name">{t(Msg::GroupName)}</label>
                <input id="group-name" type="text" required maxlength=GROUP_NAME_MAX_CHARS
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="group-description">{t(Msg::Description)}</label>
                <textarea id="group-description" rows="2" maxlength=GROUP_DESCRIPTION_MAX_CHARS
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                <label for="group-category">{t(Msg::Category)}</label>
                <select id="group-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    {categories.into_iter().map(|(value, label)| view! { <option value=value>{t(label)}</option> }).collect_view()}
                </select>
                <label for="group-visibility">{t(Msg::Visibility)}</label>
                <select id="group-visibility" on:change=move |ev| visibility.set(event_target_value(&ev))>
                    {visibilities.into_iter().map(|(value, label)| view! { <option value=value>{t(label)}</option> }).collect_view()}
                </select>
                <label for="group-tags">{t(Msg::TagsHint)}</label>
                <input id="group-tags" type="text" autocomplete="off"
                    prop:value=move || tags.get() on:input=move |ev| tags.set(event_target_value(&ev))/>
                <button type="submit" class="primary wide" disabled=move || create.pending.get()>
                    {t(Msg::CreateGroup)}
                </button>
                {create.error_view()}
            </form>
        </details>
    }
}
