//! Ideas: votes that count once, the status workflow and who may run it, history,
//! notifications, sorting and filters.

mod common;

use balai_functions::http::ApiResponse;
use common::{TestApp, Who, assert_error, json};
use serde_json::{Value, json as j};

fn idea(app: &TestApp, who: &Who, title: &str, category: &str) -> String {
    let res = app.post(
        "/api/ideas",
        Some(who),
        j!({ "title": title, "body": "Supaya **lebih cepat**.", "category": category }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    json(&res)["id"].as_str().unwrap().to_string()
}

fn titles(app: &TestApp, who: &Who, path: &str) -> Vec<String> {
    let res = app.get(path, Some(who));
    assert_eq!(res.status, 200, "{path}: {}", res.body);
    json(&res)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

fn status(app: &TestApp, who: &Who, id: &str, to: &str, reason: Option<&str>) -> ApiResponse {
    app.post(
        &format!("/api/ideas/{id}/status"),
        Some(who),
        j!({ "status": to, "reason": reason }),
    )
}

#[test]
fn a_vote_counts_once_however_often_it_is_sent() {
    let app = TestApp::new();
    let (ani, budi, citra) = (app.member("ani"), app.member("budi"), app.member("citra"));
    let id = idea(&app, &ani, "Scan barcodes at the dock", "process");
    let vote = format!("/api/ideas/{id}/vote");
    for _ in 0..3 {
        let res = app.call("PUT", &vote, Some(&budi), None);
        assert_eq!(json(&res), j!({ "voted": true, "vote_count": 1 }));
    }
    app.call("PUT", &vote, Some(&citra), None);
    let res = app.call("DELETE", &vote, Some(&budi), None);
    assert_eq!(json(&res), j!({ "voted": false, "vote_count": 1 }));
    let res = app.call("DELETE", &vote, Some(&budi), None);
    assert_eq!(
        json(&res)["vote_count"],
        1,
        "taking back twice takes back once"
    );
    let detail = json(&app.get(&format!("/api/ideas/{id}"), Some(&citra)));
    assert_eq!(detail["idea"]["vote_count"], 1);
    assert_eq!(detail["idea"]["voted_by_me"], true);
    assert_error(
        &app.call(
            "PUT",
            "/api/ideas/01ARZ3NDEKTSV4RRFFQ69G5FAV/vote",
            Some(&budi),
            None,
        ),
        404,
        "not_found",
    );
}

#[test]
fn reviewers_run_the_workflow_and_everyone_sees_its_history() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi, rudi) = (app.member("ani"), app.member("budi"), app.member("rudi"));
    let id = idea(&app, &ani, "Shared car pool for field staff", "workplace");
    app.call("PUT", &format!("/api/ideas/{id}/vote"), Some(&budi), None);

    assert_error(
        &status(&app, &rudi, &id, "under_review", None),
        403,
        "forbidden",
    );
    let grant = format!("/api/people/{}/grants/ideas", rudi.id);
    assert_eq!(
        app.call("PUT", &grant, Some(&admin), Some(j!({"enabled": true})))
            .status,
        204
    );
    assert_eq!(
        json(&app.get("/api/me", Some(&rudi)))["grants"]["idea_reviewer"],
        true
    );

    let res = status(&app, &rudi, &id, "accepted", None);
    assert_error(&res, 409, "conflict");
    assert!(
        json(&res)["message"]
            .as_str()
            .unwrap()
            .contains("new cannot become accepted")
    );
    assert_eq!(status(&app, &rudi, &id, "under_review", None).status, 200);
    assert_eq!(
        status(&app, &rudi, &id, "under_review", None).status,
        200,
        "a retry changes nothing"
    );
    let res = status(&app, &rudi, &id, "declined", None);
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "reason");
    let res = status(
        &app,
        &rudi,
        &id,
        "declined",
        Some("Budget goes to the new warehouse first."),
    );
    assert_eq!(
        json(&res)["idea"]["decline_reason"],
        "Budget goes to the new warehouse first."
    );
    assert_eq!(
        status(&app, &admin, &id, "under_review", Some("Budget freed up.")).status,
        200
    );
    assert_eq!(status(&app, &admin, &id, "accepted", None).status, 200);
    assert_eq!(status(&app, &admin, &id, "in_progress", None).status, 200);
    let done = json(&status(&app, &admin, &id, "implemented", None));
    assert_eq!(done["idea"]["status"], "implemented");
    assert_eq!(
        done["idea"]["decline_reason"],
        Value::Null,
        "reopened: the old reason is gone"
    );
    let history = json(&app.get(&format!("/api/ideas/{id}"), Some(&budi)))["history"].clone();
    let steps: Vec<String> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            format!(
                "{}>{}",
                h["from"].as_str().unwrap(),
                h["to"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            "new>under_review",
            "under_review>declined",
            "declined>under_review",
            "under_review>accepted",
            "accepted>in_progress",
            "in_progress>implemented"
        ]
    );
    assert_eq!(history[1]["actor"]["name"], "rudi");
    assert_eq!(
        history[1]["note"],
        "Budget goes to the new warehouse first."
    );
    assert_error(
        &status(&app, &admin, &id, "declined", Some("x")),
        409,
        "conflict",
    );
    let audited: Vec<Value> = app
        .audit()
        .into_iter()
        .filter(|a| a["target"] == id.as_str())
        .collect();
    assert_eq!(audited.len(), 6);
}

#[test]
fn the_author_and_voters_hear_of_each_change() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi, citra, dewi) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dewi"),
    );
    let id = idea(&app, &ani, "Solar panels on the Surabaya roof", "cost");
    for who in [&budi, &citra] {
        app.call("PUT", &format!("/api/ideas/{id}/vote"), Some(who), None);
    }
    app.call(
        "PUT",
        "/api/notifications/settings",
        Some(&citra),
        Some(j!({"kind": "idea_status", "enabled": false})),
    );
    status(&app, &admin, &id, "under_review", None);
    let kinds = |who: &Who| -> Vec<Value> {
        json(&app.get("/api/notifications", Some(who)))["items"]
            .as_array()
            .unwrap()
            .clone()
    };
    for who in [&ani, &budi] {
        let got = kinds(who);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0]["kind"], "idea_status");
        assert_eq!(got[0]["idea_id"], id.as_str());
        assert_eq!(got[0]["excerpt"], "Solar panels on the Surabaya roof");
    }
    assert!(kinds(&citra).is_empty(), "switched off");
    assert!(kinds(&dewi).is_empty(), "not involved");
    assert!(kinds(&admin).is_empty(), "not the reviewer who did it");
}

#[test]
fn only_the_author_edits_and_only_while_new() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let id = idea(&app, &ani, "Night shift canteen", "workplace");
    let path = format!("/api/ideas/{id}");
    let edit = j!({ "title": "Night shift canteen, open till 2", "body": "Details.", "category": "workplace" });
    assert_error(
        &app.call("PUT", &path, Some(&budi), Some(edit.clone())),
        403,
        "forbidden",
    );
    let res = app.call("PUT", &path, Some(&ani), Some(edit.clone()));
    assert_eq!(json(&res)["title"], "Night shift canteen, open till 2");
    assert_eq!(json(&res)["body"], "Details.");
    status(&app, &admin, &id, "under_review", None);
    assert_error(
        &app.call("PUT", &path, Some(&ani), Some(edit)),
        409,
        "conflict",
    );
    let detail = json(&app.get(&path, Some(&ani)));
    assert_eq!(detail["idea"]["can_edit"], false);
    assert_eq!(
        detail["idea"].get("body"),
        None,
        "no source once it cannot be edited"
    );
}

#[test]
fn lists_sort_by_votes_time_and_this_week_and_filter() {
    let app = TestApp::new();
    let admin = app.admin();
    let people: Vec<Who> = (0..4).map(|i| app.member(&format!("p{i}"))).collect();
    let now = balai_functions::runtime::native::system_now();
    app.rt.set_now(now - 10 * 24 * 60 * 60 * 1000);
    let old = idea(&app, &people[0], "Old but popular", "process");
    for who in &people[1..4] {
        app.call("PUT", &format!("/api/ideas/{old}/vote"), Some(who), None);
    }
    app.rt.set_now(now);
    let fresh = idea(&app, &people[1], "Fresh and rising", "safety");
    for who in [&people[0], &people[2]] {
        app.call("PUT", &format!("/api/ideas/{fresh}/vote"), Some(who), None);
    }
    app.rt.advance(60_000);
    idea(&app, &people[2], "Newest, no votes", "safety");
    status(&app, &admin, &old, "under_review", None);

    assert_eq!(
        titles(&app, &admin, "/api/ideas"),
        ["Old but popular", "Fresh and rising", "Newest, no votes"]
    );
    assert_eq!(
        titles(&app, &admin, "/api/ideas?sort=newest"),
        ["Newest, no votes", "Fresh and rising", "Old but popular"]
    );
    assert_eq!(
        titles(&app, &admin, "/api/ideas?sort=trending"),
        ["Fresh and rising"],
        "votes in the last 7 days"
    );
    assert_eq!(
        titles(&app, &admin, "/api/ideas?category=safety&sort=newest"),
        ["Newest, no votes", "Fresh and rising"]
    );
    assert_eq!(
        titles(&app, &admin, "/api/ideas?status=under_review"),
        ["Old but popular"]
    );
    assert_eq!(
        titles(&app, &people[1], "/api/ideas?mine=1"),
        ["Fresh and rising"]
    );
    assert_error(
        &app.get("/api/ideas?sort=best", Some(&admin)),
        400,
        "bad_request",
    );
    assert_error(
        &app.get("/api/ideas?status=maybe", Some(&admin)),
        400,
        "bad_request",
    );
    assert_error(
        &app.get("/api/ideas?cursor=x.y.z", Some(&admin)),
        400,
        "bad_request",
    );
}

#[test]
fn top_ideas_page_by_cursor_without_repeats() {
    let app = TestApp::new();
    let ani = app.member("ani");
    for i in 0..25 {
        idea(&app, &ani, &format!("Idea number {i:02}"), "other");
    }
    let first = json(&app.get("/api/ideas", Some(&ani)));
    let cursor = first["next_cursor"].as_str().unwrap().to_string();
    let second = json(&app.get(&format!("/api/ideas?cursor={cursor}"), Some(&ani)));
    let mut all: Vec<String> = [&first, &second]
        .iter()
        .flat_map(|p| {
            p["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(all.len(), 25);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25);
    assert_eq!(second["next_cursor"], Value::Null);
}

/// A list page is one D1 round trip with the session lookup, and walks its sort's index: it
/// reads no more when a hundred more ideas exist.
#[test]
fn an_ideas_page_is_one_round_trip_and_walks_its_index() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let add = |n: usize| {
        for i in 0..n {
            app.rt.advance(1000);
            idea(&app, &ani, &format!("Idea number {:02}", i % 10), "other");
        }
    };
    let pages = ["/api/ideas", "/api/ideas?sort=newest", "/api/ideas?mine=1"];
    let steps = || -> Vec<u64> {
        pages
            .iter()
            .map(|path| {
                let before = app.rt.db.vm_steps();
                let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
                assert_eq!(res.status, 200, "{path}: {}", res.body);
                assert_eq!(trips, 1, "{path}: the session lookup batched with the page");
                assert_eq!(json(&res)["items"].as_array().unwrap().len(), 20, "{path}");
                app.rt.db.vm_steps() - before
            })
            .collect()
    };
    add(30);
    let of_30 = steps();
    add(100);
    assert_eq!(steps(), of_30, "{pages:?}: no sort of all 130");
    // An idea's page is one round trip too; an id that names no idea is not found.
    let first = json(&app.get("/api/ideas", Some(&ani)))["items"][0]["id"].clone();
    let page = format!("/api/ideas/{}", first.as_str().unwrap());
    let (res, trips) = app.get_counting_round_trips(&page, Some(&ani));
    assert_eq!((res.status, trips), (200, 1), "{}", res.body);
    let nobody = format!("/api/ideas/{}", "0".repeat(26));
    assert_error(&app.get(&nobody, Some(&ani)), 404, "not_found");
    assert_error(&app.get("/api/ideas/x", Some(&ani)), 404, "not_found");
    // Without a session, 401 whatever was asked.
    for path in [
        "/api/ideas?sort=best",
        "/api/ideas?cursor=x.y.z",
        "/api/ideas",
        &page,
        "/api/ideas/x",
    ] {
        assert_error(&app.get(path, None), 401, "unauthenticated");
    }
}

#[test]
fn bad_ideas_are_refused_with_the_field() {
    let app = TestApp::new();
    let ani = app.member("ani");
    for (body, field) in [
        (
            j!({"title": "Hm", "body": "x", "category": "other"}),
            "title",
        ),
        (
            j!({"title": "A fine title", "body": " ", "category": "other"}),
            "body",
        ),
        (
            j!({"title": "x".repeat(141), "body": "x", "category": "other"}),
            "title",
        ),
    ] {
        let res = app.post("/api/ideas", Some(&ani), body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field);
    }
    let res = app.post(
        "/api/ideas",
        Some(&ani),
        j!({"title": "A fine title", "body": "x", "category": "astrology"}),
    );
    assert_error(&res, 400, "bad_request");
    let res = app.post("/api/ideas", Some(&ani), j!({"title": "<script>alert(1)</script> idea", "body": "<img src=x onerror=alert(1)>", "category": "other"}));
    assert_eq!(res.status, 201);
    assert!(!json(&res)["body_html"].as_str().unwrap().contains("<img"));
}

#[test]
fn merging_a_duplicate_carries_its_votes_and_counts_a_double_voter_once() {
    let app = TestApp::new();
    let admin = app.admin();
    let people: Vec<Who> = (0..5).map(|i| app.member(&format!("v{i}"))).collect();
    let original = idea(&app, &people[0], "Digital shift roster", "process");
    let duplicate = idea(&app, &people[1], "Shift schedule on screens", "process");
    let vote =
        |who: &Who, id: &str| app.call("PUT", &format!("/api/ideas/{id}/vote"), Some(who), None);
    for who in &people[1..3] {
        vote(who, &original);
    }
    for who in &people[2..5] {
        vote(who, &duplicate);
    }
    let merge = format!("/api/ideas/{duplicate}/merge");
    assert_error(
        &app.post(&merge, Some(&people[0]), j!({"into": original})),
        403,
        "forbidden",
    );
    assert_error(
        &app.post(&merge, Some(&admin), j!({"into": duplicate})),
        409,
        "conflict",
    );
    let res = app.post(&merge, Some(&admin), j!({"into": original}));
    assert_eq!(res.status, 200, "{}", res.body);
    // v1, v2 for the original; v2, v3, v4 for the duplicate: four people, v2 once.
    assert_eq!(json(&res)["idea"]["vote_count"], 4);
    assert_eq!(
        json(&app.post(&merge, Some(&admin), j!({"into": original})))["idea"]["vote_count"],
        4,
        "merging again changes nothing"
    );
    let dup = json(&app.get(&format!("/api/ideas/{duplicate}"), Some(&people[4])));
    assert_eq!(dup["idea"]["vote_count"], 0);
    assert_eq!(dup["idea"]["merged_into"]["id"], original.as_str());
    // Each history names the other idea (the app words it in the reader's language).
    let merge_line = &dup["history"][0];
    assert_eq!(merge_line["merged_into"]["title"], "Digital shift roster");
    assert_eq!(merge_line["merged_from"], j!(null));
    assert_eq!(merge_line["note"], j!(null));
    let orig = json(&app.get(&format!("/api/ideas/{original}"), Some(&people[4])));
    assert_eq!(orig["history"][0]["merged_from"]["id"], duplicate.as_str());
    assert_eq!(
        orig["history"][0]["merged_from"]["title"],
        "Shift schedule on screens"
    );
    assert_eq!(
        json(&app.get(&format!("/api/ideas/{original}"), Some(&people[4])))["idea"]["voted_by_me"],
        true
    );
    assert_eq!(titles(&app, &admin, "/api/ideas"), ["Digital shift roster"]);
    assert_error(&vote(&people[0], &duplicate), 409, "conflict");
    assert_error(
        &status(&app, &admin, &duplicate, "under_review", None),
        409,
        "conflict",
    );
}

#[test]
fn a_status_change_is_posted_to_the_innovation_system_signed() {
    use balai_functions::service::webhooks::sign;
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let id = idea(&app, &ani, "Paperless delivery notes", "process");
    status(&app, &admin, &id, "under_review", None);
    assert!(
        app.rt.sent.borrow().is_empty(),
        "nothing is sent until a URL and secret are set"
    );

    let secret = "s3cret-shared-with-the-innovation-system";
    app.rt.settings.borrow_mut().extend([
        (
            "IDEAS_WEBHOOK_URL".to_string(),
            "https://innovation.example.co.id/hooks/balai".to_string(),
        ),
        ("IDEAS_WEBHOOK_SECRET".to_string(), secret.to_string()),
    ]);
    status(&app, &admin, &id, "accepted", None);
    let sent = app.rt.sent.borrow().clone();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].url, "https://innovation.example.co.id/hooks/balai");
    let body: Value = serde_json::from_str(&sent[0].body).unwrap();
    assert_eq!(body["event"], "idea.status");
    assert_eq!(body["idea"]["id"], id.as_str());
    assert_eq!(body["idea"]["status"], "accepted");
    let header = |name: &str| {
        sent[0]
            .headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    // What the receiver does: recompute over the raw body with the shared secret.
    assert_eq!(
        header("x-balai-signature"),
        Some(sign(secret.as_bytes(), sent[0].body.as_bytes()))
    );
    assert_ne!(
        header("x-balai-signature"),
        Some(sign(b"a wrong secret", sent[0].body.as_bytes()))
    );
    assert_eq!(header("x-balai-event").as_deref(), Some("idea.status"));

    // The same system can pull everything: CSV and JSON exports, for reviewers only.
    assert_error(
        &app.get("/api/ideas/export.csv", Some(&ani)),
        403,
        "forbidden",
    );
    let csv = app.get("/api/ideas/export.csv", Some(&admin));
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(csv.body.starts_with("id,title,category,status,votes"));
    assert!(
        csv.body
            .contains("Paperless delivery notes,process,accepted,0,ani")
    );
    let all = json(&app.get("/api/ideas/export.json", Some(&admin)));
    assert_eq!(all[0]["status"], "accepted");
}
