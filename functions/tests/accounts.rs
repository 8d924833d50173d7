//! Logging in, sessions, rate limits, offboarding and the first admin.

mod common;

use balai_functions::runtime::Runtime;
use balai_functions::service::sessions::{ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS};
use balai_protocol::auth::Role;
use common::*;
use serde_json::{Value, json};

#[test]
fn login_sets_an_httponly_lax_cookie_and_me_answers() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "ANI@example.co.id ", "password": PASSWORD }),
    );
    assert_eq!(res.status, 200);
    let cookie = res.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(
        !cookie.contains("Secure"),
        "plain-http localhost cannot use Secure cookies"
    );
    let token = session_cookie(&res).unwrap();
    assert_eq!(token.len(), 64, "256-bit token, hex");
    // Every start of the app asks this first: the session and the person in one round trip.
    let (me, trips) = app.get_counting_round_trips("/api/me", Some(&ani));
    assert_eq!(trips, 1);
    assert_eq!(json(&me)["email"], "ani@example.co.id");
    assert_eq!(json(&me)["role"], "member");
}

#[test]
fn secure_cookie_over_https() {
    let app = TestApp::new();
    app.member("ani");
    let mut req = request(
        "POST",
        "/api/auth/login",
        None,
        Some(json!({ "email": "ani@example.co.id", "password": PASSWORD })),
    );
    req.origin = "https://balai.example.com".into();
    req.headers.retain(|(k, _)| k != "origin");
    let res = app.send(req);
    assert!(res.header("set-cookie").unwrap().contains("; Secure"));
}

#[test]
fn the_token_is_stored_only_hashed() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let rows: Vec<serde_json::Value> =
        balai_functions::runtime::native::block_on(balai_functions::store::Db::all(
            app.rt.db(),
            balai_functions::stmt!("SELECT token_hash FROM sessions"),
        ))
        .unwrap();
    assert!(rows.iter().all(|r| r["token_hash"] != ani.cookie.as_str()));
}

#[test]
fn wrong_password_and_unknown_login_look_the_same() {
    let app = TestApp::new();
    app.member("ani");
    let a = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "ani@example.co.id", "password": "nope-nope-nope" }),
    );
    let b = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "nobody@example.co.id", "password": "nope-nope-nope" }),
    );
    assert_error(&a, 401, "invalid_credentials");
    assert_eq!(a.body, b.body);
}

#[test]
fn failed_logins_are_limited_per_account_with_retry_after() {
    let app = TestApp::new();
    app.member("ani");
    app.rt.set_now(1_800_000_000_000);
    for _ in 0..10 {
        let res = app.post(
            "/api/auth/login",
            None,
            json!({ "email": "ani@example.co.id", "password": "wrong-password" }),
        );
        assert_eq!(res.status, 401);
    }
    // Even the right password is refused while the account is locked.
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "ani@example.co.id", "password": PASSWORD }),
    );
    assert_error(&res, 429, "rate_limited");
    let retry: u32 = res.header("retry-after").unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    // After the window, the right password works again.
    app.rt.advance(15 * 60 * 1000);
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "ani@example.co.id", "password": PASSWORD }),
    );
    assert_eq!(res.status, 200, "{}", res.body);
}

#[test]
fn failed_logins_are_limited_per_address() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    for i in 0..50 {
        let res = app.post(
            "/api/auth/login",
            None,
            json!({ "email": format!("guess{i}@example.co.id"), "password": "whatever-pw" }),
        );
        assert_eq!(res.status, 401);
    }
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "guess-last@example.co.id", "password": "whatever-pw" }),
    );
    assert_error(&res, 429, "rate_limited");
}

#[test]
fn deactivation_ends_every_session_at_the_next_request_and_keeps_content() {
    let app = TestApp::new();
    let admin = app.admin();
    let budi = app.member("budi");
    let phone = app.person("budi2@example.co.id", Role::Member); // a second person for contrast
    let post_id = app.new_post(&budi, "Laporan mingguan cabang");
    let res = app.post(
        &format!("/api/people/{}/deactivate", budi.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_error(&app.get("/api/posts", Some(&budi)), 401, "unauthenticated");
    assert_eq!(app.get("/api/posts", Some(&phone)).status, 200);
    // They cannot log in again.
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": budi.email, "password": PASSWORD }),
    );
    assert_error(&res, 403, "forbidden");
    // What they wrote stays, marked as by a former employee.
    let detail = json(&app.get(&format!("/api/posts/{post_id}"), Some(&admin)));
    assert_eq!(detail["post"]["author"]["former"], true);
    // The action is audited.
    let audit = app.audit();
    assert_eq!(audit[0]["action"], "person.deactivate");
    assert_eq!(audit[0]["target"], budi.id.as_str());
}

#[test]
fn sessions_time_out_when_idle_and_absolutely() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let ani = app.member("ani");
    app.rt.advance(IDLE_TIMEOUT_MS - 1000);
    assert_eq!(
        app.get("/api/me", Some(&ani)).status,
        200,
        "still inside the idle window"
    );
    app.rt.advance(IDLE_TIMEOUT_MS + 1);
    assert_error(&app.get("/api/me", Some(&ani)), 401, "unauthenticated");

    let budi = app.member("budi");
    // Active every day, but the absolute limit still ends it.
    let mut elapsed = 0;
    while elapsed < ABSOLUTE_TIMEOUT_MS - 86_400_000 {
        app.rt.advance(86_400_000);
        elapsed += 86_400_000;
        assert_eq!(app.get("/api/me", Some(&budi)).status, 200);
    }
    app.rt.advance(2 * 86_400_000);
    assert_error(&app.get("/api/me", Some(&budi)), 401, "unauthenticated");
}

/// The reads that look the session up in the same round trip as their own query (the feed,
/// search, the unread poll) end an idle session as every other route does.
#[test]
fn the_batched_reads_end_an_idle_session_too() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let paths = [
        "/api/posts",
        "/api/posts?filter=following",
        "/api/search?q=rapat",
        "/api/notifications/unread",
        "/api/notifications",
        "/api/groups",
        "/api/directory",
        "/api/ideas",
        "/api/places?bbox=95,-11,141,6",
        "/api/places/near?lat=-6.2&lng=106.8",
        "/api/branches",
        "/api/departments/tree",
        "/api/experts?q=gudang",
        "/api/me",
        "/api/announcements",
        "/api/saved-filters",
        "/api/celebrations",
        "/api/follows/tag/gudang",
        "/api/follows",
        "/api/sessions",
        "/api/notifications/settings",
        "/api/departments",
    ];
    let author = app.member("author");
    let post = app.new_post(&author, "rapat pagi");
    let paths = paths.map(String::from).into_iter().chain([
        format!("/api/posts/{post}"),
        format!("/api/people/{}", author.id),
    ]);
    for (i, path) in paths.enumerate() {
        let who = app.member(&format!("idle{i}"));
        assert_eq!(app.get(&path, Some(&who)).status, 200, "{path}");
        app.rt.advance(IDLE_TIMEOUT_MS + 1);
        assert_error(&app.get(&path, Some(&who)), 401, "unauthenticated");
    }
}

#[test]
fn a_person_sees_and_ends_their_own_sessions_only() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": ani.email, "password": PASSWORD }),
    );
    let laptop = Who {
        cookie: session_cookie(&res).unwrap(),
        ..ani.clone()
    };
    let budi = app.member("budi");
    let (res, trips) = app.get_counting_round_trips("/api/sessions", Some(&ani));
    assert_eq!(trips, 1, "the session lookup and the list in one batch");
    let list = json(&res);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let other = list.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Budi cannot end Ani's session.
    app.call(
        "DELETE",
        &format!("/api/sessions/{other}"),
        Some(&budi),
        None,
    );
    assert_eq!(app.get("/api/me", Some(&laptop)).status, 200);
    let res = app.call(
        "DELETE",
        &format!("/api/sessions/{other}"),
        Some(&ani),
        None,
    );
    assert_eq!(res.status, 204);
    assert_error(&app.get("/api/me", Some(&laptop)), 401, "unauthenticated");
    assert_eq!(app.get("/api/me", Some(&ani)).status, 200);
}

#[test]
fn logout_ends_the_session_and_clears_the_cookie() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let res = app.post("/api/auth/logout", Some(&ani), json!({}));
    assert_eq!(res.status, 204);
    assert!(res.header("set-cookie").unwrap().contains("Max-Age=0"));
    assert_error(&app.get("/api/me", Some(&ani)), 401, "unauthenticated");
}

#[test]
fn the_first_admin_needs_the_setup_secret_and_works_once() {
    let mut app = TestApp::new();
    app.rt.setup_secret = Some("a-long-one-time-setup-secret".into());
    let body = json!({ "secret": "wrong", "email": "boss@example.co.id", "name": "Boss", "password": "a-strong-password" });
    assert_error(&app.post("/api/setup", None, body), 403, "forbidden");
    let body = json!({ "secret": "a-long-one-time-setup-secret", "email": "boss@example.co.id", "name": "Boss", "password": "a-strong-password" });
    let res = app.post("/api/setup", None, body.clone());
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["role"], "admin");
    assert_error(&app.post("/api/setup", None, body), 409, "conflict");
}

#[test]
fn setup_is_closed_without_a_secret() {
    let app = TestApp::new();
    let body = json!({ "secret": "", "email": "boss@example.co.id", "name": "Boss", "password": "a-strong-password" });
    assert_error(&app.post("/api/setup", None, body), 403, "forbidden");
}

#[test]
fn an_admin_logs_a_person_out_everywhere_without_offboarding_them() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let budi = app.member("budi");
    assert_error(
        &app.post(
            &format!("/api/people/{}/logout", ani.id),
            Some(&budi),
            json!({}),
        ),
        403,
        "forbidden",
    );
    assert_eq!(app.get("/api/me", Some(&ani)).status, 200);
    assert_eq!(
        app.post(
            &format!("/api/people/{}/logout", ani.id),
            Some(&admin),
            json!({})
        )
        .status,
        204
    );
    assert_error(&app.get("/api/me", Some(&ani)), 401, "unauthenticated");
    // Still an employee: she logs in again.
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": ani.email, "password": PASSWORD }),
    );
    assert_eq!(res.status, 200);
    assert_eq!(app.audit()[0]["action"], "person.sessions.end");
}

#[test]
fn an_admin_hands_administration_over_and_it_holds_at_the_next_request() {
    let app = TestApp::new();
    let sari = app.admin();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let set_role = |by: &Who, of: &str, role: Value| {
        app.call(
            "PUT",
            &format!("/api/people/{of}/role"),
            Some(by),
            Some(json!({ "role": role })),
        )
    };
    let role_of = |who: &Who| json(&app.get("/api/me", Some(who)))["role"].clone();
    assert_error(&set_role(&ani, &ani.id, json!("admin")), 403, "forbidden");
    assert_error(&set_role(&ani, &budi.id, json!("admin")), 403, "forbidden");
    for junk in [json!("owner"), json!(null), json!(1), json!("")] {
        assert_error(&set_role(&sari, &ani.id, junk), 400, "bad_request");
    }
    assert_error(
        &set_role(&sari, "u_nobody", json!("admin")),
        404,
        "not_found",
    );
    // Nobody changes their own role, so the company always keeps an admin.
    assert_error(
        &set_role(&sari, &sari.id, json!("member")),
        400,
        "bad_request",
    );
    assert_eq!(role_of(&ani), "member");
    assert!(app.audit().is_empty(), "a refusal is not audited");

    // Ani takes over: her open session is an admin's from its next request.
    assert_eq!(set_role(&sari, &ani.id, json!("admin")).status, 204);
    assert_eq!(role_of(&ani), "admin");
    assert_eq!(app.get("/api/people", Some(&ani)).status, 200);
    // A retry changes nothing more, and is not audited again.
    assert_eq!(set_role(&sari, &ani.id, json!("admin")).status, 204);
    assert_eq!(role_of(&ani), "admin");

    // She makes Sari a member again: Sari's next request is a member's. (A minute later, so the
    // audit log's order by time is this order, not a tie broken by random ids.)
    app.rt.advance(60_000);
    assert_eq!(set_role(&ani, &sari.id, json!("member")).status, 204);
    assert_eq!(role_of(&sari), "member");
    assert_error(&app.get("/api/people", Some(&sari)), 403, "forbidden");
    assert_error(&set_role(&sari, &ani.id, json!("member")), 403, "forbidden");

    let audit: Vec<(String, String)> = app
        .audit()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().into(),
                e["target"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        audit,
        [
            ("person.role.admin".to_string(), ani.id.clone()),
            ("person.role.member".to_string(), sari.id.clone()),
        ]
    );
}

#[test]
fn an_admin_finds_anyone_by_name_or_email_former_employees_too() {
    let app = TestApp::new();
    let admin = app.admin();
    app.member("budi.santoso");
    let budiman = app.member("budiman");
    app.member("ani");
    let res = app.post(
        &format!("/api/people/{}/deactivate", budiman.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204);
    let names = |q: &str| -> Vec<String> {
        let path = format!("/api/people?q={}", urlencode(q));
        let (res, trips) = app.get_counting_round_trips(&path, Some(&admin));
        assert_eq!(res.status, 200, "{q}: {}", res.body);
        assert_eq!(trips, 1, "{q}: the session lookup batched with the page");
        item_names(&res)
    };
    assert_eq!(
        names("bud"),
        ["budi.santoso", "budiman"],
        "the former one too"
    );
    assert_eq!(names("SANTOSO"), ["budi.santoso"]);
    assert_eq!(names("budi san"), ["budi.santoso"], "every word counts");
    assert_eq!(names("ani@example"), ["ani"]);
    assert!(names("zzz").is_empty());
    assert_eq!(names(" ").len(), 4, "no words: everyone");

    let too_long = "a".repeat(201);
    assert_error(
        &app.get(&format!("/api/people?q={too_long}"), Some(&admin)),
        400,
        "validation",
    );
    let ani = app.member("ani2");
    assert_error(&app.get("/api/people?q=bud", Some(&ani)), 403, "forbidden");
}
