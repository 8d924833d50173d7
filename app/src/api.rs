//! The typed client for the Worker's API: one function per endpoint, so pages never build URLs.
//! Non-2xx answers become the shared [`ApiError`]; a 401 tells the app the session is gone.

use crate::i18n::{Msg, t};
use balai_protocol::audit::AuditEntry;
use balai_protocol::auth::{
    AcceptInviteRequest, IssuedPasswordReset, LoginRequest, Me, PasswordChange, PasswordChanged,
    PasswordReset, Role, SessionInfo,
};
use balai_protocol::directory::{
    Celebrations, DepartmentEdit, DepartmentNode, DepartmentPage, Expert, OrgChart, PersonCard,
};
use balai_protocol::feed::{
    AckReminder, AckReport, Comment, Follow, FollowKind, FollowState, Followed, NewComment,
    NewPost, Post, PostDetail, SavedFilter,
};
use balai_protocol::groups::{Group, GroupRole, InviteMember, Member, NewGroup, Pin, SetRole};
use balai_protocol::ideas::{Idea, IdeaDetail, Merge, NewIdea, NewThanks, StatusChange, VoteState};
use balai_protocol::integrations::{ApiToken, IssuedApiToken, NewApiToken};
use balai_protocol::notifications::{
    MarkRead, Notification, PushKey, PushSubscription, Setting, Unread,
};
use balai_protocol::people::{
    AbsenceInput, AccessCodeRequest, Away, Bookmark, BookmarkOrder, Branch, Capability, Department,
    Grant, InviteRequest, IssuedInvite, NewBookmark, NewPositionBookmark, OfficialEdit,
    PendingInvite, PeopleImportReport, Person, Profile, ProfileEdit, RoleChange,
};
use balai_protocol::places::{
    Decision, ImportReport, MapConfig, NearPlace, NewPlaceCategory, NewSuggestion, Place,
    PlaceCategory, PlaceInput, PlacesInBox, Suggestion,
};
use balai_protocol::reports::{Decided, NewReport, ReportDecision, ReportTarget, ReportedItem};
use balai_protocol::round_tables::{
    Answer, NewQuestion, NewRoundTable, Question, RoundTable, RoundTableDetail,
};
use balai_protocol::search::SearchResults;
use balai_protocol::{ApiError, ErrorCode, Page};
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// No answer: offline, or the network dropped. Safe to retry with the same idempotency key.
    Network,
    Api(ApiError),
}

impl Error {
    pub fn is_network(&self) -> bool {
        matches!(self, Error::Network)
    }
}

thread_local! {
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// What to do when the server says the session is over (logged out elsewhere, or deactivated).
pub fn on_unauthenticated(handler: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(handler)));
}

/// A fresh idempotency key for one user action; reuse it for every retry of that action.
pub fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| (js_sys::Date::now() as u64).to_string())
}

/// Sends one request and answers the body of a 2xx response. Not generic on purpose: the
/// async fetch is compiled once, and only the small `decode` step is per type.
async fn fetch(
    method: Method,
    path: &str,
    body: Option<String>,
    key: Option<&str>,
) -> Result<String, Error> {
    // A page's first read may have been started with its route (read_ahead.rs).
    if method == Method::GET
        && let Some(text) = crate::read_ahead::taken(path).await
    {
        return Ok(text);
    }
    fetch_as(
        method,
        path,
        body.map(JsValue::from),
        key,
        "application/json",
    )
    .await
}

/// [`fetch`] with a body of another type (a CSV file, a photo).
pub(crate) async fn fetch_as(
    method: Method,
    path: &str,
    body: Option<JsValue>,
    key: Option<&str>,
    content_type: &str,
) -> Result<String, Error> {
    // The server answers errors in the language the app speaks.
    let mut builder = RequestBuilder::new(path)
        .method(method)
        .header("Accept-Language", crate::i18n::current().code());
    if let Some(key) = key {
        builder = builder.header("Idempotency-Key", key);
    }
    let request = match body {
        Some(body) => builder
            .header("Content-Type", content_type)
            .body(body)
            .map_err(|_| Error::Network)?,
        None => builder.build().map_err(|_| Error::Network)?,
    };
    let res = request.send().await.map_err(|_| Error::Network)?;
    let status = res.status();
    let text = res.text().await.map_err(|_| Error::Network)?;
    if (200..300).contains(&status) {
        return Ok(text);
    }
    let err = serde_json::from_str::<ApiError>(&text).unwrap_or_else(|_| unexpected());
    if err.code == ErrorCode::Unauthenticated
        && let Some(handler) = ON_UNAUTHENTICATED.with(|h| h.borrow().clone())
    {
        handler();
    }
    Err(Error::Api(err))
}

fn decode<T: DeserializeOwned>(text: Result<String, Error>) -> Result<T, Error> {
    // 204 carries no body: read it as JSON null, which `()` accepts.
    let text = text?;
    let text = if text.is_empty() { "null" } else { &text };
    serde_json::from_str(text).map_err(|_| Error::Api(unexpected()))
}

async fn send<T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<String>,
    key: Option<&str>,
) -> Result<T, Error> {
    decode(fetch(method, path, body, key).await)
}

fn unexpected() -> ApiError {
    ApiError::translated(ErrorCode::Internal, t(Msg::UnexpectedAnswer))
}

fn json<B: Serialize>(body: &B) -> Option<String> {
    Some(to_json(body))
}

/// JSON text of a wire type. Serializing derived types into a String cannot fail, and the
/// error is not formatted: `expect` would pull Debug formatting (and its Unicode tables) into
/// the main module for nothing.
pub fn to_json<B: Serialize + ?Sized>(body: &B) -> String {
    match serde_json::to_string(body) {
        Ok(text) => text,
        Err(_) => unreachable!("wire types serialize"),
    }
}

pub async fn me() -> Result<Me, Error> {
    send(Method::GET, "/api/me", None, None).await
}

pub async fn login(req: &LoginRequest) -> Result<Me, Error> {
    crate::read_ahead::forget();
    send(Method::POST, "/api/auth/login", json(req), None).await
}

pub async fn accept_invite(req: &AcceptInviteRequest) -> Result<Me, Error> {
    crate::read_ahead::forget();
    send(Method::POST, "/api/auth/accept", json(req), None).await
}

/// A new password with an admin's reset link; logs in on this device.
pub async fn reset_password(req: &PasswordReset) -> Result<Me, Error> {
    crate::read_ahead::forget();
    send(Method::POST, "/api/auth/reset", json(req), None).await
}

/// Keyed, so resending after a lost answer gets that answer instead of "not your current
/// password".
pub async fn change_password(req: &PasswordChange, key: &str) -> Result<PasswordChanged, Error> {
    send(Method::PUT, "/api/me/password", json(req), Some(key)).await
}

/// An admin's one-time reset link for a colleague who forgot their password.
pub async fn issue_password_reset(id: &str) -> Result<IssuedPasswordReset, Error> {
    let path = format!("/api/people/{id}/password-reset");
    send(Method::POST, &path, json(&()), None).await
}

pub async fn logout() -> Result<(), Error> {
    crate::read_ahead::forget();
    send(Method::POST, "/api/auth/logout", json(&()), None).await
}

pub async fn sessions() -> Result<Vec<SessionInfo>, Error> {
    send(Method::GET, "/api/sessions", None, None).await
}

pub async fn end_session(id: &str) -> Result<(), Error> {
    send(Method::DELETE, &format!("/api/sessions/{id}"), None, None).await
}

/// Which posts a list shows: the home feed with a filter, a group's, or a tag's.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// `all`, `following` or `mine`.
    Home(&'static str),
    Group(String),
    Tag(String),
    /// Posts about a map place.
    Place(String),
}

/// A page of posts from `source`.
pub async fn feed(source: &Source, cursor: Option<&str>) -> Result<Page<Post>, Error> {
    send(Method::GET, &feed_path(source, cursor), None, None).await
}

pub fn feed_path(source: &Source, cursor: Option<&str>) -> String {
    let mut path = match source {
        Source::Home(filter) => format!("/api/posts?filter={filter}"),
        Source::Group(g) => format!("/api/posts?group={g}"),
        Source::Tag(t) => format!("/api/posts?tag={}", crate::router::encode(t)),
        Source::Place(p) => format!("/api/posts?place={p}"),
    };
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={c}"));
    }
    path
}

/// A new post, as a write that may wait in the outbox (`offline::outbox::send_or_queue`).
pub fn new_post(body: &NewPost) -> Write {
    Write {
        method: WriteMethod::Post,
        path: "/api/posts".into(),
        body: to_json(body),
    }
}

pub async fn post_detail(id: &str) -> Result<PostDetail, Error> {
    send(Method::GET, &post_path(id), None, None).await
}

pub fn post_path(id: &str) -> String {
    format!("/api/posts/{id}")
}

pub async fn edit_post(id: &str, body: &NewPost) -> Result<Post, Error> {
    send(Method::PATCH, &format!("/api/posts/{id}"), json(body), None).await
}

pub async fn delete_post(id: &str) -> Result<(), Error> {
    send(Method::DELETE, &format!("/api/posts/{id}"), None, None).await
}

/// What comments hang under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thread {
    Post,
    Idea,
}

/// A comment on a post or an idea, as a write that may wait in the outbox.
pub fn new_comment(thread: Thread, parent_id: &str, body: &NewComment) -> Write {
    let path = match thread {
        Thread::Post => format!("/api/posts/{parent_id}/comments"),
        Thread::Idea => format!("/api/ideas/{parent_id}/comments"),
    };
    Write {
        method: WriteMethod::Post,
        path,
        body: to_json(body),
    }
}

/// A comment's own path, for its author's edit and a delete.
fn comment_path(thread: Thread, id: &str) -> String {
    match thread {
        Thread::Post => format!("/api/comments/{id}"),
        Thread::Idea => format!("/api/idea-comments/{id}"),
    }
}

pub async fn edit_comment(thread: Thread, id: &str, body: &NewComment) -> Result<Comment, Error> {
    send(Method::PATCH, &comment_path(thread, id), json(body), None).await
}

pub async fn delete_comment(thread: Thread, id: &str) -> Result<(), Error> {
    send(Method::DELETE, &comment_path(thread, id), None, None).await
}

/// Like or unlike, as a write that may wait in the outbox (in the field, offline).
pub fn set_like(post_id: &str, liked: bool) -> Write {
    Write::state(format!("/api/posts/{post_id}/like"), liked)
}

/// I have read it (an announcement that asks everyone to confirm), as a write that may wait in
/// the outbox. Confirming twice is fine.
pub fn confirm_read(post_id: &str) -> Write {
    Write {
        method: WriteMethod::Put,
        path: format!("/api/posts/{post_id}/ack"),
        body: "{}".into(),
    }
}

/// Totals and who has not confirmed yet (the author, admins and communications).
pub async fn ack_report(post_id: &str, cursor: Option<&str>) -> Result<AckReport, Error> {
    let mut path = format!("/api/posts/{post_id}/acks");
    if let Some(c) = cursor {
        path.push_str(&format!("?cursor={}", js_sys::encode_uri_component(c)));
    }
    send(Method::GET, &path, None, None).await
}

/// Reminds those who have not confirmed yet (at most once a day); `key` makes a retry safe.
pub async fn remind_unconfirmed(post_id: &str, key: &str) -> Result<AckReminder, Error> {
    send(
        Method::POST,
        &format!("/api/posts/{post_id}/acks/remind"),
        json(&()),
        Some(key),
    )
    .await
}

/// Everyone (admins): by name, or those matching `q`, a page at a time.
pub async fn people(q: &str, cursor: Option<&str>) -> Result<Page<Person>, Error> {
    let mut path = format!("/api/people?q={}", js_sys::encode_uri_component(q));
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={}", js_sys::encode_uri_component(c)));
    }
    send(Method::GET, &path, None, None).await
}

pub async fn deactivate(id: &str) -> Result<(), Error> {
    send(
        Method::POST,
        &format!("/api/people/{id}/deactivate"),
        json(&()),
        None,
    )
    .await
}

pub async fn log_out_everywhere(id: &str) -> Result<(), Error> {
    send(
        Method::POST,
        &format!("/api/people/{id}/logout"),
        json(&()),
        None,
    )
    .await
}

pub async fn reactivate(id: &str) -> Result<(), Error> {
    send(
        Method::POST,
        &format!("/api/people/{id}/reactivate"),
        json(&()),
        None,
    )
    .await
}

pub async fn pending_invites() -> Result<Vec<PendingInvite>, Error> {
    send(Method::GET, "/api/invites", None, None).await
}

pub async fn invite(req: &InviteRequest, key: &str) -> Result<IssuedInvite, Error> {
    send(Method::POST, "/api/invites", json(req), Some(key)).await
}

pub async fn access_code(req: &AccessCodeRequest, key: &str) -> Result<IssuedInvite, Error> {
    send(Method::POST, "/api/access-codes", json(req), Some(key)).await
}

pub async fn revoke_invite(id: &str) -> Result<(), Error> {
    send(Method::DELETE, &format!("/api/invites/{id}"), None, None).await
}

/// A write whose JSON body is made up front, so that, sent without a network, it can wait in
/// the outbox and go out later exactly as first sent (same body, same idempotency key).
pub struct Write {
    pub method: WriteMethod,
    pub path: String,
    pub body: String,
}

/// How a [`Write`] goes out: `POST` creates; `PUT` and `DELETE` set a state (a confirmation,
/// a like). Stored in the outbox by name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum WriteMethod {
    #[default]
    Post,
    Put,
    Delete,
}

impl Write {
    /// A state of mine at `path` (a like, a vote): PUT sets it, DELETE takes it back.
    fn state(path: String, on: bool) -> Write {
        Write {
            method: if on {
                WriteMethod::Put
            } else {
                WriteMethod::Delete
            },
            path,
            body: "{}".into(),
        }
    }

    pub async fn send<T: DeserializeOwned>(&self, key: &str) -> Result<T, Error> {
        let method = match self.method {
            WriteMethod::Post => Method::POST,
            WriteMethod::Put => Method::PUT,
            WriteMethod::Delete => Method::DELETE,
        };
        send(method, &self.path, Some(self.body.clone()), Some(key)).await
    }
}

pub async fn groups(mine: bool, cursor: Option<&str>) -> Result<Page<Group>, Error> {
    let mut path = format!("/api/groups?mine={}", u8::from(mine));
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={c}"));
    }
    send(Method::GET, &path, None, None).await
}

pub async fn create_group(input: &NewGroup, key: &str) -> Result<Group, Error> {
    send(Method::POST, "/api/groups", json(input), Some(key)).await
}

pub async fn group(id: &str) -> Result<Group, Error> {
    send(Method::GET, &group_path(id), None, None).await
}

pub fn group_path(id: &str) -> String {
    format!("/api/groups/{id}")
}

/// Joins, asks to join, or accepts an invitation, as the group allows.
pub async fn join_group(id: &str) -> Result<Group, Error> {
    send(
        Method::POST,
        &format!("/api/groups/{id}/join"),
        json(&()),
        None,
    )
    .await
}

pub async fn leave_group(id: &str) -> Result<Group, Error> {
    send(
        Method::POST,
        &format!("/api/groups/{id}/leave"),
        json(&()),
        None,
    )
    .await
}

pub async fn join_requests(group: &str) -> Result<Page<Member>, Error> {
    let path = format!("/api/groups/{group}/members?state=requested");
    send(Method::GET, &path, None, None).await
}

pub async fn approve_request(group: &str, user: &str) -> Result<(), Error> {
    let path = format!("/api/groups/{group}/members/{user}/approve");
    send(Method::POST, &path, json(&()), None).await
}

/// Declines a request, or removes a member.
pub async fn remove_member(group: &str, user: &str) -> Result<(), Error> {
    let path = format!("/api/groups/{group}/members/{user}");
    send(Method::DELETE, &path, None, None).await
}

pub async fn announcements() -> Result<Vec<Post>, Error> {
    send(Method::GET, ANNOUNCEMENTS, None, None).await
}

pub const ANNOUNCEMENTS: &str = "/api/announcements";

pub async fn notifications(cursor: Option<&str>) -> Result<Page<Notification>, Error> {
    let path = match cursor {
        Some(c) => format!("/api/notifications?cursor={c}"),
        None => "/api/notifications".to_string(),
    };
    send(Method::GET, &path, None, None).await
}

pub async fn unread() -> Result<Unread, Error> {
    send(Method::GET, "/api/notifications/unread", None, None).await
}

/// Marks one notification read, or all with `None`.
pub async fn mark_read(id: Option<i64>) -> Result<Unread, Error> {
    let body = MarkRead { id };
    send(Method::POST, "/api/notifications/read", json(&body), None).await
}

pub async fn notification_settings() -> Result<Vec<Setting>, Error> {
    send(Method::GET, "/api/notifications/settings", None, None).await
}

pub async fn set_notification(setting: Setting) -> Result<Vec<Setting>, Error> {
    let path = "/api/notifications/settings";
    send(Method::PUT, path, json(&setting), None).await
}

/// The key phones subscribe with; `None` when push is not set up on the server.
pub async fn push_key() -> Result<PushKey, Error> {
    send(Method::GET, "/api/push/key", None, None).await
}

/// Phone notifications on (`true`) or off for this phone's push `endpoint`.
pub async fn set_push(endpoint: String, on: bool) -> Result<(), Error> {
    let method = if on { Method::PUT } else { Method::DELETE };
    let body = json(&PushSubscription { endpoint });
    send(method, "/api/push/subscription", body, None).await
}

/// What I follow, a page at a time (groups, then people, then tags), each named.
pub async fn follows(cursor: Option<&str>) -> Result<Page<Followed>, Error> {
    let path = match cursor {
        Some(c) => format!("/api/follows?cursor={}", crate::router::encode(c)),
        None => "/api/follows".to_string(),
    };
    send(Method::GET, &path, None, None).await
}

/// Whether I follow one thing (what a follow button asks when its page did not say).
pub async fn follow_state(kind: FollowKind, target: &str) -> Result<FollowState, Error> {
    send(Method::GET, &follow_path(kind, target), None, None).await
}

pub async fn follow(follow: &Follow) -> Result<Follow, Error> {
    send(Method::PUT, "/api/follows", json(follow), None).await
}

pub async fn unfollow(kind: FollowKind, target: &str) -> Result<(), Error> {
    send(Method::DELETE, &follow_path(kind, target), None, None).await
}

fn follow_path(kind: FollowKind, target: &str) -> String {
    let kind = match kind {
        FollowKind::Person => "person",
        FollowKind::Group => "group",
        FollowKind::Tag => "tag",
    };
    format!("/api/follows/{kind}/{}", crate::router::encode(target))
}

/// Everything matching `q` (a few of each kind), or with `kind` a page of that kind.
pub async fn search(
    q: &str,
    kind: Option<&str>,
    cursor: Option<&str>,
) -> Result<SearchResults, Error> {
    let mut path = format!("/api/search?q={}", crate::router::encode(q));
    if let Some(k) = kind {
        path.push_str(&format!("&kind={k}"));
    }
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={}", crate::router::encode(c)));
    }
    send(Method::GET, &path, None, None).await
}

pub async fn members(group: &str, cursor: Option<&str>) -> Result<Page<Member>, Error> {
    let mut path = format!("/api/groups/{group}/members");
    if let Some(c) = cursor {
        path.push_str(&format!("?cursor={c}"));
    }
    send(Method::GET, &path, None, None).await
}

pub async fn invite_member(group: &str, user_id: &str) -> Result<Member, Error> {
    let body = InviteMember {
        user_id: user_id.to_string(),
    };
    let path = format!("/api/groups/{group}/members");
    send(Method::POST, &path, json(&body), None).await
}

/// Pins one of the group's posts, or unpins with `None`.
pub async fn pin(group: &str, post_id: Option<String>) -> Result<Group, Error> {
    let path = format!("/api/groups/{group}/pin");
    send(Method::PUT, &path, json(&Pin { post_id }), None).await
}

pub async fn saved_filters() -> Result<Vec<SavedFilter>, Error> {
    send(Method::GET, SAVED_FILTERS, None, None).await
}

pub const SAVED_FILTERS: &str = "/api/saved-filters";

/// Saves (or renames) the filter for `query`.
pub async fn save_filter(name: &str, query: &str) -> Result<SavedFilter, Error> {
    let body = SavedFilter {
        id: String::new(),
        name: name.to_string(),
        query: query.to_string(),
    };
    send(Method::POST, "/api/saved-filters", json(&body), None).await
}

pub async fn remove_filter(id: &str) -> Result<(), Error> {
    send(
        Method::DELETE,
        &format!("/api/saved-filters/{id}"),
        None,
        None,
    )
    .await
}

/// Grants or withdraws a capability (announcing, editing the map).
pub async fn set_grant(id: &str, capability: Capability, enabled: bool) -> Result<(), Error> {
    let path = format!("/api/people/{id}/grants/{}", capability.as_str());
    send(Method::PUT, &path, json(&Grant { enabled }), None).await
}

/// An admin makes a colleague an admin, or an admin a member again.
pub async fn set_role(id: &str, role: Role) -> Result<(), Error> {
    let path = format!("/api/people/{id}/role");
    send(Method::PUT, &path, json(&RoleChange { role }), None).await
}

/// An owner makes a member an owner, manager or member.
pub async fn set_member_role(group: &str, user: &str, role: GroupRole) -> Result<(), Error> {
    let path = format!("/api/groups/{group}/members/{user}/role");
    send(Method::PUT, &path, json(&SetRole { role }), None).await
}

pub async fn map_config() -> Result<MapConfig, Error> {
    send(Method::GET, "/api/map/config", None, None).await
}

pub async fn place_categories() -> Result<Vec<PlaceCategory>, Error> {
    send(Method::GET, "/api/place-categories", None, None).await
}

/// The query string of a place search: categories (empty for all) and text.
fn place_filter(categories: &[String], text: &str) -> String {
    let mut q = String::new();
    if !categories.is_empty() {
        q.push_str(&format!("&category={}", categories.join(",")));
    }
    if !text.trim().is_empty() {
        q.push_str(&format!("&q={}", crate::router::encode(text.trim())));
    }
    q
}

/// The places in a map box (`west,south,east,north`), as many as the map clusters itself,
/// with cluster hints beyond.
pub async fn places_in_box(
    bbox: &str,
    categories: &[String],
    text: &str,
) -> Result<PlacesInBox, Error> {
    let path = format!(
        "/api/places?bbox={bbox}&limit={}{}",
        balai_protocol::limits::PLACES_PER_BOX_MAX,
        place_filter(categories, text)
    );
    send(Method::GET, &path, None, None).await
}

/// The places nearest a point, nearest first.
pub async fn places_near(
    lat: f64,
    lng: f64,
    categories: &[String],
    text: &str,
) -> Result<Vec<NearPlace>, Error> {
    let path = format!(
        "/api/places/near?lat={lat}&lng={lng}&limit=10{}",
        place_filter(categories, text)
    );
    send(Method::GET, &path, None, None).await
}

pub async fn place(id: &str) -> Result<Place, Error> {
    send(Method::GET, &format!("/api/places/{id}"), None, None).await
}

pub async fn suggest_correction(
    place_id: &str,
    input: &NewSuggestion,
    key: &str,
) -> Result<Suggestion, Error> {
    let path = format!("/api/places/{place_id}/suggestions");
    send(Method::POST, &path, json(input), Some(key)).await
}

pub async fn edit_profile(id: &str, input: &ProfileEdit) -> Result<Profile, Error> {
    send(
        Method::PUT,
        &format!("/api/people/{id}/profile"),
        json(input),
        None,
    )
    .await
}

pub async fn edit_official(id: &str, input: &OfficialEdit) -> Result<Profile, Error> {
    send(
        Method::PUT,
        &format!("/api/people/{id}/official"),
        json(input),
        None,
    )
    .await
}

/// Uploads a photo (the server checks by its bytes what it is).
pub async fn upload_photo(id: &str, photo: web_sys::Blob) -> Result<Profile, Error> {
    let kind = photo.type_();
    let path = format!("/api/people/{id}/photo");
    decode(fetch_as(Method::PUT, &path, Some(photo.into()), None, &kind).await)
}

pub async fn set_absence(id: &str, input: &AbsenceInput) -> Result<Away, Error> {
    send(
        Method::PUT,
        &format!("/api/people/{id}/absence"),
        json(input),
        None,
    )
    .await
}

pub async fn end_absence(id: &str) -> Result<(), Error> {
    send(
        Method::DELETE,
        &format!("/api/people/{id}/absence"),
        None,
        None,
    )
    .await
}

pub async fn directory(query: &str, cursor: Option<&str>) -> Result<Page<PersonCard>, Error> {
    let cursor = cursor.map_or(String::new(), |c| {
        format!("&cursor={}", crate::router::encode(c))
    });
    send(
        Method::GET,
        &format!("/api/directory?{query}{cursor}"),
        None,
        None,
    )
    .await
}

/// A colleague offered for the @mention being typed: the directory's card, read for these
/// fields alone (the first screen needs no decoder for whole cards).
#[derive(Clone, Debug, Deserialize)]
pub struct Mentionable {
    pub name: String,
    /// Their handle is its local part.
    pub email: String,
    pub position: String,
}

/// The first `limit` colleagues whose name or email begins with the words `typed`.
pub async fn mentionable(typed: &str, limit: usize) -> Result<Vec<Mentionable>, Error> {
    let path = format!(
        "/api/directory?q={}&by=name&limit={limit}",
        crate::router::encode(typed)
    );
    let page: Page<Mentionable> = send(Method::GET, &path, None, None).await?;
    Ok(page.items)
}

/// The tags in use that begin with `typed`, most used first: the search's tags alone, read
/// without decoding the rest of its answer (the first screen needs no search decoder).
pub async fn tags_beginning(typed: &str) -> Result<Vec<String>, Error> {
    #[derive(Deserialize)]
    struct Tags {
        tags: Vec<String>,
    }
    let path = format!("/api/search?q={}&kind=tags", crate::router::encode(typed));
    let found: Tags = send(Method::GET, &path, None, None).await?;
    Ok(found.tags)
}

pub async fn experts(topic: &str) -> Result<Vec<Expert>, Error> {
    let path = format!("/api/experts?q={}", crate::router::encode(topic));
    send(Method::GET, &path, None, None).await
}

pub async fn org_chart(id: &str) -> Result<OrgChart, Error> {
    send(Method::GET, &format!("/api/people/{id}/org"), None, None).await
}

pub async fn department_tree() -> Result<Vec<DepartmentNode>, Error> {
    send(Method::GET, "/api/departments/tree", None, None).await
}

pub async fn department(id: &str) -> Result<DepartmentPage, Error> {
    send(Method::GET, &format!("/api/departments/{id}"), None, None).await
}

pub async fn create_department(input: &DepartmentEdit) -> Result<DepartmentPage, Error> {
    send(Method::POST, "/api/departments", json(input), None).await
}

pub async fn edit_department(id: &str, input: &DepartmentEdit) -> Result<DepartmentPage, Error> {
    send(
        Method::PATCH,
        &format!("/api/departments/{id}"),
        json(input),
        None,
    )
    .await
}

pub async fn branches() -> Result<Vec<Branch>, Error> {
    send(Method::GET, "/api/branches", None, None).await
}

pub async fn celebrations() -> Result<Celebrations, Error> {
    send(Method::GET, CELEBRATIONS, None, None).await
}

pub const CELEBRATIONS: &str = "/api/celebrations";

/// Checks (and imports when every row is valid, or only its valid rows) an HR export.
pub async fn import_people(csv: String, valid_only: bool) -> Result<PeopleImportReport, Error> {
    let path = format!(
        "/api/people/import{}",
        if valid_only { "?valid_only=1" } else { "" }
    );
    decode(fetch_as(Method::POST, &path, Some(csv.into()), None, "text/csv").await)
}

pub async fn add_bookmark(input: &NewBookmark) -> Result<Vec<Bookmark>, Error> {
    send(Method::POST, "/api/bookmarks", json(input), None).await
}

pub async fn remove_bookmark(id: &str) -> Result<Vec<Bookmark>, Error> {
    send(Method::DELETE, &format!("/api/bookmarks/{id}"), None, None).await
}

pub async fn reorder_bookmarks(ids: Vec<String>) -> Result<Vec<Bookmark>, Error> {
    send(
        Method::PUT,
        "/api/bookmarks/order",
        json(&BookmarkOrder { ids }),
        None,
    )
    .await
}

pub async fn shared_bookmarks() -> Result<Vec<Bookmark>, Error> {
    send(Method::GET, "/api/position-bookmarks", None, None).await
}

pub async fn add_shared_bookmark(input: &NewPositionBookmark) -> Result<Vec<Bookmark>, Error> {
    send(Method::POST, "/api/position-bookmarks", json(input), None).await
}

pub async fn remove_shared_bookmark(id: &str) -> Result<Vec<Bookmark>, Error> {
    send(
        Method::DELETE,
        &format!("/api/position-bookmarks/{id}"),
        None,
        None,
    )
    .await
}

/// The audit log, newest first; with `person`, only what they did or was done to them.
pub async fn audit_log(
    person: Option<&str>,
    cursor: Option<&str>,
) -> Result<Page<AuditEntry>, Error> {
    let mut query = Vec::new();
    if let Some(p) = person {
        query.push(format!("person={}", js_sys::encode_uri_component(p)));
    }
    if let Some(c) = cursor {
        query.push(format!("cursor={}", js_sys::encode_uri_component(c)));
    }
    let path = format!("/api/audit?{}", query.join("&"));
    send(Method::GET, &path, None, None).await
}

pub async fn api_tokens() -> Result<Vec<ApiToken>, Error> {
    send(Method::GET, "/api/api-tokens", None, None).await
}

pub async fn issue_api_token(input: &NewApiToken) -> Result<IssuedApiToken, Error> {
    send(Method::POST, "/api/api-tokens", json(input), None).await
}

pub async fn revoke_api_token(id: &str) -> Result<(), Error> {
    send(Method::DELETE, &format!("/api/api-tokens/{id}"), None, None).await
}

pub async fn profile(id: &str) -> Result<Profile, Error> {
    send(Method::GET, &format!("/api/people/{id}"), None, None).await
}

pub async fn departments() -> Result<Vec<Department>, Error> {
    send(Method::GET, "/api/departments", None, None).await
}

pub async fn create_place(input: &PlaceInput, key: &str) -> Result<Place, Error> {
    send(Method::POST, "/api/places", json(input), Some(key)).await
}

pub async fn update_place(id: &str, input: &PlaceInput) -> Result<Place, Error> {
    send(Method::PUT, &format!("/api/places/{id}"), json(input), None).await
}

pub async fn archive_place(id: &str) -> Result<(), Error> {
    send(Method::DELETE, &format!("/api/places/{id}"), None, None).await
}

/// Checks a CSV file (and imports it when every row is valid, or only its valid rows).
pub async fn import_places(csv: String, valid_only: bool) -> Result<ImportReport, Error> {
    let path = format!(
        "/api/places/import{}",
        if valid_only { "?valid_only=1" } else { "" }
    );
    decode(fetch_as(Method::POST, &path, Some(csv.into()), None, "text/csv").await)
}

pub async fn open_suggestions() -> Result<Page<Suggestion>, Error> {
    send(Method::GET, "/api/place-suggestions", None, None).await
}

pub async fn decide_suggestion(id: &str, accept: bool) -> Result<(), Error> {
    let path = format!("/api/place-suggestions/{id}/decision");
    send(Method::POST, &path, json(&Decision { accept }), None).await
}

/// Reports a post or comment, as a write that may wait in the outbox: reporting twice is fine.
pub fn report(input: &NewReport) -> Write {
    Write {
        method: WriteMethod::Post,
        path: "/api/reports".into(),
        body: to_json(input),
    }
}

/// The moderation queue, the longest waiting first (moderators and admins).
pub async fn reports(cursor: Option<&str>) -> Result<Page<ReportedItem>, Error> {
    let path = match cursor {
        Some(c) => format!("/api/reports?cursor={c}"),
        None => "/api/reports".to_string(),
    };
    send(Method::GET, &path, None, None).await
}

/// Keeps (`remove: false`) or removes a reported thing, closing its reports.
pub async fn decide_report(target: ReportTarget, id: &str, remove: bool) -> Result<Decided, Error> {
    let path = format!("/api/reports/{}/{id}/decision", target.as_str());
    send(Method::POST, &path, json(&ReportDecision { remove }), None).await
}

pub async fn create_place_category(input: &NewPlaceCategory) -> Result<PlaceCategory, Error> {
    send(Method::POST, "/api/place-categories", json(input), None).await
}

/// A page of ideas: `query` is the list's query string (sort, status, category, mine).
pub async fn ideas(query: &str, cursor: Option<&str>) -> Result<Page<Idea>, Error> {
    let mut path = format!("/api/ideas?{query}");
    if let Some(c) = cursor {
        path.push_str(&format!("&cursor={c}"));
    }
    send(Method::GET, &path, None, None).await
}

/// A new idea, as a write that may wait in the outbox (`offline::outbox::send_or_queue`).
pub fn new_idea(input: &NewIdea) -> Write {
    Write {
        method: WriteMethod::Post,
        path: "/api/ideas".into(),
        body: to_json(input),
    }
}

pub async fn idea(id: &str) -> Result<IdeaDetail, Error> {
    send(Method::GET, &format!("/api/ideas/{id}"), None, None).await
}

pub async fn thank_idea_author(id: &str, input: &NewThanks) -> Result<IdeaDetail, Error> {
    send(
        Method::POST,
        &format!("/api/ideas/{id}/thanks"),
        json(input),
        None,
    )
    .await
}

pub async fn edit_idea(id: &str, input: &NewIdea) -> Result<Idea, Error> {
    send(Method::PUT, &format!("/api/ideas/{id}"), json(input), None).await
}

/// My vote for an idea, given or taken back, as a write that may wait in the outbox.
pub fn set_idea_vote(id: &str, on: bool) -> Write {
    Write::state(format!("/api/ideas/{id}/vote"), on)
}

pub async fn set_idea_status(id: &str, change: &StatusChange) -> Result<IdeaDetail, Error> {
    let path = format!("/api/ideas/{id}/status");
    send(Method::POST, &path, json(change), None).await
}

/// Merges duplicate `id` into the idea `into`.
pub async fn merge_idea(id: &str, into: &str) -> Result<IdeaDetail, Error> {
    let path = format!("/api/ideas/{id}/merge");
    send(
        Method::POST,
        &path,
        json(&Merge {
            into: into.to_string(),
        }),
        None,
    )
    .await
}

pub async fn round_tables() -> Result<Vec<RoundTable>, Error> {
    send(Method::GET, "/api/round-tables", None, None).await
}

pub async fn create_round_table(input: &NewRoundTable, key: &str) -> Result<RoundTable, Error> {
    send(Method::POST, "/api/round-tables", json(input), Some(key)).await
}

pub async fn round_table(id: &str) -> Result<RoundTableDetail, Error> {
    send(Method::GET, &format!("/api/round-tables/{id}"), None, None).await
}

pub async fn ask(table: &str, input: &NewQuestion, key: &str) -> Result<Question, Error> {
    let path = format!("/api/round-tables/{table}/questions");
    send(Method::POST, &path, json(input), Some(key)).await
}

pub async fn vote_question(id: &str, on: bool) -> Result<VoteState, Error> {
    let method = if on { Method::PUT } else { Method::DELETE };
    send(method, &format!("/api/questions/{id}/vote"), None, None).await
}

pub async fn answer_question(id: &str, answer: &str) -> Result<Question, Error> {
    let body = Answer {
        answer: answer.to_string(),
    };
    send(
        Method::PUT,
        &format!("/api/questions/{id}/answer"),
        json(&body),
        None,
    )
    .await
}

pub async fn hide_question(id: &str) -> Result<(), Error> {
    send(
        Method::POST,
        &format!("/api/questions/{id}/hide"),
        None,
        None,
    )
    .await
}
