//! Getting in: invite links, access codes, and their refusals.

mod common;

use balai_protocol::auth::Role;
use common::*;
use serde_json::json;

fn token_of(link: &str) -> String {
    link.trim_start_matches("/invite/").to_string()
}

#[test]
fn invite_by_email_then_accept_logs_the_person_in() {
    let app = TestApp::new();
    let admin = app.admin();
    let res = app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "Citra@Example.co.id" }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let invite = json(&res);
    let link = invite["link"].as_str().unwrap();
    assert!(link.starts_with("/invite/"));
    let pending = json(&app.get("/api/invites", Some(&admin)));
    assert_eq!(pending[0]["email"], "citra@example.co.id");

    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": token_of(link), "name": "Citra Lestari", "password": "citra-password-1" }),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["email"], "citra@example.co.id");
    assert!(session_cookie(&res).is_some());
    // And she can log in later with her password.
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "citra@example.co.id", "password": "citra-password-1" }),
    );
    assert_eq!(res.status, 200);
    // A used invite is refused with a clear message and creates nothing.
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": token_of(link), "name": "Mallory", "password": "mallory-password" }),
    );
    assert_error(&res, 400, "invite_invalid");
    assert!(
        json(&res)["message"]
            .as_str()
            .unwrap()
            .contains("already been used")
    );
    assert_eq!(
        json(&app.get("/api/invites", Some(&admin)))
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn access_code_lets_staff_without_email_choose_a_login() {
    let app = TestApp::new();
    let admin = app.admin();
    let res = app.post("/api/access-codes", Some(&admin), json!({}));
    assert_eq!(res.status, 201, "{}", res.body);
    let code = json(&res)["code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 11);
    // Typed in lower case with spaces: still accepted.
    let typed = code.to_lowercase().replace('-', " ");
    let res = app.post("/api/auth/accept", None, json!({ "code": typed, "login": "joko.driver", "name": "Joko", "password": "joko-password-1" }));
    assert_eq!(res.status, 200, "{}", res.body);
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "joko.driver", "password": "joko-password-1" }),
    );
    assert_eq!(res.status, 200);
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "code": code, "login": "joko.two", "name": "Joko", "password": "joko-password-1" }),
    );
    assert_error(&res, 400, "invite_invalid");
}

#[test]
fn expired_and_revoked_invites_are_refused() {
    let app = TestApp::new();
    let admin = app.admin();
    let link = json(&app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "dewi@example.co.id" }),
    ))["link"]
        .as_str()
        .unwrap()
        .to_string();
    app.rt.advance(8 * 24 * 60 * 60 * 1000);
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": token_of(&link), "name": "Dewi", "password": "dewi-password-1" }),
    );
    assert_error(&res, 400, "invite_invalid");
    assert!(json(&res)["message"].as_str().unwrap().contains("expired"));

    let admin = app.person("admin2@example.co.id", Role::Admin);
    let issued = json(&app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "eko@example.co.id" }),
    ));
    let id = issued["id"].as_str().unwrap();
    assert_eq!(
        app.call("DELETE", &format!("/api/invites/{id}"), Some(&admin), None)
            .status,
        204
    );
    let res = app.post("/api/auth/accept", None, json!({ "token": token_of(issued["link"].as_str().unwrap()), "name": "Eko", "password": "eko-password-1" }));
    assert!(
        json(&res)["message"]
            .as_str()
            .unwrap()
            .contains("withdrawn")
    );
}

#[test]
fn bad_invites_are_refused_clearly() {
    let app = TestApp::new();
    let admin = app.admin();
    app.member("ani");
    let res = app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "ani@example.co.id" }),
    );
    assert_error(&res, 409, "conflict");
    let res = app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "not-an-email" }),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "email");
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": "f".repeat(64), "name": "X", "password": "whatever-password" }),
    );
    assert_error(&res, 400, "invite_invalid");
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "name": "X", "password": "whatever-password" }),
    );
    assert_error(&res, 400, "validation");
    // A weak password is refused before the invite is spent.
    let link = json(&app.post(
        "/api/invites",
        Some(&admin),
        json!({ "email": "fajar@example.co.id" }),
    ))["link"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": token_of(&link), "name": "Fajar", "password": "short" }),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "password");
    let res = app.post(
        "/api/auth/accept",
        None,
        json!({ "token": token_of(&link), "name": "Fajar", "password": "long-enough-pw" }),
    );
    assert_eq!(res.status, 200);
}

#[test]
fn an_invite_retried_with_the_same_key_is_issued_once() {
    let app = TestApp::new();
    let admin = app.admin();
    let a = app.post_keyed(
        "/api/invites",
        &admin,
        json!({ "email": "gita@example.co.id" }),
        "k-1",
    );
    let b = app.post_keyed(
        "/api/invites",
        &admin,
        json!({ "email": "gita@example.co.id" }),
        "k-1",
    );
    assert_eq!(a.status, 201);
    assert_eq!(b.status, 201);
    assert_eq!(a.body, b.body);
    assert_eq!(b.header("idempotent-replayed"), Some("true"));
    assert_eq!(
        json(&app.get("/api/invites", Some(&admin)))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn members_cannot_invite_or_manage_people() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    assert_error(
        &app.post(
            "/api/invites",
            Some(&ani),
            json!({ "email": "x@example.co.id" }),
        ),
        403,
        "forbidden",
    );
    assert_error(
        &app.post("/api/access-codes", Some(&ani), json!({})),
        403,
        "forbidden",
    );
    assert_error(&app.get("/api/invites", Some(&ani)), 403, "forbidden");
    assert_error(&app.get("/api/people", Some(&ani)), 403, "forbidden");
    assert_error(
        &app.post(
            &format!("/api/people/{}/deactivate", budi.id),
            Some(&ani),
            json!({}),
        ),
        403,
        "forbidden",
    );
    assert_eq!(app.get("/api/me", Some(&budi)).status, 200);
}

#[test]
fn guessing_access_codes_is_rate_limited_per_address() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let code = json(&app.post("/api/access-codes", Some(&admin), json!({})))["code"]
        .as_str()
        .unwrap()
        .to_string();
    let attempt = |code: &str| {
        app.post(
            "/api/auth/accept",
            None,
            json!({ "code": code, "login": "guesser", "name": "G", "password": "guess-password" }),
        )
    };
    for i in 0..20 {
        assert_error(&attempt(&format!("WRONG-{i:05}")), 400, "invite_invalid");
    }
    // Now even the right code waits: this address has guessed too often.
    assert_error(&attempt(&code), 429, "rate_limited");
    app.rt.advance(15 * 60 * 1000);
    assert_eq!(attempt(&code).status, 200);
}
