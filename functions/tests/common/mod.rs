//! A Balai API over in-memory SQLite, driven through the same `handle` the Worker runs.
#![allow(dead_code)] // each test file uses its own part of this helper

use balai_functions::http::{ApiRequest, ApiResponse, SESSION_COOKIE, handle};
use balai_functions::runtime::native::{NativeRuntime, block_on};
use balai_functions::seed;
use balai_functions::store::Db;
use balai_protocol::auth::Role;
use serde_json::Value;
use std::sync::OnceLock;

pub const ORIGIN: &str = "http://127.0.0.1:8787";
pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub rt: NativeRuntime,
}

/// A logged-in person: their id and session cookie.
#[derive(Clone)]
pub struct Who {
    pub id: String,
    pub email: String,
    pub cookie: String,
}

/// One PBKDF2 hash at the production count, shared by test people (hashing is the slow part).
fn shared_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| seed::hash_password(&NativeRuntime::in_memory(), PASSWORD))
}

impl TestApp {
    pub fn new() -> Self {
        TestApp {
            rt: NativeRuntime::in_memory(),
        }
    }

    /// Creates a person and logs them in through the API.
    pub fn person(&self, email: &str, role: Role) -> Who {
        self.person_in(email, role, None)
    }

    /// Creates a person in a department (see [`TestApp::department`]) and logs them in.
    pub fn person_in(&self, email: &str, role: Role, department: Option<&str>) -> Who {
        let name = email.split('@').next().unwrap();
        let p = seed::person(&self.rt, email, name, role, shared_hash(), department, None).unwrap();
        let res = self.post(
            "/api/auth/login",
            None,
            serde_json::json!({ "email": email, "password": PASSWORD }),
        );
        assert_eq!(res.status, 200, "login of {email}: {}", res.body);
        Who {
            id: p.actor.id,
            email: email.to_string(),
            cookie: session_cookie(&res).expect("login sets the session cookie"),
        }
    }

    /// Creates a department and answers its id.
    pub fn department(&self, name: &str) -> String {
        let id = balai_functions::service::ids::new_id(&self.rt);
        block_on(balai_functions::store::Db::run(
            balai_functions::runtime::Runtime::db(&self.rt),
            balai_functions::stmt!(
                "INSERT INTO departments (id, name) VALUES (?, ?)",
                id.as_str(),
                name
            ),
        ))
        .unwrap();
        id
    }

    pub fn admin(&self) -> Who {
        self.person("admin@example.co.id", Role::Admin)
    }

    pub fn member(&self, name: &str) -> Who {
        self.person(&format!("{name}@example.co.id"), Role::Member)
    }

    pub fn send(&self, req: ApiRequest) -> ApiResponse {
        block_on(handle(&self.rt, &req))
    }

    pub fn get(&self, path: &str, who: Option<&Who>) -> ApiResponse {
        self.send(request("GET", path, who, None))
    }

    /// A GET and the D1 round trips it made (its cost on Cloudflare is per round trip).
    pub fn get_counting_round_trips(&self, path: &str, who: Option<&Who>) -> (ApiResponse, u32) {
        let before = Db::usage(&self.rt.db).queries;
        let res = self.get(path, who);
        (res, Db::usage(&self.rt.db).queries - before)
    }

    pub fn post(&self, path: &str, who: Option<&Who>, body: Value) -> ApiResponse {
        self.send(request("POST", path, who, Some(body)))
    }

    pub fn call(
        &self,
        method: &str,
        path: &str,
        who: Option<&Who>,
        body: Option<Value>,
    ) -> ApiResponse {
        self.send(request(method, path, who, body))
    }

    /// A POST with an `Idempotency-Key`.
    pub fn post_keyed(&self, path: &str, who: &Who, body: Value, key: &str) -> ApiResponse {
        let mut req = request("POST", path, Some(who), Some(body));
        req.headers.push(("idempotency-key".into(), key.into()));
        self.send(req)
    }

    /// Creates a project group and answers its id.
    pub fn create_group(&self, who: &Who, name: &str, visibility: &str) -> String {
        let res = self.post(
            "/api/groups",
            Some(who),
            serde_json::json!({ "name": name, "description": "d", "category": "project",
                                "tags": ["#Gudang", "erp"], "visibility": visibility }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    }

    /// Posts into a group and answers the post's id.
    pub fn post_in(&self, who: &Who, group: &str, body: &str) -> String {
        let res = self.post(
            "/api/posts",
            Some(who),
            serde_json::json!({ "body": body, "group_id": group }),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    }

    /// The ids of a page of posts (a feed path).
    pub fn post_ids(&self, who: &Who, path: &str) -> Vec<String> {
        let res = self.get(path, Some(who));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        json(&res)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect()
    }

    /// The rows a SQL query answers on the test database (what the API does not show).
    pub fn rows(&self, sql: &str) -> Vec<Value> {
        block_on(self.rt.db.all(raw(sql))).unwrap()
    }

    /// Runs a SQL statement on the test database (set-up the API cannot do).
    pub fn execute(&self, sql: &str) {
        block_on(self.rt.db.run(raw(sql))).unwrap();
    }

    /// The audit log, oldest first: each entry's action and target.
    pub fn audit(&self) -> Vec<Value> {
        block_on(balai_functions::store::Db::all(
            balai_functions::runtime::Runtime::db(&self.rt),
            balai_functions::stmt!("SELECT action, target FROM audit_log ORDER BY created_at, id"),
        ))
        .unwrap()
    }

    /// `admin` grants (`enabled`) or withdraws `to`'s capability ("communications", "hr"…).
    pub fn set_grant(&self, admin: &Who, to: &Who, capability: &str, enabled: bool) {
        let res = self.call(
            "PUT",
            &format!("/api/people/{}/grants/{capability}", to.id),
            Some(admin),
            Some(serde_json::json!({ "enabled": enabled })),
        );
        assert_eq!(res.status, 204, "{}", res.body);
    }

    pub fn new_post(&self, who: &Who, body: &str) -> String {
        let res = self.post("/api/posts", Some(who), serde_json::json!({ "body": body }));
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    }
}

/// A statement without parameters, written by a test.
fn raw(sql: &str) -> balai_functions::store::Stmt {
    balai_functions::store::Stmt {
        sql: sql.to_string().into(),
        params: vec![],
    }
}

/// A same-origin browser request, as the app makes it.
pub fn request(method: &str, path: &str, who: Option<&Who>, body: Option<Value>) -> ApiRequest {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut headers = vec![
        ("origin".to_string(), ORIGIN.to_string()),
        ("sec-fetch-site".to_string(), "same-origin".to_string()),
        (
            "user-agent".to_string(),
            "Mozilla/5.0 (Linux; Android 14) test".to_string(),
        ),
    ];
    if let Some(who) = who {
        headers.push(("cookie".into(), format!("{SESSION_COOKIE}={}", who.cookie)));
    }
    if body.is_some() {
        headers.push(("content-type".into(), "application/json".into()));
    }
    ApiRequest {
        method: method.into(),
        path: path.into(),
        query: query.into(),
        headers,
        body: body.map(|b| b.to_string().into_bytes()).unwrap_or_default(),
        client_ip: "203.0.113.7".into(),
        origin: ORIGIN.into(),
    }
}

/// A CSV file POSTed as the app sends it (an import).
pub fn csv_request(path: &str, who: &Who, csv: &str) -> ApiRequest {
    let mut req = request("POST", path, Some(who), None);
    req.headers.push(("content-type".into(), "text/csv".into()));
    req.body = csv.as_bytes().to_vec();
    req
}

pub fn session_cookie(res: &ApiResponse) -> Option<String> {
    let set = res.header("set-cookie")?;
    let value = set
        .strip_prefix(&format!("{SESSION_COOKIE}="))?
        .split(';')
        .next()?;
    (!value.is_empty()).then(|| value.to_string())
}

pub fn json(res: &ApiResponse) -> Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", res.body))
}

/// The `name` of each item of a page's answer, in order.
pub fn item_names(res: &ApiResponse) -> Vec<String> {
    json(res)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_string())
        .collect()
}

/// Asserts an error response: status, stable code, and the JSON error shape.
pub fn assert_error(res: &ApiResponse, status: u16, code: &str) {
    assert_eq!(res.status, status, "body: {}", res.body);
    let body = json(res);
    assert_eq!(body["code"], code, "body: {}", res.body);
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

/// Percent-encodes a value (a cursor) for a query string.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
