//! Groups: who sees what (open/closed/secret × member/non-member/admin × feed/group/direct),
//! joining, requests and invitations, roles, pins, and bad input.

mod common;

use common::*;
use serde_json::{Value, json};

fn group_names(app: &TestApp, who: &Who) -> Vec<String> {
    let res = app.get("/api/groups", Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    item_names(&res)
}

#[test]
fn visibility_matrix() {
    let app = TestApp::new();
    let admin = app.admin();
    let owner = app.member("owner");
    let member = app.member("member");
    let outsider = app.member("outsider");
    for (visibility, outsider_reads, outsider_sees_group) in [
        ("open", true, true),
        ("closed", false, true),
        ("secret", false, false),
    ] {
        let group = app.create_group(&owner, &format!("G {visibility}"), visibility);
        let res = app.post(
            &format!("/api/groups/{group}/members"),
            Some(&owner),
            json!({ "user_id": member.id }),
        );
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(json(&res)["state"], "invited");
        let res = app.post(
            &format!("/api/groups/{group}/join"),
            Some(&member),
            json!({}),
        );
        assert_eq!(json(&res)["my_state"], "active", "{}", res.body);
        let post = app.post_in(&member, &group, &format!("in {visibility}"));

        // Members: the group, its feed, their home feed, the post itself.
        for who in [&owner, &member] {
            assert!(
                app.post_ids(who, "/api/posts").contains(&post),
                "{visibility}: home feed"
            );
            assert!(
                app.post_ids(who, &format!("/api/posts?group={group}"))
                    .contains(&post)
            );
            assert_eq!(
                app.get(&format!("/api/posts/{post}"), Some(who)).status,
                200
            );
        }
        // Outsider: never in their home feed; the rest by visibility.
        assert!(
            !app.post_ids(&outsider, "/api/posts").contains(&post),
            "{visibility}"
        );
        let direct = app.get(&format!("/api/posts/{post}"), Some(&outsider));
        let group_feed = app.get(&format!("/api/posts?group={group}"), Some(&outsider));
        let group_page = app.get(&format!("/api/groups/{group}"), Some(&outsider));
        let comment = app.post(
            &format!("/api/posts/{post}/comments"),
            Some(&outsider),
            json!({ "body": "peek" }),
        );
        let like = app.call(
            "PUT",
            &format!("/api/posts/{post}/like"),
            Some(&outsider),
            None,
        );
        if outsider_reads {
            assert_eq!(direct.status, 200);
            assert_eq!(group_feed.status, 200);
            assert_eq!(comment.status, 201);
            assert_eq!(like.status, 200);
        } else {
            assert_error(&direct, 404, "not_found");
            assert_error(&comment, 404, "not_found");
            assert_error(&like, 404, "not_found");
            assert_eq!(
                group_feed.status,
                if outsider_sees_group { 403 } else { 404 }
            );
        }
        assert_eq!(
            group_page.status,
            if outsider_sees_group { 200 } else { 404 }
        );
        assert_eq!(
            group_names(&app, &outsider).contains(&format!("G {visibility}")),
            outsider_sees_group
        );
        // Admin (not a member): sees and reads every group for moderation, but their home feed
        // holds only their own groups.
        assert!(!app.post_ids(&admin, "/api/posts").contains(&post));
        assert_eq!(
            app.get(&format!("/api/posts/{post}"), Some(&admin)).status,
            200
        );
        assert!(
            app.post_ids(&admin, &format!("/api/posts?group={group}"))
                .contains(&post)
        );
        assert!(group_names(&app, &admin).contains(&format!("G {visibility}")));
    }
}

#[test]
fn joining_an_open_group_is_immediate_and_a_closed_one_waits_for_approval() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let ani = app.member("ani");
    let open = app.create_group(&owner, "Futsal", "open");
    let closed = app.create_group(&owner, "Gudang", "closed");

    let res = app.post(&format!("/api/groups/{open}/join"), Some(&ani), json!({}));
    assert_eq!(json(&res)["my_state"], "active");
    assert_eq!(json(&res)["member_count"], 2);
    // Joining again changes nothing.
    let res = app.post(&format!("/api/groups/{open}/join"), Some(&ani), json!({}));
    assert_eq!(json(&res)["member_count"], 2);

    let res = app.post(&format!("/api/groups/{closed}/join"), Some(&ani), json!({}));
    assert_eq!(json(&res)["my_state"], "requested");
    assert_eq!(json(&res)["can_read"], false);
    // A requester cannot post or read yet.
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "hi", "group_id": closed }),
    );
    assert_error(&res, 403, "forbidden");
    // Only managers see requests, and only they approve.
    let path = format!("/api/groups/{closed}/members?state=requested");
    assert_error(&app.get(&path, Some(&ani)), 403, "forbidden");
    let requests = json(&app.get(&path, Some(&owner)));
    assert_eq!(requests["items"][0]["person"]["id"], ani.id.as_str());
    let approve = format!("/api/groups/{closed}/members/{}/approve", ani.id);
    assert_error(&app.post(&approve, Some(&ani), json!({})), 403, "forbidden");
    assert_eq!(app.post(&approve, Some(&owner), json!({})).status, 204);
    assert_eq!(
        app.post(&approve, Some(&owner), json!({})).status,
        204,
        "twice is fine"
    );
    let group: Value = json(&app.get(&format!("/api/groups/{closed}"), Some(&ani)));
    assert_eq!(group["my_state"], "active");
    assert_eq!(group["member_count"], 2);
    app.post_in(&ani, &closed, "now I am in");
}

#[test]
fn a_secret_group_is_joined_only_by_invitation_and_its_id_tells_nothing() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let ani = app.member("ani");
    let secret = app.create_group(&owner, "Migrasi ERP", "secret");
    // Guessing the id: 404 everywhere, same as an id that does not exist.
    for path in [
        format!("/api/groups/{secret}"),
        format!("/api/posts?group={secret}"),
        format!("/api/groups/{secret}/members"),
    ] {
        assert_error(&app.get(&path, Some(&ani)), 404, "not_found");
    }
    let res = app.post(&format!("/api/groups/{secret}/join"), Some(&ani), json!({}));
    assert_error(&res, 404, "not_found");
    // Invited: now they see it, and joining accepts.
    app.post(
        &format!("/api/groups/{secret}/members"),
        Some(&owner),
        json!({ "user_id": ani.id }),
    );
    let group = json(&app.get(&format!("/api/groups/{secret}"), Some(&ani)));
    assert_eq!(group["my_state"], "invited");
    assert_eq!(group["can_read"], false);
    let res = app.post(&format!("/api/groups/{secret}/join"), Some(&ani), json!({}));
    assert_eq!(json(&res)["my_state"], "active");
    // Leaving makes it invisible again.
    let res = app.post(
        &format!("/api/groups/{secret}/leave"),
        Some(&ani),
        json!({}),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    assert_error(
        &app.get(&format!("/api/groups/{secret}"), Some(&ani)),
        404,
        "not_found",
    );
}

/// A group's page checks the session and reads the group in one D1 round trip (its members
/// too), and still answers 404 for a group the reader may not know of and 401 without a session.
#[test]
fn a_group_page_is_one_round_trip() {
    let app = TestApp::new();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let closed = app.create_group(&ani, "Gudang Surabaya", "closed");
    let secret = app.create_group(&ani, "Audit Gudang", "secret");
    let page =
        |id: &str, who: &Who| app.get_counting_round_trips(&format!("/api/groups/{id}"), Some(who));
    let (res, trips) = page(&closed, &ani);
    assert_eq!(trips, 1, "session and group batched");
    assert_eq!(json(&res)["my_role"], "owner", "{}", res.body);
    // An outsider sees that a closed group exists, and may not read it.
    let (res, trips) = page(&closed, &budi);
    assert_eq!((res.status, trips), (200, 1), "{}", res.body);
    assert_eq!(json(&res)["can_read"], false);
    assert_error(&page(&secret, &budi).0, 404, "not_found");
    assert_error(&page("not-an-id", &budi).0, 404, "not_found");
    // Its members too: the session, the group and the page in one round trip; the page only
    // for those the group lets see it.
    let members = |id: &str, who: &Who| {
        app.get_counting_round_trips(&format!("/api/groups/{id}/members"), Some(who))
    };
    let (res, trips) = members(&closed, &ani);
    assert_eq!((res.status, trips), (200, 1), "{}", res.body);
    assert_eq!(json(&res)["items"][0]["role"], "owner");
    assert_error(&members(&closed, &budi).0, 403, "forbidden");
    assert_error(&members(&secret, &budi).0, 404, "not_found");
    // Without a session, 401 whatever the id.
    for id in [closed.as_str(), "not-an-id"] {
        for path in [
            format!("/api/groups/{id}"),
            format!("/api/groups/{id}/members"),
        ] {
            assert_error(&app.get(&path, None), 401, "unauthenticated");
        }
    }
}

#[test]
fn roles_owners_and_removal() {
    let app = TestApp::new();
    let owner = app.member("owner");
    let ani = app.member("ani");
    let budi = app.member("budi");
    let group = app.create_group(&owner, "Proyek", "open");
    for who in [&ani, &budi] {
        app.post(&format!("/api/groups/{group}/join"), Some(who), json!({}));
    }
    // The only owner cannot leave.
    let res = app.post(
        &format!("/api/groups/{group}/leave"),
        Some(&owner),
        json!({}),
    );
    assert_error(&res, 409, "conflict");
    // A member may not manage.
    let res = app.call(
        "DELETE",
        &format!("/api/groups/{group}/members/{}", budi.id),
        Some(&ani),
        None,
    );
    assert_error(&res, 403, "forbidden");
    // The owner makes Ani a manager; a manager removes members but not owners.
    let res = app.call(
        "PUT",
        &format!("/api/groups/{group}/members/{}/role", ani.id),
        Some(&owner),
        Some(json!({ "role": "manager" })),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    let res = app.call(
        "DELETE",
        &format!("/api/groups/{group}/members/{}", owner.id),
        Some(&ani),
        None,
    );
    assert_error(&res, 403, "forbidden");
    let res = app.call(
        "DELETE",
        &format!("/api/groups/{group}/members/{}", budi.id),
        Some(&ani),
        None,
    );
    assert_eq!(res.status, 204);
    let group_now = json(&app.get(&format!("/api/groups/{group}"), Some(&owner)));
    assert_eq!(group_now["member_count"], 2);
    // Pinning: a manager pins one of the group's posts; a company post cannot be pinned here.
    let post = app.post_in(&ani, &group, "agenda");
    let company_post = app.new_post(&ani, "company");
    let pin = format!("/api/groups/{group}/pin");
    let res = app.call(
        "PUT",
        &pin,
        Some(&ani),
        Some(json!({ "post_id": company_post })),
    );
    assert_error(&res, 404, "not_found");
    let res = app.call("PUT", &pin, Some(&ani), Some(json!({ "post_id": post })));
    assert_eq!(json(&res)["pinned_post_id"], post.as_str());
    let res = app.call("PUT", &pin, Some(&ani), Some(json!({ "post_id": null })));
    assert_eq!(json(&res)["pinned_post_id"], Value::Null);
}

#[test]
fn bad_group_input_is_refused_and_changes_nothing() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let cases = [
        (
            json!({ "name": "ab", "category": "project", "visibility": "open" }),
            400,
            "name",
        ),
        (
            json!({ "name": "x".repeat(81), "category": "project", "visibility": "open" }),
            400,
            "name",
        ),
        (
            json!({ "name": "Good", "category": "project", "visibility": "public" }),
            400,
            "",
        ),
        (
            json!({ "name": "Good", "category": "project", "visibility": "open", "tags": ["no spaces"] }),
            400,
            "tags",
        ),
        (
            json!({ "name": "Good", "category": "project", "visibility": "open", "tags": (0..11).map(|i| format!("t{i}")).collect::<Vec<_>>() }),
            400,
            "tags",
        ),
        (
            json!({ "name": "Good", "category": "project", "visibility": "open", "description": "d".repeat(1001) }),
            400,
            "description",
        ),
        (
            json!({ "category": "project", "visibility": "open" }),
            400,
            "name",
        ),
    ];
    for (body, status, field) in cases {
        let res = app.post("/api/groups", Some(&ani), body.clone());
        assert_eq!(res.status, status, "{body}: {}", res.body);
        if !field.is_empty() {
            assert_eq!(json(&res)["field"], field, "{body}");
        }
    }
    assert!(group_names(&app, &ani).is_empty());
    app.create_group(&ani, "Fotografi", "open");
    let res = app.post(
        "/api/groups",
        Some(&ani),
        json!({ "name": "FOTOGRAFI", "category": "interest", "visibility": "open" }),
    );
    assert_error(&res, 409, "conflict");
    // Junk ids answer 404; a bad member state 400.
    assert_error(&app.get("/api/groups/nope", Some(&ani)), 404, "not_found");
    let group = &json(&app.get("/api/groups", Some(&ani)))["items"][0]["id"];
    let res = app.get(
        &format!("/api/groups/{}/members?state=boss", group.as_str().unwrap()),
        Some(&ani),
    );
    assert_error(&res, 400, "bad_request");
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "x", "group_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" }),
    );
    assert_error(&res, 404, "not_found");
}

#[test]
fn creating_a_group_with_an_idempotency_key_twice_creates_one() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let body = json!({ "name": "Sepak Bola", "category": "interest", "visibility": "open" });
    let first = app.post_keyed("/api/groups", &ani, body.clone(), "k-1");
    let second = app.post_keyed("/api/groups", &ani, body, "k-1");
    assert_eq!(first.status, 201);
    assert_eq!(second.status, 201, "{}", second.body);
    assert_eq!(json(&first)["id"], json(&second)["id"]);
    assert_eq!(group_names(&app, &ani), vec!["Sepak Bola"]);
    let tags = &json(&first)["tags"];
    assert_eq!(tags, &json!([]));
}

/// Each page is one D1 round trip with the session lookup.
#[test]
fn group_lists_page_by_cursor() {
    let app = TestApp::new();
    let ani = app.member("ani");
    for i in 0..55 {
        app.create_group(&ani, &format!("Group {i:02}"), "open");
    }
    let page = |path: &str| {
        let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
        assert_eq!(trips, 1, "{path}: the session lookup batched with the page");
        json(&res)
    };
    let first = page("/api/groups");
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    assert_eq!(first["items"][0]["my_role"], "owner");
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = page(&format!("/api/groups?cursor={cursor}"));
    assert_eq!(second["items"].as_array().unwrap().len(), 5);
    assert_eq!(second["items"][0]["name"], "Group 50");
    assert_eq!(second["next_cursor"], Value::Null);
    let mine = json(&app.get("/api/groups?mine=1", Some(&app.member("budi"))));
    assert!(mine["items"].as_array().unwrap().is_empty());
    // A cursor that is not one of ours is a bad request, once the session is known.
    let bad = "/api/groups?cursor=later";
    assert_error(&app.get(bad, Some(&ani)), 400, "bad_request");
    assert_error(&app.get(bad, None), 401, "unauthenticated");
}
