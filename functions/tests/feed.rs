//! The company feed: posting, cursor paging, idempotency, sanitizing, comments, likes, edits.

mod common;

use balai_functions::runtime::native::block_on;
use common::*;
use serde_json::json;

#[test]
fn posts_come_newest_first_in_cursor_pages_without_gaps_or_repeats() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let ani = app.member("ani");
    let mut ids = Vec::new();
    for i in 0..45 {
        // Several posts share a millisecond: the id breaks the tie.
        if i % 3 == 0 {
            app.rt.advance(1);
        }
        ids.push(app.new_post(&ani, &format!("post {i}")));
    }
    // Expected order: (created_at, id) descending; a ULID starts with its time, so sorting ids is that.
    ids.sort();
    ids.reverse();
    let mut seen = Vec::new();
    let mut path = "/api/posts?limit=20".to_string();
    loop {
        let page = json(&app.get(&path, Some(&ani)));
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/posts?limit=20&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ids);
}

/// What the home screen asks on every start, all at once: its posts, the announcements above
/// them, the saved filters' chips and the week's birthdays.
const HOME_SCREEN_READS: [&str; 4] = [
    "/api/posts",
    "/api/announcements",
    "/api/saved-filters",
    "/api/celebrations",
];

#[test]
fn the_home_screens_first_reads_are_one_round_trip_each() {
    let app = TestApp::new();
    // 2027-01-15, 15:00 in WIB.
    app.rt.set_now(1_800_000_000_000);
    let admin = app.admin();
    let ani = app.member("ani");
    let res = app.post(
        "/api/posts",
        Some(&admin),
        json!({ "body": "Libur nasional", "announce_until": 1_800_000_000_000i64 + 86_400_000 }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let res = app.post(
        "/api/saved-filters",
        Some(&ani),
        json!({ "name": "Gudang", "query": "tag=gudang" }),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let profile = json!({ "phone": "", "competencies": [], "responsibilities": "", "hobbies": "",
                          "birthday": "01-15", "birthday_public": true });
    let path = format!("/api/people/{}/profile", ani.id);
    let res = app.call("PUT", &path, Some(&ani), Some(profile));
    assert_eq!(res.status, 200, "{}", res.body);
    let answers: Vec<serde_json::Value> = HOME_SCREEN_READS
        .iter()
        .map(|path| {
            let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
            assert_eq!(res.status, 200, "{path}: {}", res.body);
            assert_eq!(
                trips, 1,
                "{path}: the session lookup batched with its reads"
            );
            json(&res)
        })
        .collect();
    assert_eq!(
        answers[0]["items"][0]["body_html"],
        "<p>Libur nasional</p>\n"
    );
    assert_eq!(answers[1][0]["body_html"], "<p>Libur nasional</p>\n");
    assert_eq!(answers[2][0]["query"], "tag=gudang");
    assert_eq!(answers[3]["birthdays"][0]["person"]["name"], "ani");
    assert_eq!(answers[3]["birthdays"][0]["today"], true);
    // Batched, they still refuse whoever has no session, and one that has just ended.
    let res = app.post(
        &format!("/api/people/{}/deactivate", ani.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    for path in HOME_SCREEN_READS {
        assert_error(&app.get(path, None), 401, "unauthenticated");
        assert_error(&app.get(path, Some(&ani)), 401, "unauthenticated");
    }
}

#[test]
fn the_feed_and_its_session_lookup_are_one_round_trip() {
    let app = TestApp::new();
    let ani = app.member("ani");
    for i in 0..30 {
        app.new_post(&ani, &format!("post {i}"));
    }
    let (_, trips) = app.get_counting_round_trips("/api/posts", Some(&ani));
    assert_eq!(trips, 1, "the session lookup batched with the feed query");
    // The feed query walks the partial index, never a scan or a temp sort.
    let plan: Vec<String> = app
        .rt
        .db
        .explain("SELECT p.id FROM posts p JOIN users u ON u.id = p.author_id WHERE p.deleted_at IS NULL AND p.created_at <= 1 AND (p.created_at < 1 OR p.id < 'x') ORDER BY p.created_at DESC, p.id DESC LIMIT 20");
    let plan = plan.join(" | ");
    assert!(
        plan.contains("posts_feed") && plan.contains("created_at<?"),
        "a range seek: {plan}"
    );
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

/// A group's or a place's feed checks the group or place in the same batch as the session and
/// the page, and its rows count only when the check passes.
#[test]
fn a_group_or_place_feed_and_its_check_are_one_round_trip() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let group = app.create_group(&ani, "Gudang Surabaya", "closed");
    let in_group = app.post_in(&ani, &group, "stok opname");
    let res = app.post(
        "/api/places",
        Some(&admin),
        json!({ "name": "Gudang Sidoarjo", "category_id": "branch", "lat": -7.45,
                "lng": 112.7, "address": "Jl. Raya 1", "visibility": "all" }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let place = json(&res)["id"].as_str().unwrap().to_string();
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "barang tiba", "place_id": place }),
    );
    let at_place = json(&res)["id"].as_str().unwrap().to_string();
    let round_trips = |path: &str, who| app.get_counting_round_trips(path, Some(who));
    let group_feed = format!("/api/posts?group={group}");
    let place_feed = format!("/api/posts?place={place}");
    for (path, post) in [(&group_feed, &in_group), (&place_feed, &at_place)] {
        let (res, trips) = round_trips(path, &ani);
        assert_eq!(trips, 1, "{path}: session, check and page batched");
        assert_eq!(json(&res)["items"][0]["id"], post.as_str(), "{path}");
    }
    // The checks still answer: a closed group's outsider 403, a group or place that is not 404.
    let (res, trips) = round_trips(&group_feed, &budi);
    assert_error(&res, 403, "forbidden");
    assert_eq!(trips, 1);
    for path in [
        "/api/posts?group=g_nosuchgroup".to_string(),
        "/api/posts?place=p_nosuchplace".to_string(),
    ] {
        assert_error(&app.get(&path, Some(&ani)), 404, "not_found");
    }
    let res = app.call(
        "DELETE",
        &format!("/api/places/{place}"),
        Some(&admin),
        None,
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_error(&app.get(&place_feed, Some(&ani)), 404, "not_found");
}

/// The batched reads name their reader in SQL from the session (`Reader::Session`); it must be
/// the same person with the same flags as the actor the session resolves to.
#[test]
fn a_session_reader_has_the_flags_of_its_actor() {
    use balai_functions::runtime::Runtime;
    use balai_functions::service::{ids::sha256_hex, reader::Reader, sessions};
    use balai_functions::store::Db;
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Flags {
        id: String,
        admin: i64,
        editor: i64,
    }
    let app = TestApp::new();
    let admin = app.admin();
    let (member, mapper) = (app.member("ani"), app.member("budi"));
    app.set_grant(&admin, &mapper, "places", true);
    let read = |reader: Reader| {
        let stmt = reader.bind(balai_functions::stmt!(
            "SELECT id, admin, editor FROM reader"
        ));
        block_on(app.rt.db().all::<Flags>(stmt)).unwrap()
    };
    for who in [&admin, &member, &mapper] {
        let actor = block_on(sessions::authenticate(&app.rt, &who.cookie)).unwrap();
        let hash = sha256_hex(who.cookie.as_bytes());
        assert_eq!(
            read(Reader::Session(&hash)),
            read(Reader::Actor(&actor)),
            "{}",
            who.email
        );
    }
    assert_eq!(read(Reader::Session(&sha256_hex(b"no such token"))), vec![]);
}

/// A statement bound from a resolved `Actor` must plan as one bound from a session does: were
/// the reader a row SQLite cannot tell is one, it would sort all of a group's posts (a temp
/// B-tree) instead of walking `posts_by_group` newest first.
#[test]
fn a_reader_bound_either_way_keeps_the_index_order() {
    use balai_functions::service::{ids::sha256_hex, reader::Reader, sessions};
    let app = TestApp::new();
    let ani = app.member("ani");
    let actor = block_on(sessions::authenticate(&app.rt, &ani.cookie)).unwrap();
    let hash = sha256_hex(ani.cookie.as_bytes());
    let page = || {
        balai_functions::stmt!(
            "SELECT p.id FROM reader r CROSS JOIN posts p
             WHERE p.group_id = ? AND p.deleted_at IS NULL AND p.created_at <= ?
             ORDER BY p.created_at DESC, p.id DESC LIMIT 20"
        )
    };
    for reader in [Reader::Actor(&actor), Reader::Session(&hash)] {
        let plan = app.rt.db.explain(&reader.bind(page()).sql).join(" | ");
        assert!(plan.contains("posts_by_group"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}

/// Offboarding ends a session on its next request on the batched reads too.
#[test]
fn a_deactivated_persons_feed_and_search_answer_401() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    app.new_post(&ani, "gudang baru");
    let res = app.post(
        &format!("/api/people/{}/deactivate", ani.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    for path in [
        "/api/posts",
        "/api/posts?filter=mine",
        "/api/search?q=gudang",
    ] {
        assert_error(&app.get(path, Some(&ani)), 401, "unauthenticated");
    }
    // Without a session, a bad parameter is still 401 first.
    for path in [
        "/api/posts?filter=nope",
        "/api/posts?cursor=x",
        "/api/search?q=%20",
        "/api/search?q=a&kind=x",
    ] {
        assert_error(&app.get(path, None), 401, "unauthenticated");
    }
}

#[test]
fn d1_metrics_headers_only_when_the_benchmark_asks_for_them() {
    let app = TestApp::new();
    let ani = app.member("ani");
    // Rows read would hint at what the reader was not shown: not sent by default.
    let plain = app.get("/api/posts", Some(&ani));
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("x-d1-queries"), None);
    assert_eq!(plain.header("x-d1-rows-read"), None);
    app.rt
        .settings
        .borrow_mut()
        .push(("D1_METRICS".into(), "on".into()));
    // (Counted per Worker request; the native database counts for the whole test.)
    let measured = app.get("/api/posts", Some(&ani));
    assert!(measured.header("x-d1-queries").is_some());
    assert!(measured.header("x-d1-rows-read").is_some());
}

#[test]
fn a_retried_post_with_the_same_key_is_created_once() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let a = app.post_keyed(
        "/api/posts",
        &ani,
        json!({ "body": "Halo semua" }),
        "3f1c-retry",
    );
    let b = app.post_keyed(
        "/api/posts",
        &ani,
        json!({ "body": "Halo semua" }),
        "3f1c-retry",
    );
    assert_eq!(a.status, 201);
    assert_eq!((b.status, &b.body), (201, &a.body));
    assert_eq!(
        json(&app.get("/api/posts", Some(&ani)))["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The same key from another person is theirs alone.
    let budi = app.member("budi");
    let c = app.post_keyed(
        "/api/posts",
        &budi,
        json!({ "body": "Halo juga" }),
        "3f1c-retry",
    );
    assert_ne!(json(&c)["id"], json(&a)["id"]);
    // Comments too.
    let post = json(&a)["id"].as_str().unwrap().to_string();
    for _ in 0..3 {
        let res = app.post_keyed(
            &format!("/api/posts/{post}/comments"),
            &budi,
            json!({ "body": "Setuju" }),
            "c-1",
        );
        assert_eq!(res.status, 201);
    }
    let detail = json(&app.get(&format!("/api/posts/{post}"), Some(&ani)));
    assert_eq!(detail["comments"].as_array().unwrap().len(), 1);
    assert_eq!(detail["post"]["comment_count"], 1);
}

#[test]
fn post_text_is_rendered_and_sanitized_on_the_server() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "**Penting** <script>alert(1)</script> [x](javascript:alert(2))" }),
    );
    let html = json(&res)["body_html"].as_str().unwrap().to_string();
    assert!(html.contains("<strong>Penting</strong>"));
    assert!(
        !html.contains("<script") && !html.contains("javascript:"),
        "{html}"
    );
}

#[test]
fn posts_have_a_length_limit_and_must_not_be_empty() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "x".repeat(10_001) }),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "body");
    assert_eq!(
        app.post(
            "/api/posts",
            Some(&ani),
            json!({ "body": "é".repeat(10_000) })
        )
        .status,
        201
    );
    assert_error(
        &app.post("/api/posts", Some(&ani), json!({ "body": "  \n " })),
        400,
        "validation",
    );
    assert_eq!(
        json(&app.get("/api/posts", Some(&ani)))["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn likes_are_state_so_retries_count_once() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let post = app.new_post(&ani, "Selamat pagi");
    for _ in 0..3 {
        let res = app.call("PUT", &format!("/api/posts/{post}/like"), Some(&budi), None);
        assert_eq!(json(&res), json!({ "liked": true, "like_count": 1 }));
    }
    app.call("PUT", &format!("/api/posts/{post}/like"), Some(&ani), None);
    let feed = json(&app.get("/api/posts", Some(&budi)));
    assert_eq!(feed["items"][0]["like_count"], 2);
    assert_eq!(feed["items"][0]["liked_by_me"], true);
    for _ in 0..2 {
        let res = app.call(
            "DELETE",
            &format!("/api/posts/{post}/like"),
            Some(&budi),
            None,
        );
        assert_eq!(json(&res), json!({ "liked": false, "like_count": 1 }));
    }
}

#[test]
fn authors_edit_and_delete_their_own_posts_and_admins_delete_any() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let admin = app.admin();
    let post = app.new_post(&ani, "draft");
    assert_error(
        &app.call(
            "PATCH",
            &format!("/api/posts/{post}"),
            Some(&budi),
            Some(json!({ "body": "hacked" })),
        ),
        403,
        "forbidden",
    );
    assert_error(
        &app.call(
            "PATCH",
            &format!("/api/posts/{post}"),
            Some(&admin),
            Some(json!({ "body": "hacked" })),
        ),
        403,
        "forbidden",
    );
    let res = app.call(
        "PATCH",
        &format!("/api/posts/{post}"),
        Some(&ani),
        Some(json!({ "body": "final _text_" })),
    );
    assert_eq!(res.status, 200);
    assert!(json(&res)["edited_at"].is_i64());
    assert_eq!(json(&res)["body"], "final _text_");
    assert_error(
        &app.call("DELETE", &format!("/api/posts/{post}"), Some(&budi), None),
        403,
        "forbidden",
    );
    assert_eq!(
        app.call("DELETE", &format!("/api/posts/{post}"), Some(&admin), None)
            .status,
        204
    );
    assert_error(
        &app.get(&format!("/api/posts/{post}"), Some(&ani)),
        404,
        "not_found",
    );
    // Deleting again is harmless.
    assert_eq!(
        app.call("DELETE", &format!("/api/posts/{post}"), Some(&admin), None)
            .status,
        204
    );
    let own = app.new_post(&budi, "mine");
    assert_eq!(
        app.call("DELETE", &format!("/api/posts/{own}"), Some(&budi), None)
            .status,
        204
    );
}

#[test]
fn a_comment_is_corrected_by_its_author_alone() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let (ani, budi, admin) = (app.member("ani"), app.member("budi"), app.admin());
    let post = app.new_post(&ani, "Jadwal shift minggu depan");
    let res = app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        json!({ "body": "Saya ambil shift Sabtu pagi" }),
    );
    let id = json(&res)["id"].as_str().unwrap().to_string();
    let path = format!("/api/comments/{id}");
    app.rt.advance(60_000);
    let edit =
        |who: &Who, body: &str| app.call("PATCH", &path, Some(who), Some(json!({ "body": body })));

    // Not its author, not even an admin: a moderator deletes words, never rewrites them.
    assert_error(&edit(&ani, "diubah"), 403, "forbidden");
    assert_error(&edit(&admin, "diubah"), 403, "forbidden");
    assert_error(&edit(&budi, "   "), 400, "validation");
    let res = edit(&budi, "Saya ambil shift **Minggu** pagi");
    assert_eq!(res.status, 200, "{}", res.body);
    let edited = json(&res);
    assert_eq!(
        edited["body_html"],
        "<p>Saya ambil shift <strong>Minggu</strong> pagi</p>\n"
    );
    assert_eq!(
        edited["edited_at"].as_i64().unwrap() - edited["created_at"].as_i64().unwrap(),
        60_000,
        "edited a minute after it was written"
    );
    // The same text again (a retry) is harmless.
    assert_eq!(edit(&budi, "Saya ambil shift **Minggu** pagi").status, 200);

    let comment =
        |who: &Who| json(&app.get(&format!("/api/posts/{post}"), Some(who)))["comments"][0].clone();
    let seen_by_ani = comment(&ani);
    assert_eq!(seen_by_ani["body_html"], edited["body_html"]);
    assert!(seen_by_ani["edited_at"].is_i64());
    assert_eq!(
        (seen_by_ani["can_edit"].clone(), seen_by_ani["body"].clone()),
        (json!(false), serde_json::Value::Null),
        "only its author gets the source to edit"
    );
    let seen_by_budi = comment(&budi);
    assert_eq!(
        (
            seen_by_budi["can_edit"].clone(),
            seen_by_budi["body"].clone()
        ),
        (json!(true), json!("Saya ambil shift **Minggu** pagi"))
    );
    // Search finds the new words, not the old.
    let hits = |q: &str| {
        json(&app.get(&format!("/api/search?q={q}&kind=comments"), Some(&ani)))["comments"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((hits("minggu"), hits("sabtu")), (1, 0));

    // A deleted comment is no longer there to edit.
    assert_eq!(app.call("DELETE", &path, Some(&budi), None).status, 204);
    assert_error(&edit(&budi, "lagi"), 404, "not_found");
}

#[test]
fn comments_are_listed_oldest_first_and_deletable_by_author_or_admin() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let admin = app.admin();
    let post = app.new_post(&ani, "Diskusi");
    let first = json(&app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        json!({ "body": "satu" }),
    ));
    app.rt.advance(1000);
    app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&ani),
        json!({ "body": "dua" }),
    );
    // The session, the post and its comments: one round trip.
    let (detail, trips) = app.get_counting_round_trips(&format!("/api/posts/{post}"), Some(&ani));
    let detail = json(&detail);
    assert_eq!(trips, 1, "the session, the post and its comments batched");
    let bodies: Vec<&str> = detail["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body_html"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["<p>satu</p>\n", "<p>dua</p>\n"]);
    assert_eq!(
        detail["comments"][0]["can_delete"], false,
        "Ani cannot delete Budi's comment"
    );
    let id = first["id"].as_str().unwrap();
    assert_error(
        &app.call("DELETE", &format!("/api/comments/{id}"), Some(&ani), None),
        403,
        "forbidden",
    );
    assert_eq!(
        app.call("DELETE", &format!("/api/comments/{id}"), Some(&admin), None)
            .status,
        204
    );
    let detail = json(&app.get(&format!("/api/posts/{post}"), Some(&ani)));
    assert_eq!(detail["post"]["comment_count"], 1);
    assert_error(
        &app.post(
            "/api/posts/01ARZ3NDEKTSV4RRFFQ69G5FAV/comments",
            Some(&ani),
            json!({ "body": "x" }),
        ),
        404,
        "not_found",
    );
}
