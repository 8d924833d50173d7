//! A sweep of every API route on the demo company. Whatever a client sends (no session, a
//! cross-site origin, broken or empty JSON, wrong types, oversized fields, unknown or malformed
//! ids, junk query strings), as a member, a member holding every grant, or an admin, the answer
//! is below 500 with the JSON error shape, and a refused request writes nothing. The route list
//! is checked against the router's own source, so a new route cannot be left out of the sweep.

mod common;

use balai_functions::http::ApiRequest;
use balai_functions::seed::{self, DEMO_ADMIN_EMAIL, DEMO_PASSWORD};
use common::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

const NOW: i64 = 1_800_000_000_000;
const MISSING: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// Every route, `{kind}` standing for an id of that kind. Ending one's own session goes last.
const AUTHENTICATED: &[(&str, &str)] = &[
    ("GET", "/api/me"),
    ("GET", "/api/sessions"),
    ("DELETE", "/api/sessions/{session}"),
    ("PUT", "/api/me/password"),
    ("GET", "/api/posts"),
    ("POST", "/api/posts"),
    ("GET", "/api/posts/{post}"),
    ("PATCH", "/api/posts/{post}"),
    ("POST", "/api/posts/{post}/comments"),
    ("PATCH", "/api/comments/{comment}"),
    ("DELETE", "/api/comments/{comment}"),
    ("PUT", "/api/posts/{post}/like"),
    ("DELETE", "/api/posts/{post}/like"),
    ("PUT", "/api/posts/{post}/ack"),
    ("GET", "/api/posts/{post}/acks"),
    ("GET", "/api/posts/{photo_post}/photos/{photo_number}"),
    ("POST", "/api/posts/{post}/acks/remind"),
    ("DELETE", "/api/posts/{post}"),
    ("GET", "/api/announcements"),
    ("GET", "/api/search"),
    ("GET", "/api/notifications"),
    ("GET", "/api/notifications/unread"),
    ("POST", "/api/notifications/read"),
    ("GET", "/api/notifications/settings"),
    ("PUT", "/api/notifications/settings"),
    ("GET", "/api/push/key"),
    ("PUT", "/api/push/subscription"),
    ("DELETE", "/api/push/subscription"),
    ("GET", "/api/follows"),
    ("PUT", "/api/follows"),
    ("GET", "/api/follows/{follow_kind}/{follow_target}"),
    ("DELETE", "/api/follows/{follow_kind}/{follow_target}"),
    ("GET", "/api/saved-filters"),
    ("POST", "/api/saved-filters"),
    ("DELETE", "/api/saved-filters/{saved_filter}"),
    ("GET", "/api/groups"),
    ("POST", "/api/groups"),
    ("GET", "/api/groups/{group}"),
    ("GET", "/api/groups/{group}/members"),
    ("POST", "/api/groups/{group}/join"),
    ("POST", "/api/groups/{group}/leave"),
    ("PUT", "/api/groups/{group}/pin"),
    ("POST", "/api/groups/{group}/members"),
    ("POST", "/api/groups/{group}/members/{person}/approve"),
    ("PUT", "/api/groups/{group}/members/{person}/role"),
    ("DELETE", "/api/groups/{group}/members/{person}"),
    ("GET", "/api/people"),
    ("GET", "/api/directory"),
    ("GET", "/api/experts"),
    ("GET", "/api/branches"),
    ("GET", "/api/celebrations"),
    ("GET", "/api/people/{person}"),
    ("GET", "/api/people/{person}/org"),
    ("PUT", "/api/people/{person}/profile"),
    ("PUT", "/api/people/{person}/official"),
    ("PUT", "/api/people/{person}/absence"),
    ("DELETE", "/api/people/{person}/absence"),
    ("GET", "/api/people/{person}/photo"),
    ("PUT", "/api/people/{person}/photo"),
    ("DELETE", "/api/people/{person}/photo"),
    ("PUT", "/api/people/{person}/grants/{capability}"),
    ("PUT", "/api/people/{person}/role"),
    ("POST", "/api/people/{person}/password-reset"),
    ("POST", "/api/people/{person}/logout"),
    ("POST", "/api/people/{person}/deactivate"),
    ("POST", "/api/people/{person}/reactivate"),
    ("POST", "/api/people/import"),
    ("GET", "/api/audit"),
    ("GET", "/api/invites"),
    ("POST", "/api/invites"),
    ("POST", "/api/access-codes"),
    ("DELETE", "/api/invites/{invite}"),
    ("POST", "/api/bookmarks"),
    ("PUT", "/api/bookmarks/order"),
    ("DELETE", "/api/bookmarks/{bookmark}"),
    ("GET", "/api/position-bookmarks"),
    ("POST", "/api/position-bookmarks"),
    ("DELETE", "/api/position-bookmarks/{position_bookmark}"),
    ("GET", "/api/departments"),
    ("GET", "/api/departments/tree"),
    ("POST", "/api/departments"),
    ("GET", "/api/departments/{department}"),
    ("PATCH", "/api/departments/{department}"),
    ("GET", "/api/ideas"),
    ("POST", "/api/ideas"),
    ("GET", "/api/ideas/export.csv"),
    ("GET", "/api/ideas/export.json"),
    ("GET", "/api/ideas/{idea}"),
    ("PUT", "/api/ideas/{idea}"),
    ("PUT", "/api/ideas/{idea}/vote"),
    ("DELETE", "/api/ideas/{idea}/vote"),
    ("POST", "/api/ideas/{idea}/status"),
    ("POST", "/api/ideas/{idea}/comments"),
    ("PATCH", "/api/idea-comments/{idea_comment}"),
    ("DELETE", "/api/idea-comments/{idea_comment}"),
    ("POST", "/api/ideas/{idea}/thanks"),
    ("POST", "/api/ideas/{idea}/merge"),
    ("GET", "/api/api-tokens"),
    ("POST", "/api/api-tokens"),
    ("DELETE", "/api/api-tokens/{api_token}"),
    ("GET", "/api/round-tables"),
    ("POST", "/api/round-tables"),
    ("GET", "/api/round-tables/{round_table}"),
    ("POST", "/api/round-tables/{round_table}/questions"),
    ("PUT", "/api/questions/{question}/vote"),
    ("DELETE", "/api/questions/{question}/vote"),
    ("PUT", "/api/questions/{question}/answer"),
    ("POST", "/api/questions/{question}/hide"),
    ("POST", "/api/questions/{question}/merge"),
    ("GET", "/api/map/config"),
    ("GET", "/api/places"),
    ("POST", "/api/places"),
    ("GET", "/api/places/near"),
    ("GET", "/api/places/export.csv"),
    ("GET", "/api/places/export.geojson"),
    ("POST", "/api/places/import"),
    ("GET", "/api/places/{place}"),
    ("PUT", "/api/places/{place}"),
    ("POST", "/api/places/{place}/suggestions"),
    ("DELETE", "/api/places/{place}"),
    ("GET", "/api/place-categories"),
    ("POST", "/api/place-categories"),
    ("GET", "/api/place-suggestions"),
    ("POST", "/api/place-suggestions/{suggestion}/decision"),
    ("POST", "/api/reports"),
    ("GET", "/api/reports"),
    ("POST", "/api/reports/{report_target}/{post}/decision"),
    ("POST", "/api/auth/logout"),
];

/// The routes that take no session cookie (an outside system's call carries a bearer token).
const OPEN: &[(&str, &str)] = &[
    ("GET", "/api/health"),
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/accept"),
    ("POST", "/api/auth/reset"),
    ("POST", "/api/setup"),
    ("POST", "/api/integrations/ideas/{idea}/status"),
];

/// Ids no row has, or that are not ids at all (an injection, a path trick, one too long).
const JUNK_IDS: &[&str] = &[
    MISSING,
    "junk",
    "%27%20OR%201%3D1--",
    "..%2F..%2Fsessions",
    "%00",
    "x",
];

/// Query strings a GET might be sent: wrong cursors, limits, filters, boxes and coordinates.
const JUNK_QUERIES: &[&str] = &[
    "",
    "cursor=junk&limit=-5",
    "cursor=9999999999999999999999.zz&limit=99999999999999999999",
    "q=%22%27*%00%F0%9F&kind=zzz&sort=zzz&status=zzz&category=zzz&filter=zzz",
    "q=&tag=%23%23&group=junk&author=junk&dept=junk&branch=junk",
    "bbox=a,b,c,d&lat=999&lng=-999&south=1e999&west=x&north=-&east=nan",
    "lat=-6.2&lng=106.8&categories=junk,,&since=-1&before=abc",
];

/// Field names the API's bodies use, for the wrong-type and oversized variants.
const FIELDS: &[&str] = &[
    "body",
    "name",
    "title",
    "description",
    "email",
    "role",
    "tags",
    "category",
    "visibility",
    "status",
    "note",
    "reason",
    "text",
    "answer",
    "phone",
    "address",
    "kind",
    "target",
    "group_id",
    "department_id",
    "enabled",
    "lat",
    "lng",
    "ids",
    "token",
    "password",
    "code",
    "starts_at",
    "ends_at",
    "into",
    "url",
    "position",
];

/// The bodies every write is sent: (what it is, content type, bytes).
fn junk_bodies() -> Vec<(&'static str, Option<&'static str>, Vec<u8>)> {
    let json_type = Some("application/json");
    let fields = |value: &dyn Fn(usize) -> Value| -> Vec<u8> {
        let object: serde_json::Map<String, Value> = FIELDS
            .iter()
            .enumerate()
            .map(|(i, f)| (f.to_string(), value(i)))
            .collect();
        Value::Object(object).to_string().into_bytes()
    };
    vec![
        ("no body", None, vec![]),
        ("not JSON", json_type, b"not json".to_vec()),
        ("cut-off JSON", json_type, b"{\"body\": ".to_vec()),
        ("an empty object", json_type, b"{}".to_vec()),
        ("an array", json_type, b"[]".to_vec()),
        ("null", json_type, b"null".to_vec()),
        (
            "wrong types",
            json_type,
            fields(&|i| [json!(42), json!({ "x": [] }), json!(true)][i % 3].clone()),
        ),
        (
            "extreme numbers",
            json_type,
            fields(&|i| [json!(-1), json!(1e300), json!(i64::MAX)][i % 3].clone()),
        ),
        // Over most fields' limits (names, titles, notes), under the 64 KB body limit.
        (
            "oversized fields",
            json_type,
            fields(&|i| json!(["x", "é", " "][i % 3].repeat(1_001))),
        ),
        (
            "a form",
            Some("application/x-www-form-urlencoded"),
            b"body=hi&name=x".to_vec(),
        ),
        (
            "bytes",
            Some("image/png"),
            vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 7],
        ),
        ("CSV", Some("text/csv"), b"name,email\n\"x,\n".to_vec()),
    ]
}

/// The routes the router matches, read from its source: method and path, `{}` for a variable.
fn routes_in_the_router() -> BTreeSet<(String, String)> {
    let source = include_str!("../src/http/router.rs");
    let mut routes = BTreeSet::new();
    for (at, _) in source.match_indices("(\"") {
        let Some((method, rest)) = source[at + 2..].split_once("\", [") else {
            continue;
        };
        if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method) {
            continue;
        }
        let pattern = rest.split_once(']').expect("a pattern ends with ]").0;
        let mut paths = vec!["/api".to_string()];
        for segment in pattern.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let options: Vec<&str> = if segment.starts_with('"') {
                segment
                    .split('|')
                    .map(|s| s.trim().trim_matches('"'))
                    .collect()
            } else {
                vec!["{}"]
            };
            paths = paths
                .iter()
                .flat_map(|p| options.iter().map(move |o| format!("{p}/{o}")))
                .collect();
        }
        routes.extend(paths.into_iter().map(|p| (method.to_string(), p)));
    }
    routes
}

/// `{kind}` → `{}`, to compare with the router's patterns.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn the_sweep_names_every_route_in_the_router() {
    let router = routes_in_the_router();
    assert!(router.len() > 100, "the router's source was not read");
    let swept: BTreeSet<(String, String)> = AUTHENTICATED
        .iter()
        .chain(OPEN)
        .map(|(m, p)| (m.to_string(), shape(p)))
        .collect();
    let missing: Vec<_> = router.difference(&swept).collect();
    let stale: Vec<_> = swept.difference(&router).collect();
    assert!(
        missing.is_empty(),
        "routes the sweep does not try: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "routes the router does not have: {stale:?}"
    );
}

/// The demo company, three people logged in, one real id of every kind, and a counter of
/// writes to everything but the request bookkeeping (sessions, rate limits, replay records).
struct Sweep {
    app: TestApp,
    actors: Vec<(&'static str, Who)>,
    ids: Vec<(&'static str, String)>,
}

impl Sweep {
    fn new() -> Self {
        let app = TestApp::new();
        seed::demo(&app.rt, &mut seed::Rng::new(7), NOW).unwrap();
        app.rt.set_now(NOW);
        let people: Vec<Value> = app.rows("SELECT email FROM users WHERE role = 'member' AND deactivated_at IS NULL ORDER BY email",
        );
        let email = |i: usize| people[i]["email"].as_str().unwrap().to_string();
        let admin = log_in(&app, DEMO_ADMIN_EMAIL);
        let member = log_in(&app, &email(0));
        let granted = log_in(&app, &email(1));
        // The person routes act on: never an actor, so no actor deactivates itself mid-sweep.
        let victim = log_in(&app, &email(2));
        for capability in ["communications", "places", "ideas", "moderation", "hr"] {
            app.set_grant(&admin, &granted, capability, true);
        }
        // Kinds the demo company has none of.
        let made = [
            ("/api/api-tokens", json!({ "name": "ERP" })),
            (
                "/api/saved-filters",
                json!({ "name": "Gudang", "query": "tag=gudang" }),
            ),
            ("/api/invites", json!({ "email": "new.hire@balai.demo" })),
            (
                "/api/bookmarks",
                json!({ "title": "Slip gaji", "url": "https://hr.example.co.id" }),
            ),
            (
                "/api/position-bookmarks",
                json!({ "position": "Kepala Gudang", "title": "SOP", "url": "https://sop.example.co.id" }),
            ),
        ];
        for (path, body) in made {
            let res = app.post(path, Some(&admin), body);
            assert!(res.status < 300, "{path}: {}", res.body);
        }
        let one = |table: &str| -> String {
            app.rows(&format!("SELECT id FROM {table} ORDER BY id LIMIT 1"))
                .first()
                .and_then(|r| r["id"].as_str().map(str::to_string))
                .unwrap_or_else(|| panic!("the demo company has no {table}"))
        };
        let victim_session = app.rows(&format!(
            "SELECT id FROM sessions WHERE user_id = '{}'",
            victim.id
        ))[0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let ids = vec![
            ("session", victim_session),
            ("post", one("posts")),
            ("comment", one("comments")),
            ("group", one("user_groups")),
            ("person", victim.id.clone()),
            ("follow_kind", "person".to_string()),
            ("follow_target", victim.id.clone()),
            ("saved_filter", one("saved_filters")),
            ("capability", "hr".to_string()),
            ("invite", one("invites")),
            ("bookmark", one("bookmarks")),
            ("position_bookmark", one("position_bookmarks")),
            ("department", one("departments")),
            ("idea", one("ideas")),
            ("idea_comment", one("idea_comments")),
            ("api_token", one("api_tokens")),
            ("round_table", one("round_tables")),
            ("question", one("rt_questions")),
            ("place", one("places")),
            ("suggestion", one("place_suggestions")),
            (
                "photo_post",
                app.rows("SELECT id FROM posts WHERE photos IS NOT NULL LIMIT 1")[0]["id"]
                    .as_str()
                    .expect("the demo company has posts with photos")
                    .to_string(),
            ),
            ("photo_number", "0".to_string()),
            ("report_target", "post".to_string()),
        ];
        count_writes(&app);
        Sweep {
            app,
            actors: vec![("member", member), ("granted", granted), ("admin", admin)],
            ids,
        }
    }

    /// `template` with every `{kind}` a real id, except `junk` in place of the one at `junk_at`.
    fn path(&self, template: &str, junk: Option<(usize, &str)>) -> String {
        let mut n = 0;
        template
            .split('/')
            .map(|segment| {
                let Some(kind) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                    return segment.to_string();
                };
                n += 1;
                match junk {
                    Some((at, id)) if at == n - 1 => id.to_string(),
                    _ => self
                        .ids
                        .iter()
                        .find(|(k, _)| *k == kind)
                        .unwrap_or_else(|| panic!("no id for {{{kind}}}"))
                        .1
                        .clone(),
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Sends one request and checks what every answer must be; answers the status.
    fn check(&self, what: &str, req: ApiRequest) -> u16 {
        // The write limit is tested on its own; here it would only answer 429 after a while.
        self.app.execute("DELETE FROM rate_limits");
        let writes_before = writes(&self.app);
        let is_get = req.method == "GET";
        let res = self.app.send(req);
        assert!(res.status < 500, "{what}: {} {}", res.status, res.body);
        if res.status >= 400 {
            let content_type = res.header("content-type").unwrap_or_default();
            assert!(
                content_type.starts_with("application/json"),
                "{what}: {} answered as {content_type}",
                res.status
            );
            let body: Value = serde_json::from_str(&res.body)
                .unwrap_or_else(|_| panic!("{what}: not JSON: {}", res.body));
            assert!(
                body["code"].as_str().is_some_and(|c| !c.is_empty())
                    && body["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{what}: {}",
                res.body
            );
        }
        if res.status >= 400 || is_get {
            let changed = writes(&self.app);
            assert_eq!(
                changed,
                writes_before,
                "{what}: answered {} yet wrote to {}",
                res.status,
                last_written(&self.app)
            );
        }
        res.status
    }
}

#[test]
fn no_route_answers_500_or_writes_when_it_refuses() {
    let sweep = Sweep::new();
    let bodies = junk_bodies();
    let mut requests = 0;
    for (method, template) in AUTHENTICATED {
        let placeholders = template.matches('{').count();
        // The real ids, then each id in turn replaced by junk.
        let mut paths = vec![sweep.path(template, None)];
        for at in 0..placeholders {
            paths.extend(JUNK_IDS.iter().map(|j| sweep.path(template, Some((at, j)))));
        }
        // No session, and a forged one.
        for path in &paths {
            let mut req = request(method, path, None, None);
            assert_eq!(
                sweep.check(&format!("{method} {path} without a session"), req.clone()),
                401
            );
            req.headers
                .push(("cookie".into(), "balai_session=forged".into()));
            assert_eq!(sweep.check(&format!("{method} {path} forged"), req), 401);
        }
        for (role, who) in &sweep.actors {
            for (i, path) in paths.iter().enumerate() {
                if *method == "GET" {
                    // Junk queries on the real path; junk ids with none.
                    let queries = if i == 0 { JUNK_QUERIES } else { &[""][..] };
                    for query in queries {
                        let mut req = request(method, path, Some(who), None);
                        req.query = query.to_string();
                        sweep.check(&format!("{method} {path}?{query} as {role}"), req);
                        requests += 1;
                    }
                    continue;
                }
                let mut cross_site = request(method, path, Some(who), None);
                cross_site
                    .headers
                    .retain(|(k, _)| k != "origin" && k != "sec-fetch-site");
                cross_site
                    .headers
                    .push(("origin".into(), "https://evil.example".into()));
                let what = format!("{method} {path} cross-site as {role}");
                assert_eq!(sweep.check(&what, cross_site), 403, "{what}");
                // Every body on the real path; on junk ids, none and an empty object.
                for (label, content_type, bytes) in &bodies {
                    if i > 0 && !matches!(*label, "no body" | "an empty object") {
                        continue;
                    }
                    let mut req = request(method, path, Some(who), None);
                    if let Some(content_type) = content_type {
                        req.headers
                            .push(("content-type".into(), content_type.to_string()));
                    }
                    req.body = bytes.clone();
                    sweep.check(&format!("{method} {path} with {label} as {role}"), req);
                    requests += 1;
                }
            }
        }
    }
    for (method, template) in OPEN {
        let mut paths = vec![sweep.path(template, None)];
        paths.extend(JUNK_IDS.iter().map(|j| sweep.path(template, Some((0, j)))));
        paths.dedup();
        for path in &paths {
            for (label, content_type, bytes) in &bodies {
                let mut req = request(method, path, None, None);
                if let Some(content_type) = content_type {
                    req.headers
                        .push(("content-type".into(), content_type.to_string()));
                }
                if *method != "GET" {
                    req.body = bytes.clone();
                }
                // An outside system's token, a junk one.
                req.headers
                    .push(("authorization".into(), "Bearer junk".into()));
                sweep.check(&format!("{method} {path} with {label}"), req);
                requests += 1;
            }
        }
    }
    eprintln!("swept {requests} requests");
}

/// Offboarding ends access on the very next request, whichever route it is: the hot reads that
/// check the session in their own D1 round trip included. So does a session left idle too long.
#[test]
fn an_ended_session_is_refused_on_every_route() {
    use balai_functions::service::sessions::IDLE_TIMEOUT_MS;
    let app = TestApp::new();
    app.rt.set_now(NOW);
    let admin = app.admin();
    let (leaver, idle) = (app.member("leaver"), app.member("idle"));
    let res = app.post(
        &format!("/api/people/{}/deactivate", leaver.id),
        Some(&admin),
        json!({}),
    );
    assert_eq!(res.status, 204, "{}", res.body);
    let refused_everywhere = |who: &Who| {
        for (method, template) in AUTHENTICATED {
            let path = template
                .split('/')
                .map(|s| if s.starts_with('{') { MISSING } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let res = app.call(method, &path, Some(who), Some(json!({})));
            assert_error(&res, 401, "unauthenticated");
        }
    };
    refused_everywhere(&leaver);
    assert_eq!(app.get("/api/me", Some(&idle)).status, 200, "still in");
    app.rt.advance(IDLE_TIMEOUT_MS + 1);
    refused_everywhere(&idle);
}

fn log_in(app: &TestApp, email: &str) -> Who {
    let res = app.post(
        "/api/auth/login",
        None,
        json!({ "email": email, "password": DEMO_PASSWORD }),
    );
    assert_eq!(res.status, 200, "login of {email}: {}", res.body);
    Who {
        id: json(&res)["id"].as_str().unwrap().to_string(),
        email: email.to_string(),
        cookie: session_cookie(&res).unwrap(),
    }
}

/// Temporary triggers that count every write to a table that holds the company's data (the
/// search index follows its tables; sessions, rate limits and replay records are bookkeeping).
fn count_writes(app: &TestApp) {
    app.execute("CREATE TEMP TABLE sweep_writes (n INTEGER NOT NULL, last TEXT NOT NULL)");
    app.execute("INSERT INTO sweep_writes VALUES (0, '')");
    let tables = app.rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '%fts%' AND name NOT IN ('sessions', 'rate_limits', 'idempotency')",
    );
    for table in tables {
        let table = table["name"].as_str().unwrap();
        for event in ["INSERT", "UPDATE", "DELETE"] {
            app.execute(&format!(
                "CREATE TEMP TRIGGER sweep_{table}_{event} AFTER {event} ON main.{table}
                     BEGIN UPDATE sweep_writes SET n = n + 1, last = '{event} {table}'; END"
            ));
        }
    }
}

fn writes(app: &TestApp) -> i64 {
    app.rows("SELECT n FROM sweep_writes")[0]["n"]
        .as_i64()
        .unwrap()
}

fn last_written(app: &TestApp) -> String {
    app.rows("SELECT last FROM sweep_writes")[0]["last"]
        .as_str()
        .unwrap()
        .to_string()
}
