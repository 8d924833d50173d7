//! Notifications: who hears of what (mentions, comments, replies, likes grouped, group posts,
//! join requests, announcements), never of what they may not read, settings, read state.

mod common;

use common::*;
use serde_json::{Value, json};

fn notifications(app: &TestApp, who: &Who) -> Vec<Value> {
    let res = app.get("/api/notifications", Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)["items"].as_array().unwrap().clone()
}

fn unread(app: &TestApp, who: &Who) -> i64 {
    json(&app.get("/api/notifications/unread", Some(who)))["unread"]
        .as_i64()
        .unwrap()
}

fn kinds(app: &TestApp, who: &Who) -> Vec<String> {
    notifications(app, who)
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_excerpt_is_the_posts_words_without_its_markup_cut_after_a_word() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    app.new_post(
        &ani,
        "**Rapat gudang** besok, @budi:\n\n- bawa data stok\n- `laporan.xlsx`\n\n\
         Kita bahas rencana pengiriman untuk seluruh cabang selama kuartal depan, termasuk \
         jadwal armada, gudang transit dan target waktu tiba.",
    );
    let n = &notifications(&app, &budi)[0];
    let excerpt = n["excerpt"].as_str().unwrap();
    assert!(
        excerpt.starts_with("Rapat gudang besok, @budi: bawa data stok laporan.xlsx Kita bahas"),
        "{excerpt}"
    );
    assert!(
        excerpt.ends_with("…") && excerpt.chars().count() <= 140,
        "{excerpt}"
    );
    // Cut after a whole word of the post's text.
    let words = excerpt.trim_end_matches('…');
    let text = "Rapat gudang besok, @budi: bawa data stok laporan.xlsx Kita bahas rencana \
                pengiriman untuk seluruh cabang selama kuartal depan, termasuk jadwal armada, \
                gudang transit dan target waktu tiba.";
    assert!(text.starts_with(&format!("{words} ")), "{excerpt}");
}

#[test]
fn mentions_comments_and_replies_reach_the_right_people_once() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let citra = app.member("citra");
    app.rt.advance(1000);
    let post = app.new_post(&ani, "Rapat gudang besok, @budi tolong siapkan data.");
    assert_eq!(kinds(&app, &budi), vec!["mention"]);
    assert_eq!(unread(&app, &ani), 0, "no notification for one's own post");
    let n = &notifications(&app, &budi)[0];
    assert_eq!(n["actor"]["name"], "ani");
    assert_eq!(n["post_id"], post.as_str());
    assert!(n["excerpt"].as_str().unwrap().starts_with("Rapat gudang"));

    // Budi comments: Ani hears as the author. Citra comments and mentions Ani: Ani hears once
    // (as mentioned), Budi hears as an earlier commenter.
    app.rt.advance(1000);
    app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        json!({ "body": "Siap" }),
    );
    app.rt.advance(1000);
    app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&citra),
        json!({ "body": "@ani saya ikut" }),
    );
    assert_eq!(kinds(&app, &ani), vec!["mention", "comment"]);
    assert_eq!(kinds(&app, &budi), vec!["reply", "mention"]);
    assert_eq!(unread(&app, &citra), 0);
}

#[test]
fn a_comment_is_quoted_while_its_reader_may_still_read_it() {
    let app = TestApp::new();
    let (owner, ani, budi) = (app.member("owner"), app.member("ani"), app.member("budi"));
    let group = app.create_group(&owner, "Tim Gudang", "secret");
    for who in [&ani, &budi] {
        let path = format!("/api/groups/{group}/members");
        app.post(&path, Some(&owner), json!({ "user_id": who.id }));
        app.post(&format!("/api/groups/{group}/join"), Some(who), json!({}));
    }
    let post = app.post_in(&owner, &group, "Stok opname hari **Jumat**");
    let comment = |who: &Who, body: &str| {
        app.rt.advance(1000);
        let path = format!("/api/posts/{post}/comments");
        json(&app.post(&path, Some(who), json!({ "body": body })))["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    comment(&ani, "Saya ikut, **bawa** scanner");
    let budis = comment(&budi, "Jam berapa mulainya?");
    // The post's author is quoted the comment, its words without markup, under the post's;
    // Ani, who commented before, Budi's reply.
    let quoted = |who: &Who| -> Vec<(Value, Value, Value)> {
        notifications(&app, who)
            .iter()
            .map(|n| (n["kind"].clone(), n["quote"].clone(), n["excerpt"].clone()))
            .collect()
    };
    let post_words = json!("Stok opname hari Jumat");
    assert_eq!(
        quoted(&owner),
        [
            (
                json!("comment"),
                json!("Jam berapa mulainya?"),
                post_words.clone()
            ),
            (
                json!("comment"),
                json!("Saya ikut, bawa scanner"),
                post_words.clone()
            ),
        ]
    );
    assert_eq!(
        quoted(&ani),
        [(
            json!("reply"),
            json!("Jam berapa mulainya?"),
            post_words.clone()
        )]
    );
    // Each names its comment, for the app to open the post at it.
    assert_eq!(notifications(&app, &ani)[0]["comment_id"], budis.as_str());
    // A comment its author deleted is no longer quoted nor named.
    let res = app.call(
        "DELETE",
        &format!("/api/comments/{budis}"),
        Some(&budi),
        None,
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(quoted(&ani)[0].1, Value::Null);
    assert_eq!(notifications(&app, &ani)[0]["comment_id"], Value::Null);
    // Nor is anything, once the reader has left the secret group.
    comment(&owner, "Jam 8 pagi");
    assert_eq!(quoted(&ani)[0].1, "Jam 8 pagi");
    let res = app.post(&format!("/api/groups/{group}/leave"), Some(&ani), json!({}));
    assert_eq!(res.status, 200, "{}", res.body);
    for (_, quote, excerpt) in quoted(&ani) {
        assert_eq!((quote, excerpt), (Value::Null, Value::Null));
    }
}

#[test]
fn an_edit_tells_only_those_it_newly_mentions_and_a_retry_nobody() {
    let app = TestApp::new();
    let (ani, budi, citra, dewi) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dewi"),
    );
    let post = app.new_post(&ani, "Rapat besok, @budi");
    let edit = |path: &str, body: &str| {
        app.rt.advance(1000);
        let res = app.call("PATCH", path, Some(&ani), Some(json!({ "body": body })));
        assert_eq!(res.status, 200, "{}", res.body);
    };
    // Citra, added to the post, hears of it; Budi, mentioned already, does not again. Sent
    // again (its answer lost), the edit tells nobody.
    for _ in 0..2 {
        edit(
            &format!("/api/posts/{post}"),
            "Rapat besok, @budi dan @citra",
        );
    }
    assert_eq!(kinds(&app, &budi), ["mention"]);
    assert_eq!(kinds(&app, &citra), ["mention"]);
    assert_eq!(
        notifications(&app, &citra)[0]["excerpt"],
        "Rapat besok, @budi dan @citra"
    );
    // The same for a comment: Dewi, added to it, is quoted it.
    app.rt.advance(1000);
    let res = app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&ani),
        json!({ "body": "Bawa laptop" }),
    );
    let comment = json(&res)["id"].as_str().unwrap().to_string();
    for _ in 0..2 {
        edit(
            &format!("/api/comments/{comment}"),
            "Bawa laptop, @dewi juga",
        );
    }
    let heard = notifications(&app, &dewi);
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert_eq!(heard[0]["kind"], "mention");
    assert_eq!(heard[0]["quote"], "Bawa laptop, @dewi juga");
    assert_eq!(heard[0]["comment_id"], comment.as_str());
    assert_eq!(
        kinds(&app, &budi),
        ["mention"],
        "still the first mention alone"
    );
}

#[test]
fn likes_collapse_into_one_notification_with_a_count() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let post = app.new_post(&ani, "Foto acara");
    for name in ["budi", "citra", "dewi"] {
        app.rt.advance(1000);
        let who = app.member(name);
        let res = app.call("PUT", &format!("/api/posts/{post}/like"), Some(&who), None);
        assert_eq!(res.status, 200);
        // A repeated like changes nothing.
        app.call("PUT", &format!("/api/posts/{post}/like"), Some(&who), None);
    }
    let all = notifications(&app, &ani);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["kind"], "like");
    assert_eq!(all[0]["actor"]["name"], "dewi");
    assert_eq!(all[0]["actor_count"], 3);
    // Read it; a new like makes it unread again.
    let res = app.post("/api/notifications/read", Some(&ani), json!({}));
    assert_eq!(json(&res)["unread"], 0);
    app.rt.advance(1000);
    let eko = app.member("eko");
    app.call("PUT", &format!("/api/posts/{post}/like"), Some(&eko), None);
    assert_eq!(unread(&app, &ani), 1);
    assert_eq!(notifications(&app, &ani)[0]["actor_count"], 4);
}

#[test]
fn a_mention_in_a_closed_group_reaches_only_members() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let outsider = app.member("outsider");
    let res = app.post(
        "/api/groups",
        Some(&owner),
        json!({ "name": "Tim Rahasia", "category": "project", "visibility": "closed" }),
    );
    let group = json(&res)["id"].as_str().unwrap().to_string();
    let res = app.post(
        "/api/posts",
        Some(&owner),
        json!({ "body": "cc @outsider", "group_id": group }),
    );
    assert_eq!(res.status, 201);
    assert_eq!(unread(&app, &outsider), 0, "not readable, so not notified");
}

#[test]
fn group_posts_notify_followers_who_asked_and_join_requests_notify_managers() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let ani = app.member("ani");
    let budi = app.member("budi");
    let open = app.create_group(&owner, "Futsal", "open");
    for who in [&ani, &budi] {
        app.post(&format!("/api/groups/{open}/join"), Some(who), json!({}));
    }
    // Joining follows the group quietly; Ani asks for notifications.
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "group", "target": open, "notify": true })),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    app.rt.advance(1000);
    app.post(
        "/api/posts",
        Some(&owner),
        json!({ "body": "Kamis jam 7", "group_id": open }),
    );
    assert_eq!(kinds(&app, &ani), vec!["group_post"]);
    assert_eq!(unread(&app, &budi), 0);

    let closed = app.create_group(&owner, "Gudang", "closed");
    app.rt.advance(1000);
    app.post(
        &format!("/api/groups/{closed}/join"),
        Some(&budi),
        json!({}),
    );
    // Asking again does not notify again.
    app.post(
        &format!("/api/groups/{closed}/join"),
        Some(&budi),
        json!({}),
    );
    let n = notifications(&app, &owner);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0]["kind"], "join_request");
    assert_eq!(n[0]["group"]["name"], "Gudang");
}

#[test]
fn announcements_reach_everyone_and_pin_until_they_end() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let ani = app.member("ani");
    let until: i64 = 1_800_000_000_000 + 3 * 24 * 3600 * 1000;
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "I announce", "announce_until": until }),
    );
    assert_error(&res, 403, "forbidden");
    let res = app.post(
        "/api/posts",
        Some(&admin),
        json!({ "body": "Libur nasional", "announce_until": 1_700_000_000_000i64 }),
    );
    assert_error(&res, 400, "validation");
    let res = app.post(
        "/api/posts",
        Some(&admin),
        json!({ "body": "Libur nasional", "announce_until": until }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    assert_eq!(kinds(&app, &ani), vec!["announcement"]);
    let pinned = json(&app.get("/api/announcements", Some(&ani)));
    assert_eq!(pinned.as_array().unwrap().len(), 1);
    app.rt.advance(4 * 24 * 3600 * 1000);
    let pinned = json(&app.get("/api/announcements", Some(&ani)));
    assert!(pinned.as_array().unwrap().is_empty(), "expired");
}

#[test]
fn settings_switch_a_kind_off_and_reading_is_per_notification() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let res = app.call(
        "PUT",
        "/api/notifications/settings",
        Some(&budi),
        Some(json!({ "kind": "mention", "enabled": false })),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let settings = json(&res);
    assert!(
        settings
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "mention" && s["enabled"] == false)
    );
    // Read back on the settings page, in the session lookup's round trip.
    let (res, trips) = app.get_counting_round_trips("/api/notifications/settings", Some(&budi));
    assert_eq!(trips, 1);
    assert_eq!(json(&res), settings);
    let (res, _) = app.get_counting_round_trips("/api/notifications/settings", Some(&ani));
    assert!(
        json(&res)
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["enabled"] == true)
    );
    app.new_post(&ani, "hi @budi");
    assert_eq!(unread(&app, &budi), 0);
    let post = app.new_post(&budi, "mine");
    app.call("PUT", &format!("/api/posts/{post}/like"), Some(&ani), None);
    assert_eq!(unread(&app, &budi), 1);
    let id = notifications(&app, &budi)[0]["id"].as_i64().unwrap();
    // Someone else cannot mark it read.
    app.post("/api/notifications/read", Some(&ani), json!({ "id": id }));
    assert_eq!(unread(&app, &budi), 1);
    let res = app.post("/api/notifications/read", Some(&budi), json!({ "id": id }));
    assert_eq!(json(&res)["unread"], 0);
    // Bad input.
    let res = app.call(
        "PUT",
        "/api/notifications/settings",
        Some(&budi),
        Some(json!({ "kind": "everything", "enabled": false })),
    );
    assert_eq!(res.status, 400);
    assert_error(
        &app.get("/api/notifications?cursor=x", Some(&budi)),
        400,
        "bad_request",
    );
}

/// Each page is one D1 round trip with the session lookup, and walks the person's index newest
/// first: it reads no more when they have a hundred more notifications.
#[test]
fn the_notification_centre_pages_by_cursor() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let mention = |n: usize| {
        for i in 0..n {
            app.rt.advance(1000);
            app.new_post(&ani, &format!("@budi {}", i % 10));
        }
    };
    mention(25);
    let first_page = || {
        let before = app.rt.db.vm_steps();
        let (res, trips) = app.get_counting_round_trips("/api/notifications", Some(&budi));
        assert_eq!(trips, 1, "the session lookup batched with the page");
        (json(&res), app.rt.db.vm_steps() - before)
    };
    let (first, steps_of_25) = first_page();
    assert_eq!(first["items"].as_array().unwrap().len(), 20);
    let cursor = first["next_cursor"].as_str().unwrap();
    let path = format!("/api/notifications?cursor={cursor}");
    let (second, trips) = app.get_counting_round_trips(&path, Some(&budi));
    assert_eq!(trips, 1);
    assert_eq!(json(&second)["items"].as_array().unwrap().len(), 5);
    assert_eq!(unread(&app, &budi), 25);
    mention(100);
    let (first, steps_of_125) = first_page();
    assert_eq!(first["items"][0]["excerpt"], "@budi 9");
    assert_eq!(steps_of_125, steps_of_25, "no sort of all 125");
    // A cursor that is not one of ours is a bad request, once the session is known.
    let bad = "/api/notifications?cursor=later";
    assert_error(&app.get(bad, Some(&budi)), 400, "bad_request");
    assert_error(&app.get(bad, None), 401, "unauthenticated");
}

#[test]
fn communications_staff_announce_once_an_admin_grants_it() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let sari = app.member("sari");
    let ani = app.member("ani");
    let until: i64 = 1_800_000_000_000 + 24 * 3600 * 1000;
    let announce = |who: &Who| {
        app.post(
            "/api/posts",
            Some(who),
            json!({ "body": "Kantor tutup Jumat", "announce_until": until }),
        )
    };
    assert_error(&announce(&sari), 403, "forbidden");
    let grant = format!("/api/people/{}/grants/communications", sari.id);
    // Only admins grant it.
    let res = app.call("PUT", &grant, Some(&ani), Some(json!({ "enabled": true })));
    assert_error(&res, 403, "forbidden");
    let res = app.call(
        "PUT",
        &grant,
        Some(&admin),
        Some(json!({ "enabled": true })),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        json(&app.get("/api/me", Some(&sari)))["grants"]["communications"],
        true
    );
    assert_eq!(announce(&sari).status, 201);
    assert_eq!(kinds(&app, &ani), vec!["announcement"]);
    // Withdrawn: refused again at the next request. Both changes are audited.
    app.call(
        "PUT",
        &grant,
        Some(&admin),
        Some(json!({ "enabled": false })),
    );
    assert_error(&announce(&sari), 403, "forbidden");
    let audited = app.audit();
    let actions: Vec<&str> = audited
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"person.communications.grant"),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"person.communications.withdraw"),
        "{actions:?}"
    );
}

/// The badge's poll checks the session and counts in one D1 round trip, and still refuses a
/// made-up token, an ended session and a deactivated person.
#[test]
fn the_unread_poll_is_one_round_trip_and_still_checks_the_session() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    app.new_post(&budi, "Halo @ani, cek jadwal ya");
    let (res, trips) = app.get_counting_round_trips("/api/notifications/unread", Some(&ani));
    assert_eq!(json(&res)["unread"], 1);
    assert_eq!(trips, 1, "session and count together");
    assert_eq!(unread(&app, &budi), 0, "each person's own count");

    let made_up = Who {
        cookie: "ab".repeat(32),
        ..ani.clone()
    };
    let poll = |who: &Who| app.get("/api/notifications/unread", Some(who));
    assert_error(&poll(&made_up), 401, "unauthenticated");
    assert_error(
        &app.get("/api/notifications/unread", None),
        401,
        "unauthenticated",
    );
    let off = app.post(
        &format!("/api/people/{}/deactivate", ani.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(off.status, 204, "{}", off.body);
    assert_error(&poll(&ani), 401, "unauthenticated");
}
