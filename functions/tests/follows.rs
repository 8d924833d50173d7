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
    let follows = json(&app.get("/api/follows", Some(&ani)));
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
