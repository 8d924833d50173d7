//! Following people, groups and tags, and the feed filters: all, following, group, tag, mine.

mod common;

use common::*;
use serde_json::json;

#[test]
fn feed_filters_show_what_they_say() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let citra = app.member("citra");
    let group = app.create_group(&citra, "Futsal", "open");
    app.rt.advance(1000);
    let by_budi = app.new_post(&budi, "budi's news");
    app.rt.advance(1000);
    let tagged = app.new_post(&citra, "Stok #Gudang aman");
    app.rt.advance(1000);
    let in_group = json(&app.post(
        "/api/posts",
        Some(&citra),
        json!({ "body": "Kamis futsal", "group_id": group }),
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.rt.advance(1000);
    let mine = app.new_post(&ani, "my own");

    // All: company posts; the open group's post only once Ani follows (or joins) the group.
    assert_eq!(
        app.post_ids(&ani, "/api/posts"),
        vec![mine.clone(), tagged.clone(), by_budi.clone()]
    );
    assert!(app.post_ids(&ani, "/api/posts?filter=following").is_empty());
    for (kind, target) in [
        ("person", budi.id.as_str()),
        ("tag", "#GUDANG"),
        ("group", group.as_str()),
    ] {
        let res = app.call(
            "PUT",
            "/api/follows",
            Some(&ani),
            Some(json!({ "kind": kind, "target": target })),
        );
        assert_eq!(res.status, 200, "{kind}: {}", res.body);
    }
    assert_eq!(
        app.post_ids(&ani, "/api/posts?filter=following"),
        vec![in_group.clone(), tagged.clone(), by_budi.clone()]
    );
    assert_eq!(app.post_ids(&ani, "/api/posts").len(), 4);
    assert_eq!(
        app.post_ids(&ani, "/api/posts?tag=gudang"),
        vec![tagged.clone()]
    );
    assert_eq!(app.post_ids(&ani, "/api/posts?filter=mine"), vec![mine]);
    let follows = json(&app.get("/api/follows", Some(&ani)))["items"].clone();
    assert_eq!(follows.as_array().unwrap().len(), 3);
    assert!(
        follows
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "tag" && f["target"] == "gudang"),
        "tags are stored lower-case, without #: {follows}"
    );
    // Unfollowing takes them out again.
    let res = app.call(
        "DELETE",
        &format!("/api/follows/person/{}", budi.id),
        Some(&ani),
        None,
    );
    assert_eq!(res.status, 204);
    assert_eq!(
        app.post_ids(&ani, "/api/posts?filter=following"),
        vec![in_group, tagged]
    );
}

#[test]
fn following_is_checked_and_bad_filters_are_refused() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let owner = app.member("owner");
    let secret = app.create_group(&owner, "Rahasia", "secret");
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "group", "target": secret })),
    );
    assert_error(&res, 404, "not_found");
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "person", "target": "nobody" })),
    );
    assert_error(&res, 404, "not_found");
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "tag", "target": "two words" })),
    );
    assert_error(&res, 400, "validation");
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "planet", "target": "x" })),
    );
    assert_eq!(res.status, 400);
    assert_error(
        &app.get("/api/posts?filter=everything", Some(&ani)),
        400,
        "bad_request",
    );
    assert_error(
        &app.call("DELETE", "/api/follows/planet/x", Some(&ani), None),
        404,
        "not_found",
    );
}

/// Every post of the "following" filter for `who`, paged `limit` at a time by cursor, and the
/// D1 round trips each page took.
fn following_pages(app: &TestApp, who: &Who, limit: u32) -> (Vec<String>, Vec<u32>) {
    let (mut ids, mut trips) = (Vec::new(), Vec::new());
    let mut path = format!("/api/posts?filter=following&limit={limit}");
    loop {
        let (res, n) = app.get_counting_round_trips(&path, Some(who));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        trips.push(n);
        let page = json(&res);
        for post in page["items"].as_array().unwrap() {
            ids.push(post["id"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/posts?filter=following&limit={limit}&cursor={c}"),
            None => return (ids, trips),
        }
    }
}

fn follow(app: &TestApp, who: &Who, kind: &str, target: &str) {
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(who),
        Some(json!({ "kind": kind, "target": target })),
    );
    assert_eq!(res.status, 200, "{kind} {target}: {}", res.body);
}

/// Up to 90 sources, the "following" page merges each source's index; past that it walks the
/// whole feed. Both must show the same posts: a person's, a group's and a tag's, a post two of
/// them share once, none deleted, none from a group the reader may not read, and no post lost
/// or repeated across pages (several share a millisecond).
#[test]
fn the_following_feed_merged_or_walked_shows_the_same_posts() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let (budi, citra, dedi) = (app.member("budi"), app.member("citra"), app.member("dedi"));
    let (merged, walked) = (app.member("ani"), app.member("eka"));
    let futsal = app.create_group(&citra, "Futsal", "open");
    let secret = app.create_group(&budi, "Rahasia", "secret");
    let res = app.post(
        &format!("/api/groups/{futsal}/join"),
        Some(&budi),
        json!({}),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let mut expected = Vec::new();
    for i in 0..60 {
        if i % 3 == 0 {
            app.rt.advance(1_000);
        }
        let (who, group, body, shown) = match i % 6 {
            0 => (&budi, None, format!("kabar {i}"), true),
            1 => (&budi, Some(&secret), format!("rahasia {i}"), false),
            2 => (&citra, Some(&futsal), format!("latihan {i}"), true),
            3 => (&dedi, None, format!("cek #Stok {i}"), true),
            4 => (&dedi, None, format!("lain {i}"), false),
            // A followed person, in a followed group, with a followed tag.
            _ => (&budi, Some(&futsal), format!("#stok futsal {i}"), true),
        };
        let res = app.post(
            "/api/posts",
            Some(who),
            json!({ "body": body, "group_id": group }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        let id = json(&res)["id"].as_str().unwrap().to_string();
        if shown && i % 10 == 9 {
            let res = app.call("DELETE", &format!("/api/posts/{id}"), Some(who), None);
            assert_eq!(res.status, 204, "{}", res.body);
        } else if shown {
            expected.push(id);
        }
    }
    expected.sort();
    expected.reverse();
    for who in [&merged, &walked] {
        follow(&app, who, "person", &budi.id);
        follow(&app, who, "group", &futsal);
        follow(&app, who, "tag", "stok");
    }
    // 90 more: 93 sources, past what is merged (a follow a second stays under the rate limit).
    for i in 0..90 {
        app.rt.advance(1_000);
        follow(&app, &walked, "tag", &format!("sepi{i}"));
    }
    let (merged_ids, merged_trips) = following_pages(&app, &merged, 7);
    let (walked_ids, walked_trips) = following_pages(&app, &walked, 7);
    assert_eq!(merged_ids, expected);
    assert_eq!(walked_ids, expected);
    // The follows with the session, then the page.
    assert!(merged_trips.iter().all(|&n| n == 2), "{merged_trips:?}");
    assert!(walked_trips.iter().all(|&n| n == 2), "{walked_trips:?}");
    // Following nothing: nothing to read after the session.
    let (none, trips) = following_pages(&app, &app.member("fajar"), 7);
    assert!(none.is_empty());
    assert_eq!(trips, [1]);
}

/// The work of a "following" page is the page's and its sources', not the company's: for a
/// reader who follows one quiet colleague, a hundred more posts by others cost the merge
/// nothing, while the walk of the whole feed (used past 90 sources) reads through them.
#[test]
fn the_following_feed_does_not_read_through_the_company() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let quiet = app.member("quiet");
    let old_post = app.new_post(&quiet, "satu-satunya kabar");
    let (merged, walked) = (app.member("ani"), app.member("eka"));
    for who in [&merged, &walked] {
        follow(&app, who, "person", &quiet.id);
    }
    for i in 0..90 {
        app.rt.advance(1_000);
        follow(&app, &walked, "tag", &format!("sepi{i}"));
    }
    let others = [app.member("budi"), app.member("citra")];
    let more_posts = |n: usize| {
        for i in 0..n {
            app.rt.advance(600);
            app.new_post(&others[i % 2], &format!("kabar {i}"));
        }
    };
    let steps = |who: &Who| {
        let before = app.rt.db.vm_steps();
        assert_eq!(
            app.post_ids(who, "/api/posts?filter=following"),
            [old_post.as_str()]
        );
        app.rt.db.vm_steps() - before
    };
    more_posts(100);
    let (merged_before, walked_before) = (steps(&merged), steps(&walked));
    more_posts(100);
    let (merged_after, walked_after) = (steps(&merged), steps(&walked));
    assert_eq!(merged_after, merged_before);
    assert!(
        walked_after > walked_before + 100 * 5,
        "the walk reads each post: {walked_before} → {walked_after}"
    );
}

#[test]
fn leaving_a_group_takes_its_posts_out_of_the_feed() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let ani = app.member("ani");
    let group = app.create_group(&owner, "Proyek", "closed");
    app.post(
        &format!("/api/groups/{group}/members"),
        Some(&owner),
        json!({ "user_id": ani.id }),
    );
    app.post(&format!("/api/groups/{group}/join"), Some(&ani), json!({}));
    let post = json(&app.post(
        "/api/posts",
        Some(&owner),
        json!({ "body": "rencana", "group_id": group }),
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(app.post_ids(&ani, "/api/posts"), vec![post.clone()]);
    app.post(&format!("/api/groups/{group}/leave"), Some(&ani), json!({}));
    assert!(app.post_ids(&ani, "/api/posts").is_empty());
    assert!(app.post_ids(&ani, "/api/posts?filter=following").is_empty());
}

#[test]
fn saved_filters_are_checked_kept_per_person_and_removable() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let owner = app.member("owner");
    let secret = app.create_group(&owner, "Rahasia", "secret");
    let save = |who: &Who, name: &str, query: &str| {
        app.post(
            "/api/saved-filters",
            Some(who),
            json!({ "name": name, "query": query }),
        )
    };
    let res = save(&ani, "Gudang", "tag=#Gudang");
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["query"], "tag=gudang");
    // Saving the same filter again renames it.
    assert_eq!(
        json(&save(&ani, "Stok gudang", "tag=gudang"))["name"],
        "Stok gudang"
    );
    assert_eq!(save(&ani, "Ikuti", "filter=following").status, 200);
    assert_error(
        &save(&ani, "Rahasia", &format!("group={secret}")),
        404,
        "not_found",
    );
    assert_error(&save(&ani, "x", "filter=everything"), 400, "validation");
    assert_error(&save(&ani, "", "filter=mine"), 400, "validation");
    let list = json(&app.get("/api/saved-filters", Some(&ani)));
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert!(
        json(&app.get("/api/saved-filters", Some(&budi)))
            .as_array()
            .unwrap()
            .is_empty()
    );
    let id = list[0]["id"].as_str().unwrap().to_string();
    // Someone else cannot remove it; its owner can, twice without harm.
    app.call(
        "DELETE",
        &format!("/api/saved-filters/{id}"),
        Some(&budi),
        None,
    );
    assert_eq!(
        json(&app.get("/api/saved-filters", Some(&ani)))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    for _ in 0..2 {
        let res = app.call(
            "DELETE",
            &format!("/api/saved-filters/{id}"),
            Some(&ani),
            None,
        );
        assert_eq!(res.status, 204);
    }
    assert_eq!(
        json(&app.get("/api/saved-filters", Some(&ani)))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// A person found by search and a group's page come with whether the reader follows them, so
/// their follow buttons show at once instead of each asking for every follow (a search page
/// asked once per person found). Still one round trip each; a list of groups does not say.
#[test]
fn found_people_and_a_group_page_say_whether_the_reader_follows() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let group = app.create_group(&budi, "Fotografi", "open");
    let group_page = format!("/api/groups/{group}");
    let follow_state = |path: &str, pointer: &str| {
        let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(
            trips, 1,
            "{path}: the session lookup batched with its reads"
        );
        json(&res).pointer(pointer).cloned()
    };
    let state =
        |following: bool, notify: bool| Some(json!({ "following": following, "notify": notify }));
    let budi_found = "/api/search?q=budi";
    assert_eq!(
        follow_state(budi_found, "/people/0/id"),
        Some(json!(budi.id))
    );
    assert_eq!(
        follow_state(budi_found, "/people/0/follow"),
        state(false, false)
    );
    assert_eq!(follow_state(&group_page, "/follow"), state(false, false));

    follow(&app, &ani, "person", &budi.id);
    let res = app.call(
        "PUT",
        "/api/follows",
        Some(&ani),
        Some(json!({ "kind": "group", "target": group, "notify": true })),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(
        follow_state(budi_found, "/people/0/follow"),
        state(true, false)
    );
    assert_eq!(
        follow_state("/api/search?q=budi&kind=people", "/people/0/follow"),
        state(true, false)
    );
    assert_eq!(follow_state(&group_page, "/follow"), state(true, true));
    // Only the reader's own follows count: Budi follows his group as its creator (without
    // notifications), and not Ani.
    let res = app.get(&group_page, Some(&budi));
    assert_eq!(
        json(&res)["follow"],
        json!({ "following": true, "notify": false })
    );
    let res = app.get("/api/search?q=ani", Some(&budi));
    assert_eq!(
        json(&res)["people"][0]["follow"],
        json!({ "following": false, "notify": false })
    );
    // A list does not look each group's follow up.
    let res = app.get("/api/groups", Some(&ani));
    assert_eq!(json(&res)["items"][0]["follow"], json!(null));

    let path = format!("/api/follows/person/{}", budi.id);
    assert_eq!(app.call("DELETE", &path, Some(&ani), None).status, 204);
    assert_eq!(
        follow_state(budi_found, "/people/0/follow"),
        state(false, false)
    );
}

/// A tag's follow button asks for that one follow: one key of `follows`, in the session
/// lookup's round trip, whatever case or '#' the tag is written with.
#[test]
fn one_follow_is_looked_up_by_its_key() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let state = |path: &str| {
        let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(trips, 1, "{path}: the session lookup batched with its read");
        json(&res)
    };
    let not_following = json!({ "following": false, "notify": false });
    assert_eq!(state("/api/follows/tag/gudang"), not_following);
    follow(&app, &ani, "tag", "Gudang");
    for path in ["/api/follows/tag/gudang", "/api/follows/tag/%23GUDANG"] {
        assert_eq!(state(path), json!({ "following": true, "notify": false }));
    }
    assert_eq!(state("/api/follows/tag/erp"), not_following);
    assert_error(
        &app.get("/api/follows/planet/x", Some(&ani)),
        404,
        "not_found",
    );
    assert_error(
        &app.get("/api/follows/planet/x", None),
        401,
        "unauthenticated",
    );
    assert_error(
        &app.get("/api/follows/tag/gudang", None),
        401,
        "unauthenticated",
    );
}

#[test]
fn the_list_of_follows_names_each_a_page_at_a_time() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let budi = app.member("budi");
    let citra = app.member("citra");
    let futsal = app.create_group(&citra, "Futsal", "open");
    // Ids sort by their millisecond, then at random: a tick apart, Futsal is listed first.
    app.rt.advance(1);
    let secret = app.create_group(&citra, "Rahasia", "secret");
    let members = format!("/api/groups/{secret}/members");
    let res = app.post(&members, Some(&citra), json!({ "user_id": ani.id }));
    assert!(res.status < 300, "{}", res.body);
    let res = app.post(&format!("/api/groups/{secret}/join"), Some(&ani), json!({}));
    assert!(res.status < 300, "{}", res.body);
    follow(&app, &ani, "person", &budi.id);
    follow(&app, &ani, "group", &futsal);
    follow(&app, &ani, "tag", "gudang");
    let deactivate = format!("/api/people/{}/deactivate", budi.id);
    let res = app.post(&deactivate, Some(&admin), json!({}));
    assert!(res.status < 300, "{}", res.body);

    let listed = |path: &str| -> (Vec<(String, String, bool)>, serde_json::Value) {
        let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(
            trips, 1,
            "{path}: the session lookup and the page in one batch"
        );
        let page = json(&res);
        let items = page["items"].as_array().unwrap().iter().map(|f| {
            let name = f["name"].as_str().unwrap_or("(hidden)").to_string();
            (
                f["kind"].as_str().unwrap().to_string(),
                name,
                f["former"] == true,
            )
        });
        (items.collect(), page["next_cursor"].clone())
    };
    let row = |kind: &str, name: &str, former: bool| (kind.to_string(), name.to_string(), former);
    // Groups (joining one follows it), then people, then tags; Budi has left, and it says so.
    let (items, next) = listed("/api/follows");
    assert_eq!(
        items,
        [
            row("group", "Futsal", false),
            row("group", "Rahasia", false),
            row("person", "budi", true),
            row("tag", "gudang", false),
        ]
    );
    assert!(next.is_null());

    // A secret group's name is for its members: out of it (written past the API, which
    // unfollows on leaving), the follow stays listed, to be removed, without the name.
    {
        use balai_functions::{runtime::Runtime, store::Db};
        let sql = "DELETE FROM group_members WHERE group_id = ? AND user_id = ?";
        let stmt = balai_functions::stmt!(sql, secret.as_str(), ani.id.as_str());
        balai_functions::runtime::native::block_on(app.rt.db().run(stmt)).unwrap();
    }
    assert_eq!(listed("/api/follows").0[1], row("group", "(hidden)", false));

    // Sixty tags more: fifty a page, none lost or repeated across pages.
    for i in 0..60 {
        app.rt.advance(2_000); // under the writes' rate limit
        follow(&app, &ani, "tag", &format!("topik{i:02}"));
    }
    let (first, next) = listed("/api/follows");
    assert_eq!(first.len(), 50);
    let cursor = next
        .as_str()
        .expect("a cursor after a full page")
        .to_string();
    let path = format!("/api/follows?cursor={}", urlencode(&cursor));
    let (second, next) = listed(&path);
    assert_eq!(first.len() + second.len(), 64);
    assert!(next.is_null());
    assert!(second.iter().all(|r| !first.contains(r)));

    assert_error(&app.get("/api/follows", None), 401, "unauthenticated");
    let bad = app.get("/api/follows?cursor=nonsense", Some(&ani));
    assert_eq!(bad.status, 400, "{}", bad.body);
}
