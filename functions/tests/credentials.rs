//! Changing one's password, and the reset link an admin issues to someone who forgot theirs.

mod common;

use balai_functions::http::ApiResponse;
use balai_functions::service::credentials::RESET_VALID_MS;
use common::*;
use serde_json::{Value, json};

const NEW_PASSWORD: &str = "a-new-password-2027";

fn log_in(app: &TestApp, who: &Who, password: &str) -> Result<Who, ApiResponse> {
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": who.email, "password": password }),
    );
    if res.status != 200 {
        return Err(res);
    }
    Ok(Who {
        id: who.id.clone(),
        email: who.email.clone(),
        cookie: session_cookie(&res).unwrap(),
    })
}

fn change(app: &TestApp, who: &Who, current: &str, new: &str) -> ApiResponse {
    app.call(
        "PUT",
        "/api/me/password",
        Some(who),
        Some(json!({ "current_password": current, "new_password": new })),
    )
}

fn field(res: &ApiResponse) -> Value {
    json(res)["field"].clone()
}

#[test]
fn a_person_changes_their_password_and_their_other_devices_are_logged_out() {
    let app = TestApp::new();
    let phone = app.member("ani");
    let laptop = log_in(&app, &phone, PASSWORD).unwrap();

    let res = change(&app, &phone, "not-my-password", NEW_PASSWORD);
    assert_error(&res, 400, "validation");
    assert_eq!(field(&res), "current_password");
    let res = change(&app, &phone, PASSWORD, "short");
    assert_error(&res, 400, "validation");
    assert_eq!(field(&res), "new_password");
    let res = change(&app, &phone, "", NEW_PASSWORD);
    assert_eq!(field(&res), "current_password");
    assert_eq!(
        app.get("/api/me", Some(&laptop)).status,
        200,
        "nothing changed"
    );
    assert!(log_in(&app, &phone, PASSWORD).is_ok());

    // The answer is lost on a bad network and the app sends the change again, with its key.
    let keyed = || {
        let mut req = request(
            "PUT",
            "/api/me/password",
            Some(&phone),
            Some(json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD })),
        );
        req.headers
            .push(("idempotency-key".into(), "change-1".into()));
        app.send(req)
    };
    let first = keyed();
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(json(&first), json!({ "other_sessions_ended": 2 }));
    let retry = keyed();
    assert_eq!(retry.status, 200, "not 'that is not your current password'");
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(json(&retry), json(&first));
    assert_eq!(
        app.get("/api/me", Some(&phone)).status,
        200,
        "this device stays in"
    );
    assert_error(&app.get("/api/me", Some(&laptop)), 401, "unauthenticated");
    assert_error(
        &log_in(&app, &phone, PASSWORD).err().expect("refused"),
        401,
        "invalid_credentials",
    );
    assert!(log_in(&app, &phone, NEW_PASSWORD).is_ok());
}

#[test]
fn guessing_the_current_password_is_limited_like_logging_in() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let ani = app.member("ani");
    for _ in 0..10 {
        assert_eq!(
            change(&app, &ani, "a-guess-at-it", NEW_PASSWORD).status,
            400
        );
    }
    // Even the right one waits, as a locked login does: a stolen session cannot probe.
    let res = change(&app, &ani, PASSWORD, NEW_PASSWORD);
    assert_error(&res, 429, "rate_limited");
    assert!(res.header("retry-after").is_some());
    app.rt.advance(15 * 60 * 1000);
    assert_eq!(change(&app, &ani, PASSWORD, NEW_PASSWORD).status, 200);
}

fn issue(app: &TestApp, by: &Who, of: &str) -> ApiResponse {
    app.post(
        &format!("/api/people/{of}/password-reset"),
        Some(by),
        json!({}),
    )
}

/// The token of an issued link.
fn token(res: &ApiResponse) -> String {
    assert_eq!(res.status, 201, "{}", res.body);
    let link = json(res)["link"].as_str().unwrap().to_string();
    let token = link.strip_prefix("/reset/").unwrap().to_string();
    assert_eq!(token.len(), 64, "256 random bits");
    token
}

fn reset(app: &TestApp, token: &str, password: &str) -> ApiResponse {
    app.post(
        "/api/auth/reset",
        None,
        json!({ "token": token, "password": password }),
    )
}

#[test]
fn only_an_admin_issues_a_reset_link_and_only_for_a_current_colleague() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let budi = app.member("budi");
    assert_error(&issue(&app, &ani, &budi.id), 403, "forbidden");
    assert_error(&issue(&app, &admin, &admin.id), 400, "bad_request");
    assert_error(&issue(&app, &admin, "u_nobody"), 404, "not_found");
    let res = app.post(
        &format!("/api/people/{}/deactivate", budi.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204);
    assert_error(&issue(&app, &admin, &budi.id), 409, "conflict");
    assert_eq!(
        app.rows("SELECT COUNT(*) AS n FROM password_resets")[0]["n"],
        0
    );

    token(&issue(&app, &admin, &ani.id));
    let audit = app.audit();
    let issued: Vec<&Value> = audit
        .iter()
        .filter(|e| e["action"] == "person.password_reset")
        .collect();
    assert_eq!(issued.len(), 1, "audited once; refusals are not");
    assert_eq!(issued[0]["target"], ani.id.as_str());
    let stored = app.rows("SELECT secret_hash FROM password_resets");
    assert_eq!(stored.len(), 1);
    assert_eq!(
        stored[0]["secret_hash"].as_str().unwrap().len(),
        64,
        "only the SHA-256 of the secret is kept"
    );
}

#[test]
fn a_reset_link_sets_a_new_password_once_and_logs_out_everywhere_else() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let link = token(&issue(&app, &admin, &ani.id));

    let res = reset(&app, &link, "short");
    assert_error(&res, 400, "validation");
    assert_eq!(field(&res), "password");
    let res = reset(&app, &link, NEW_PASSWORD);
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["email"], ani.email.as_str());
    let here = Who {
        id: ani.id.clone(),
        email: ani.email.clone(),
        cookie: session_cookie(&res).expect("logged in on this device"),
    };
    assert_eq!(app.get("/api/me", Some(&here)).status, 200);
    assert_error(&app.get("/api/me", Some(&ani)), 401, "unauthenticated");
    assert!(log_in(&app, &ani, PASSWORD).is_err());
    assert!(log_in(&app, &ani, NEW_PASSWORD).is_ok());

    let again = reset(&app, &link, "yet-another-password");
    assert_error(&again, 400, "validation");
    assert!(
        json(&again)["message"]
            .as_str()
            .unwrap()
            .contains("already been used")
    );
    assert!(log_in(&app, &ani, NEW_PASSWORD).is_ok(), "unchanged");
}

#[test]
fn only_the_newest_link_works_and_only_for_a_day() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let ani = app.member("ani");
    let first = token(&issue(&app, &admin, &ani.id));
    let second = token(&issue(&app, &admin, &ani.id));
    let res = reset(&app, &first, NEW_PASSWORD);
    assert_error(&res, 400, "validation");
    assert!(
        json(&res)["message"]
            .as_str()
            .unwrap()
            .contains("newer one")
    );

    app.rt.advance(RESET_VALID_MS);
    let res = reset(&app, &second, NEW_PASSWORD);
    assert!(json(&res)["message"].as_str().unwrap().contains("expired"));
    assert!(log_in(&app, &ani, PASSWORD).is_ok(), "nothing changed");

    // Someone who left meanwhile is not let back in by a link issued before.
    let third = token(&issue(&app, &admin, &ani.id));
    let res = app.post(
        &format!("/api/people/{}/deactivate", ani.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204);
    assert_error(&reset(&app, &third, NEW_PASSWORD), 403, "forbidden");
}

#[test]
fn guessing_reset_links_is_limited_per_address() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let ani = app.member("ani");
    let real = token(&issue(&app, &admin, &ani.id));
    for i in 0..20 {
        let res = reset(&app, &format!("{i:064x}"), NEW_PASSWORD);
        assert_error(&res, 400, "validation");
    }
    assert_error(&reset(&app, &real, NEW_PASSWORD), 429, "rate_limited");
    for junk in [
        json!({}),
        json!({ "token": "", "password": NEW_PASSWORD }),
        json!(null),
    ] {
        let res = app.post("/api/auth/reset", None, junk);
        assert!(res.status == 400 || res.status == 429, "{}", res.body);
    }
}
