//! Every endpoint answers bad input with a JSON error and the right status: never a 500, never
//! a partial write.

mod common;

use balai_functions::http::ApiRequest;
use balai_protocol::limits::POST_BODY_MAX_BYTES;
use common::*;
use serde_json::json;

const MISSING: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// Every authenticated route with a body it accepts, `{id}` standing for an existing id.
fn routes() -> Vec<(&'static str, &'static str, Option<serde_json::Value>)> {
    vec![
        ("GET", "/api/me", None),
        ("POST", "/api/auth/logout", Some(json!({}))),
        ("GET", "/api/sessions", None),
        ("DELETE", "/api/sessions/{id}", None),
        ("GET", "/api/posts", None),
        ("POST", "/api/posts", Some(json!({ "body": "hi" }))),
        ("GET", "/api/posts/{id}", None),
        ("PATCH", "/api/posts/{id}", Some(json!({ "body": "hi" }))),
        ("DELETE", "/api/posts/{id}", None),
        (
            "POST",
            "/api/posts/{id}/comments",
            Some(json!({ "body": "hi" })),
        ),
        ("DELETE", "/api/comments/{id}", None),
        ("PUT", "/api/posts/{id}/like", None),
        ("DELETE", "/api/posts/{id}/like", None),
        ("GET", "/api/people", None),
        ("POST", "/api/people/{id}/deactivate", Some(json!({}))),
        ("POST", "/api/people/{id}/reactivate", Some(json!({}))),
        ("POST", "/api/people/{id}/logout", Some(json!({}))),
        ("GET", "/api/invites", None),
        (
            "POST",
            "/api/invites",
            Some(json!({ "email": "new@example.co.id" })),
        ),
        ("POST", "/api/access-codes", Some(json!({}))),
        ("DELETE", "/api/invites/{id}", None),
    ]
}

#[test]
fn without_a_session_every_route_answers_401() {
    let app = TestApp::new();
    for (method, path, body) in routes() {
        let res = app.call(method, &path.replace("{id}", MISSING), None, body);
        assert_error(&res, 401, "unauthenticated");
    }
    // A forged or malformed cookie is the same.
    let mut req = request("GET", "/api/posts", None, None);
    req.headers
        .push(("cookie".into(), "balai_session=not-a-token; other=1".into()));
    assert_error(&app.send(req), 401, "unauthenticated");
}

#[test]
fn cross_site_writes_are_refused_before_anything_else() {
    let app = TestApp::new();
    let admin = app.admin();
    for (method, path, body) in routes().into_iter().filter(|(m, _, _)| *m != "GET") {
        let mut req = request(
            method,
            &path.replace("{id}", MISSING),
            Some(&admin),
            body.clone(),
        );
        req.headers
            .retain(|(k, _)| k != "origin" && k != "sec-fetch-site");
        req.headers
            .push(("origin".into(), "https://evil.example".into()));
        assert_error(&app.send(req), 403, "cross_site");
        let mut req = request(method, &path.replace("{id}", MISSING), Some(&admin), body);
        req.headers.retain(|(k, _)| k != "sec-fetch-site");
        req.headers
            .push(("sec-fetch-site".into(), "cross-site".into()));
        assert_error(&app.send(req), 403, "cross_site");
    }
    // Login too: a cross-site page cannot log someone in.
    let mut req = request(
        "POST",
        "/api/auth/login",
        None,
        Some(json!({ "email": "a@b.co", "password": "x" })),
    );
    req.headers.retain(|(k, _)| k != "origin");
    req.headers
        .push(("origin".into(), "https://evil.example".into()));
    assert_error(&app.send(req), 403, "cross_site");
    assert_eq!(
        json(&app.get("/api/posts", Some(&admin)))["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn malformed_json_missing_fields_and_wrong_types_are_400() {
    let app = TestApp::new();
    let admin = app.admin();
    let post = app.new_post(&admin, "existing");
    for (method, path, _) in routes()
        .into_iter()
        .filter(|(_, _, b)| b.as_ref().is_some_and(|b| b != &json!({})))
    {
        let path = path.replace("{id}", &post);
        let mut req = request(method, &path, Some(&admin), Some(json!({})));
        req.body = b"{\"body\": ".to_vec();
        assert_error(&app.send(req), 400, "bad_request");
        let res = app.call(method, &path, Some(&admin), Some(json!({})));
        assert_error(&res, 400, "validation");
        assert!(
            json(&res)["field"].is_string(),
            "{method} {path}: {}",
            res.body
        );
        let res = app.call(
            method,
            &path,
            Some(&admin),
            Some(json!({ "body": 42, "email": 42 })),
        );
        assert_error(&res, 400, "bad_request");
        // A body sent as a form is refused.
        let mut req = request(method, &path, Some(&admin), Some(json!({})));
        req.headers.retain(|(k, _)| k != "content-type");
        req.headers.push((
            "content-type".into(),
            "application/x-www-form-urlencoded".into(),
        ));
        req.body = b"body=hi".to_vec();
        assert_error(&app.send(req), 400, "bad_request");
    }
    let detail = json(&app.get(&format!("/api/posts/{post}"), Some(&admin)));
    assert_eq!(detail["post"]["body"], "existing");
    assert_eq!(detail["comments"].as_array().unwrap().len(), 0);
    assert_eq!(
        json(&app.get("/api/posts", Some(&admin)))["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn oversized_bodies_are_413() {
    let app = TestApp::new();
    let admin = app.admin();
    let post = app.new_post(&admin, "Rapat");
    let res = app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&admin),
        json!({ "body": "x".repeat(70_000) }),
    );
    assert_error(&res, 413, "payload_too_large");
    // A new post may carry photos, so it may be bigger, but not without end.
    let res = app.post(
        "/api/posts",
        Some(&admin),
        json!({ "body": "x".repeat(POST_BODY_MAX_BYTES) }),
    );
    assert_error(&res, 413, "payload_too_large");
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "x".repeat(70_000), "password": "p" }),
    );
    assert_error(&res, 413, "payload_too_large");
}

#[test]
fn unknown_and_junk_ids_are_404() {
    let app = TestApp::new();
    let admin = app.admin();
    for id in [
        MISSING,
        "junk",
        "%27%20OR%201%3D1",
        "01ARZ3NDEKTSV4RRFFQ69G5FA!",
    ] {
        for (method, path, body) in routes().into_iter().filter(|(_, p, _)| p.contains("{id}")) {
            let path = path.replace("{id}", id);
            let res = app.call(method, &path, Some(&admin), body);
            // Ending a session or revoking an invite that is not there is already done: 204.
            let already_gone =
                path.starts_with("/api/sessions/") || path.starts_with("/api/invites/");
            if already_gone && id == MISSING {
                assert_eq!(res.status, 204, "{method} {path}");
            } else {
                assert_error(&res, 404, "not_found");
            }
        }
    }
    assert_error(&app.get("/api/nowhere", Some(&admin)), 404, "not_found");
    assert_error(&app.get("/api/nowhere", None), 404, "not_found");
}

#[test]
fn bad_cursors_and_limits_are_handled() {
    let app = TestApp::new();
    let admin = app.admin();
    for c in ["x", "1.2", "abc.01ARZ3NDEKTSV4RRFFQ69G5FAV", "."] {
        assert_error(
            &app.get(&format!("/api/posts?cursor={c}"), Some(&admin)),
            400,
            "bad_request",
        );
    }
    // Limits are clamped, not refused.
    assert_eq!(app.get("/api/posts?limit=100000", Some(&admin)).status, 200);
    assert_eq!(app.get("/api/posts?limit=0", Some(&admin)).status, 200);
    assert_error(
        &app.get("/api/people?cursor=zzz", Some(&admin)),
        400,
        "bad_request",
    );
}

#[test]
fn bad_idempotency_keys_are_400_and_write_nothing() {
    let app = TestApp::new();
    let admin = app.admin();
    let res = app.post_keyed(
        "/api/posts",
        &admin,
        json!({ "body": "x" }),
        &"k".repeat(101),
    );
    assert_error(&res, 400, "bad_request");
    assert_eq!(
        json(&app.get("/api/posts", Some(&admin)))["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn writes_are_rate_limited_per_person() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let ani = app.member("ani");
    for i in 0..60 {
        assert_eq!(
            app.post(
                "/api/posts",
                Some(&ani),
                json!({ "body": format!("spam {i}") })
            )
            .status,
            201
        );
    }
    let res = app.post("/api/posts", Some(&ani), json!({ "body": "one too many" }));
    assert_error(&res, 429, "rate_limited");
    assert!(res.header("retry-after").is_some());
    app.rt.advance(60_000);
    assert_eq!(
        app.post("/api/posts", Some(&ani), json!({ "body": "later" }))
            .status,
        201
    );
}

#[test]
fn errors_never_leak_as_html_or_500() {
    let app = TestApp::new();
    let admin = app.admin();
    let req = ApiRequest {
        method: "BREW".into(),
        ..request("GET", "/api/posts", Some(&admin), None)
    };
    let res = app.send(req);
    assert!(res.status < 500);
    assert!(
        res.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
}
