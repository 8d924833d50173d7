//! Reports: anyone flags a post or comment they can read; those who moderate hear of it once and
//! decide from their queue whether it stays or goes.

mod common;

use common::*;
use serde_json::{Value, json as j};

const NOW: i64 = 1_800_000_000_000;

/// A status and its JSON body.
type ApiResult = (u16, Value);

fn report(app: &TestApp, who: &Who, target: &str, id: &str, reason: &str, note: &str) -> ApiResult {
    let res = app.post(
        "/api/reports",
        Some(who),
        j!({ "target": target, "id": id, "reason": reason, "note": note }),
    );
    (
        res.status,
        serde_json::from_str(&res.body).unwrap_or(Value::Null),
    )
}

/// A company at `NOW`: its admin, Ani and Budi, and Citra, granted 'moderation'.
fn company() -> (TestApp, [Who; 4]) {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let (admin, ani, budi, citra) = (
        app.admin(),
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
    );
    app.set_grant(&admin, &citra, "moderation", true);
    (app, [admin, ani, budi, citra])
}

fn queue(app: &TestApp, who: &Who) -> Vec<Value> {
    let res = app.get("/api/reports", Some(who));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)["items"].as_array().unwrap().clone()
}

fn notifications_of(app: &TestApp, who: &Who, kind: &str) -> Vec<Value> {
    json(&app.get("/api/notifications", Some(who)))["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

fn report_notifications(app: &TestApp, who: &Who) -> Vec<Value> {
    notifications_of(app, who, "report")
}

/// `who` is away today (`NOW`'s day and the next) with `deputy` covering.
fn away_today(app: &TestApp, who: &Who, deputy: &Who) {
    let away = j!({ "starts_on": "2027-01-15", "ends_on": "2027-01-16", "deputy_id": deputy.id });
    let path = format!("/api/people/{}/absence", who.id);
    let res = app.call("PUT", &path, Some(who), Some(away));
    assert_eq!(res.status, 200, "{}", res.body);
}

fn reports_rows(app: &TestApp) -> i64 {
    app.rows("SELECT COUNT(*) AS n FROM reports")[0]["n"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_report_reaches_moderators_once_and_a_repeat_changes_nothing() {
    let (app, [admin, ani, budi, citra]) = company();
    let dewi = app.member("dewi");
    let post = app.new_post(&budi, "Gaji semua orang ada di lampiran ini");

    let (status, first) = report(&app, &ani, "post", &post, "confidential", "");
    assert_eq!(status, 201, "{first}");
    assert_eq!(first, j!({ "reported_at": NOW }));
    // A second tap (or a retry after a lost answer) keeps the first report.
    app.rt.set_now(NOW + 5000);
    let (status, again) = report(&app, &ani, "post", &post, "spam", "changed my mind");
    assert_eq!((status, again), (200, j!({ "reported_at": NOW })));
    assert_eq!(reports_rows(&app), 1);

    // The admin and the moderator hear of it once, as Ani's report; nobody else does, and the
    // author never learns who reported.
    for who in [&admin, &citra] {
        let heard = report_notifications(&app, who);
        assert_eq!(heard.len(), 1, "{heard:?}");
        assert_eq!(heard[0]["actor"]["id"], ani.id.as_str());
        assert_eq!(heard[0]["post_id"], post.as_str());
    }
    for who in [&budi, &dewi, &ani] {
        assert!(report_notifications(&app, who).is_empty());
    }
    // Dewi's report of the same post joins the queue, and tells the moderators nothing new.
    let (status, _) = report(&app, &dewi, "post", &post, "other", "Data pribadi karyawan");
    assert_eq!(status, 201);
    assert_eq!(report_notifications(&app, &citra).len(), 1);

    let items = queue(&app, &citra);
    assert_eq!(items.len(), 1, "{items:?}");
    let item = &items[0];
    assert_eq!(item["target"], "post");
    assert_eq!(item["id"], post.as_str());
    assert_eq!(item["link"], format!("/p/{post}"));
    assert_eq!(item["author"]["id"], budi.id.as_str());
    assert!(item["body_html"].as_str().unwrap().contains("lampiran"));
    let entries = item["reports"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["reporter"]["id"], ani.id.as_str());
    assert_eq!(entries[0]["reason"], "confidential");
    assert_eq!(entries[1]["reason"], "other");
    assert_eq!(entries[1]["note"], "Data pribadi karyawan");
}

#[test]
fn only_moderators_see_the_queue_and_decide() {
    let (app, [admin, ani, budi, citra]) = company();
    app.set_grant(&admin, &citra, "moderation", false);
    let post = app.new_post(&budi, "Promo pulsa murah, hubungi saya");
    assert_eq!(report(&app, &ani, "post", &post, "spam", "").0, 201);

    // Members (Citra's grant withdrawn): 403 on the queue and on a decision, which changes nothing.
    for who in [&ani, &budi, &citra] {
        assert_error(&app.get("/api/reports", Some(who)), 403, "forbidden");
        let res = app.post(
            &format!("/api/reports/post/{post}/decision"),
            Some(who),
            j!({ "remove": true }),
        );
        assert_error(&res, 403, "forbidden");
    }
    assert_eq!(
        app.get(&format!("/api/posts/{post}"), Some(&ani)).status,
        200
    );
    assert_error(&app.get("/api/reports", None), 401, "unauthenticated");

    // A moderator (granted again, then withdrawn) and an admin.
    app.set_grant(&admin, &citra, "moderation", true);
    assert_eq!(queue(&app, &citra).len(), 1);
    app.set_grant(&admin, &citra, "moderation", false);
    assert_error(&app.get("/api/reports", Some(&citra)), 403, "forbidden");
    assert_eq!(queue(&app, &admin).len(), 1);
}

#[test]
fn removing_deletes_it_and_keeping_dismisses_the_reports_audited() {
    let (app, [admin, ani, budi, citra]) = company();
    let rude = app.new_post(&budi, "Kalian semua bodoh");
    let fine = app.new_post(&budi, "Rapat jam 9");
    let comment = json(&app.post(
        &format!("/api/posts/{fine}/comments"),
        Some(&ani),
        j!({ "body": "Beli di toko saya, murah!" }),
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(report(&app, &ani, "post", &rude, "harassment", "").0, 201);
    app.rt.set_now(NOW + 1);
    assert_eq!(report(&app, &ani, "post", &fine, "misleading", "").0, 201);
    app.rt.set_now(NOW + 2);
    assert_eq!(report(&app, &budi, "comment", &comment, "spam", "").0, 201);
    let queued: Vec<Value> = queue(&app, &citra)
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(queued, [j!(rude), j!(fine), j!(comment)]);

    // Removing: the post goes (a moderator's delete, audited as such), its reports close.
    let decide = |target: &str, id: &str, remove: bool| {
        app.post(
            &format!("/api/reports/{target}/{id}/decision"),
            Some(&citra),
            j!({ "remove": remove }),
        )
    };
    let res = decide("post", &rude, true);
    assert_eq!((res.status, json(&res)), (200, j!({ "closed": 1 })));
    assert_error(
        &app.get(&format!("/api/posts/{rude}"), Some(&ani)),
        404,
        "not_found",
    );
    // A retry after a lost answer closes nothing more and fails nothing.
    let res = decide("post", &rude, true);
    assert_eq!((res.status, json(&res)), (200, j!({ "closed": 0 })));

    // Keeping: the post stays, the dismissal is audited with the number of reports. (Each
    // decision its own request, at its own time.)
    app.rt.set_now(NOW + 3);
    let res = decide("post", &fine, false);
    assert_eq!(json(&res), j!({ "closed": 1 }));
    assert_eq!(
        app.get(&format!("/api/posts/{fine}"), Some(&ani)).status,
        200
    );
    // A comment, removed.
    app.rt.set_now(NOW + 4);
    assert_eq!(
        json(&decide("comment", &comment, true)),
        j!({ "closed": 1 })
    );
    let thread = json(&app.get(&format!("/api/posts/{fine}"), Some(&ani)));
    assert!(thread["comments"].as_array().unwrap().is_empty());
    assert!(queue(&app, &citra).is_empty());
    // Their authors hear that the moderator removed them: Ani's comment's post is still there
    // to open, Budi's post is not.
    let removed = |who: &Who| -> Vec<(Value, Value)> {
        notifications_of(&app, who, "removed")
            .iter()
            .map(|n| (n["actor"]["id"].clone(), n["post_id"].clone()))
            .collect()
    };
    assert_eq!(removed(&ani), [(j!(citra.id), j!(fine))]);
    assert_eq!(removed(&budi), [(j!(citra.id), Value::Null)]);
    // The post is gone, so it is not linked; but Budi is shown his words, to know which it was.
    let told = &notifications_of(&app, &budi, "removed")[0];
    assert_eq!(told["excerpt"], "Kalian semua bodoh");
    assert_eq!(told["quote"], Value::Null);
    // Ani is quoted her removed comment, under the words of the post it was on.
    let told = &notifications_of(&app, &ani, "removed")[0];
    assert_eq!(told["quote"], "Beli di toko saya, murah!");
    assert_eq!(told["excerpt"], "Rapat jam 9");
    // What one deletes oneself tells nobody.
    let own = app.new_post(&budi, "Salah ketik");
    assert_eq!(
        app.call("DELETE", &format!("/api/posts/{own}"), Some(&budi), None)
            .status,
        204
    );
    assert_eq!(removed(&budi).len(), 1);

    let audit = app.audit();
    let actions: Vec<&str> = audit
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"post.delete"), "{actions:?}");
    assert!(actions.contains(&"comment.delete"), "{actions:?}");
    let dismissed: Vec<&Value> = audit
        .iter()
        .filter(|a| a["action"] == "report.dismiss")
        .collect();
    assert_eq!(dismissed.len(), 1);
    assert_eq!(dismissed[0]["target"], fine.as_str());
    let log = json(&app.get("/api/audit", Some(&admin)));
    let entry = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "report.dismiss")
        .unwrap()
        .clone();
    assert_eq!(entry["summary"], "dismissed the reports on");
    assert_eq!(entry["detail"], "1 report");
    assert_eq!(entry["target_name"], "Rapat jam 9");

    // A later report by someone else opens it again; the same person's does not.
    assert_eq!(report(&app, &ani, "post", &fine, "misleading", "").0, 200);
    assert!(queue(&app, &citra).is_empty());
    assert_eq!(report(&app, &citra, "post", &fine, "spam", "").0, 201);
    assert_eq!(queue(&app, &admin).len(), 1);
}

#[test]
fn reporters_hear_how_it_ended_and_a_retried_decision_tells_nobody_again() {
    let (app, [_, ani, budi, citra]) = company();
    let (dewi, eko) = (app.member("dewi"), app.member("eko"));
    // Ani is away with Eko covering: how her report ended is still hers alone.
    away_today(&app, &ani, &eko);
    let rude = app.new_post(&budi, "Dasar pemalas semua");
    let fine = app.new_post(&budi, "Rapat jam 9 di ruang Merapi");
    let res = app.post(
        &format!("/api/posts/{fine}/comments"),
        Some(&budi),
        j!({ "body": "Beli pulsa murah di sini" }),
    );
    let comment = json(&res)["id"].as_str().unwrap().to_string();
    for who in [&ani, &dewi] {
        assert_eq!(report(&app, who, "post", &rude, "harassment", "").0, 201);
    }
    assert_eq!(report(&app, &ani, "comment", &comment, "spam", "").0, 201);
    assert_eq!(report(&app, &dewi, "post", &fine, "misleading", "").0, 201);

    let decide = |target: &str, id: &str, remove: bool| {
        let res = app.post(
            &format!("/api/reports/{target}/{id}/decision"),
            Some(&citra),
            j!({ "remove": remove }),
        );
        assert_eq!(res.status, 200, "{}", res.body);
        json(&res)["closed"].as_i64().unwrap()
    };
    app.rt.set_now(NOW + 1000);
    assert_eq!(decide("post", &rude, true), 2);
    app.rt.set_now(NOW + 2000);
    assert_eq!(decide("comment", &comment, true), 1);
    app.rt.set_now(NOW + 3000);
    assert_eq!(decide("post", &fine, false), 1);

    // Both reporters of the removed post hear it from the moderator. The post is gone, so
    // the notification leads nowhere; a removed comment's post is still there to open.
    let removed = |who: &Who| -> Vec<(Value, Value)> {
        notifications_of(&app, who, "report_removed")
            .iter()
            .map(|n| (n["actor"]["id"].clone(), n["post_id"].clone()))
            .collect()
    };
    let by_citra = j!(citra.id);
    assert_eq!(
        removed(&ani),
        [
            (by_citra.clone(), j!(fine)),
            (by_citra.clone(), Value::Null)
        ]
    );
    assert_eq!(removed(&dewi), [(by_citra.clone(), Value::Null)]);
    // Nor are its words shown again to those who reported it, a comment's nor a post's.
    let gone = &notifications_of(&app, &dewi, "report_removed")[0];
    assert_eq!(gone["excerpt"], Value::Null);
    let gone = &notifications_of(&app, &ani, "report_removed")[0];
    assert_eq!(
        (gone["quote"].clone(), gone["excerpt"].clone()),
        (Value::Null, j!("Rapat jam 9 di ruang Merapi"))
    );
    let kept = notifications_of(&app, &dewi, "report_kept");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["post_id"], fine.as_str());
    assert_eq!(kept[0]["excerpt"], "Rapat jam 9 di ruang Merapi");
    assert!(notifications_of(&app, &ani, "report_kept").is_empty());
    // The author learns nothing of the reports, and Ani's deputy nothing of hers.
    for who in [&budi, &eko] {
        let all = json(&app.get("/api/notifications", Some(who)))["items"].clone();
        let kinds: Vec<&Value> = all.as_array().unwrap().iter().map(|n| &n["kind"]).collect();
        assert!(
            !kinds.contains(&&j!("report_removed")) && !kinds.contains(&&j!("report_kept")),
            "{kinds:?}"
        );
    }

    // A retried decision (its answer lost) closes nothing and tells nobody again.
    let before = app.rows("SELECT COUNT(*) AS n FROM notifications")[0]["n"].clone();
    app.rt.set_now(NOW + 4000);
    assert_eq!(decide("post", &rude, true), 0);
    assert_eq!(decide("post", &fine, false), 0);
    assert_eq!(
        app.rows("SELECT COUNT(*) AS n FROM notifications")[0]["n"],
        before
    );
}

#[test]
fn once_decided_a_report_is_read_for_every_moderator() {
    let (app, [admin, ani, budi, citra]) = company();
    let post = app.new_post(&budi, "Promo pulsa murah");
    let res = app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        j!({ "body": "Hubungi saya, **diskon** 50%" }),
    );
    let comment = json(&res)["id"].as_str().unwrap().to_string();
    assert_eq!(report(&app, &ani, "post", &post, "spam", "").0, 201);
    app.rt.set_now(NOW + 1);
    assert_eq!(report(&app, &ani, "comment", &comment, "spam", "").0, 201);
    // Each moderator is told of both; the comment's report quotes it, under its post.
    let unread_reports = |who: &Who| -> Vec<Value> {
        report_notifications(&app, who)
            .iter()
            .filter(|n| n["read"] == false)
            .map(|n| n["quote"].clone())
            .collect()
    };
    for who in [&admin, &citra] {
        assert_eq!(
            unread_reports(who),
            [j!("Hubungi saya, diskon 50%"), Value::Null]
        );
    }
    let of_comment = &report_notifications(&app, &admin)[0];
    assert_eq!(of_comment["excerpt"], "Promo pulsa murah");
    // In the queue, the comment's link opens its post at it.
    let links: Vec<Value> = queue(&app, &citra)
        .iter()
        .map(|i| i["link"].clone())
        .collect();
    assert_eq!(
        links,
        [
            j!(format!("/p/{post}")),
            j!(format!("/p/{post}#c-{comment}"))
        ]
    );

    // Citra keeps the post: nothing is left for the admin to do about it, so its
    // notification is read for both; the comment's is still waiting.
    let decide = |target: &str, id: &str| {
        let path = format!("/api/reports/{target}/{id}/decision");
        let res = app.post(&path, Some(&citra), j!({ "remove": false }));
        assert_eq!(json(&res), j!({ "closed": 1 }));
    };
    app.rt.set_now(NOW + 2);
    decide("post", &post);
    for who in [&admin, &citra] {
        assert_eq!(unread_reports(who), [j!("Hubungi saya, diskon 50%")]);
    }
    app.rt.set_now(NOW + 3);
    decide("comment", &comment);
    for who in [&admin, &citra] {
        assert!(unread_reports(who).is_empty());
        assert_eq!(
            report_notifications(&app, who).len(),
            2,
            "still listed, as read"
        );
    }
    // The admin's unread count no longer counts them.
    let unread = json(&app.get("/api/notifications/unread", Some(&admin)))["unread"].clone();
    assert_eq!(unread, 0);
}

#[test]
fn what_one_may_not_read_cannot_be_reported_nor_is_queued() {
    let (app, [admin, ani, budi, citra]) = company();
    let group = app.create_group(&ani, "Tim Rahasia", "secret");
    let hidden = app.post_in(&ani, &group, "Rencana akuisisi");
    // Budi is not in the group: as if the post did not exist.
    let (status, body) = report(&app, &budi, "post", &hidden, "spam", "");
    assert_eq!((status, body["code"].clone()), (404, j!("not_found")));
    assert_eq!(reports_rows(&app), 0);

    // Ani reports within her group: the admin hears and sees it; Citra, a moderator outside
    // the group, neither hears of it nor sees it in her queue.
    app.rt.set_now(NOW + 1);
    assert_eq!(
        report(&app, &ani, "post", &hidden, "other", "Salah grup").0,
        201
    );
    assert_eq!(report_notifications(&app, &admin).len(), 1);
    assert!(report_notifications(&app, &citra).is_empty());
    assert!(queue(&app, &citra).is_empty());
    assert_eq!(queue(&app, &admin).len(), 1);
    let res = app.post(
        &format!("/api/reports/post/{hidden}/decision"),
        Some(&citra),
        j!({ "remove": false }),
    );
    assert_error(&res, 404, "not_found");

    // A post its author deleted leaves the queue.
    let gone = app.new_post(&budi, "Salah ketik");
    assert_eq!(report(&app, &ani, "post", &gone, "misleading", "").0, 201);
    assert_eq!(queue(&app, &admin).len(), 2);
    assert_eq!(
        app.call("DELETE", &format!("/api/posts/{gone}"), Some(&budi), None)
            .status,
        204
    );
    assert_eq!(queue(&app, &admin).len(), 1);
}

#[test]
fn bad_reports_are_refused_and_write_nothing() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let post = app.new_post(&budi, "Halo");
    let long = "x".repeat(501);
    let cases: [(Value, u16, &str, Option<&str>); 7] = [
        (
            j!({ "target": "post", "id": post, "reason": "other", "note": "" }),
            400,
            "validation",
            Some("note"),
        ),
        (
            j!({ "target": "post", "id": post, "reason": "spam", "note": long }),
            400,
            "validation",
            Some("note"),
        ),
        (
            j!({ "target": "post", "id": post, "reason": "boring" }),
            400,
            "bad_request",
            None,
        ),
        (
            j!({ "target": "poll", "id": post, "reason": "spam" }),
            400,
            "bad_request",
            None,
        ),
        (
            j!({ "target": "post", "reason": "spam" }),
            400,
            "validation",
            Some("id"),
        ),
        (
            j!({ "target": "post", "id": "../etc", "reason": "spam" }),
            404,
            "not_found",
            None,
        ),
        (
            j!({ "target": "comment", "id": post, "reason": "spam" }),
            404,
            "not_found",
            None,
        ),
    ];
    for (body, status, code, field) in cases {
        let res = app.post("/api/reports", Some(&ani), body.clone());
        assert_error(&res, status, code);
        assert_eq!(json(&res)["field"].as_str(), field, "{body}");
    }
    assert_eq!(reports_rows(&app), 0);
    let admin = app.admin();
    let res = app.post(
        &format!("/api/reports/poll/{post}/decision"),
        Some(&admin),
        j!({ "remove": true }),
    );
    assert_error(&res, 404, "not_found");
    let res = app.post(
        &format!("/api/reports/post/{post}/decision"),
        Some(&admin),
        j!({}),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "remove");
    assert_eq!(
        app.get(&format!("/api/posts/{post}"), Some(&ani)).status,
        200
    );
    assert_error(
        &app.get("/api/reports?cursor=junk", Some(&admin)),
        400,
        "bad_request",
    );
}

#[test]
fn idea_comments_are_reported_and_the_queue_pages_by_cursor() {
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let (admin, ani, budi) = (app.admin(), app.member("ani"), app.member("budi"));
    let idea = json(&app.post(
        "/api/ideas",
        Some(&ani),
        j!({ "title": "Kotak bekas dipakai ulang", "body": "Ratusan per minggu.", "category": "cost" }),
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let comment = json(&app.post(
        &format!("/api/ideas/{idea}/comments"),
        Some(&budi),
        j!({ "body": "Ide bodoh" }),
    ))["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        report(&app, &ani, "idea_comment", &comment, "harassment", "").0,
        201
    );
    let heard = report_notifications(&app, &admin);
    assert_eq!(heard[0]["idea_id"], idea.as_str());
    assert_eq!(
        (heard[0]["quote"].clone(), heard[0]["excerpt"].clone()),
        (j!("Ide bodoh"), j!("Kotak bekas dipakai ulang"))
    );
    let items = queue(&app, &admin);
    assert_eq!(items[0]["link"], format!("/ideas/{idea}#c-{comment}"));

    // 25 reported posts: a page of 20, then the rest.
    for i in 0..25 {
        app.rt.set_now(NOW + 10 + i);
        let post = app.new_post(&budi, &format!("Iklan {i}"));
        assert_eq!(report(&app, &ani, "post", &post, "spam", "").0, 201);
    }
    let first = json(&app.get("/api/reports", Some(&admin)));
    assert_eq!(first["items"].as_array().unwrap().len(), 20);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = json(&app.get(&format!("/api/reports?cursor={cursor}"), Some(&admin)));
    assert_eq!(rest["items"].as_array().unwrap().len(), 6);
    assert_eq!(rest["next_cursor"], Value::Null);
}

#[test]
fn a_moderators_deputy_does_not_hear_of_reports() {
    let (app, [admin, ani, budi, citra]) = company();
    let dewi = app.member("dewi");
    // Citra, who moderates, is away today with Dewi covering; the admin is not.
    away_today(&app, &citra, &dewi);
    let post = app.new_post(&budi, "Promo pulsa");
    assert_eq!(report(&app, &ani, "post", &post, "spam", "").0, 201);
    assert_eq!(report_notifications(&app, &citra).len(), 1);
    assert_eq!(report_notifications(&app, &admin).len(), 1);
    // Moderating is Citra's own right: her deputy neither hears nor sees the queue.
    assert!(report_notifications(&app, &dewi).is_empty());
    assert_error(&app.get("/api/reports", Some(&dewi)), 403, "forbidden");
}

#[test]
fn the_queue_reads_open_reports_only_however_many_were_decided() {
    let (app, [admin, ani, budi, _]) = company();
    let post = app.new_post(&budi, "Promo pulsa");
    assert_eq!(report(&app, &ani, "post", &post, "spam", "").0, 201);
    let steps = |app: &TestApp| {
        let before = app.rt.db.vm_steps();
        assert_eq!(queue(app, &admin).len(), 1);
        app.rt.db.vm_steps() - before
    };
    let few = steps(&app);
    // 500 reports decided long ago, on other posts: the queue walks the same.
    app.execute(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
         INSERT INTO reports (target, target_id, reporter_id, reason, created_at, decided_at)
         SELECT 'post', 'old' || i, '{}', 'spam', i, i + 1 FROM n",
        ani.id
    ));
    assert_eq!(steps(&app), few);
    eprintln!("the moderation queue with one open report: {few} SQLite steps");
}
