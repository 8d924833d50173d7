//! Work pages: who edits what (official fields for admins and HR, with history), absences and
//! deputy delivery, the directory, expert ranking, the org chart and the week's celebrations.

mod common;

use balai_functions::http::ApiResponse;
use balai_functions::service::wib::{DAY_MS, parse_wib};
use balai_protocol::auth::Role;
use common::{TestApp, Who, assert_error, item_names, json, urlencode};
use serde_json::{Value, json as j};

/// 1 December 2026, 09:00 WIB.
fn morning() -> i64 {
    parse_wib("2026-12-01 09:00").unwrap()
}

fn app() -> TestApp {
    let app = TestApp::new();
    app.rt.set_now(morning());
    app
}

fn profile(app: &TestApp, reader: &Who, of: &Who) -> Value {
    let res = app.get(&format!("/api/people/{}", of.id), Some(reader));
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)
}

/// A full own-page edit: `changes` over empty fields.
fn edit_own(app: &TestApp, by: &Who, of: &Who, changes: Value) -> ApiResponse {
    let mut page = j!({ "phone": "", "competencies": [], "responsibilities": "", "hobbies": "",
                        "birthday": null, "birthday_public": true });
    page.as_object_mut()
        .unwrap()
        .extend(changes.as_object().unwrap().clone());
    app.call(
        "PUT",
        &format!("/api/people/{}/profile", of.id),
        Some(by),
        Some(page),
    )
}

fn official(app: &TestApp, by: &Who, of: &Who, body: Value) -> ApiResponse {
    app.call(
        "PUT",
        &format!("/api/people/{}/official", of.id),
        Some(by),
        Some(body),
    )
}

#[test]
fn a_person_edits_their_own_page_and_nobody_elses() {
    let app = app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let res = edit_own(
        &app,
        &ani,
        &ani,
        j!({"phone": "+62 812-3456-7890", "competencies": ["Forklift", "K3 safety, forklift"],
            "responsibilities": "Gudang Surabaya", "hobbies": "Futsal", "birthday": "2-29"}),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let page = json(&res);
    assert_eq!(
        page["competencies"],
        j!(["Forklift", "K3 safety"]),
        "duplicates dropped"
    );
    assert_eq!(page["birthday"], "02-29");
    assert_eq!(page["can_edit"], true);
    assert_eq!(page["can_edit_official"], false);

    for (body, field) in [
        (j!({"phone": "call me"}), "phone"),
        (j!({"birthday": "02-30"}), "birthday"),
        (
            j!({"competencies": (0..21).map(|i| format!("c{i}")).collect::<Vec<_>>()}),
            "competencies",
        ),
        (j!({"hobbies": "x".repeat(301)}), "hobbies"),
    ] {
        let res = edit_own(&app, &ani, &ani, body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field);
    }
    let seen = profile(&app, &budi, &ani);
    assert_eq!(
        seen["phone"], "+62 812-3456-7890",
        "a refused edit changes nothing"
    );
    assert_eq!(seen["can_edit"], false);
    assert_error(&edit_own(&app, &budi, &ani, j!({})), 403, "forbidden");

    // A private birthday is hidden from colleagues, not from its owner.
    edit_own(
        &app,
        &ani,
        &ani,
        j!({"birthday": "12-02", "birthday_public": false}),
    );
    assert_eq!(profile(&app, &budi, &ani)["birthday"], Value::Null);
    assert_eq!(profile(&app, &ani, &ani)["birthday"], "12-02");
}

#[test]
fn official_fields_are_for_admins_and_hr_and_every_change_is_kept() {
    let app = app();
    let sales = app.department("Penjualan");
    let admin = app.admin();
    let (ani, budi, sari) = (app.member("ani"), app.member("budi"), app.member("sari"));
    let promote = j!({"position": "Kepala Gudang", "department_id": sales, "manager_id": budi.id,
                      "start_date": "2019-12-03"});
    assert_error(
        &official(&app, &ani, &ani, promote.clone()),
        403,
        "forbidden",
    );
    assert_error(
        &official(&app, &sari, &ani, promote.clone()),
        403,
        "forbidden",
    );
    app.set_grant(&admin, &sari, "hr", true);
    let res = official(&app, &sari, &ani, promote.clone());
    assert_eq!(res.status, 200, "{}", res.body);
    let page = json(&res);
    assert_eq!(page["position"], "Kepala Gudang");
    assert_eq!(page["department"]["name"], "Penjualan");
    assert_eq!(page["manager"]["name"], "budi");
    assert_eq!(page["start_date"], "2019-12-03");
    assert_eq!(
        official(&app, &sari, &ani, promote).status,
        200,
        "the same again is harmless"
    );

    for (body, field) in [
        (j!({"manager_id": ani.id}), "manager_id"),
        (
            j!({"department_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}),
            "department_id",
        ),
        (j!({"start_date": "03/12/2019"}), "start_date"),
        (j!({"position": "x".repeat(81)}), "position"),
    ] {
        let res = official(&app, &admin, &ani, body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field);
    }
    // Budi manages Ani: Ani cannot become Budi's manager.
    let res = official(&app, &admin, &budi, j!({"manager_id": ani.id}));
    assert_error(&res, 400, "validation");
    assert!(json(&res)["message"].as_str().unwrap().contains("circle"));

    app.rt.advance(60_000);
    let res = official(&app, &admin, &ani, j!({"position": "Manajer Gudang"}));
    let history = json(&res)["history"].clone();
    let fields: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["field"].as_str().unwrap(),
                h["actor"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("position", "admin"),
            ("start_date", "sari"),
            ("manager", "sari"),
            ("department", "sari"),
            ("position", "sari"),
        ]
    );
    assert_eq!(history[0]["old_value"], "Kepala Gudang");
    assert_eq!(history[0]["new_value"], "Manajer Gudang");
    assert_eq!(
        profile(&app, &budi, &ani)["history"],
        j!([]),
        "the history is for the person, admins and HR"
    );
    assert_eq!(
        profile(&app, &ani, &ani)["history"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let audited = app
        .audit()
        .into_iter()
        .filter(|a| a["action"] == "person.official")
        .count();
    assert_eq!(audited, 2, "one per edit that changed something");
}

fn absence(app: &TestApp, by: &Who, of: &Who, body: Value) -> ApiResponse {
    app.call(
        "PUT",
        &format!("/api/people/{}/absence", of.id),
        Some(by),
        Some(body),
    )
}

/// Notifications of `who`: (kind, for whom) pairs, newest first.
fn received(app: &TestApp, who: &Who) -> Vec<(String, Option<String>)> {
    json(&app.get("/api/notifications", Some(who)))["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_string(),
                n["for_person"]["name"].as_str().map(String::from),
            )
        })
        .collect()
}

#[test]
fn while_someone_is_away_their_deputy_also_hears_and_then_it_stops() {
    let app = app();
    let admin = app.admin();
    let (ani, budi, citra, dewi) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dewi"),
    );
    let away = j!({"starts_on": "2026-12-01", "ends_on": "2026-12-03", "deputy_id": budi.id,
                   "note": "Cuti tahunan"});
    assert_error(&absence(&app, &citra, &ani, away.clone()), 403, "forbidden");
    for (body, field) in [
        (
            j!({"starts_on": "2026-12-05", "ends_on": "2026-12-03", "deputy_id": budi.id}),
            "ends_on",
        ),
        (
            j!({"starts_on": "2026-11-01", "ends_on": "2026-11-03", "deputy_id": budi.id}),
            "ends_on",
        ),
        (
            j!({"starts_on": "1 Dec", "ends_on": "2026-12-03", "deputy_id": budi.id}),
            "starts_on",
        ),
        (
            j!({"starts_on": "2026-12-01", "ends_on": "2026-12-03", "deputy_id": ani.id}),
            "deputy_id",
        ),
    ] {
        let res = absence(&app, &ani, &ani, body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field);
    }
    let res = absence(&app, &ani, &ani, away.clone());
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(
        json(&res)["ends_at"],
        parse_wib("2026-12-04").unwrap(),
        "back at midnight after the last day"
    );
    assert_eq!(
        absence(&app, &ani, &ani, away).status,
        200,
        "a retry replaces it"
    );
    let page = profile(&app, &citra, &ani);
    assert_eq!(page["away"]["deputy"]["name"], "budi");
    assert_eq!(page["away"]["note"], "Cuti tahunan");
    let card = json(&app.get("/api/directory?q=ani", Some(&citra)))["items"][0].clone();
    assert_eq!(card["away_until"], parse_wib("2026-12-04").unwrap());

    app.new_post(&citra, "Tolong cek stok, @ani");
    assert_eq!(received(&app, &ani), [("mention".to_string(), None)]);
    assert_eq!(
        received(&app, &budi),
        [("mention".to_string(), Some("ani".to_string()))],
        "the deputy hears, marked for Ani"
    );

    // A closed group's post never reaches a deputy outside it.
    let group = app.create_group(&citra, "Proyek Rahasia", "closed");
    let join = app.post(&format!("/api/groups/{group}/join"), Some(&ani), j!({}));
    assert_eq!(join.status, 200, "{}", join.body);
    let approve = app.post(
        &format!("/api/groups/{group}/members/{}/approve", ani.id),
        Some(&citra),
        j!({}),
    );
    assert!(approve.status < 300, "{}", approve.body);
    app.post_in(&citra, &group, "Rapat besok, @ani");
    assert_eq!(received(&app, &ani).len(), 2);
    assert_eq!(received(&app, &budi).len(), 1);

    // What Budi handled for Ani is on record: on her page, for her (not for colleagues).
    app.post("/api/notifications/read", Some(&budi), j!({}));
    let log = profile(&app, &ani, &ani)["deputy_log"].clone();
    assert_eq!(log["deputy"]["name"], "budi");
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
    assert_eq!(log["items"][0]["kind"], "mention");
    assert!(log["items"][0]["opened_at"].is_i64(), "he opened it");
    assert_eq!(profile(&app, &citra, &ani)["deputy_log"], Value::Null);

    // After the last day, delivery returns to Ani alone, by itself.
    app.rt.advance(3 * DAY_MS);
    app.new_post(&dewi, "Selamat datang kembali, @ani");
    assert_eq!(received(&app, &ani).len(), 3);
    assert_eq!(received(&app, &budi).len(), 1);
    assert_eq!(profile(&app, &citra, &ani)["away"], Value::Null);

    // A manager sets their report's absence; ending it stops delivery at once.
    let boss = app.member("eko");
    let res = official(&app, &admin, &ani, j!({"manager_id": boss.id}));
    assert_eq!(res.status, 200, "{}", res.body);
    let next = j!({"starts_on": "2026-12-04", "ends_on": "2026-12-10", "deputy_id": dewi.id});
    assert_eq!(absence(&app, &boss, &ani, next).status, 200);
    let end = app.call(
        "DELETE",
        &format!("/api/people/{}/absence", ani.id),
        Some(&boss),
        None,
    );
    assert_eq!(end.status, 204);
    app.new_post(&citra, "Satu lagi, @ani");
    assert!(received(&app, &dewi).is_empty());
    let actions: Vec<Value> = app
        .audit()
        .into_iter()
        .map(|a| a["action"].clone())
        .collect();
    assert!(actions.contains(&Value::from("absence.set")));
    assert!(actions.contains(&Value::from("absence.end")));
}

/// Opening a colleague's page is one D1 round trip, the session lookup included. What only the
/// person, their manager, admins and HR see (the official history, the deputy log) takes one
/// more, read only for them.
#[test]
fn a_colleagues_page_is_one_round_trip_and_what_few_see_one_more() {
    let app = app();
    let admin = app.admin();
    let (ani, budi, citra, boss) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("eko"),
    );
    let res = official(&app, &admin, &ani, j!({"manager_id": boss.id}));
    assert_eq!(res.status, 200, "{}", res.body);
    let away = j!({"starts_on": "2026-12-01", "ends_on": "2026-12-03", "deputy_id": budi.id});
    assert_eq!(absence(&app, &ani, &ani, away).status, 200);
    app.new_post(&citra, "Tolong cek stok, @ani");
    let path = format!("/api/people/{}", ani.id);
    // (reader, round trips, sees the deputy log, sees the official history)
    for (who, trips, log, history) in [
        (&citra, 1, false, false),
        (&ani, 2, true, true),
        (&boss, 2, true, false),
        (&admin, 2, true, true),
    ] {
        let (res, n) = app.get_counting_round_trips(&path, Some(who));
        assert_eq!(res.status, 200, "{}: {}", who.email, res.body);
        assert_eq!(n, trips, "{}", who.email);
        let page = json(&res);
        assert_eq!(page["away"]["deputy"]["name"], "budi", "{}", who.email);
        let covered = page["deputy_log"]["items"].as_array().map(Vec::len);
        assert_eq!(covered, log.then_some(1), "{}", who.email);
        let changes = page["history"].as_array().unwrap();
        assert_eq!(changes.len(), usize::from(history), "{}", who.email);
    }
    // Batched, it still refuses whoever has no session, and one that has just ended; an id that
    // names nobody is not found.
    let nobody = format!("/api/people/{}", "0".repeat(26));
    assert_error(&app.get(&nobody, Some(&citra)), 404, "not_found");
    assert_error(&app.get("/api/people/x", Some(&citra)), 404, "not_found");
    assert_error(&app.get("/api/people/x", None), 401, "unauthenticated");
    let res = app.post(
        &format!("/api/people/{}/deactivate", citra.id),
        Some(&admin),
        j!({}),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_error(&app.get(&path, Some(&citra)), 401, "unauthenticated");
}

/// A work page finds the person's branch office on the map through the index: it reads the
/// same however many branch offices the map has.
#[test]
fn a_work_page_reads_the_same_however_many_offices_the_map_has() {
    let app = app();
    let admin = app.admin();
    let ani = app.member("ani");
    let offices = |from: usize| {
        let mut csv = String::from("name,category,lat,lng\n");
        for i in from..from + 100 {
            csv.push_str(&format!(
                "Kantor {i},branch,-6.2,{}\n",
                106.0 + i as f64 * 1e-3
            ));
        }
        let res = app.send(common::csv_request("/api/places/import", &admin, &csv));
        assert_eq!(json(&res)["imported"], 100, "{}", res.body);
    };
    let path = format!("/api/people/{}", ani.id);
    let steps = || {
        let before = app.rt.db.vm_steps();
        profile(&app, &ani, &ani);
        app.rt.db.vm_steps() - before
    };
    offices(0);
    let with_100 = steps();
    offices(100);
    assert_eq!(steps(), with_100, "{path}: no walk through every office");
    let branches = app.get_counting_round_trips("/api/branches", Some(&ani)).0;
    assert_eq!(branches.status, 200, "{}", branches.body);
}

#[test]
fn the_directory_finds_people_by_name_position_competency_and_filters() {
    let app = app();
    let (sales, finance) = (app.department("Penjualan"), app.department("Keuangan"));
    let admin = app.admin();
    let ani = app.person_in("ani@example.co.id", Role::Member, Some(&sales));
    let budi = app.person_in("budi@example.co.id", Role::Member, Some(&finance));
    let gone = app.person_in("gone@example.co.id", Role::Member, Some(&sales));
    official(&app, &admin, &ani, j!({"position": "Sales Supervisor"}));
    edit_own(
        &app,
        &budi,
        &budi,
        j!({"competencies": ["Pajak", "SAP"], "phone": "021 555 0101"}),
    );
    app.post(
        &format!("/api/people/{}/deactivate", gone.id),
        Some(&admin),
        j!({}),
    );

    let names = |path: &str| -> Vec<String> {
        let (res, trips) = app.get_counting_round_trips(path, Some(&ani));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(trips, 1, "{path}: the session lookup batched with the page");
        item_names(&res)
    };
    assert_eq!(names("/api/directory?q=superv"), ["ani"]);
    // By name (and email) only, as a mention's suggestions ask: not by position.
    assert!(names("/api/directory?q=superv&by=name").is_empty());
    assert_eq!(names("/api/directory?q=an&by=name"), ["ani"]);
    assert_eq!(names("/api/directory?q=pajak"), ["budi"]);
    assert_eq!(
        names("/api/directory?q=gone"),
        Vec::<String>::new(),
        "former staff are not listed"
    );
    assert_eq!(
        names(&format!("/api/directory?department={sales}")),
        ["ani"]
    );
    assert_eq!(names("/api/directory"), ["admin", "ani", "budi"]);
    let card = json(&app.get("/api/directory?q=budi", Some(&ani)))["items"][0].clone();
    assert_eq!(card["phone"], "021 555 0101");
    assert_eq!(card["email"], "budi@example.co.id");
    assert_error(
        &app.get("/api/directory?q=%22%22", Some(&ani)),
        400,
        "validation",
    );
    assert_error(
        &app.get("/api/directory?department=nope", Some(&ani)),
        404,
        "not_found",
    );
    // Without a session, 401 whatever was asked.
    for path in ["/api/directory?q=%22%22", "/api/directory?department=nope"] {
        assert_error(&app.get(path, None), 401, "unauthenticated");
    }
    // Paging by cursor: one page of 50, then the rest.
    for i in 0..55 {
        app.member(&format!("staf{i:02}"));
    }
    let first = json(&app.get("/api/directory", Some(&ani)));
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = json(&app.get(
        &format!("/api/directory?cursor={}", urlencode(cursor)),
        Some(&ani),
    ));
    assert_eq!(rest["items"].as_array().unwrap().len(), 8);
    assert_eq!(rest["next_cursor"], Value::Null);
    let matches = json(&app.get("/api/directory?q=staf", Some(&ani)));
    assert_eq!(matches["items"].as_array().unwrap().len(), 50);
    assert_eq!(
        matches["next_cursor"],
        Value::Null,
        "the best matches are one page"
    );
    // A mention's suggestions ask for a few; a page asks for no more than 50.
    let count = |path: &str| {
        json(&app.get(path, Some(&ani)))["items"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count("/api/directory?q=staf&limit=6"), 6);
    assert_eq!(count("/api/directory?q=staf&limit=500"), 50);
    assert_eq!(count("/api/directory?q=staf&limit=0"), 1);
    let page = app.get("/api/directory?limit=2", Some(&ani));
    assert_eq!(item_names(&page), ["admin", "ani"]);
    let cursor = urlencode(json(&page)["next_cursor"].as_str().unwrap());
    let next = app.get(
        &format!("/api/directory?limit=2&cursor={cursor}"),
        Some(&ani),
    );
    assert_eq!(item_names(&next), ["budi", "staf00"]);
}

#[test]
fn experts_rank_by_competency_then_by_what_they_wrote_that_the_asker_may_read() {
    let app = app();
    let (asker, dewi, eko, fajar, gita) = (
        app.member("asker"),
        app.member("dewi"),
        app.member("eko"),
        app.member("fajar"),
        app.member("gita"),
    );
    edit_own(&app, &dewi, &dewi, j!({"competencies": ["Forklift", "K3"]}));
    for _ in 0..3 {
        app.new_post(&eko, "Forklift di gudang 2 perlu servis.");
    }
    app.new_post(&fajar, "Jadwal forklift minggu depan.");
    let secret = app.create_group(&gita, "Rahasia", "secret");
    for _ in 0..5 {
        app.post_in(&gita, &secret, "Forklift baru tiba.");
    }
    let res = app.get("/api/experts?q=forklift", Some(&asker));
    assert_eq!(res.status, 200, "{}", res.body);
    let experts = json(&res);
    let ranking: Vec<(&str, i64)> = experts
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["person"]["name"].as_str().unwrap(),
                e["posts"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ranking,
        [("dewi", 0), ("eko", 3), ("fajar", 1)],
        "Gita's posts in a secret group do not count for outsiders"
    );
    assert_eq!(experts[0]["matched"], j!(["Forklift"]));
    assert_error(&app.get("/api/experts?q=", Some(&asker)), 400, "validation");
}

#[test]
fn the_org_chart_walks_up_and_down_and_departments_nest() {
    let app = app();
    let admin = app.admin();
    let (direktur, manajer, staf) = (
        app.member("direktur"),
        app.member("manajer"),
        app.member("staf"),
    );
    official(&app, &admin, &manajer, j!({"manager_id": direktur.id}));
    official(&app, &admin, &staf, j!({"manager_id": manajer.id}));
    let chart = json(&app.get(&format!("/api/people/{}/org", staf.id), Some(&staf)));
    let chain: Vec<&str> = chart["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(chain, ["direktur", "manajer"]);
    let chart = json(&app.get(&format!("/api/people/{}/org", direktur.id), Some(&staf)));
    assert_eq!(chart["chain"], j!([]));
    assert_eq!(chart["reports"][0]["name"], "manajer");

    let ops = app.department("Operasional");
    let warehouse = app.department("Gudang");
    balai_functions::runtime::native::block_on(balai_functions::store::Db::run(
        balai_functions::runtime::Runtime::db(&app.rt),
        balai_functions::stmt!(
            "UPDATE departments SET parent_id = ?, head_id = ? WHERE id = ?",
            ops.as_str(),
            manajer.id.as_str(),
            warehouse.as_str()
        ),
    ))
    .unwrap();
    official(&app, &admin, &staf, j!({"department_id": warehouse}));
    let page = json(&app.get(&format!("/api/departments/{warehouse}"), Some(&staf)));
    assert_eq!(page["parents"][0]["name"], "Operasional");
    assert_eq!(page["department"]["head"]["name"], "manajer");
    assert_eq!(page["people"][0]["name"], "staf");
    let top = json(&app.get(&format!("/api/departments/{ops}"), Some(&staf)));
    assert_eq!(top["children"][0]["name"], "Gudang");
    let tree = json(&app.get("/api/departments/tree", Some(&staf)));
    assert_eq!(tree.as_array().unwrap().len(), 2);
    assert_error(
        &app.get("/api/departments/01ARZ3NDEKTSV4RRFFQ69G5FAV", Some(&staf)),
        404,
        "not_found",
    );

    // Admins and HR shape the tree; a circle is refused, and so are members.
    let logistics = j!({"name": "Logistik", "parent_id": ops, "head_id": staf.id});
    assert_error(
        &app.post("/api/departments", Some(&staf), logistics.clone()),
        403,
        "forbidden",
    );
    let res = app.post("/api/departments", Some(&admin), logistics.clone());
    assert_eq!(res.status, 201, "{}", res.body);
    let created = json(&res);
    assert_eq!(created["parents"][0]["name"], "Operasional");
    assert_eq!(created["department"]["head"]["name"], "staf");
    assert_error(
        &app.post("/api/departments", Some(&admin), logistics),
        409,
        "conflict",
    );
    let res = app.call(
        "PATCH",
        &format!("/api/departments/{ops}"),
        Some(&admin),
        Some(j!({"parent_id": warehouse})),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "parent_id");
    let res = app.call(
        "PATCH",
        &format!("/api/departments/{warehouse}"),
        Some(&admin),
        Some(j!({"parent_id": ""})),
    );
    assert_eq!(json(&res)["parents"], j!([]), "moved to the top");
    assert!(
        app.audit()
            .iter()
            .any(|a| a["action"] == "department.create")
    );
}

/// Writes straight to the database what the API refuses (a loop in the reporting lines).
fn corrupt(app: &TestApp, sql: &'static str, a: &str, b: &str) {
    use balai_functions::{runtime::Runtime, store::Db};
    balai_functions::runtime::native::block_on(app.rt.db().run(balai_functions::stmt!(sql, a, b)))
        .unwrap();
}

#[test]
fn the_org_pages_are_one_round_trip_however_deep_the_lines_go() {
    let app = app();
    let admin = app.admin();
    let names = ["direktur", "wakil", "gm", "manajer", "staf"];
    let people: Vec<Who> = names.iter().map(|n| app.member(n)).collect();
    for pair in people.windows(2) {
        official(&app, &admin, &pair[1], j!({"manager_id": pair[0].id}));
    }
    let staf = &people[4];
    let one_trip = |path: &str| {
        let (res, trips) = app.get_counting_round_trips(path, Some(staf));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(
            trips, 1,
            "{path}: the session and the whole page in one batch"
        );
        json(&res)
    };
    let line = |list: &Value, key: &str| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| c[key].as_str().unwrap().to_string())
            .collect()
    };
    let chart_path = format!("/api/people/{}/org", staf.id);
    assert_eq!(line(&one_trip(&chart_path)["chain"], "name"), names[..4]);

    let departments: Vec<String> = ["Direksi", "Operasional", "Logistik", "Gudang"]
        .iter()
        .map(|n| app.department(n))
        .collect();
    for pair in departments.windows(2) {
        corrupt(
            &app,
            "UPDATE departments SET parent_id = ? WHERE id = ?",
            &pair[0],
            &pair[1],
        );
    }
    let gudang_path = format!("/api/departments/{}", departments[3]);
    let page = one_trip(&gudang_path);
    assert_eq!(
        line(&page["parents"], "name"),
        ["Direksi", "Operasional", "Logistik"]
    );
    assert_eq!(
        one_trip("/api/departments/tree").as_array().unwrap().len(),
        4
    );
    // The list forms choose a department from, by name.
    let names_listed = line(&one_trip("/api/departments"), "name");
    assert_eq!(
        names_listed,
        ["Direksi", "Gudang", "Logistik", "Operasional"]
    );
    one_trip("/api/branches");
    one_trip("/api/experts?q=gudang");

    // The API refuses a loop however far round it goes: the director cannot report to staff.
    let res = official(&app, &admin, &people[0], j!({"manager_id": staf.id}));
    assert_error(&res, 400, "validation");
    assert!(json(&res)["message"].as_str().unwrap().contains("circle"));
    // A loop written past the API's checks ends the line where it comes back round.
    corrupt(
        &app,
        "UPDATE users SET manager_id = ? WHERE id = ?",
        &staf.id,
        &people[0].id,
    );
    assert_eq!(line(&one_trip(&chart_path)["chain"], "name"), names[..4]);
    corrupt(
        &app,
        "UPDATE departments SET parent_id = ? WHERE id = ?",
        &departments[3],
        &departments[0],
    );
    let page = one_trip(&gudang_path);
    assert_eq!(
        line(&page["parents"], "name"),
        ["Direksi", "Operasional", "Logistik"]
    );
    // Moving a department under its own sub-department is refused, loop or not.
    let res = app.call(
        "PATCH",
        &format!("/api/departments/{}", departments[1]),
        Some(&admin),
        Some(j!({"parent_id": departments[2]})),
    );
    assert_error(&res, 400, "validation");

    // No session is 401 before anything else; a malformed id is refused, not looked up.
    for path in [
        chart_path.as_str(),
        gudang_path.as_str(),
        "/api/departments/tree",
        "/api/branches",
        "/api/experts?q=gudang",
        "/api/departments/bad%20id",
        "/api/experts?q=",
    ] {
        assert_error(&app.get(path, None), 401, "unauthenticated");
    }
    for path in ["/api/departments/bad%20id", "/api/people/bad%20id/org"] {
        assert_eq!(app.get(path, Some(staf)).status / 100, 4, "{path}");
    }
}

#[test]
fn the_week_celebrates_public_birthdays_and_work_anniversaries() {
    let app = app();
    let admin = app.admin();
    let (ani, budi, citra, dewi) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dewi"),
    );
    edit_own(&app, &ani, &ani, j!({"birthday": "12-01"}));
    edit_own(
        &app,
        &budi,
        &budi,
        j!({"birthday": "12-05", "birthday_public": false}),
    );
    edit_own(&app, &citra, &citra, j!({"birthday": "12-09"}));
    official(&app, &admin, &dewi, j!({"start_date": "2021-12-03"}));
    official(&app, &admin, &citra, j!({"start_date": "2026-12-02"}));
    let week = json(&app.get("/api/celebrations", Some(&dewi)));
    let birthdays: Vec<(&str, bool)> = week["birthdays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["person"]["name"].as_str().unwrap(),
                b["today"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        birthdays,
        [("ani", true)],
        "Budi's is private; Citra's is after this week"
    );
    assert_eq!(
        week["anniversaries"].as_array().unwrap().len(),
        1,
        "a first day is not an anniversary"
    );
    assert_eq!(week["anniversaries"][0]["person"]["name"], "dewi");
    assert_eq!(week["anniversaries"][0]["years"], 5);
}

fn upload(app: &TestApp, by: &Who, of: &Who, bytes: &[u8]) -> ApiResponse {
    let mut req = common::request(
        "PUT",
        &format!("/api/people/{}/photo", of.id),
        Some(by),
        None,
    );
    req.headers
        .push(("content-type".into(), "image/png".into()));
    req.body = bytes.to_vec();
    app.send(req)
}

#[test]
fn a_photo_is_checked_by_its_content_and_served_with_caching() {
    let app = app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let png: Vec<u8> = [&b"\x89PNG\r\n\x1a\n"[..], &[0u8; 64][..]].concat();
    let script = b"<script>alert(1)</script>".to_vec();
    let res = upload(&app, &ani, &ani, &script);
    assert_error(&res, 400, "validation");
    assert_eq!(
        json(&res)["field"],
        "photo",
        "a name or header does not make an image"
    );
    assert_error(&upload(&app, &budi, &ani, &png), 403, "forbidden");
    let big: Vec<u8> = [&png[..], &vec![0u8; 600 * 1024][..]].concat();
    assert_error(&upload(&app, &ani, &ani, &big), 413, "payload_too_large");
    assert_eq!(
        profile(&app, &budi, &ani)["photo_url"],
        Value::Null,
        "nothing stored"
    );

    let res = upload(&app, &ani, &ani, &png);
    assert_eq!(res.status, 200, "{}", res.body);
    let url = json(&res)["photo_url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&format!("/api/people/{}/photo?v=", ani.id)));
    let photo = app.get(&url, Some(&budi));
    assert_eq!(photo.status, 200);
    assert_eq!(photo.bytes, png);
    assert_eq!(photo.header("content-type"), Some("image/png"));
    assert_eq!(
        photo.header("cache-control"),
        Some("private, max-age=31536000")
    );
    let etag = photo.header("etag").unwrap().to_string();
    let mut again = common::request("GET", &url, Some(&budi), None);
    again.headers.push(("if-none-match".into(), etag));
    assert_eq!(app.send(again).status, 304);
    assert_error(&app.get(&url, None), 401, "unauthenticated");

    let card = json(&app.get("/api/directory?q=ani", Some(&budi)))["items"][0].clone();
    assert_eq!(card["photo_url"], url.as_str());
    let remove = app.call(
        "DELETE",
        &format!("/api/people/{}/photo", ani.id),
        Some(&ani),
        None,
    );
    assert_eq!(remove.status, 204);
    assert_error(&app.get(&url, Some(&budi)), 404, "not_found");
}

#[test]
fn a_deputy_answers_an_absent_owners_join_requests_audited_and_only_meanwhile() {
    let app = app();
    let (ani, budi, citra, dewi, eka) = (
        app.member("ani"),
        app.member("budi"),
        app.member("citra"),
        app.member("dewi"),
        app.member("eka"),
    );
    // Ani owns a closed group Budi is not in; Eka is a plain member.
    let group = app.create_group(&ani, "Gudang Timur", "closed");
    let invite = format!("/api/groups/{group}/members");
    app.post(&invite, Some(&ani), j!({ "user_id": eka.id }));
    app.post(&format!("/api/groups/{group}/join"), Some(&eka), j!({}));
    let path = format!("/api/groups/{group}");
    let requests = format!("/api/groups/{group}/members?state=requested");
    let approve = |who: &Who| format!("/api/groups/{group}/members/{}/approve", who.id);
    let member = |who: &Who| format!("/api/groups/{group}/members/{}", who.id);

    // Before the absence Budi has no say.
    app.post(&format!("/api/groups/{group}/join"), Some(&citra), j!({}));
    assert_eq!(
        json(&app.get(&path, Some(&budi)))["covering_for"],
        Value::Null
    );
    assert_error(&app.get(&requests, Some(&budi)), 403, "forbidden");
    assert_error(
        &app.post(&approve(&citra), Some(&budi), j!({})),
        403,
        "forbidden",
    );

    let away = j!({"starts_on": "2026-12-01", "ends_on": "2026-12-03", "deputy_id": budi.id});
    assert_eq!(absence(&app, &ani, &ani, away).status, 200);
    app.post(&format!("/api/groups/{group}/join"), Some(&dewi), j!({}));
    assert!(
        received(&app, &budi).contains(&("join_request".to_string(), Some("ani".to_string()))),
        "the request reaches the deputy, for Ani"
    );
    let seen = json(&app.get(&path, Some(&budi)));
    assert_eq!(seen["covering_for"]["id"], ani.id.as_str());
    assert_eq!(seen["covering_for"]["name"], "ani");
    assert_eq!(seen["can_manage"], false);
    assert_eq!(
        seen["can_read"], false,
        "covering answers requests, it does not open the group"
    );
    let listed = json(&app.get(&requests, Some(&budi)));
    assert_eq!(listed["items"].as_array().unwrap().len(), 2);
    // Approve one, decline the other; members, roles and pins stay with the group's managers.
    assert_eq!(app.post(&approve(&citra), Some(&budi), j!({})).status, 204);
    assert_eq!(
        app.call("DELETE", &member(&dewi), Some(&budi), None).status,
        204
    );
    assert_error(
        &app.call("DELETE", &member(&eka), Some(&budi), None),
        403,
        "forbidden",
    );
    assert_error(
        &app.post(&invite, Some(&budi), j!({ "user_id": dewi.id })),
        403,
        "forbidden",
    );
    assert_error(
        &app.call(
            "PUT",
            &format!("{path}/pin"),
            Some(&budi),
            Some(j!({ "post_id": null })),
        ),
        403,
        "forbidden",
    );
    assert_eq!(json(&app.get(&path, Some(&citra)))["my_state"], "active");
    assert_eq!(json(&app.get(&path, Some(&dewi)))["my_state"], Value::Null);
    // Both at the same instant: compared in name order.
    let mut deputy_acts: Vec<_> = app
        .audit()
        .into_iter()
        .filter(|a| a["action"].as_str().unwrap().starts_with("group.request."))
        .map(|a| (a["action"].to_string(), a["target"].to_string()))
        .collect();
    deputy_acts.sort();
    let on_group = j!(group).to_string();
    assert_eq!(
        deputy_acts,
        [
            (j!("group.request.approve").to_string(), on_group.clone()),
            (j!("group.request.decline").to_string(), on_group),
        ]
    );
    // Ani's page lists both in her deputy log, with whom and where; a colleague sees no log.
    let log = |who: &Who| {
        json(&app.get(&format!("/api/people/{}", ani.id), Some(who)))["deputy_log"].clone()
    };
    let mut done: Vec<_> = log(&ani)["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["person"]["name"].as_str().unwrap().to_string(),
                a["group_name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    done.sort();
    let entry = |kind: &str, who: &str| {
        (
            kind.to_string(),
            who.to_string(),
            "Gudang Timur".to_string(),
        )
    };
    assert_eq!(
        done,
        [
            entry("group.request.approve", "citra"),
            entry("group.request.decline", "dewi"),
        ]
    );
    assert_eq!(log(&app.admin())["actions"].as_array().unwrap().len(), 2);
    assert_eq!(log(&eka), Value::Null);

    // Back at work: the deputy's say ends with the absence.
    app.rt.set_now(morning() + 3 * DAY_MS);
    app.post(&format!("/api/groups/{group}/join"), Some(&dewi), j!({}));
    assert_eq!(
        json(&app.get(&path, Some(&budi)))["covering_for"],
        Value::Null
    );
    assert_error(
        &app.post(&approve(&dewi), Some(&budi), j!({})),
        403,
        "forbidden",
    );
    assert_eq!(app.post(&approve(&dewi), Some(&ani), j!({})).status, 204);
    // What Ani did herself is hers: the log keeps only what the deputy did meanwhile.
    assert_eq!(log(&ani)["actions"].as_array().unwrap().len(), 2);
}
