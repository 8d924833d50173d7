//! Groups and membership. Who may see what:
//! - open: everyone sees the group and reads its posts; anyone joins.
//! - closed: everyone sees that it exists; members read its posts; joining is a request that a
//!   manager approves.
//! - secret: only members (and people invited) know it exists; anyone else gets 404.
//!
//! Admins see and manage every group (moderation), but their home feed, like everyone's, holds
//! only the groups they are in.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::notifications::{self, Event, Recipients};
use super::reader::Reader;
use super::{audit, follows, forbidden, not_found, sessions, validate};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, answers, count};
use balai_protocol::auth::Role;
use balai_protocol::feed::{Author, FollowState};
use balai_protocol::groups::{
    Category, Group, GroupRole, Member, MemberState, NewGroup, Visibility,
};
use balai_protocol::limits::{
    GROUP_DESCRIPTION_MAX_CHARS, GROUP_NAME_MAX_CHARS, GROUP_NAME_MIN_CHARS, GROUP_TAGS_MAX,
    MEMBERS_PAGE_SIZE, PAGE_SIZE_MAX, TAG_MAX_CHARS,
};
use balai_protocol::notifications::Kind;
use balai_protocol::{ApiError, ErrorCode, Millis, Page};
use serde::Deserialize;

/// The columns every group query selects (with the reader's membership as `me`; bind the
/// reader's id, or name it as SQL: `$me`).
macro_rules! group_select {
    ($rest:literal) => {
        group_select!("?", "", "", $rest)
    };
    ($me:literal, $columns:expr, $joins:expr, $rest:literal) => {
        concat!(
            "SELECT g.id, g.name, g.description, g.category, g.tags, g.visibility, g.member_count,
                    g.pinned_post_id, me.role AS my_role, me.state AS my_state",
            $columns,
            " FROM user_groups g
             LEFT JOIN group_members me ON me.group_id = g.id AND me.user_id = ",
            $me,
            " ",
            $joins,
            $rest
        )
    };
}

/// For a single group, as the `reader` CTE sees it (bind it with [`Reader::bind`]): the owner or
/// manager who is away today with the reader as their deputy (binds: now, now, the group's id).
/// The deputy answers join requests for them. Correlated on the group, so it reads only that
/// group's members. Also whether the reader follows the group (one key of `follows`): the
/// follow's `notify`, or -1 when they do not.
macro_rules! covering_for {
    () => {
        group_select!(
            "(SELECT id FROM reader)",
            ", covered.id AS covering_for_id, covered.name AS covering_for_name,
               COALESCE(fl.notify, -1) AS follow_notify",
            "LEFT JOIN users covered ON covered.id = (
                SELECT gm.user_id FROM group_members gm
                  JOIN absences a ON a.user_id = gm.user_id
                  JOIN users u ON u.id = gm.user_id
                WHERE gm.group_id = g.id AND gm.state = 'active' AND gm.role IN ('owner', 'manager')
                  AND a.deputy_id = (SELECT id FROM reader) AND a.cancelled_at IS NULL
                  AND a.starts_at <= ? AND a.ends_at > ?
                  AND u.deactivated_at IS NULL
                ORDER BY u.name LIMIT 1)
             LEFT JOIN follows fl ON fl.user_id = (SELECT id FROM reader) AND fl.kind = 'group'
                                 AND fl.target = g.id ",
            "WHERE g.id = ?"
        )
    };
}

#[derive(Deserialize)]
struct GroupRow {
    id: String,
    name: String,
    description: String,
    category: Category,
    tags: String,
    visibility: Visibility,
    member_count: i64,
    pinned_post_id: Option<String>,
    my_role: Option<GroupRole>,
    my_state: Option<MemberState>,
    #[serde(default)]
    covering_for_id: Option<String>,
    #[serde(default)]
    covering_for_name: Option<String>,
    /// Only for a single group (`covering_for!`): -1, or the reader's follow's `notify`.
    #[serde(default)]
    follow_notify: Option<i64>,
}

impl GroupRow {
    fn active_role(&self) -> Option<GroupRole> {
        (self.my_state == Some(MemberState::Active))
            .then_some(self.my_role)
            .flatten()
    }

    /// Whether `actor` may know this group exists.
    fn visible_to(&self, actor: &Actor) -> bool {
        self.visibility != Visibility::Secret
            || actor.role == Role::Admin
            || self.my_state.is_some()
            || self.covering_for_id.is_some()
    }

    fn into_group(self, actor: &Actor) -> Group {
        let role = self.active_role();
        let admin = actor.role == Role::Admin;
        let can_manage = admin || matches!(role, Some(GroupRole::Owner | GroupRole::Manager));
        Group {
            // Only when covering is what lets the reader answer requests.
            covering_for: self
                .covering_for_id
                .zip(self.covering_for_name)
                .filter(|_| !can_manage)
                .map(|(id, name)| Author {
                    id,
                    name,
                    former: false,
                }),
            can_manage,
            can_read: admin || role.is_some() || self.visibility == Visibility::Open,
            tags: split_tags(&self.tags),
            id: self.id,
            name: self.name,
            description: self.description,
            category: self.category,
            visibility: self.visibility,
            member_count: self.member_count,
            pinned_post_id: self.pinned_post_id,
            my_role: self.my_role,
            my_state: self.my_state,
            follow: self.follow_notify.map(|n| FollowState {
                following: n >= 0,
                notify: n == 1,
            }),
        }
    }
}

fn split_tags(tags: &str) -> Vec<String> {
    tags.split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn visibility_str(v: Visibility) -> &'static str {
    match v {
        Visibility::Open => "open",
        Visibility::Closed => "closed",
        Visibility::Secret => "secret",
    }
}

fn category_str(c: Category) -> &'static str {
    match c {
        Category::Project => "project",
        Category::Branch => "branch",
        Category::Department => "department",
        Category::Interest => "interest",
        Category::Other => "other",
    }
}

fn role_str(r: GroupRole) -> &'static str {
    match r {
        GroupRole::Owner => "owner",
        GroupRole::Manager => "manager",
        GroupRole::Member => "member",
    }
}

/// Tags: lower-cased, `#` dropped, letters, digits, `-` and `_` only; duplicates removed.
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>, ApiError> {
    let bad = |en: String, id: String| ApiError::field(ErrorCode::Validation, "tags", en, id);
    let mut out: Vec<String> = Vec::new();
    for raw in tags {
        let tag = raw.trim().trim_start_matches('#').to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > TAG_MAX_CHARS
            || !tag
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(bad(
                format!(
                    "Tags use letters, digits, - and _ only, at most {TAG_MAX_CHARS} characters: \"{}\".",
                    raw.trim()
                ),
                format!(
                    "Tag hanya memakai huruf, angka, - dan _, paling banyak {TAG_MAX_CHARS} karakter: \"{}\".",
                    raw.trim()
                ),
            ));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > GROUP_TAGS_MAX {
        return Err(bad(
            format!("At most {GROUP_TAGS_MAX} tags."),
            format!("Paling banyak {GROUP_TAGS_MAX} tag."),
        ));
    }
    Ok(out)
}

/// Either the new group, or the first answer to a retry with the same idempotency key.
/// Creates a group; its creator is its first owner.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewGroup,
    key: Option<&str>,
) -> Result<Created<Group>, ApiError> {
    let name = validate::text("name", &input.name, GROUP_NAME_MAX_CHARS)?;
    if name.chars().count() < GROUP_NAME_MIN_CHARS {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "name",
            format!("The name needs at least {GROUP_NAME_MIN_CHARS} characters."),
            format!("Nama perlu paling sedikit {GROUP_NAME_MIN_CHARS} karakter."),
        ));
    }
    let description = input.description.trim().to_string();
    if description.chars().count() > GROUP_DESCRIPTION_MAX_CHARS {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "description",
            format!(
                "The description is too long: at most {GROUP_DESCRIPTION_MAX_CHARS} characters."
            ),
            format!(
                "Deskripsi terlalu panjang: paling banyak {GROUP_DESCRIPTION_MAX_CHARS} karakter."
            ),
        ));
    }
    let tags = normalize_tags(&input.tags)?;
    let name_key = name.to_lowercase();
    let taken = rt
        .db()
        .first::<serde::de::IgnoredAny>(stmt!(
            "SELECT 1 AS taken FROM user_groups WHERE name_key = ?",
            name_key.as_str()
        ))
        .await?
        .is_some();
    if taken && key.is_none() {
        return Err(name_taken());
    }
    let now = rt.now();
    let group = Group {
        id: new_id(rt),
        name,
        description,
        category: input.category,
        tags,
        visibility: input.visibility,
        member_count: 1,
        pinned_post_id: None,
        my_role: Some(GroupRole::Owner),
        my_state: Some(MemberState::Active),
        can_manage: true,
        can_read: true,
        covering_for: None,
        // Its creator follows it (follows::group_stmt), without notifications.
        follow: Some(FollowState {
            following: true,
            notify: false,
        }),
    };
    let stmts = vec![
        follows::group_stmt(&actor.id, &group.id, now),
        stmt!(
            "INSERT INTO user_groups (id, name, name_key, description, category, tags, visibility, created_by, created_at, member_count)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            group.id.as_str(),
            group.name.as_str(),
            name_key,
            group.description.as_str(),
            category_str(group.category),
            group.tags.join(" "),
            visibility_str(group.visibility),
            actor.id.as_str(),
            now
        ),
        stmt!(
            "INSERT INTO group_members (group_id, user_id, role, state, created_at) VALUES (?, ?, 'owner', 'active', ?)",
            group.id.as_str(),
            actor.id.as_str(),
            now
        ),
    ];
    // A retry of a create that went through replays its answer; a new create with a taken name
    // fails on the UNIQUE name_key without writing anything.
    match idempotency::commit(rt, &actor.id, key, stmts, 201, &group).await {
        Ok(None) => Ok(Created::New(group)),
        Ok(Some(first)) => Ok(Created::Replay(first)),
        Err(_) if taken => Err(name_taken()),
        Err(e) => Err(e),
    }
}

fn name_taken() -> ApiError {
    ApiError::field(
        ErrorCode::Conflict,
        "name",
        "A group with this name already exists.",
        "Grup dengan nama ini sudah ada.",
    )
}

/// The group `group_id` as `reader` sees it, one row or none (see [`visible_row`]).
pub fn row_stmt(reader: &Reader, group_id: &str, now: Millis) -> Stmt {
    reader.bind(stmt!(covering_for!(), now, now, group_id))
}

/// The row [`row_stmt`] answered, if `actor` may know the group exists; else 404, since a secret
/// group is indistinguishable from one that does not exist.
fn visible_row(actor: &Actor, row: Option<GroupRow>) -> Result<GroupRow, ApiError> {
    row.filter(|row| row.visible_to(actor))
        .ok_or_else(|| not_found(Thing::Group))
}

async fn load_row<R: Runtime>(rt: &R, actor: &Actor, group_id: &str) -> Result<GroupRow, ApiError> {
    validate::id(group_id, Thing::Group)?;
    let row_stmt = row_stmt(&Reader::Actor(actor), group_id, rt.now());
    visible_row(actor, rt.db().first(row_stmt).await?)
}

/// The group as `actor` sees it now (after a change they made).
async fn get<R: Runtime>(rt: &R, actor: &Actor, group_id: &str) -> Result<Group, ApiError> {
    Ok(load_row(rt, actor, group_id).await?.into_group(actor))
}

/// A group's page for the person behind a session token: the session lookup and the group in
/// one D1 round trip (the page's posts are a second request, `GET /api/posts?group=`).
pub async fn get_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    group_id: &str,
) -> Result<Group, ApiError> {
    sessions::checked(rt, token, validate::id(group_id, Thing::Group)).await?;
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![row_stmt(&Reader::Session(hash), group_id, now)]
    })
    .await?;
    let [row] = answers(sets)?;
    Ok(visible_row(&actor, row.first()?)?.into_group(&actor))
}

/// The group of a row `actor` may know of (see [`visible_row`]), or 403 unless they may read its
/// posts.
fn readable(actor: &Actor, row: GroupRow) -> Result<Group, ApiError> {
    let group = row.into_group(actor);
    if group.can_read {
        Ok(group)
    } else {
        Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only members can read this group. Ask to join.",
            "Hanya anggota yang dapat membaca grup ini. Minta bergabung.",
        ))
    }
}

/// The group, if `actor` may read its posts: 404 when they may not know of it, 403 when it is
/// closed to them.
pub async fn require_readable<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
) -> Result<Group, ApiError> {
    readable(actor, load_row(rt, actor, group_id).await?)
}

/// [`require_readable`] from what [`row_stmt`] answered in a batch read for `actor`.
pub fn require_readable_from(actor: &Actor, answer: &impl RowSet) -> Result<(), ApiError> {
    readable(actor, visible_row(actor, answer.first()?)?).map(drop)
}

/// Only active members write in a group.
pub async fn require_member<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
) -> Result<Group, ApiError> {
    let row = load_row(rt, actor, group_id).await?;
    if row.active_role().is_none() {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "Join the group to post in it.",
            "Bergabunglah dengan grup untuk memposting di sana.",
        ));
    }
    Ok(row.into_group(actor))
}

/// Groups the reader may see, by name; `mine` keeps those they belong to, were invited to or
/// asked to join. Paged by the last group's id. For the person behind a session token: the
/// session lookup and the page in one D1 round trip.
pub async fn list_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    mine: bool,
    cursor: Option<&str>,
) -> Result<Page<Group>, ApiError> {
    sessions::checked(rt, token, validate::id_cursor(cursor)).await?;
    let limit = PAGE_SIZE_MAX;
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![Reader::Session(hash).bind(stmt!(
            group_select!(
                "(SELECT id FROM reader)",
                "",
                "",
                "WHERE (g.visibility <> 'secret' OR (SELECT admin FROM reader) = 1 OR me.state IS NOT NULL)
                   AND (? = 0 OR me.state IS NOT NULL)
                   AND g.name_key > COALESCE((SELECT name_key FROM user_groups WHERE id = ?), '')
                 ORDER BY g.name_key LIMIT ?"
            ),
            i64::from(mine),
            cursor,
            limit as i64
        ))]
    })
    .await?;
    let [rows] = answers(sets)?;
    let rows: Vec<GroupRow> = rows.decode()?;
    let next_cursor = super::next_cursor(&rows, limit as i64, |r| r.id.clone());
    Ok(Page {
        items: rows.into_iter().map(|r| r.into_group(&actor)).collect(),
        next_cursor,
    })
}

/// Keeps `member_count` true after any membership change (in the same batch).
fn recount(group_id: &str) -> Stmt {
    stmt!(
        "UPDATE user_groups SET member_count = (SELECT COUNT(*) FROM group_members WHERE group_id = ? AND state = 'active') WHERE id = ?",
        group_id,
        group_id
    )
}

/// Joins an open group, asks to join a closed one, or accepts an invitation. Repeating is fine.
pub async fn join<R: Runtime>(rt: &R, actor: &Actor, group_id: &str) -> Result<Group, ApiError> {
    let row = load_row(rt, actor, group_id).await?;
    let state = match (row.my_state, row.visibility) {
        (Some(MemberState::Active), _) => return Ok(row.into_group(actor)),
        (Some(MemberState::Invited), _) | (None, Visibility::Open) => "active",
        (Some(MemberState::Requested), _) | (None, Visibility::Closed) => "requested",
        // Only an admin reaches a secret group without an invitation.
        (None, Visibility::Secret) => {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                "Secret groups are joined by invitation.",
                "Grup rahasia hanya bisa dimasuki lewat undangan.",
            ));
        }
    };
    let now = rt.now();
    let mut stmts = vec![
        stmt!(
            "INSERT INTO group_members (group_id, user_id, role, state, created_at) VALUES (?, ?, 'member', ?, ?)
             ON CONFLICT (group_id, user_id) DO UPDATE SET state = excluded.state, created_at = excluded.created_at",
            group_id,
            actor.id.as_str(),
            state,
            now
        ),
        recount(group_id),
    ];
    if state == "active" {
        stmts.push(follows::group_stmt(&actor.id, group_id, now));
    }
    // A new request (not a repeat) tells the group's managers.
    if state == "requested" && row.my_state.is_none() {
        let event = Event {
            kind: Kind::JoinRequest,
            actor_id: &actor.id,
            post_id: None,
            group_id: Some(group_id),
            idea_id: None,
            comment_id: None,
            at: now,
        };
        stmts.push(notifications::deliver(
            &event,
            Recipients::group_managers(group_id),
        ));
    }
    rt.db().batch(stmts).await?;
    get(rt, actor, group_id).await
}

/// Leaves a group, withdraws a request or declines an invitation. The last owner stays.
pub async fn leave<R: Runtime>(rt: &R, actor: &Actor, group_id: &str) -> Result<Group, ApiError> {
    let row = load_row(rt, actor, group_id).await?;
    if row.my_state.is_none() {
        return Ok(row.into_group(actor));
    }
    if row.active_role() == Some(GroupRole::Owner) && owner_count(rt, group_id).await? <= 1 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "You are the group's only owner: make someone else an owner first.",
            "Anda satu-satunya pemilik grup: jadikan orang lain pemilik dulu.",
        ));
    }
    rt.db()
        .batch(vec![
            stmt!(
                "DELETE FROM group_members WHERE group_id = ? AND user_id = ?",
                group_id,
                actor.id.as_str()
            ),
            recount(group_id),
            follows::unfollow_group_stmt(&actor.id, group_id),
        ])
        .await?;
    match get(rt, actor, group_id).await {
        // Gone from a secret group: it is no longer visible at all.
        Err(e) if e.code == ErrorCode::NotFound => Ok(Group {
            my_role: None,
            my_state: None,
            can_read: false,
            can_manage: false,
            follow: Some(FollowState::default()),
            ..row.into_group(actor)
        }),
        other => other,
    }
}

async fn owner_count<R: Runtime>(rt: &R, group_id: &str) -> Result<i64, ApiError> {
    Ok(count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM group_members WHERE group_id = ? AND role = 'owner' AND state = 'active'",
            group_id
        ),
    )
    .await?)
}

/// Refuses a change that would leave the group without an owner.
async fn keep_an_owner<R: Runtime>(rt: &R, group_id: &str) -> Result<(), ApiError> {
    if owner_count(rt, group_id).await? <= 1 {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "A group keeps at least one owner.",
            "Grup harus punya paling sedikit satu pemilik.",
        ));
    }
    Ok(())
}

/// The group, if `actor` may manage it (its owners and managers, and admins).
async fn managed<R: Runtime>(rt: &R, actor: &Actor, group_id: &str) -> Result<Group, ApiError> {
    let group = get(rt, actor, group_id).await?;
    if group.can_manage {
        Ok(group)
    } else {
        Err(forbidden())
    }
}

/// The group, if `actor` may answer its join requests: its managers, admins, and the deputy of
/// an owner or manager who is away. A deputy's answers are audited, naming whom they covered.
async fn requests_handled<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
) -> Result<Group, ApiError> {
    let group = get(rt, actor, group_id).await?;
    if group.can_manage || group.covering_for.is_some() {
        Ok(group)
    } else {
        Err(forbidden())
    }
}

/// The audit entry of a deputy's answer, for the colleague they cover (`None` for the group's
/// own managers).
fn deputy_audit<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group: &Group,
    action: &str,
    user_id: &str,
) -> Option<Stmt> {
    let covered = group.covering_for.as_ref()?;
    Some(audit::on_behalf(
        rt,
        actor,
        action,
        Some(&group.id),
        Some(user_id),
        &covered.id,
    ))
}

#[derive(Deserialize)]
struct MemberRow {
    user_id: String,
    name: String,
    deactivated_at: Option<Millis>,
    role: GroupRole,
    state: MemberState,
    created_at: Millis,
}

/// A group's members (or its requests or invitations), by name, for the person behind a session
/// token: the session lookup, the group and the page in one D1 round trip. The page's rows count
/// only once the group's check has passed: its readers see the members, its managers (and an
/// absent manager's deputy) the requests, its managers the invitations.
pub async fn members_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    group_id: &str,
    state: MemberState,
    cursor: Option<&str>,
) -> Result<Page<Member>, ApiError> {
    let params = validate::id(group_id, Thing::Group).and(validate::id_cursor(cursor));
    sessions::checked(rt, token, params).await?;
    let limit = MEMBERS_PAGE_SIZE;
    let state_str = match state {
        MemberState::Active => "active",
        MemberState::Requested => "requested",
        MemberState::Invited => "invited",
    };
    let now = rt.now();
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        vec![
            row_stmt(&Reader::Session(hash), group_id, now),
            stmt!(
                "SELECT m.user_id, u.name, u.deactivated_at, m.role, m.state, m.created_at
                 FROM group_members m JOIN users u ON u.id = m.user_id
                 WHERE m.group_id = ? AND m.state = ?
                   AND (u.name, u.id) > (COALESCE((SELECT name FROM users WHERE id = ?), ''), COALESCE(?, ''))
                 ORDER BY u.name, u.id LIMIT ?",
                group_id,
                state_str,
                cursor,
                cursor,
                limit as i64
            ),
        ]
    })
    .await?;
    let [group, rows] = answers(sets)?;
    let group = visible_row(&actor, group.first()?)?.into_group(&actor);
    let allowed = match state {
        MemberState::Active => group.can_read,
        MemberState::Requested => group.can_manage || group.covering_for.is_some(),
        MemberState::Invited => group.can_manage,
    };
    if !allowed {
        return Err(forbidden());
    }
    let rows: Vec<MemberRow> = rows.decode()?;
    let next_cursor = super::next_cursor(&rows, limit as i64, |r| r.user_id.clone());
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| Member {
                person: Author {
                    id: r.user_id,
                    name: r.name,
                    former: r.deactivated_at.is_some(),
                },
                role: r.role,
                state: r.state,
                since: r.created_at,
            })
            .collect(),
        next_cursor,
    })
}

#[derive(Deserialize)]
struct Membership {
    role: GroupRole,
    state: MemberState,
}

async fn membership<R: Runtime>(
    rt: &R,
    group_id: &str,
    user_id: &str,
) -> Result<Option<Membership>, ApiError> {
    Ok(rt
        .db()
        .first(stmt!(
            "SELECT role, state FROM group_members WHERE group_id = ? AND user_id = ?",
            group_id,
            user_id
        ))
        .await?)
}

/// A manager invites a colleague (who joins by accepting), or approves their request.
pub async fn invite<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
    user_id: &str,
) -> Result<Member, ApiError> {
    managed(rt, actor, group_id).await?;
    validate::id(user_id, Thing::Person)?;
    #[derive(Deserialize)]
    struct Person {
        name: String,
    }
    let person: Person = rt
        .db()
        .first(stmt!(
            "SELECT name FROM users WHERE id = ? AND deactivated_at IS NULL",
            user_id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::Person))?;
    let current = membership(rt, group_id, user_id).await?;
    let state = match current.as_ref().map(|m| m.state) {
        Some(MemberState::Active) | Some(MemberState::Invited) => None,
        // They asked already: the invitation is the approval.
        Some(MemberState::Requested) => Some("active"),
        None => Some("invited"),
    };
    let now = rt.now();
    if let Some(state) = state {
        let mut stmts = vec![
            stmt!(
                "INSERT INTO group_members (group_id, user_id, role, state, created_at) VALUES (?, ?, 'member', ?, ?)
                 ON CONFLICT (group_id, user_id) DO UPDATE SET state = excluded.state, created_at = excluded.created_at",
                group_id,
                user_id,
                state,
                now
            ),
            recount(group_id),
        ];
        if state == "active" {
            stmts.push(follows::group_stmt(user_id, group_id, now));
        }
        rt.db().batch(stmts).await?;
    }
    let after = membership(rt, group_id, user_id)
        .await?
        .ok_or_else(|| not_found(Thing::Person))?;
    Ok(Member {
        person: Author {
            id: user_id.to_string(),
            name: person.name,
            former: false,
        },
        role: after.role,
        state: after.state,
        since: now,
    })
}

/// A manager approves a request to join. Approving twice is fine.
pub async fn approve<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
    user_id: &str,
) -> Result<(), ApiError> {
    let group = requests_handled(rt, actor, group_id).await?;
    validate::id(user_id, Thing::Person)?;
    match membership(rt, group_id, user_id).await?.map(|m| m.state) {
        Some(MemberState::Active) => Ok(()),
        Some(MemberState::Requested) => {
            let mut stmts = vec![
                stmt!(
                    "UPDATE group_members SET state = 'active', created_at = ? WHERE group_id = ? AND user_id = ? AND state = 'requested'",
                    rt.now(),
                    group_id,
                    user_id
                ),
                recount(group_id),
                follows::group_stmt(user_id, group_id, rt.now()),
            ];
            stmts.extend(deputy_audit(
                rt,
                actor,
                &group,
                "group.request.approve",
                user_id,
            ));
            rt.db().batch(stmts).await?;
            Ok(())
        }
        _ => Err(not_found(Thing::Request)),
    }
}

/// A manager removes a member, declines a request or withdraws an invitation. Only owners (and
/// admins) remove owners and managers; the last owner stays. Removing twice is fine.
pub async fn remove<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
    user_id: &str,
) -> Result<(), ApiError> {
    let group = requests_handled(rt, actor, group_id).await?;
    validate::id(user_id, Thing::Person)?;
    let Some(target) = membership(rt, group_id, user_id).await? else {
        return Ok(());
    };
    // A deputy only declines requests; removing members stays with the group's managers.
    if !group.can_manage {
        if target.state != MemberState::Requested {
            return Err(forbidden());
        }
        let mut stmts = vec![
            stmt!(
                "DELETE FROM group_members WHERE group_id = ? AND user_id = ? AND state = 'requested'",
                group_id,
                user_id
            ),
            recount(group_id),
        ];
        stmts.extend(deputy_audit(
            rt,
            actor,
            &group,
            "group.request.decline",
            user_id,
        ));
        rt.db().batch(stmts).await?;
        return Ok(());
    }
    let actor_is_owner = group.my_role == Some(GroupRole::Owner);
    if target.role != GroupRole::Member && !(actor_is_owner || actor.role == Role::Admin) {
        return Err(forbidden());
    }
    if target.role == GroupRole::Owner {
        keep_an_owner(rt, group_id).await?;
    }
    rt.db()
        .batch(vec![
            stmt!(
                "DELETE FROM group_members WHERE group_id = ? AND user_id = ?",
                group_id,
                user_id
            ),
            recount(group_id),
            follows::unfollow_group_stmt(user_id, group_id),
            audit::entry(
                rt,
                actor,
                "group.member.remove",
                Some(group_id),
                Some(user_id),
            ),
        ])
        .await?;
    Ok(())
}

/// An owner (or admin) makes an active member an owner, manager or plain member.
pub async fn set_role<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
    user_id: &str,
    role: GroupRole,
) -> Result<(), ApiError> {
    let group = get(rt, actor, group_id).await?;
    if !(group.my_role == Some(GroupRole::Owner) && group.my_state == Some(MemberState::Active)
        || actor.role == Role::Admin)
    {
        return Err(forbidden());
    }
    validate::id(user_id, Thing::Person)?;
    let target = membership(rt, group_id, user_id)
        .await?
        .filter(|m| m.state == MemberState::Active)
        .ok_or_else(|| not_found(Thing::Member))?;
    if target.role == GroupRole::Owner && role != GroupRole::Owner {
        keep_an_owner(rt, group_id).await?;
    }
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?",
                role_str(role),
                group_id,
                user_id
            ),
            audit::entry(
                rt,
                actor,
                "group.member.role",
                Some(group_id),
                Some(user_id),
            ),
        ])
        .await?;
    Ok(())
}

/// A manager pins one of the group's live posts to the top of the group, or unpins.
pub async fn pin<R: Runtime>(
    rt: &R,
    actor: &Actor,
    group_id: &str,
    post_id: Option<&str>,
) -> Result<Group, ApiError> {
    managed(rt, actor, group_id).await?;
    if let Some(post_id) = post_id {
        validate::id(post_id, Thing::Post)?;
        rt.db()
            .first::<serde::de::IgnoredAny>(stmt!(
                "SELECT 1 AS found FROM posts WHERE id = ? AND group_id = ? AND deleted_at IS NULL",
                post_id,
                group_id
            ))
            .await?
            .ok_or_else(|| not_found(Thing::Post))?;
    }
    rt.db()
        .run(stmt!(
            "UPDATE user_groups SET pinned_post_id = ? WHERE id = ?",
            post_id,
            group_id
        ))
        .await?;
    get(rt, actor, group_id).await
}
