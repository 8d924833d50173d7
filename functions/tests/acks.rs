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
    let grant = app.call(
        "PUT",
        &format!("/api/people/{}/grants/communications", comms.id),
        Some(&admin),
        Some(json!({ "enabled": true })),
    );
    assert_eq!(grant.status, 204, "{}", grant.body);

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
