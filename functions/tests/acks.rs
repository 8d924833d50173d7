//! Confirmations: an announcement that asks everyone to confirm having read it.

mod common;

use balai_functions::seed;
use balai_protocol::auth::Role;
use common::*;
use serde_json::{Value, json};

const NOW: i64 = 1_800_000_000_000;
const DAY: i64 = 24 * 3600 * 1000;

/// An announcement from `admin` that asks for confirmation; answers its id.
fn order(app: &TestApp, admin: &Who) -> String {
    let res = app.post(
        "/api/posts",
        Some(admin),
        json!({ "body": "Helm wajib di gudang", "announce_until": NOW + 7 * DAY, "ack_required": true }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let post = json(&res);
    // Its author has confirmed by writing it.
    assert_eq!(post["ack"], json!({ "mine": NOW, "count": 1 }));
    post["id"].as_str().unwrap().to_string()
}

fn ack_of(app: &TestApp, who: &Who, post: &str) -> Value {
    json(&app.get(&format!("/api/posts/{post}"), Some(who)))["post"]["ack"].clone()
}

#[test]
fn everyone_confirms_once_and_a_retry_keeps_the_first_time() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let (admin, ani, budi) = (app.admin(), app.member("ani"), app.member("budi"));
    let post = order(&app, &admin);
    let confirm = format!("/api/posts/{post}/ack");

    app.rt.set_now(NOW + 1000);
    let first = app.call("PUT", &confirm, Some(&ani), None);
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(json(&first), json!({ "mine": NOW + 1000, "count": 2 }));
    app.rt.set_now(NOW + 2000);
    let again = app.call("PUT", &confirm, Some(&ani), None);
    assert_eq!(json(&again), json!({ "mine": NOW + 1000, "count": 2 }));

    // Each reader sees their own state, in the feed as on the post.
    assert_eq!(
        ack_of(&app, &ani, &post),
        json!({ "mine": NOW + 1000, "count": 2 })
    );
    assert_eq!(
        ack_of(&app, &budi, &post),
        json!({ "mine": null, "count": 2 })
    );
    let feed = json(&app.get("/api/posts", Some(&budi)));
    let listed = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post.as_str())
        .expect("the order is in the feed");
    assert_eq!(listed["ack"]["count"], 2);
    // An ordinary post carries no confirmation.
    let plain = app.new_post(&budi, "Makan siang bersama");
    assert_eq!(ack_of(&app, &budi, &plain), Value::Null);
}

#[test]
fn only_announcements_ask_and_only_they_are_confirmed() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let (admin, ani) = (app.admin(), app.member("ani"));
    let res = app.post(
        "/api/posts",
        Some(&admin),
        json!({ "body": "Baca ini", "ack_required": true }),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "ack_required");
    assert_eq!(
        json(&app.get("/api/posts", Some(&ani)))["items"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "nothing was written"
    );
    let plain = app.new_post(&ani, "Biasa saja");
    assert_error(
        &app.call("PUT", &format!("/api/posts/{plain}/ack"), Some(&ani), None),
        409,
        "conflict",
    );
    assert_error(
        &app.call("PUT", "/api/posts/nope/ack", Some(&ani), None),
        404,
        "not_found",
    );
    assert_error(
        &app.call("PUT", &format!("/api/posts/{plain}/ack"), None, None),
        401,
        "unauthenticated",
    );
}

#[test]
fn the_author_and_admins_see_who_has_not_confirmed_by_name_a_page_at_a_time() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let comms = app.member("comms");
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    // Enough colleagues for two pages of 50 (they need not log in).
    for i in 0..55 {
        let email = format!("staff{i:02}@example.co.id");
        let name = format!("Staff {i:02}");
        seed::person(&app.rt, &email, &name, Role::Member, "-", None, None).unwrap();
    }
    let post = order(&app, &admin);
    let report = format!("/api/posts/{post}/acks");
    app.call("PUT", &format!("/api/posts/{post}/ack"), Some(&ani), None);

    assert_error(&app.get(&report, Some(&budi)), 403, "forbidden");
    app.set_grant(&admin, &comms, "communications", true);

    let first = json(&app.get(&report, Some(&comms)));
    // admin, comms, ani, budi and 55 staff are asked; the admin (its author) and Ani confirmed.
    assert_eq!(first["asked"], 59);
    assert_eq!(first["confirmed"], 2);
    let mut pending: Vec<String> = Vec::new();
    let mut page = first["pending"].clone();
    loop {
        pending.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap().to_string()),
        );
        let Some(cursor) = page["next_cursor"].as_str() else {
            break;
        };
        page =
            json(&app.get(&format!("{report}?cursor={cursor}"), Some(&admin)))["pending"].clone();
    }
    assert_eq!(pending.len(), 57, "everyone but the author and Ani, once");
    assert!(!pending.contains(&"ani".to_string()));
    assert!(!pending.contains(&"admin".to_string()));
    let mut sorted = pending.clone();
    sorted.sort();
    assert_eq!(pending, sorted, "by name");

    // Who leaves is no longer asked, nor counted.
    let off = app.post(
        &format!("/api/people/{}/deactivate", ani.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(off.status, 204, "{}", off.body);
    let after = json(&app.get(&report, Some(&admin)));
    assert_eq!(
        (after["asked"].clone(), after["confirmed"].clone()),
        (json!(58), json!(1))
    );
    assert_error(
        &app.get(&format!("{report}?cursor=bad"), Some(&admin)),
        400,
        "bad_request",
    );
}

/// The order reminders `who` has received.
fn reminders(app: &TestApp, who: &Who) -> Vec<Value> {
    let res = app.get("/api/notifications", Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "ack_reminder")
        .cloned()
        .collect()
}

#[test]
fn those_who_have_not_confirmed_are_reminded_at_most_once_a_day() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let (ani, budi, citra, dedi) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dedi"),
    );
    let post = order(&app, &admin);
    let remind = format!("/api/posts/{post}/acks/remind");
    app.call("PUT", &format!("/api/posts/{post}/ack"), Some(&ani), None);
    // Dedi switched reminders off.
    let off = app.call(
        "PUT",
        "/api/notifications/settings",
        Some(&dedi),
        Some(json!({ "kind": "ack_reminder", "enabled": false })),
    );
    assert_eq!(off.status, 200, "{}", off.body);

    // Only who follows up may remind, and only about a post that asks.
    assert_error(&app.post(&remind, Some(&budi), json!({})), 403, "forbidden");
    let plain = app.new_post(&admin, "Biasa saja");
    assert_error(
        &app.post(
            &format!("/api/posts/{plain}/acks/remind"),
            Some(&admin),
            json!({}),
        ),
        409,
        "conflict",
    );
    assert!(reminders(&app, &budi).is_empty(), "nothing was sent");

    app.rt.set_now(NOW + 1000);
    let sent = app.post_keyed(&remind, &admin, json!({}), "remind-1");
    assert_eq!(sent.status, 201, "{}", sent.body);
    // Budi, Citra and Dedi had not confirmed (the admin, its author, and Ani had).
    assert_eq!(json(&sent), json!({ "at": NOW + 1000, "pending": 3 }));
    for who in [&budi, &citra] {
        let got = reminders(&app, who);
        assert_eq!(got.len(), 1, "{}", who.id);
        assert_eq!(got[0]["post_id"], post.as_str());
        assert_eq!(got[0]["actor"]["id"], admin.id.as_str());
        assert_eq!(got[0]["read"], false);
    }
    for who in [&admin, &ani, &dedi] {
        assert!(reminders(&app, who).is_empty(), "{}", who.id);
    }
    assert_eq!(app.audit()[0]["action"], "post.ack_remind");
    let logged = json(&app.get("/api/audit", Some(&admin)));
    assert_eq!(logged["items"][0]["action"], "post.ack_remind");
    assert_eq!(logged["items"][0]["target_name"], "Helm wajib di gudang");
    assert_eq!(logged["items"][0]["detail"], "3 not confirmed");
    assert_eq!(
        json(&app.get(&format!("/api/posts/{post}/acks"), Some(&admin)))["reminded_at"],
        NOW + 1000
    );

    // A retry of the same request answers the same and sends nothing more.
    let retry = app.post_keyed(&remind, &admin, json!({}), "remind-1");
    assert_eq!(retry.body, sent.body);
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    // A new reminder within the day is refused, with when it can be sent.
    app.rt.set_now(NOW + 1000 + 3600 * 1000);
    let soon = app.post(&remind, Some(&admin), json!({}));
    assert_error(&soon, 429, "rate_limited");
    assert_eq!(soon.header("retry-after"), Some("82800"));
    assert_eq!(reminders(&app, &budi).len(), 1);

    // A day later, only who still has not confirmed hears again.
    app.call("PUT", &format!("/api/posts/{post}/ack"), Some(&budi), None);
    app.rt.set_now(NOW + 1000 + DAY);
    let later = app.post(&remind, Some(&admin), json!({}));
    assert_eq!(later.status, 201, "{}", later.body);
    assert_eq!(json(&later)["pending"], 2);
    assert_eq!(reminders(&app, &budi).len(), 1);
    assert_eq!(reminders(&app, &citra).len(), 2);
}
