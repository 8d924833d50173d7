//! Around an idea: its discussion, what it concerns, thanks to its author (and the profile that
//! counts them), and the API token with which an outside system sets its status.

mod common;

use balai_functions::http::ApiResponse;
use balai_protocol::auth::Role;
use common::{TestApp, Who, assert_error, json, request};
use serde_json::{Value, json as j};

fn idea(app: &TestApp, who: &Who, extra: Value) -> String {
    let mut body =
        j!({ "title": "Reuse supplier boxes", "body": "Hundreds a week.", "category": "cost" });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let res = app.post("/api/ideas", Some(who), body);
    assert_eq!(res.status, 201, "{}", res.body);
    json(&res)["id"].as_str().unwrap().to_string()
}

fn kinds(app: &TestApp, who: &Who) -> Vec<String> {
    json(&app.get("/api/notifications", Some(who)))["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_string())
        .collect()
}

fn count(app: &TestApp, table: &str) -> i64 {
    app.rows(&format!("SELECT COUNT(*) AS n FROM {table}"))[0]["n"]
        .as_i64()
        .unwrap()
}

#[test]
fn colleagues_discuss_an_idea_and_its_followers_hear_of_it() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi, citra) = (app.member("ani"), app.member("budi"), app.member("citra"));
    let id = idea(&app, &ani, j!({}));
    let path = format!("/api/ideas/{id}/comments");
    let body = j!({ "body": "Di gudang Medan juga, @citra?" });
    let first = app.post_keyed(&path, &budi, body.clone(), "c-1");
    assert_eq!(first.status, 201, "{}", first.body);
    let retry = app.post_keyed(&path, &budi, body, "c-1");
    assert_eq!(
        json(&retry)["id"],
        json(&first)["id"],
        "a retry comments once"
    );
    assert_error(
        &app.post(&path, Some(&budi), j!({"body": "  "})),
        400,
        "validation",
    );
    assert_error(
        &app.post(
            "/api/ideas/01ARZ3NDEKTSV4RRFFQ69G5FAV/comments",
            Some(&budi),
            j!({"body": "hi"}),
        ),
        404,
        "not_found",
    );

    let detail = json(&app.get(&format!("/api/ideas/{id}"), Some(&citra)));
    assert_eq!(detail["comments"].as_array().unwrap().len(), 1);
    assert_eq!(detail["idea"]["comment_count"], 1);
    assert_eq!(kinds(&app, &ani), ["idea_comment"], "the author hears");
    assert_eq!(kinds(&app, &citra), ["mention"], "the mentioned hear once");

    // A commenter follows the idea: they hear when its status changes.
    let res = app.post(
        &format!("/api/ideas/{id}/status"),
        Some(&admin),
        j!({"status": "under_review"}),
    );
    assert_eq!(res.status, 200);
    assert_eq!(kinds(&app, &budi), ["idea_status"]);

    // Its author corrects it; nobody else may.
    let edit = format!(
        "/api/idea-comments/{}",
        json(&first)["id"].as_str().unwrap()
    );
    let correction = j!({"body": "Di gudang Medan dan Surabaya juga"});
    assert_error(
        &app.call("PATCH", &edit, Some(&citra), Some(correction.clone())),
        403,
        "forbidden",
    );
    let res = app.call("PATCH", &edit, Some(&budi), Some(correction));
    assert_eq!(res.status, 200, "{}", res.body);
    let detail = json(&app.get(&format!("/api/ideas/{id}"), Some(&citra)));
    let shown = &detail["comments"][0];
    assert_eq!(
        shown["body_html"],
        "<p>Di gudang Medan dan Surabaya juga</p>\n"
    );
    assert!(shown["edited_at"].is_i64());

    // Only its author or a moderator deletes a comment; a moderator's delete is audited.
    let comment = json(&first)["id"].as_str().unwrap().to_string();
    let delete = format!("/api/idea-comments/{comment}");
    assert_error(
        &app.call("DELETE", &delete, Some(&citra), None),
        403,
        "forbidden",
    );
    let grant = format!("/api/people/{}/grants/moderation", citra.id);
    app.call("PUT", &grant, Some(&admin), Some(j!({"enabled": true})));
    assert_eq!(app.call("DELETE", &delete, Some(&citra), None).status, 204);
    assert_eq!(app.call("DELETE", &delete, Some(&citra), None).status, 204);
    let detail = json(&app.get(&format!("/api/ideas/{id}"), Some(&ani)));
    assert_eq!(detail["idea"]["comment_count"], 0);
    assert!(
        app.audit()
            .iter()
            .any(|a| a["action"] == "comment.delete" && a["target"] == comment.as_str())
    );
}

#[test]
fn an_idea_concerns_a_department_or_a_place_the_author_can_see() {
    let app = TestApp::new();
    let sales = app.department("Penjualan");
    let admin = app.admin();
    let ani = app.person_in("ani@example.co.id", Role::Member, Some(&sales));
    let budi = app.member("budi");
    let client = |visibility: &str| {
        let res = app.post(
            "/api/places",
            Some(&admin),
            j!({ "name": format!("Klien {visibility}"), "category_id": "client", "lat": -6.2, "lng": 106.8,
                 "visibility": visibility, "audience": if visibility == "restricted" { j!([sales]) } else { j!([]) } }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    };
    let (open, secret) = (client("all"), client("restricted"));

    let before = count(&app, "ideas");
    for (extra, field) in [
        (
            j!({"department_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}),
            "department_id",
        ),
        (j!({"department_id": "not an id"}), "department_id"),
        (j!({"place_id": secret}), "place_id"),
    ] {
        let mut body = j!({ "title": "Reuse supplier boxes", "body": "x", "category": "cost" });
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let res = app.post("/api/ideas", Some(&budi), body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field);
    }
    assert_eq!(count(&app, "ideas"), before, "nothing written");

    let id = idea(&app, &ani, j!({"department_id": sales, "place_id": secret}));
    let seen_by =
        |who: &Who| json(&app.get(&format!("/api/ideas/{id}"), Some(who)))["idea"].clone();
    assert_eq!(seen_by(&ani)["department"]["name"], "Penjualan");
    assert_eq!(seen_by(&ani)["place"]["name"], "Klien restricted");
    assert_eq!(
        seen_by(&budi)["place"],
        Value::Null,
        "a restricted place's name never reaches an outsider"
    );
    let other = idea(&app, &budi, j!({"place_id": open}));
    assert_eq!(
        json(&app.get(&format!("/api/ideas/{other}"), Some(&ani)))["idea"]["place"]["name"],
        "Klien all"
    );
}

#[test]
fn reviewers_and_leaders_thank_an_author_once_and_the_profile_counts_it() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let id = idea(&app, &ani, j!({}));
    let thank = format!("/api/ideas/{id}/thanks");
    let note = j!({"note": "Terima kasih, Ani!"});
    assert_error(
        &app.post(&thank, Some(&budi), note.clone()),
        403,
        "forbidden",
    );
    assert_error(
        &app.post(&thank, Some(&admin), j!({"note": ""})),
        400,
        "validation",
    );
    let detail = json(&app.get(&format!("/api/ideas/{id}"), Some(&admin)));
    assert_eq!(detail["can_thank"], true);
    for _ in 0..2 {
        let res = app.post(&thank, Some(&admin), note.clone());
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(json(&res)["thanks"].as_array().unwrap().len(), 1, "once");
        assert_eq!(json(&res)["can_thank"], false);
    }
    assert_eq!(kinds(&app, &ani), ["idea_thanks"], "the author hears once");
    assert_eq!(
        json(&app.get(&format!("/api/ideas/{id}"), Some(&ani)))["can_thank"],
        false,
        "not oneself"
    );

    // A round-table leader is a leader: they may thank too.
    let res = app.post(
        "/api/round-tables",
        Some(&admin),
        j!({"title": "Ask the board", "leaders": [budi.email], "opens_at": 0, "closes_at": 4_102_444_800_000_i64}),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    // The idea's page: the session lookup, the idea, its history, thanks, discussion and
    // whether the reader leads a round table, all in one round trip.
    let (detail, trips) = app.get_counting_round_trips(&format!("/api/ideas/{id}"), Some(&budi));
    let detail = json(&detail);
    assert_eq!(trips, 1, "the idea's page batched with the session lookup");
    assert_eq!(detail["can_thank"], true, "a leader now");
    assert_eq!(app.post(&thank, Some(&budi), note.clone()).status, 200);

    for status in ["under_review", "accepted", "in_progress", "implemented"] {
        let res = app.post(
            &format!("/api/ideas/{id}/status"),
            Some(&admin),
            j!({ "status": status }),
        );
        assert_eq!(res.status, 200);
    }
    idea(&app, &ani, j!({}));
    let profile = json(&app.get(&format!("/api/people/{}", ani.id), Some(&budi)));
    assert_eq!(
        profile["contributions"],
        j!({"ideas_submitted": 2, "ideas_implemented": 1, "thanks_received": 2})
    );
    assert_eq!(profile["recognition"][0]["idea"]["id"], id.as_str());
    assert_eq!(
        profile["recognition"][0]["thanks"]["note"],
        "Terima kasih, Ani!"
    );
    assert_error(
        &app.get("/api/people/01ARZ3NDEKTSV4RRFFQ69G5FAV", Some(&budi)),
        404,
        "not_found",
    );
}

/// A call from the outside system: a bearer token, no cookie, no browser headers.
fn from_tracker(app: &TestApp, token: &str, idea: &str, body: Value) -> ApiResponse {
    let mut req = request(
        "POST",
        &format!("/api/integrations/ideas/{idea}/status"),
        None,
        Some(body),
    );
    req.headers
        .retain(|(k, _)| k != "origin" && k != "sec-fetch-site");
    req.headers
        .push(("authorization".into(), format!("Bearer {token}")));
    app.send(req)
}

#[test]
fn an_outside_system_sets_status_with_a_token_an_admin_issued_and_can_revoke() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let id = idea(&app, &ani, j!({}));
    assert_error(
        &app.post("/api/api-tokens", Some(&ani), j!({"name": "Jira"})),
        403,
        "forbidden",
    );
    assert_error(
        &app.post("/api/api-tokens", Some(&admin), j!({"name": " "})),
        400,
        "validation",
    );
    let issued = json(&app.post("/api/api-tokens", Some(&admin), j!({"name": "Jira"})));
    let secret = issued["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("balai_") && secret.len() == 70);
    let listed = json(&app.get("/api/api-tokens", Some(&admin)));
    assert_eq!(listed[0]["name"], "Jira");
    assert!(
        listed[0].get("secret").is_none(),
        "the secret is shown once"
    );

    let res = from_tracker(&app, &secret, &id, j!({"status": "under_review"}));
    assert_eq!(res.status, 200, "{}", res.body);
    let again = from_tracker(&app, &secret, &id, j!({"status": "under_review"}));
    assert_eq!(again.status, 200, "a retry changes nothing");
    let history = json(&res)["history"].clone();
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["via"], "Jira");
    assert_eq!(history[0]["actor"]["id"], admin.id.as_str());
    assert_eq!(kinds(&app, &ani), ["idea_status"]);
    assert_error(
        &from_tracker(&app, &secret, &id, j!({"status": "implemented"})),
        409,
        "conflict",
    );
    assert_error(
        &from_tracker(&app, &secret, &id, j!({"status": "sideways"})),
        400,
        "bad_request",
    );
    let wrong = format!("balai_{}", "0".repeat(64));
    assert_error(
        &from_tracker(&app, &wrong, &id, j!({"status": "accepted"})),
        401,
        "unauthenticated",
    );
    assert_error(
        &from_tracker(&app, "", &id, j!({"status": "accepted"})),
        401,
        "unauthenticated",
    );
    // A cookie is not a token.
    assert_error(
        &app.post(
            &format!("/api/integrations/ideas/{id}/status"),
            Some(&admin),
            j!({"status": "accepted"}),
        ),
        401,
        "unauthenticated",
    );

    let token_id = issued["token"]["id"].as_str().unwrap();
    let revoke = format!("/api/api-tokens/{token_id}");
    assert_eq!(app.call("DELETE", &revoke, Some(&admin), None).status, 204);
    assert_error(
        &from_tracker(&app, &secret, &id, j!({"status": "accepted"})),
        401,
        "unauthenticated",
    );
    let actions: Vec<Value> = app
        .audit()
        .into_iter()
        .map(|a| a["action"].clone())
        .collect();
    for a in ["api_token.issue", "idea.under_review", "api_token.revoke"] {
        assert!(actions.contains(&Value::from(a)), "{a}: {actions:?}");
    }
}

/// The first admin, a second admin who issues a tracker token, a member's idea, and the
/// token's secret.
fn token_of_a_second_admin(app: &TestApp) -> (Who, Who, String, String) {
    let root = app.admin();
    let other = app.person("kepala@example.co.id", Role::Admin);
    let ani = app.member("ani");
    let id = idea(app, &ani, j!({}));
    let issued = json(&app.post("/api/api-tokens", Some(&other), j!({"name": "Tracker"})));
    let secret = issued["secret"].as_str().unwrap().to_string();
    (root, other, id, secret)
}

#[test]
fn a_token_stops_when_the_admin_who_issued_it_leaves() {
    let app = TestApp::new();
    let (root, other, id, secret) = token_of_a_second_admin(&app);
    let deactivate = format!("/api/people/{}/deactivate", other.id);
    assert_eq!(app.post(&deactivate, Some(&root), j!({})).status, 204);
    assert_error(
        &from_tracker(&app, &secret, &id, j!({"status": "under_review"})),
        401,
        "unauthenticated",
    );
}

#[test]
fn a_token_acts_with_the_rights_its_issuer_has_today() {
    let app = TestApp::new();
    let (root, other, id, secret) = token_of_a_second_admin(&app);
    let role = |role: &str| {
        let res = app.call(
            "PUT",
            &format!("/api/people/{}/role", other.id),
            Some(&root),
            Some(j!({ "role": role })),
        );
        assert_eq!(res.status, 204, "{}", res.body);
    };
    // Handed administration over: the token an admin issued no longer reviews ideas.
    role("member");
    assert_error(
        &from_tracker(&app, &secret, &id, j!({"status": "under_review"})),
        403,
        "forbidden",
    );
    role("admin");
    let res = from_tracker(&app, &secret, &id, j!({"status": "under_review"}));
    assert_eq!(res.status, 200, "{}", res.body);
}
