//! The audit log as admins read it: newest first, names resolved, narrowed to one person, paged
//! by cursor; closed to everyone else.

mod common;

use common::*;
use serde_json::{Value, json};

const NOW: i64 = 1_800_000_000_000;

fn log(app: &TestApp, who: &Who, query: &str) -> Value {
    let res = app.get(&format!("/api/audit{query}"), Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)
}

fn actions(page: &Value) -> Vec<(String, String)> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["target_name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn admins_read_who_did_what_to_whom_newest_first_and_by_person() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    app.set_grant(&admin, &ani, "communications", true);
    app.rt.advance(1000);
    let off = app.post(
        &format!("/api/people/{}/deactivate", budi.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(off.status, 204, "{}", off.body);
    app.rt.advance(1000);
    let dept = app.post(
        "/api/departments",
        Some(&admin),
        json!({ "name": "Logistik" }),
    );
    assert_eq!(dept.status, 201, "{}", dept.body);

    // Closed to members, and to no one at all.
    assert_error(&app.get("/api/audit", Some(&ani)), 403, "forbidden");
    assert_error(&app.get("/api/audit", None), 401, "unauthenticated");

    let page = log(&app, &admin, "");
    assert_eq!(
        actions(&page),
        vec![
            ("department.create".to_string(), "Logistik".to_string()),
            ("person.deactivate".to_string(), "budi".to_string()),
            ("person.communications.grant".to_string(), "ani".to_string()),
        ]
    );
    let latest = &page["items"][1];
    assert_eq!(latest["actor"]["id"], admin.id.as_str());
    assert_eq!(latest["target"], budi.id.as_str());
    assert_eq!(latest["at"], NOW + 1000);
    assert_eq!(page["next_cursor"], Value::Null);

    // One person: what was done to them, or what they did.
    assert_eq!(
        actions(&log(&app, &admin, &format!("?person={}", budi.id))),
        vec![("person.deactivate".to_string(), "budi".to_string())]
    );
    assert_eq!(
        actions(&log(&app, &admin, &format!("?person={}", admin.id))).len(),
        3
    );
    assert_eq!(
        actions(&log(&app, &admin, "?person=nobody00000000000000000000")).len(),
        0
    );
    assert_error(
        &app.get("/api/audit?person=%3Cx%3E", Some(&admin)),
        404,
        "not_found",
    );
    assert_error(
        &app.get("/api/audit?cursor=bad", Some(&admin)),
        400,
        "bad_request",
    );
}

#[test]
fn the_log_pages_by_cursor_without_gaps_or_repeats() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let ani = app.member("ani");
    // 61 entries, in threes sharing a millisecond (the cursor breaks ties by id), spread over
    // a few minutes (an admin's writes are rate-limited too).
    for i in 0..61 {
        app.set_grant(&admin, &ani, "communications", i % 2 == 0);
        if i % 3 == 2 {
            app.rt.advance(5_000);
        }
    }
    let mut seen: Vec<(i64, String)> = Vec::new();
    let mut query = String::new();
    loop {
        let page = log(&app, &admin, &query);
        seen.extend(page["items"].as_array().unwrap().iter().map(|e| {
            (
                e["at"].as_i64().unwrap(),
                e["id"].as_str().unwrap().to_string(),
            )
        }));
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("?cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 61);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(seen, sorted, "newest first, each once");
}

/// The log reads in the admin's language: what was done in words, counts and the people a
/// stored id stands for by name; the stable code stays for tools.
#[test]
fn entries_read_in_the_admins_language() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let body = "**Jadwal shift** minggu depan sudah keluar: gudang Medan mulai jam enam pagi, \
                gudang Binjai jam tujuh.";
    let post = app.new_post(&ani, body);
    // A post is named by its first words, without markdown: at most 80 characters, cut after a
    // whole word with an ellipsis.
    let first_words = "Jadwal shift minggu depan sudah keluar: gudang Medan mulai jam enam pagi,…";
    app.rt.advance(1000);
    let gone = app.call("DELETE", &format!("/api/posts/{post}"), Some(&admin), None);
    assert_eq!(gone.status, 204, "{}", gone.body);
    app.rt.advance(1000);
    app.set_grant(&admin, &budi, "hr", true);

    let read = |accept_language: &str| {
        let mut req = request("GET", "/api/audit", Some(&admin), None);
        req.headers
            .push(("accept-language".into(), accept_language.into()));
        let res = app.send(req);
        assert_eq!(res.status, 200, "{}", res.body);
        json(&res)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["action"].as_str().unwrap().to_string(),
                    e["summary"].as_str().unwrap().to_string(),
                    e["target_name"].as_str().unwrap_or("").to_string(),
                    e["detail"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let row = |a: &str, s: &str, t: &str, d: &str| (a.into(), s.into(), t.into(), d.into());
    assert_eq!(
        read("id-ID,id;q=0.9"),
        vec![
            row("person.hr.grant", "memberi hak SDM kepada", "budi", ""),
            row(
                "post.delete",
                "menghapus postingan",
                first_words,
                "oleh ani"
            ),
        ]
    );
    assert_eq!(
        read("en"),
        vec![
            row("person.hr.grant", "gave HR rights to", "budi", ""),
            row("post.delete", "deleted the post", first_words, "by ani"),
        ]
    );
}
