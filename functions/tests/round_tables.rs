//! Round tables: anonymity at the API, the time window, votes once, answers by leaders only,
//! hiding and merging.

mod common;

use common::{TestApp, Who, assert_error, json};
use serde_json::{Value, json as j};

const HOUR: i64 = 60 * 60 * 1000;

struct Table {
    app: TestApp,
    admin: Who,
    ceo: Who,
    id: String,
}

/// A round table open for the next hour, answered by the CEO.
fn table() -> Table {
    let app = TestApp::new();
    let admin = app.admin();
    let ceo = app.member("ceo");
    let now = balai_functions::runtime::native::system_now();
    let res = app.post(
        "/api/round-tables",
        Some(&admin),
        j!({ "title": "Tanya CEO: rencana 2027", "opens_at": now - HOUR, "closes_at": now + HOUR,
             "leaders": ["ceo@example.co.id"] }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let id = json(&res)["id"].as_str().unwrap().to_string();
    Table {
        app,
        admin,
        ceo,
        id,
    }
}

impl Table {
    fn ask(&self, who: &Who, body: &str, anonymous: bool) -> String {
        let res = self.app.post(
            &format!("/api/round-tables/{}/questions", self.id),
            Some(who),
            j!({ "body": body, "anonymous": anonymous }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    }

    fn questions(&self, who: &Who) -> Vec<Value> {
        let res = self
            .app
            .get(&format!("/api/round-tables/{}", self.id), Some(who));
        assert_eq!(res.status, 200, "{}", res.body);
        json(&res)["questions"].as_array().unwrap().clone()
    }
}

#[test]
fn an_anonymous_askers_identity_never_leaves_the_server() {
    let t = table();
    let ani = t.app.member("ani.rahasia");
    let budi = t.app.member("budi");
    let q = t.ask(&ani, "Apakah ada PHK tahun depan?", true);
    t.ask(&budi, "Kapan bonus dibayar?", false);
    t.app.call(
        "PUT",
        &format!("/api/questions/{q}/vote"),
        Some(&budi),
        None,
    );
    let answered = t.app.call(
        "PUT",
        &format!("/api/questions/{q}/answer"),
        Some(&t.ceo),
        Some(j!({"answer": "Tidak ada."})),
    );
    assert_eq!(answered.status, 200, "{}", answered.body);
    // Everything anyone can fetch about it, admins and the leader included.
    let mut bodies = vec![answered.body.clone()];
    for who in [&t.admin, &t.ceo, &budi, &ani] {
        bodies.push(
            t.app
                .get(&format!("/api/round-tables/{}", t.id), Some(who))
                .body,
        );
        bodies.push(t.app.get("/api/round-tables", Some(who)).body);
    }
    for body in &bodies {
        for secret in [ani.id.as_str(), "ani.rahasia"] {
            assert!(!body.contains(secret), "{secret} leaked in {body}");
        }
    }
    let for_admin = t.questions(&t.admin);
    let anon = for_admin.iter().find(|x| x["id"] == q.as_str()).unwrap();
    assert_eq!(anon["author"], Value::Null);
    assert_eq!(anon["mine"], false);
    assert_eq!(anon["answer"], "Tidak ada.");
    let named = for_admin.iter().find(|x| x["id"] != q.as_str()).unwrap();
    assert_eq!(named["author"]["name"], "budi");
    // Only the asker learns it is theirs.
    let mine = t
        .questions(&ani)
        .into_iter()
        .find(|x| x["id"] == q.as_str())
        .unwrap();
    assert_eq!(mine["mine"], true);
    assert_eq!(mine["author"], Value::Null);
}

#[test]
fn votes_count_once_and_the_list_orders_by_them() {
    let t = table();
    let people: Vec<Who> = (0..3).map(|i| t.app.member(&format!("p{i}"))).collect();
    let first = t.ask(&people[0], "Question one?", false);
    let second = t.ask(&people[1], "Question two?", false);
    for _ in 0..3 {
        t.app.call(
            "PUT",
            &format!("/api/questions/{second}/vote"),
            Some(&people[2]),
            None,
        );
    }
    let order: Vec<Value> = t
        .questions(&people[0])
        .iter()
        .map(|x| x["id"].clone())
        .collect();
    assert_eq!(
        order,
        vec![Value::from(second.clone()), Value::from(first.clone())]
    );
    assert_eq!(t.questions(&people[0])[0]["vote_count"], 1);
    let res = t.app.call(
        "DELETE",
        &format!("/api/questions/{second}/vote"),
        Some(&people[2]),
        None,
    );
    assert_eq!(json(&res), j!({"voted": false, "vote_count": 0}));
}

#[test]
fn moderators_merge_duplicates_counting_each_voter_once_and_hide_abuse() {
    let t = table();
    let people: Vec<Who> = (0..4).map(|i| t.app.member(&format!("m{i}"))).collect();
    let original = t.ask(&people[0], "Will we open a Makassar branch?", false);
    let duplicate = t.ask(&people[1], "Makassar branch when?", true);
    let vote = |who: &Who, q: &str| {
        t.app
            .call("PUT", &format!("/api/questions/{q}/vote"), Some(who), None)
    };
    vote(&people[1], &original);
    vote(&people[2], &original);
    vote(&people[2], &duplicate);
    vote(&people[3], &duplicate);
    let merge = format!("/api/questions/{duplicate}/merge");
    assert_error(
        &t.app.post(&merge, Some(&people[0]), j!({"into": original})),
        403,
        "forbidden",
    );
    let res = t.app.post(&merge, Some(&t.admin), j!({"into": original}));
    assert_eq!(json(&res)["vote_count"], 3, "m1, m2 and m3: m2 once");
    assert_eq!(t.questions(&people[0]).len(), 1);

    let rude = t.ask(&people[3], "Something abusive", true);
    assert_error(
        &t.app.post(
            &format!("/api/questions/{rude}/hide"),
            Some(&people[0]),
            j!({}),
        ),
        403,
        "forbidden",
    );
    // A member granted 'moderation' hides it: moderating is not only for admins.
    let grant = format!("/api/people/{}/grants/moderation", people[1].id);
    let on = t
        .app
        .call("PUT", &grant, Some(&t.admin), Some(j!({"enabled": true})));
    assert_eq!(on.status, 204);
    assert_eq!(
        t.app
            .post(
                &format!("/api/questions/{rude}/hide"),
                Some(&people[1]),
                j!({})
            )
            .status,
        204
    );
    assert!(
        t.questions(&people[3])
            .iter()
            .all(|x| x["id"] != rude.as_str())
    );
    assert_error(&vote(&people[0], &rude), 404, "not_found");
    let actions: Vec<Value> = t
        .app
        .audit()
        .into_iter()
        .map(|a| a["action"].clone())
        .collect();
    for a in ["round_table.create", "question.merge", "question.hide"] {
        assert!(actions.contains(&Value::from(a)), "{a}: {actions:?}");
    }
}

#[test]
fn only_its_leaders_answer_and_questions_come_only_while_open() {
    let t = table();
    let ani = t.app.member("ani");
    let q = t.ask(&ani, "Remote work on Fridays?", false);
    let answer = format!("/api/questions/{q}/answer");
    assert_error(
        &t.app
            .call("PUT", &answer, Some(&t.admin), Some(j!({"answer": "Yes"}))),
        403,
        "forbidden",
    );
    assert_error(
        &t.app
            .call("PUT", &answer, Some(&t.ceo), Some(j!({"answer": " "}))),
        400,
        "validation",
    );

    // After closing: no new questions or votes; a late answer still goes in the archive.
    t.app
        .rt
        .set_now(balai_functions::runtime::native::system_now() + 2 * HOUR);
    let res = t.app.post(
        &format!("/api/round-tables/{}/questions", t.id),
        Some(&ani),
        j!({"body": "Late?"}),
    );
    assert_error(&res, 409, "conflict");
    assert_error(
        &t.app
            .call("PUT", &format!("/api/questions/{q}/vote"), Some(&ani), None),
        409,
        "conflict",
    );
    let res = t.app.call(
        "PUT",
        &answer,
        Some(&t.ceo),
        Some(j!({"answer": "Yes, from January."})),
    );
    assert_eq!(json(&res)["answered_by"]["name"], "ceo");
    let detail = json(
        &t.app
            .get(&format!("/api/round-tables/{}", t.id), Some(&ani)),
    );
    assert_eq!(detail["open"], false);
    assert_eq!(detail["round_table"]["answered_count"], 1);
}

#[test]
fn opening_a_round_table_is_for_admins_with_real_leaders_and_a_window() {
    let app = TestApp::new();
    let admin = app.admin();
    let ani = app.member("ani");
    let now = balai_functions::runtime::native::system_now();
    let body = |leaders: Value, opens: i64, closes: i64| j!({"title": "Town hall", "opens_at": opens, "closes_at": closes, "leaders": leaders});
    let ok = body(j!(["ani@example.co.id"]), now, now + HOUR);
    assert_error(
        &app.post("/api/round-tables", Some(&ani), ok.clone()),
        403,
        "forbidden",
    );
    let res = app.post(
        "/api/round-tables",
        Some(&admin),
        body(j!(["nobody@example.co.id"]), now, now + HOUR),
    );
    assert_error(&res, 400, "validation");
    assert_eq!(json(&res)["field"], "leaders");
    let res = app.post(
        "/api/round-tables",
        Some(&admin),
        body(j!(["ani@example.co.id"]), now, now - HOUR),
    );
    assert_eq!(json(&res)["field"], "closes_at");
    assert_eq!(app.post("/api/round-tables", Some(&admin), ok).status, 201);
    let list = json(&app.get("/api/round-tables", Some(&ani)));
    assert_eq!(list[0]["leaders"][0]["name"], "ani");
}

/// A live round table's page is polled by everyone watching: the session lookup, the table, its
/// leaders, its questions and whether the reader leads it are one D1 round trip. The list is one
/// too, with every table's leaders, however many tables there are.
#[test]
fn the_polled_page_and_the_list_are_one_round_trip_each() {
    let t = table();
    let ani = t.app.member("ani");
    let mine = t.ask(&ani, "Bonus tahun ini?", false);
    t.ask(&t.admin, "Kantor baru?", true);
    let page = format!("/api/round-tables/{}", t.id);
    for (who, leads) in [(&ani, false), (&t.ceo, true)] {
        let (res, trips) = t.app.get_counting_round_trips(&page, Some(who));
        assert_eq!((res.status, trips), (200, 1), "{}", res.body);
        let detail = json(&res);
        assert_eq!(detail["can_answer"], leads);
        assert_eq!(detail["round_table"]["leaders"][0]["name"], "ceo");
        assert_eq!(detail["questions"].as_array().unwrap().len(), 2);
        let own = |q: &&Value| q["id"] == mine.as_str();
        let own = detail["questions"].as_array().unwrap().iter().find(own);
        assert_eq!(own.unwrap()["mine"], who.id == ani.id);
    }
    for i in 0..3 {
        let now = balai_functions::runtime::native::system_now();
        let res = t.app.post(
            "/api/round-tables",
            Some(&t.admin),
            j!({ "title": format!("Town hall {i}"), "opens_at": now + HOUR, "closes_at": now + 2 * HOUR,
                 "leaders": ["ceo@example.co.id", "ani@example.co.id"] }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
    }
    let (res, trips) = t
        .app
        .get_counting_round_trips("/api/round-tables", Some(&ani));
    assert_eq!((res.status, trips), (200, 1), "{}", res.body);
    let list = json(&res);
    let leaders: Vec<usize> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["leaders"].as_array().unwrap().len())
        .collect();
    assert_eq!(leaders, [2, 2, 2, 1], "each table with its own leaders");
    assert_eq!(list[0]["leaders"][0]["name"], "ani", "by name");
    // An id that names no round table is not found; without a session, 401 whatever the id.
    let nobody = format!("/api/round-tables/{}", "0".repeat(26));
    assert_error(&t.app.get(&nobody, Some(&ani)), 404, "not_found");
    for path in [page.as_str(), "/api/round-tables/x", "/api/round-tables"] {
        assert_error(&t.app.get(path, None), 401, "unauthenticated");
    }
}
