//! Routing and the steps every request takes: CSRF on writes, size limit, authentication,
//! the per-person write limit, idempotent replay, then one handler; errors become JSON.

use super::handlers::{
    auth, comments, feed, follows, groups, ideas, integrations, notifications, people, places,
    reports, round_tables, search, work_pages,
};
use super::{ApiRequest, ApiResponse, cookies, csrf, json};
use crate::runtime::Runtime;
use crate::service::actor::Actor;
use crate::service::comments::{Thread, ThreadKind};
use crate::service::rate_limit::{self, WRITES_PER_PERSON};
use crate::service::{idempotency, sessions};
use crate::store::Db;
use balai_protocol::{ApiError, ErrorCode};

pub async fn handle<R: Runtime>(rt: &R, req: &ApiRequest) -> ApiResponse {
    let res = match route(rt, req).await {
        Ok(res) => res,
        Err(e) => ApiResponse::error(e, req.lang()),
    };
    let usage = rt.db().usage();
    // Answers are not cached, except what says otherwise (photos).
    let res = if res.header("cache-control").is_none() {
        res.with_header("cache-control", "no-store")
    } else {
        res
    };
    let res = res.with_header("x-content-type-options", "nosniff");
    // For the benchmark only (bench/serve.mjs sets D1_METRICS=on): D1 round trips and rows read
    // by this request. Off elsewhere, since rows read would hint at how much a reader was not
    // shown (a secret group's posts skipped in the feed).
    if rt.setting("D1_METRICS").as_deref() == Some("on") {
        res.with_header("x-d1-queries", usage.queries.to_string())
            .with_header("x-d1-rows-read", usage.rows_read.to_string())
    } else {
        res
    }
}

/// What a handler gets: the request, and the person behind it on authenticated routes.
pub struct Call<'a> {
    pub req: &'a ApiRequest,
    pub actor: Actor,
    /// The `Idempotency-Key` of a write, validated.
    pub key: Option<&'a str>,
}

async fn route<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
    let segments: Vec<&str> = req.path.trim_end_matches('/').split('/').skip(1).collect();
    let Some(("api", rest)) = segments.split_first().map(|(a, r)| (*a, r)) else {
        return Err(no_route());
    };
    let write = csrf::is_write(&req.method);
    if write {
        let limit = json::body_limit(&req.path);
        if req.body.len() > limit {
            return Err(json::too_large(limit));
        }
    }
    // Outside systems authenticate with a bearer token, not a cookie: CSRF does not apply.
    if let ("POST", ["integrations", "ideas", id, "status"]) = (req.method.as_str(), rest) {
        return integrations::set_idea_status(rt, req, id).await;
    }
    if write {
        csrf::check(req)?;
    }
    // Routes open to everyone.
    match (req.method.as_str(), rest) {
        ("GET", ["health"]) => {
            return Ok(ApiResponse::json(200, &serde_json::json!({ "ok": true })));
        }
        ("POST", ["auth", "login"]) => return auth::login(rt, req).await,
        ("POST", ["auth", "accept"]) => return auth::accept(rt, req).await,
        ("POST", ["auth", "reset"]) => return auth::reset_password(rt, req).await,
        ("POST", ["setup"]) => return auth::setup(rt, req).await,
        _ => {}
    }
    if !known(rest) {
        return Err(no_route());
    }
    let token = cookies::session_token(req).ok_or_else(sessions::unauthenticated)?;
    // The hottest reads check the session in the same D1 round trip as their own query.
    match (req.method.as_str(), rest) {
        ("GET", ["me"]) => return auth::me(rt, token).await,
        ("GET", ["notifications", "unread"]) => return notifications::unread(rt, token).await,
        ("GET", ["notifications"]) => return notifications::list(rt, req, token).await,
        ("GET", ["notifications", "settings"]) => return notifications::settings(rt, token).await,
        ("GET", ["posts"]) => return feed::list(rt, req, token).await,
        ("GET", ["posts", id]) => return feed::detail(rt, token, id).await,
        ("GET", ["search"]) => return search::search(rt, req, token).await,
        ("GET", ["groups"]) => return groups::list(rt, req, token).await,
        ("GET", ["groups", id]) => return groups::get(rt, token, id).await,
        ("GET", ["groups", id, "members"]) => return groups::members(rt, req, token, id).await,
        ("GET", ["people", id]) => return work_pages::profile(rt, token, id).await,
        ("GET", ["directory"]) => return work_pages::directory(rt, req, token).await,
        ("GET", ["people", id, "org"]) => return work_pages::org_chart(rt, token, id).await,
        ("GET", ["experts"]) => return work_pages::experts(rt, req, token).await,
        ("GET", ["branches"]) => return work_pages::branches(rt, token).await,
        ("GET", ["departments"]) => return people::departments(rt, token).await,
        ("GET", ["departments", "tree"]) => return work_pages::department_tree(rt, token).await,
        ("GET", ["departments", id]) => return work_pages::department(rt, token, id).await,
        ("GET", ["ideas"]) => return ideas::list(rt, req, token).await,
        ("GET", ["places"]) => return places::in_box(rt, req, token).await,
        ("GET", ["place-categories"]) => return places::categories(rt, token).await,
        // (The literal paths under /api/places/ are authenticated below.)
        ("GET", ["places", "near"]) => return places::near(rt, req, token).await,
        ("GET", ["places", "export.csv" | "export.geojson"]) => {}
        ("GET", ["places", id]) => return places::get(rt, token, id).await,
        ("GET", ["round-tables"]) => return round_tables::list(rt, token).await,
        ("GET", ["round-tables", id]) => return round_tables::detail(rt, token, id).await,
        // The exports are for reviewers, and authenticated below.
        ("GET", ["ideas", "export.csv" | "export.json"]) => {}
        ("GET", ["ideas", id]) => return ideas::detail(rt, token, id).await,
        // The home feed's other first reads, asked alongside its posts on every start.
        ("GET", ["announcements"]) => return feed::announcements(rt, token).await,
        ("GET", ["saved-filters"]) => return follows::saved_filters(rt, token).await,
        // A follow button's state, where its page did not say.
        ("GET", ["follows", kind, target]) => return follows::state(rt, token, kind, target).await,
        ("GET", ["celebrations"]) => return work_pages::celebrations(rt, token).await,
        // The settings page's: what I follow, my sessions (notification settings are above).
        ("GET", ["follows"]) => return follows::list(rt, req, token).await,
        ("GET", ["sessions"]) => return auth::sessions(rt, token).await,
        // The admins' page: everyone, or a search.
        ("GET", ["people"]) => return people::list(rt, req, token).await,
        _ => {}
    }
    let actor = sessions::authenticate(rt, token).await?;
    let key = req.header("idempotency-key");
    if write {
        rate_limit::hit(rt, &format!("writes:{}", actor.id), WRITES_PER_PERSON).await?;
        if let Some(key) = key {
            idempotency::check_key(key)?;
            if let Some(first) = idempotency::recorded(rt, &actor.id, key).await? {
                return Ok(super::handlers::replay(first));
            }
        }
    }
    let call = Call { req, actor, key };
    match (req.method.as_str(), rest) {
        ("POST", ["auth", "logout"]) => auth::logout(rt, &call).await,
        ("DELETE", ["sessions", id]) => auth::end_session(rt, &call, id).await,
        ("PUT", ["me", "password"]) => auth::change_password(rt, &call).await,
        ("POST", ["posts"]) => feed::create(rt, &call).await,
        ("PATCH", ["posts", id]) => feed::edit(rt, &call, id).await,
        ("DELETE", ["posts", id]) => feed::delete(rt, &call, id).await,
        ("POST", ["posts", id, "comments"]) => comments::create(rt, &call, Thread::Post(id)).await,
        ("PATCH", ["comments", id]) => comments::edit(rt, &call, ThreadKind::Post, id).await,
        ("DELETE", ["comments", id]) => comments::delete(rt, &call, ThreadKind::Post, id).await,
        ("PUT", ["posts", id, "like"]) => feed::like(rt, &call, id, true).await,
        ("DELETE", ["posts", id, "like"]) => feed::like(rt, &call, id, false).await,
        ("PUT", ["posts", id, "ack"]) => feed::confirm(rt, &call, id).await,
        ("GET", ["posts", id, "acks"]) => feed::ack_report(rt, &call, id).await,
        ("GET", ["posts", id, "photos", n]) => feed::photo(rt, &call, id, n).await,
        ("POST", ["posts", id, "acks", "remind"]) => feed::remind_unconfirmed(rt, &call, id).await,
        ("GET", ["audit"]) => people::audit_log(rt, &call).await,
        ("POST", ["people", "import"]) => work_pages::import_people(rt, &call).await,
        ("PUT", ["people", id, "profile"]) => work_pages::edit_own(rt, &call, id).await,
        ("PUT", ["people", id, "official"]) => work_pages::edit_official(rt, &call, id).await,
        ("PUT", ["people", id, "absence"]) => work_pages::set_absence(rt, &call, id).await,
        ("DELETE", ["people", id, "absence"]) => work_pages::end_absence(rt, &call, id).await,
        ("GET", ["people", id, "photo"]) => work_pages::photo(rt, &call, id).await,
        ("PUT", ["people", id, "photo"]) => work_pages::upload_photo(rt, &call, id).await,
        ("DELETE", ["people", id, "photo"]) => work_pages::remove_photo(rt, &call, id).await,
        ("POST", ["bookmarks"]) => work_pages::add_bookmark(rt, &call).await,
        ("PUT", ["bookmarks", "order"]) => work_pages::reorder_bookmarks(rt, &call).await,
        ("DELETE", ["bookmarks", id]) => work_pages::remove_bookmark(rt, &call, id).await,
        ("GET", ["position-bookmarks"]) => work_pages::shared_bookmarks(rt, &call).await,
        ("POST", ["position-bookmarks"]) => work_pages::add_shared_bookmark(rt, &call).await,
        ("DELETE", ["position-bookmarks", id]) => {
            work_pages::remove_shared_bookmark(rt, &call, id).await
        }
        ("POST", ["departments"]) => work_pages::create_department(rt, &call).await,
        ("PATCH", ["departments", id]) => work_pages::edit_department(rt, &call, id).await,
        ("POST", ["people", id, "deactivate"]) => people::deactivate(rt, &call, id).await,
        ("POST", ["people", id, "reactivate"]) => people::reactivate(rt, &call, id).await,
        ("POST", ["people", id, "logout"]) => people::end_sessions(rt, &call, id).await,
        ("PUT", ["people", id, "role"]) => people::set_role(rt, &call, id).await,
        ("POST", ["people", id, "password-reset"]) => people::password_reset(rt, &call, id).await,
        ("PUT", ["people", id, "grants", capability]) => {
            people::grant(rt, &call, id, capability).await
        }
        ("GET", ["invites"]) => people::pending(rt, &call).await,
        ("POST", ["invites"]) => people::invite(rt, &call).await,
        ("POST", ["access-codes"]) => people::access_code(rt, &call).await,
        ("DELETE", ["invites", id]) => people::revoke(rt, &call, id).await,
        ("POST", ["notifications", "read"]) => notifications::mark_read(rt, &call).await,
        ("PUT", ["notifications", "settings"]) => notifications::set(rt, &call).await,
        ("GET", ["push", "key"]) => notifications::push_key(rt, &call),
        ("PUT", ["push", "subscription"]) => notifications::subscribe(rt, &call).await,
        ("DELETE", ["push", "subscription"]) => notifications::unsubscribe(rt, &call).await,
        ("PUT", ["follows"]) => follows::follow(rt, &call).await,
        ("DELETE", ["follows", kind, target]) => follows::unfollow(rt, &call, kind, target).await,
        ("POST", ["saved-filters"]) => follows::save_filter(rt, &call).await,
        ("DELETE", ["saved-filters", id]) => follows::remove_filter(rt, &call, id).await,
        ("POST", ["groups"]) => groups::create(rt, &call).await,
        ("POST", ["groups", id, "join"]) => groups::join(rt, &call, id).await,
        ("POST", ["groups", id, "leave"]) => groups::leave(rt, &call, id).await,
        ("PUT", ["groups", id, "pin"]) => groups::pin(rt, &call, id).await,
        ("POST", ["groups", id, "members"]) => groups::invite(rt, &call, id).await,
        ("POST", ["groups", id, "members", user, "approve"]) => {
            groups::approve(rt, &call, id, user).await
        }
        ("PUT", ["groups", id, "members", user, "role"]) => {
            groups::set_role(rt, &call, id, user).await
        }
        ("DELETE", ["groups", id, "members", user]) => groups::remove(rt, &call, id, user).await,
        ("POST", ["ideas"]) => ideas::submit(rt, &call).await,
        ("GET", ["ideas", "export.csv"]) => ideas::export(rt, &call, true).await,
        ("GET", ["ideas", "export.json"]) => ideas::export(rt, &call, false).await,
        ("PUT", ["ideas", id]) => ideas::edit(rt, &call, id).await,
        ("PUT", ["ideas", id, "vote"]) => ideas::vote(rt, &call, id, true).await,
        ("DELETE", ["ideas", id, "vote"]) => ideas::vote(rt, &call, id, false).await,
        ("POST", ["ideas", id, "status"]) => ideas::set_status(rt, &call, id).await,
        ("POST", ["ideas", id, "merge"]) => ideas::merge(rt, &call, id).await,
        ("POST", ["ideas", id, "comments"]) => comments::create(rt, &call, Thread::Idea(id)).await,
        ("PATCH", ["idea-comments", id]) => comments::edit(rt, &call, ThreadKind::Idea, id).await,
        ("DELETE", ["idea-comments", id]) => {
            comments::delete(rt, &call, ThreadKind::Idea, id).await
        }
        ("POST", ["ideas", id, "thanks"]) => ideas::thank(rt, &call, id).await,
        ("GET", ["api-tokens"]) => integrations::list(rt, &call).await,
        ("POST", ["api-tokens"]) => integrations::issue(rt, &call).await,
        ("DELETE", ["api-tokens", id]) => integrations::revoke(rt, &call, id).await,
        ("POST", ["round-tables"]) => round_tables::create(rt, &call).await,
        ("POST", ["round-tables", id, "questions"]) => round_tables::ask(rt, &call, id).await,
        ("PUT", ["questions", id, "vote"]) => round_tables::vote(rt, &call, id, true).await,
        ("DELETE", ["questions", id, "vote"]) => round_tables::vote(rt, &call, id, false).await,
        ("PUT", ["questions", id, "answer"]) => round_tables::answer(rt, &call, id).await,
        ("POST", ["questions", id, "hide"]) => round_tables::hide(rt, &call, id).await,
        ("POST", ["questions", id, "merge"]) => round_tables::merge(rt, &call, id).await,
        ("GET", ["map", "config"]) => places::config(rt, &call).await,
        ("POST", ["place-categories"]) => places::create_category(rt, &call).await,
        ("GET", ["place-suggestions"]) => places::open_suggestions(rt, &call).await,
        ("POST", ["place-suggestions", id, "decision"]) => places::decide(rt, &call, id).await,
        ("POST", ["places"]) => places::create(rt, &call).await,
        ("GET", ["places", "export.csv"]) => places::export_csv(rt, &call).await,
        ("GET", ["places", "export.geojson"]) => places::export_geojson(rt, &call).await,
        ("POST", ["places", "import"]) => places::import(rt, &call).await,
        ("PUT", ["places", id]) => places::update(rt, &call, id).await,
        ("DELETE", ["places", id]) => places::archive(rt, &call, id).await,
        ("POST", ["places", id, "suggestions"]) => places::suggest(rt, &call, id).await,
        ("POST", ["reports"]) => reports::report(rt, &call).await,
        ("GET", ["reports"]) => reports::queue(rt, &call).await,
        ("POST", ["reports", target, id, "decision"]) => {
            reports::decide(rt, &call, target, id).await
        }
        _ => Err(ApiError::new(
            ErrorCode::BadRequest,
            "That method is not allowed here.",
            "Metode itu tidak diizinkan di sini.",
        )),
    }
}

/// Whether `rest` names an authenticated resource, so unknown paths answer 404 before 401.
fn known(rest: &[&str]) -> bool {
    matches!(
        rest,
        ["me"]
            | ["me", "password"]
            | ["auth", "logout"]
            | ["sessions"]
            | ["sessions", _]
            | ["posts"]
            | ["posts", _]
            | ["posts", _, "comments" | "like" | "ack" | "acks"]
            | ["posts", _, "acks", "remind"]
            | ["posts", _, "photos", _]
            | ["comments", _]
            | ["people"]
            | ["audit"]
            | ["people", _]
            | [
                "people",
                _,
                "profile" | "official" | "absence" | "org" | "photo"
            ]
            | ["directory"]
            | ["bookmarks"]
            | ["bookmarks", _]
            | ["position-bookmarks"]
            | ["position-bookmarks", _]
            | ["experts"]
            | ["branches"]
            | ["celebrations"]
            | ["departments", _]
            | [
                "people",
                _,
                "deactivate" | "reactivate" | "logout" | "role" | "password-reset"
            ]
            | ["people", _, "grants", _]
            | ["departments"]
            | ["invites"]
            | ["invites", _]
            | ["access-codes"]
            | ["announcements"]
            | ["notifications"]
            | ["notifications", "unread" | "read" | "settings"]
            | ["push", "key" | "subscription"]
            | ["follows"]
            | ["follows", _, _]
            | ["saved-filters"]
            | ["saved-filters", _]
            | ["search"]
            | ["groups"]
            | ["groups", _]
            | ["groups", _, "join" | "leave" | "pin" | "members"]
            | ["groups", _, "members", _]
            | ["groups", _, "members", _, "approve" | "role"]
            | ["ideas"]
            | ["ideas", _]
            | [
                "ideas",
                _,
                "vote" | "status" | "merge" | "comments" | "thanks"
            ]
            | ["idea-comments", _]
            | ["api-tokens"]
            | ["api-tokens", _]
            | ["round-tables"]
            | ["round-tables", _]
            | ["round-tables", _, "questions"]
            | ["questions", _, "vote" | "answer" | "hide" | "merge"]
            | ["map", "config"]
            | ["place-categories"]
            | ["place-suggestions"]
            | ["place-suggestions", _, "decision"]
            | ["places"]
            | ["places", _]
            | ["places", _, "suggestions"]
            | ["reports"]
            | ["reports", _, _, "decision"]
    )
}

fn no_route() -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        "No such API endpoint.",
        "Endpoint API itu tidak ada.",
    )
}
