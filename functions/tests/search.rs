//! Search: prefix matching in Indonesian and English, ranking, highlighting, grouping by kind,
//! paging, visibility, and rebuilding the index from the base tables.

mod common;

use common::*;
use serde_json::{Value, json};

fn search(app: &TestApp, who: &Who, query: &str) -> Value {
    let res = app.get(&format!("/api/search?q={query}"), Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)
}

fn post_ids(results: &Value) -> Vec<String> {
    results["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn finds_by_word_prefix_ranks_by_relevance_then_newest_and_highlights() {
    let app = TestApp::new();
    let ani = app.member("ani");
    app.rt.advance(1000);
    let once = app.new_post(&ani, "Pengiriman ke gudang Surabaya selesai.");
    app.rt.advance(1000);
    let twice = app.new_post(&ani, "Gudang baru: gudang kedua di Medan.");
    app.rt.advance(1000);
    let newer_once = app.new_post(&ani, "Stok gudang aman. Thanks team!");
    app.new_post(&ani, "Nothing relevant here.");
    let results = search(&app, &ani, "gud");
    let ids = post_ids(&results);
    assert_eq!(ids[0], twice, "two matches rank first");
    assert_eq!(
        ids[1..],
        [newer_once.clone(), once.clone()],
        "then newest first"
    );
    let snippet = results["posts"][0]["snippet_html"].as_str().unwrap();
    assert!(snippet.contains("<mark>Gudang</mark>"), "{snippet}");
    // Every word must match; English too; case and accents do not matter.
    assert_eq!(
        post_ids(&search(&app, &ani, "gudang%20surabaya")),
        vec![once]
    );
    assert_eq!(post_ids(&search(&app, &ani, "THANK")), vec![newer_once]);
}

#[test]
fn results_are_grouped_by_kind() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let post = app.new_post(&ani, "Laporan #fotografi bulan ini");
    app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        json!({ "body": "fotonya bagus" }),
    );
    app.post(
        "/api/groups",
        Some(&ani),
        json!({ "name": "Fotografi", "category": "interest", "visibility": "open", "description": "foto bersama" }),
    );
    let results = search(&app, &budi, "foto");
    assert_eq!(results["posts"].as_array().unwrap().len(), 1);
    assert_eq!(results["comments"][0]["post_id"], post.as_str());
    assert!(
        results["comments"][0]["snippet_html"]
            .as_str()
            .unwrap()
            .contains("<mark>fotonya</mark>")
    );
    assert_eq!(results["groups"][0]["name_html"], "<mark>Fotografi</mark>");
    assert_eq!(results["tags"], json!(["fotografi"]));
    let people = search(&app, &budi, "ani");
    assert_eq!(people["people"][0]["name_html"], "<mark>ani</mark>");
}

#[test]
fn search_never_shows_what_the_searcher_may_not_see() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let outsider = app.member("outsider");
    let admin = app.admin();
    // An open group's post is for everyone.
    let open = app.create_group(&owner, "Audit Terbuka", "open");
    let open_post = app.post_in(&owner, &open, "audit umum");
    for (name, visibility) in [("Audit Rahasia", "secret"), ("Audit Tertutup", "closed")] {
        let group = json(&app.post(
            "/api/groups",
            Some(&owner),
            json!({ "name": name, "category": "project", "visibility": visibility }),
        ))["id"]
            .as_str()
            .unwrap()
            .to_string();
        let post = json(&app.post(
            "/api/posts",
            Some(&owner),
            json!({ "body": format!("audit internal {visibility} #auditq4"), "group_id": group }),
        ))["id"]
            .as_str()
            .unwrap()
            .to_string();
        app.post(
            &format!("/api/posts/{post}/comments"),
            Some(&owner),
            json!({ "body": "audit komentar" }),
        );
    }
    let seen = search(&app, &outsider, "audit");
    assert_eq!(post_ids(&seen), vec![open_post.clone()], "{seen}");
    assert!(seen["comments"].as_array().unwrap().is_empty());
    assert!(seen["tags"].as_array().unwrap().is_empty());
    let groups: Vec<&str> = seen["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name_html"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups.len(),
        2,
        "the open and closed groups exist; the secret one does not: {groups:?}"
    );
    assert!(!groups.iter().any(|g| g.contains("Rahasia")));
    assert_eq!(
        search(&app, &owner, "audit")["posts"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        search(&app, &admin, "audit")["groups"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // A deleted post leaves search.
    let post = app.new_post(&outsider, "audit perusahaan");
    assert_eq!(
        post_ids(&search(&app, &outsider, "audit")),
        vec![post.clone(), open_post.clone()]
    );
    app.call(
        "DELETE",
        &format!("/api/posts/{post}"),
        Some(&outsider),
        None,
    );
    assert_eq!(post_ids(&search(&app, &outsider, "audit")), vec![open_post]);
}

#[test]
fn one_kind_pages_by_cursor_and_bad_queries_are_refused() {
    let app = TestApp::new();
    let ani = app.member("ani");
    for i in 0..25 {
        app.rt.advance(1000);
        app.new_post(&ani, &format!("rapat mingguan {i}"));
    }
    let grouped = search(&app, &ani, "rapat");
    assert_eq!(grouped["posts"].as_array().unwrap().len(), 5);
    assert_eq!(grouped["next_cursor"], Value::Null);
    let first = json(&app.get("/api/search?q=rapat&kind=posts", Some(&ani)));
    assert_eq!(first["posts"].as_array().unwrap().len(), 20);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = json(&app.get(
        &format!("/api/search?q=rapat&kind=posts&cursor={cursor}"),
        Some(&ani),
    ));
    assert_eq!(second["posts"].as_array().unwrap().len(), 5);
    let mut all = post_ids(&first);
    all.extend(post_ids(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25, "no repeats across pages");
    assert_error(
        &app.get("/api/search?q=%20%21", Some(&ani)),
        400,
        "validation",
    );
    assert_error(
        &app.get("/api/search?q=rapat&kind=files", Some(&ani)),
        400,
        "bad_request",
    );
    assert_error(
        &app.get("/api/search?q=rapat&kind=posts&cursor=zz", Some(&ani)),
        400,
        "bad_request",
    );
    assert_error(
        &app.get(&format!("/api/search?q={}", "a".repeat(201)), Some(&ani)),
        400,
        "validation",
    );
    // FTS syntax is just words.
    assert_eq!(
        search(&app, &ani, "rapat%20OR%20NEAR(")
            .as_object()
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn the_index_rebuilds_from_the_base_tables() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let post = app.new_post(&ani, "indeks pencarian");
    app.rt
        .db
        .execute_script("DELETE FROM posts_fts; DELETE FROM people_fts;")
        .unwrap();
    assert!(post_ids(&search(&app, &ani, "indeks")).is_empty());
    app.rt
        .db
        .execute_script(include_str!("../sql/rebuild-search.sql"))
        .unwrap();
    assert_eq!(post_ids(&search(&app, &ani, "indeks")), vec![post]);
    assert_eq!(
        search(&app, &ani, "ani")["people"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_search_and_its_session_lookup_are_one_round_trip() {
    let app = TestApp::new();
    let ani = app.member("ani");
    app.new_post(&ani, "rapat");
    let before = balai_functions::store::Db::usage(&app.rt.db);
    search(&app, &ani, "rapat");
    let after = balai_functions::store::Db::usage(&app.rt.db);
    assert_eq!(
        after.queries - before.queries,
        1,
        "the session lookup batched with every kind's query"
    );
}

/// On the demo company (the real seed): hits come best first and newest first among equals,
/// and none is from a group the searcher may not read.
#[test]
fn ranking_and_visibility_hold_on_the_seeded_company() {
    use balai_functions::runtime::native::block_on;
    use balai_functions::store::Db;
    let app = TestApp::new();
    balai_functions::seed::demo(
        &app.rt,
        &mut balai_functions::seed::Rng::new(7),
        1_800_000_000_000,
    )
    .unwrap();
    // Log in as a demo member through the API.
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": "budi.siregar@balai.demo", "password": balai_functions::seed::DEMO_PASSWORD }),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let budi = Who {
        id: json(&res)["id"].as_str().unwrap().to_string(),
        email: "budi.siregar@balai.demo".into(),
        cookie: session_cookie(&res).unwrap(),
    };
    let readable_groups: Vec<Value> = block_on(app.rt.db.all(balai_functions::stmt!(
        "SELECT g.id FROM user_groups g WHERE g.visibility = 'open'
         OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = ? AND m.state = 'active')",
        budi.id.as_str()
    )))
    .unwrap();
    let readable: Vec<&str> = readable_groups
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    let mut searched = 0;
    for q in ["gudang", "target", "medan", "foto", "safety", "tim"] {
        let page = json(&app.get(&format!("/api/search?q={q}&kind=posts"), Some(&budi)));
        let hits = page["posts"].as_array().unwrap();
        searched += hits.len();
        for hit in hits {
            if let Some(group) = hit["group"]["id"].as_str() {
                assert!(
                    readable.contains(&group),
                    "{q}: a hit from a group Budi may not read"
                );
            }
            assert!(
                hit["snippet_html"].as_str().unwrap().contains("<mark>"),
                "{q}: {hit}"
            );
        }
        // Best first (bm25: lower is better), newest first among equals: each hit's score
        // from FTS5 directly, in the order the API gave them.
        let ranked: Vec<(i64, i64)> = hits
            .iter()
            .map(|hit| {
                let row: Vec<Value> = block_on(app.rt.db.all(balai_functions::stmt!(
                    "SELECT CAST(bm25(posts_fts) * 1000000 AS INTEGER) AS score FROM posts_fts
                     JOIN posts p ON p.rowid = posts_fts.rowid WHERE posts_fts MATCH ? AND p.id = ?",
                    format!("\"{q}\"*"),
                    hit["id"].as_str().unwrap()
                )))
                .unwrap();
                (row[0]["score"].as_i64().unwrap(), hit["created_at"].as_i64().unwrap())
            })
            .collect();
        assert!(
            ranked
                .windows(2)
                .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 >= w[1].1)),
            "{q}: not best first then newest first: {ranked:?}"
        );
    }
    assert!(
        searched > 20,
        "the demo company has plenty to find: {searched}"
    );
}

/// A person found by their work shows why: the position with the words marked, and their
/// competencies when the words are among them.
#[test]
fn people_are_found_by_position_and_competency_and_say_so() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let res = app.call(
        "PUT",
        &format!("/api/people/{}/official", ani.id),
        Some(&admin),
        Some(json!({ "position": "Kepala Gudang Surabaya" })),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let res = app.call(
        "PUT",
        &format!("/api/people/{}/profile", ani.id),
        Some(&ani),
        Some(
            json!({ "phone": "", "competencies": ["Forklift", "K3"], "responsibilities": "",
                     "hobbies": "", "birthday": null, "birthday_public": true }),
        ),
    );
    assert_eq!(res.status, 200, "{}", res.body);

    let by_position = &search(&app, &budi, "gudang")["people"][0];
    assert_eq!(by_position["id"], ani.id.as_str());
    assert_eq!(by_position["name_html"], "ani");
    assert_eq!(
        by_position["position_html"],
        "Kepala <mark>Gudang</mark> Surabaya"
    );
    assert_eq!(by_position["competencies_html"], Value::Null);

    let by_skill = &search(&app, &budi, "forkl")["people"][0];
    assert_eq!(by_skill["id"], ani.id.as_str());
    assert_eq!(by_skill["position_html"], "Kepala Gudang Surabaya");
    assert!(
        by_skill["competencies_html"]
            .as_str()
            .unwrap()
            .contains("<mark>Forklift</mark>"),
        "{by_skill}"
    );
}

/// What the app's #tag suggestions ask: the tags in use that begin with two typed letters, most
/// used first, and only the tags (no post, comment, person or group is looked up for them).
#[test]
fn the_tags_beginning_with_what_is_typed_come_most_used_first() {
    let app = TestApp::new();
    let ani = app.member("ani");
    app.new_post(&ani, "Stok masuk #gudang #gudang-medan");
    app.new_post(&ani, "Rak baru #gudang");
    app.new_post(&ani, "Gudang dan guru #guru");
    app.new_post(&ani, "Lain #pameran");
    let (res, round_trips) = app.get_counting_round_trips("/api/search?q=gu&kind=tags", Some(&ani));
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(round_trips, 1, "the session and the tags in one");
    let found = json(&res);
    assert_eq!(found["tags"], json!(["gudang", "gudang-medan", "guru"]));
    for kind in ["posts", "comments", "people", "groups"] {
        assert_eq!(found[kind], json!([]), "{kind}");
    }
    // A tag is written with `-` and `_`: typing one on still narrows.
    let narrowed = json(&app.get("/api/search?q=gudang-m&kind=tags", Some(&ani)));
    assert_eq!(narrowed["tags"], json!(["gudang-medan"]));
}
