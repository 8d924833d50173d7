//! The company map: validation, who sees which place (at the API, not only in the UI), the
//! bounding-box and nearest queries, CSV import and export, suggestions and categories.

mod common;

use balai_protocol::auth::Role;
use common::{TestApp, Who, assert_error, csv_request, json, request};
use serde_json::{Value, json as j};

struct Company {
    app: TestApp,
    admin: Who,
    /// In Sales: sees the clients restricted to Sales.
    sales: Who,
    /// In Finance: does not.
    finance: Who,
    sales_dept: String,
}

fn company() -> Company {
    let app = TestApp::new();
    let sales_dept = app.department("Penjualan");
    let finance_dept = app.department("Keuangan");
    let admin = app.admin();
    let sales = app.person_in("ani@example.co.id", Role::Member, Some(&sales_dept));
    let finance = app.person_in("budi@example.co.id", Role::Member, Some(&finance_dept));
    Company {
        app,
        admin,
        sales,
        finance,
        sales_dept,
    }
}

fn place(name: &str, category: &str, lat: f64, lng: f64) -> Value {
    j!({ "name": name, "category_id": category, "lat": lat, "lng": lng,
         "address": "Jl. Sudirman 1", "visibility": "all" })
}

impl Company {
    fn create(&self, body: Value) -> String {
        let res = self.app.post("/api/places", Some(&self.admin), body);
        assert_eq!(res.status, 201, "{}", res.body);
        json(&res)["id"].as_str().unwrap().to_string()
    }

    /// A client in Surabaya only Sales may see.
    fn secret_client(&self) -> String {
        let mut body = place("PT Rahasia Klien", "client", -7.26, 112.75);
        body["visibility"] = "restricted".into();
        body["audience"] = j!([self.sales_dept]);
        body["address"] = "Jl. Tunjungan 99".into();
        self.create(body)
    }

    fn names(&self, who: &Who, path: &str) -> Vec<String> {
        let res = self.app.get(path, Some(who));
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        let body = json(&res);
        let list = if body.is_array() {
            body.as_array().unwrap().clone()
        } else {
            body["places"].as_array().unwrap().clone()
        };
        list.iter()
            .map(|p| {
                p.get("place").unwrap_or(p)["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }
}

const INDONESIA: &str = "/api/places?bbox=95,-11,141,6";

#[test]
fn bad_places_are_refused_with_the_field_and_nothing_is_written() {
    let c = company();
    let cases = [
        (j!({"lat": 91.0}), "lat"),
        (j!({"lng": -181.0}), "lng"),
        (j!({"lat": 0.0, "lng": 0.0}), "lat"),
        (j!({"category_id": "spaceport"}), "category_id"),
        (j!({"name": "  "}), "name"),
        (j!({"name": "x".repeat(121)}), "name"),
        (j!({"phone": "call me"}), "phone"),
        (j!({"category_id": "event"}), "starts_at"),
        (
            j!({"category_id": "event", "starts_at": 2000, "ends_at": 1000}),
            "ends_at",
        ),
        (
            j!({"visibility": "restricted", "audience": ["nope"]}),
            "audience",
        ),
    ];
    for (patch, field) in cases {
        let mut body = place("Kantor Surabaya", "branch", -7.25, 112.75);
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let res = c.app.post("/api/places", Some(&c.admin), body);
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], field, "{patch}: {}", res.body);
    }
    let res = c.app.get("/api/places?bbox=not,a,box", Some(&c.admin));
    assert_error(&res, 400, "bad_request");
    assert!(c.names(&c.admin, INDONESIA).is_empty());
}

#[test]
fn only_map_editors_write_and_a_retry_creates_once() {
    let c = company();
    let body = place("Cabang Surabaya", "branch", -7.2575, 112.7521);
    assert_error(
        &c.app.post("/api/places", Some(&c.sales), body.clone()),
        403,
        "forbidden",
    );
    let first = c
        .app
        .post_keyed("/api/places", &c.admin, body.clone(), "k-1");
    let again = c
        .app
        .post_keyed("/api/places", &c.admin, body.clone(), "k-1");
    assert_eq!(first.status, 201);
    assert_eq!(again.body, first.body, "a retry answers the first result");
    assert_eq!(c.names(&c.admin, INDONESIA).len(), 1);
    assert_error(
        &c.app.post("/api/places", Some(&c.admin), body.clone()),
        409,
        "conflict",
    );

    // An admin grants 'places': the colleague edits the map from their next request.
    let grant = format!("/api/people/{}/grants/places", c.sales.id);
    let res = c
        .app
        .call("PUT", &grant, Some(&c.admin), Some(j!({"enabled": true})));
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        json(&c.app.get("/api/me", Some(&c.sales)))["grants"]["place_editor"],
        true
    );
    let res = c.app.post(
        "/api/places",
        Some(&c.sales),
        place("Gudang Sidoarjo", "branch", -7.45, 112.7),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let id = json(&res)["id"].as_str().unwrap().to_string();
    let mut edited = place("Gudang Sidoarjo 2", "branch", -7.45, 112.7);
    edited["phone"] = "+62 31 555 0101".into();
    let res = c.app.call(
        "PUT",
        &format!("/api/places/{id}"),
        Some(&c.sales),
        Some(edited),
    );
    assert_eq!(json(&res)["name"], "Gudang Sidoarjo 2");
    assert_eq!(json(&res)["phone"], "+62 31 555 0101");
    let res = c.app.call(
        "DELETE",
        &format!("/api/places/{id}"),
        Some(&c.finance),
        None,
    );
    assert_error(&res, 403, "forbidden");
    let res = c
        .app
        .call("DELETE", &format!("/api/places/{id}"), Some(&c.sales), None);
    assert_eq!(res.status, 204);
    assert_eq!(
        c.names(&c.finance, INDONESIA),
        vec!["Cabang Surabaya"],
        "archived leaves the map"
    );
    assert_error(
        &c.app.get(&format!("/api/places/{id}"), Some(&c.finance)),
        404,
        "not_found",
    );
    let actions: Vec<String> = c
        .app
        .audit()
        .iter()
        .map(|a| a["action"].as_str().unwrap().to_string())
        .collect();
    for a in [
        "place.create",
        "person.places.grant",
        "place.update",
        "place.archive",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
}

#[test]
fn a_restricted_client_never_reaches_people_outside_its_audience() {
    let c = company();
    c.create(place("Cabang Surabaya", "branch", -7.2575, 112.7521));
    let client = c.secret_client();
    let near = "/api/places/near?lat=-7.26&lng=112.75";
    for who in [&c.admin, &c.sales] {
        assert_eq!(c.names(who, INDONESIA).len(), 2);
        assert_eq!(c.names(who, near)[0], "PT Rahasia Klien");
        assert_eq!(
            c.app
                .get(&format!("/api/places/{client}"), Some(who))
                .status,
            200
        );
    }
    let outsider = &c.finance;
    assert_eq!(c.names(outsider, INDONESIA), vec!["Cabang Surabaya"]);
    assert_eq!(c.names(outsider, near), vec!["Cabang Surabaya"]);
    assert_error(
        &c.app.get(&format!("/api/places/{client}"), Some(outsider)),
        404,
        "not_found",
    );
    let csv = c.app.get("/api/places/export.csv", Some(outsider)).body;
    let geojson = c.app.get("/api/places/export.geojson", Some(outsider)).body;
    for body in [&csv, &geojson] {
        assert!(body.contains("Cabang Surabaya"));
        assert!(
            !body.contains("Rahasia") && !body.contains("Tunjungan"),
            "{body}"
        );
    }
    assert!(
        c.app
            .get("/api/places/export.csv", Some(&c.sales))
            .body
            .contains("Tunjungan")
    );
    // Suggesting a correction or tagging a post needs to see the place.
    let res = c.app.post(
        &format!("/api/places/{client}/suggestions"),
        Some(outsider),
        j!({"note": "x"}),
    );
    assert_error(&res, 404, "not_found");
    let res = c.app.post(
        "/api/posts",
        Some(outsider),
        j!({"body": "hi", "place_id": client}),
    );
    assert_error(&res, 404, "not_found");

    // A post "at" the client: its text is for everyone, the place's name only for its audience.
    let res = c.app.post(
        "/api/posts",
        Some(&c.sales),
        j!({"body": "Visit done", "place_id": client}),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let feed = |who: &Who| json(&c.app.get("/api/posts", Some(who)))["items"][0]["place"].clone();
    assert_eq!(feed(&c.sales)["name"], "PT Rahasia Klien");
    assert_eq!(feed(outsider), Value::Null);
    let about = format!("/api/posts?place={client}");
    assert_eq!(c.app.post_ids(&c.sales, &about).len(), 1);
    assert_error(&c.app.get(&about, Some(outsider)), 404, "not_found");
}

#[test]
fn a_crowded_box_is_capped_with_cluster_hints_covering_every_place() {
    let c = company();
    let mut csv = String::from("name,category,lat,lng\n");
    for i in 0..120 {
        let (lat, lng) = if i % 2 == 0 {
            (-6.2, 106.8)
        } else {
            (-7.25, 112.75)
        };
        csv.push_str(&format!(
            "Toko {i},supplier,{},{}\n",
            lat + i as f64 * 1e-4,
            lng
        ));
    }
    let res = c
        .app
        .send(csv_request("/api/places/import", &c.admin, &csv));
    assert_eq!(json(&res)["imported"], 120, "{}", res.body);
    // The places come with the session lookup in one round trip; the hints take a second.
    let (res, trips) = c
        .app
        .get_counting_round_trips(&format!("{INDONESIA}&limit=50"), Some(&c.finance));
    assert_eq!(trips, 2);
    let res = json(&res);
    assert_eq!(res["places"].as_array().unwrap().len(), 50);
    assert_eq!(res["truncated"], true);
    assert_eq!(res["total"], 120);
    let clusters = res["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 2, "Jakarta and Surabaya: {clusters:?}");
    assert!(clusters.iter().all(|k| k["count"] == 60));
    // Filters narrow what is counted.
    let res = json(&c.app.get(
        &format!("{INDONESIA}&q=toko%201&category=supplier"),
        Some(&c.finance),
    ));
    assert_eq!(res["total"], 31, "Toko 1, 10–19, 100–119");
    let res = json(&c.app.get(
        &format!("{INDONESIA}&category=branch,client"),
        Some(&c.finance),
    ));
    assert_eq!(res["total"], 0);
    // A small box holds only what is in it, answered in one round trip.
    let (jakarta, trips) = c
        .app
        .get_counting_round_trips("/api/places?bbox=106.7,-6.3,106.9,-6.1", Some(&c.finance));
    assert_eq!(trips, 1, "the session lookup batched with the places");
    let jakarta = json(&jakarta);
    assert_eq!(jakarta["total"], 60);
    assert_eq!(jakarta["truncated"], false);
    // Without a session, 401 whatever the box.
    for bbox in ["106.7,-6.3,106.9,-6.1", "not,a,box"] {
        let res = c.app.get(&format!("/api/places?bbox={bbox}"), None);
        assert_error(&res, 401, "unauthenticated");
    }
}

#[test]
fn nearest_places_come_nearest_first_with_distances() {
    let c = company();
    for (name, lat, lng) in [
        ("Cabang Medan", 3.5952, 98.6722),
        ("Cabang Surabaya", -7.2575, 112.7521),
        ("Kantor Pusat Jakarta", -6.2088, 106.8456),
        ("Kantor Bogor", -6.5971, 106.8060),
    ] {
        c.create(place(name, "branch", lat, lng));
    }
    // Standing in south Jakarta: the head office is 16 km away, Bogor 28 km.
    let res = json(&c.app.get(
        "/api/places/near?lat=-6.35&lng=106.82&limit=3",
        Some(&c.finance),
    ));
    let names: Vec<&str> = res
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["place"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["Kantor Pusat Jakarta", "Kantor Bogor", "Cabang Surabaya"]
    );
    let metres: Vec<f64> = res
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["distance_m"].as_f64().unwrap())
        .collect();
    assert!((15_000.0..17_000.0).contains(&metres[0]), "{metres:?}");
    assert!(metres.windows(2).all(|w| w[0] <= w[1]));
    let res = c
        .app
        .get("/api/places/near?lat=abc&lng=1", Some(&c.finance));
    assert_error(&res, 400, "bad_request");
}

#[test]
fn an_import_reports_every_bad_row_and_writes_nothing_unless_asked() {
    let c = company();
    c.create(place("Cabang Surabaya", "branch", -7.2575, 112.7521));
    let csv = "Name,Category,Address,Lat,Lng,Department\n\
               Percetakan Jaya,supplier,Jl. A,-6.2,106.8,Penjualan\n\
               Cabang Surabaya,Branch / office,Jl. B,-7.2575,112.7521,\n\
               Toko Tanpa Titik,supplier,Jl. C,abc,106.8,\n\
               Planet,spaceport,Jl. D,-6.1,106.7,\n\
               Percetakan Jaya,supplier,Jl. A,-6.2,106.8,\n\
               Hotel Lautan,venue,Jl. E,0,0,Marketing\n";
    let res = c.app.send(csv_request("/api/places/import", &c.admin, csv));
    assert_eq!(res.status, 200, "{}", res.body);
    let report = json(&res);
    assert_eq!(
        (
            report["valid"].as_i64(),
            report["invalid"].as_i64(),
            report["imported"].as_i64()
        ),
        (Some(1), Some(5), Some(0))
    );
    let errors = |line: i64| -> String {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["line"] == line)
            .unwrap()["errors"]
            .to_string()
    };
    assert_eq!(errors(2), "[]");
    assert!(errors(3).contains("already on the map"), "{}", errors(3));
    assert!(
        errors(4).contains("lat: \\\"abc\\\" is not a number"),
        "{}",
        errors(4)
    );
    assert!(errors(5).contains("Unknown category"), "{}", errors(5));
    assert!(errors(6).contains("Duplicate of line 2"), "{}", errors(6));
    assert!(
        errors(7).contains("coordinates look missing") && errors(7).contains("Unknown department"),
        "{}",
        errors(7)
    );
    assert_eq!(
        c.names(&c.admin, INDONESIA).len(),
        1,
        "nothing half-imported"
    );

    let res = c.app.send(csv_request(
        "/api/places/import?valid_only=1",
        &c.admin,
        csv,
    ));
    assert_eq!(json(&res)["imported"], 1);
    assert_eq!(c.names(&c.admin, INDONESIA).len(), 2);
    // Importing the same file again adds nothing: every row is now a duplicate.
    let res = c.app.send(csv_request(
        "/api/places/import?valid_only=1",
        &c.admin,
        csv,
    ));
    assert_eq!(json(&res)["imported"], 0);

    let res = c.app.send(csv_request(
        "/api/places/import",
        &c.admin,
        "name,lat\nx,1\n",
    ));
    assert_error(&res, 400, "validation");
    assert!(
        json(&res)["message"]
            .as_str()
            .unwrap()
            .contains("category, lng")
    );
    let res = c.app.send(csv_request("/api/places/import", &c.sales, csv));
    assert_error(&res, 403, "forbidden");
}

#[test]
fn an_export_imports_back_as_it_was() {
    let c = company();
    c.secret_client();
    let mut event = place("Pameran \"Produk\", Surabaya", "event", -7.29, 112.73);
    event["starts_at"] = 1_796_092_200_000i64.into();
    event["ends_at"] = 1_796_121_000_000i64.into();
    event["tags"] = j!(["pameran", "expo"]);
    c.create(event);
    let exported = c.app.get("/api/places/export.csv", Some(&c.admin));
    assert_eq!(
        exported.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        exported.body.contains("2026-12-01 09:30"),
        "{}",
        exported.body
    );

    let other = company();
    let res = other.app.send(csv_request(
        "/api/places/import",
        &other.admin,
        &exported.body,
    ));
    assert_eq!(json(&res)["imported"], 2, "{}", res.body);
    let csv_again = other
        .app
        .get("/api/places/export.csv", Some(&other.admin))
        .body;
    assert_eq!(csv_again, exported.body);
    assert_eq!(
        other.names(&other.finance, INDONESIA).len(),
        1,
        "the client stays restricted"
    );
}

#[test]
fn suggestions_are_decided_by_editors_once() {
    let c = company();
    let id = c.create(place("Cabang Surabaya", "branch", -7.2575, 112.7521));
    let suggest = || {
        c.app.post_keyed(
            &format!("/api/places/{id}/suggestions"),
            &c.finance,
            j!({"note": "Nomor telepon baru", "changes": {"phone": "+62 31 555 7777", "lat": -7.26, "lng": 112.76}}),
            "suggest-1",
        )
    };
    let res = suggest();
    assert_eq!(res.status, 201, "{}", res.body);
    let suggestion = json(&res)["id"].as_str().unwrap().to_string();
    // Next to each proposed field, its present value, and no other field.
    let current = j!({"phone": "", "lat": -7.2575, "lng": 112.7521});
    assert_eq!(json(&res)["current"], current);
    // Sent again (the answer was lost on the way): the same suggestion, not a second.
    let retry = suggest();
    assert_eq!(
        (retry.status, json(&retry)["id"].clone()),
        (201, json(&res)["id"].clone())
    );
    let res = c.app.post(
        &format!("/api/places/{id}/suggestions"),
        Some(&c.finance),
        j!({"note": "", "changes": {}}),
    );
    assert_error(&res, 400, "validation");
    let res = c.app.post(
        &format!("/api/places/{id}/suggestions"),
        Some(&c.finance),
        j!({"note": "x", "changes": {"lat": 1.0}}),
    );
    assert_error(&res, 400, "validation");

    assert_error(
        &c.app.get("/api/place-suggestions", Some(&c.finance)),
        403,
        "forbidden",
    );
    let open = json(&c.app.get("/api/place-suggestions", Some(&c.admin)));
    assert_eq!(open["items"][0]["note"], "Nomor telepon baru", "{open}");
    assert_eq!(open["items"][0]["current"], current);
    assert_eq!(open["items"].as_array().unwrap().len(), 1, "{open}");
    let decide = format!("/api/place-suggestions/{suggestion}/decision");
    assert_error(
        &c.app.post(&decide, Some(&c.finance), j!({"accept": true})),
        403,
        "forbidden",
    );
    assert_eq!(
        c.app
            .post(&decide, Some(&c.admin), j!({"accept": true}))
            .status,
        204
    );
    assert_error(
        &c.app.post(&decide, Some(&c.admin), j!({"accept": false})),
        409,
        "conflict",
    );
    let now = json(&c.app.get(&format!("/api/places/{id}"), Some(&c.finance)));
    assert_eq!(now["phone"], "+62 31 555 7777");
    assert_eq!(now["lat"], -7.26);
    assert_eq!(now["name"], "Cabang Surabaya", "unchanged fields stay");
    assert!(
        json(&c.app.get("/api/place-suggestions", Some(&c.admin)))["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn admins_add_categories_and_everyone_reads_them() {
    let c = company();
    let body = j!({"name": "Rumah Sakit", "colour": "#C0392B", "icon": "🏥"});
    assert_error(
        &c.app
            .post("/api/place-categories", Some(&c.sales), body.clone()),
        403,
        "forbidden",
    );
    let res = c
        .app
        .post("/api/place-categories", Some(&c.admin), body.clone());
    assert_eq!(res.status, 201, "{}", res.body);
    assert_eq!(json(&res)["id"], "rumah-sakit");
    assert_eq!(json(&res)["colour"], "#c0392b");
    assert_error(
        &c.app.post("/api/place-categories", Some(&c.admin), body),
        409,
        "conflict",
    );
    let bad = j!({"name": "X", "colour": "red", "icon": "🏥"});
    assert_error(
        &c.app.post("/api/place-categories", Some(&c.admin), bad),
        400,
        "validation",
    );
    let list = json(&c.app.get("/api/place-categories", Some(&c.finance)));
    assert_eq!(list.as_array().unwrap().len(), 6);
    // The departments a restricted place's audience is chosen from.
    let departments = json(&c.app.get("/api/departments", Some(&c.finance)));
    assert_eq!(departments[0]["name"], "Keuangan");
    assert_eq!(departments[1]["id"], c.sales_dept);
    c.create(place("RS Husada", "Rumah Sakit", -6.2, 106.8));
}

#[test]
fn tiles_and_the_map_need_a_session() {
    let c = company();
    let req = request("GET", "/api/tiles/5/25/16.png", None, None);
    let err = balai_functions::runtime::native::block_on(balai_functions::http::tiles::authorize(
        &c.app.rt, &req,
    ))
    .unwrap_err();
    assert_eq!(err.code.status(), 401);
    let req = request("GET", "/api/tiles/5/25/16.png", Some(&c.finance), None);
    assert!(
        balai_functions::runtime::native::block_on(balai_functions::http::tiles::authorize(
            &c.app.rt, &req
        ))
        .is_ok()
    );
    assert_error(&c.app.get("/api/map/config", None), 401, "unauthenticated");
    let config = json(&c.app.get("/api/map/config", Some(&c.finance)));
    assert!(
        config["attribution"]
            .as_str()
            .unwrap()
            .contains("OpenStreetMap")
    );
}

/// A tapped pin and the map's categories check the session in the same D1 round trip as their
/// read, and keep who-sees-what: a restricted client only for its audience, an archived place
/// only for editors, 404 alike for the rest.
#[test]
fn a_pin_and_the_categories_are_one_round_trip_each() {
    let c = company();
    let client = c.secret_client();
    let branch = c.create(place("Cabang Medan", "branch", 3.59, 98.67));
    let one_trip = |who: &Who, path: &str| {
        let (res, trips) = c.app.get_counting_round_trips(path, Some(who));
        assert_eq!(trips, 1, "{path}: the session lookup batched with its read");
        res
    };
    let client_path = format!("/api/places/{client}");
    let res = one_trip(&c.sales, &client_path);
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["address"], "Jl. Tunjungan 99");
    assert_eq!(json(&res)["can_edit"], false);
    assert_error(&one_trip(&c.finance, &client_path), 404, "not_found");
    let categories = json(&one_trip(&c.finance, "/api/place-categories"));
    assert!(
        categories
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["id"] == "branch")
    );

    let branch_path = format!("/api/places/{branch}");
    let res = c.app.call("DELETE", &branch_path, Some(&c.admin), None);
    assert!(res.status < 300, "{}", res.body);
    assert_error(&one_trip(&c.sales, &branch_path), 404, "not_found");
    let res = one_trip(&c.admin, &branch_path);
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["archived"], true);

    // No session is 401 before anything else; a malformed id is refused, not looked up.
    for path in [
        client_path.as_str(),
        "/api/places/bad%20id",
        "/api/place-categories",
    ] {
        assert_error(&c.app.get(path, None), 401, "unauthenticated");
    }
    assert_eq!(
        c.app.get("/api/places/bad%20id", Some(&c.sales)).status / 100,
        4
    );
}

#[test]
fn the_nearest_places_in_town_are_one_round_trip_and_read_nothing_further_out() {
    let c = company();
    let import = |csv: &str| {
        let res = c.app.send(csv_request("/api/places/import", &c.admin, csv));
        assert_eq!(res.status, 200, "{}", res.body);
    };
    // Three offices within a kilometre of the Monas, listed furthest first.
    import(
        "name,category,lat,lng\n\
         Kantor C,branch,-6.1788,106.8456\n\
         Kantor A,branch,-6.1758,106.8276\n\
         Kantor B,branch,-6.1694,106.8356\n",
    );
    let here = "/api/places/near?lat=-6.1754&lng=106.8272&limit=3";
    let (res, trips) = c.app.get_counting_round_trips(here, Some(&c.finance));
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(
        trips, 1,
        "the session lookup and the nearest box in one batch"
    );
    assert_eq!(
        c.names(&c.finance, here),
        vec!["Kantor A", "Kantor B", "Kantor C"]
    );

    // Warehouses 11 km north do not add to what the search reads: a second hundred costs it
    // nothing (the first costs one step, where the index scan now stops at one of them).
    let steps = || {
        let before = c.app.rt.db.vm_steps();
        c.names(&c.finance, here);
        c.app.rt.db.vm_steps() - before
    };
    let warehouses = |from: usize| {
        let mut csv = String::from("name,category,lat,lng\n");
        for i in from..from + 100 {
            csv.push_str(&format!(
                "Gudang {i},branch,-6.07,{}\n",
                106.7 + i as f64 * 1e-3
            ));
        }
        import(&csv);
    };
    warehouses(0);
    let with_100 = steps();
    warehouses(100);
    assert_eq!(steps(), with_100, "only the nearest box is read");

    // Asking for more than town holds widens the search, to the warehouses to the north.
    let five = c.names(
        &c.finance,
        "/api/places/near?lat=-6.1754&lng=106.8272&limit=5",
    );
    assert_eq!(five[..3], ["Kantor A", "Kantor B", "Kantor C"]);
    assert!(
        five[3..].iter().all(|n| n.starts_with("Gudang")),
        "{five:?}"
    );

    // No session is 401 whatever the point; a bad point with a session is 400, naming it.
    for path in [
        here,
        "/api/places/near?lat=abc",
        "/api/places/near?lat=91&lng=1",
    ] {
        assert_error(&c.app.get(path, None), 401, "unauthenticated");
    }
    let res = c.app.get("/api/places/near?lat=-6.2", Some(&c.finance));
    assert_error(&res, 400, "bad_request");
    let res = c.app.get("/api/places/near?lat=91&lng=1", Some(&c.finance));
    assert_error(&res, 400, "validation");
}

#[test]
fn a_box_reads_its_own_places_not_every_place_at_its_latitude() {
    let c = company();
    let import = |csv: String| {
        let res = c
            .app
            .send(csv_request("/api/places/import", &c.admin, &csv));
        assert_eq!(res.status, 200, "{}", res.body);
    };
    import(
        "name,category,lat,lng\n\
         Kantor A,branch,-6.1758,106.8276\n\
         Kantor B,branch,-6.1694,106.8356\n"
            .into(),
    );
    // Another city 200 km east at the same latitude: the places a latitude index reads too.
    let east = |from: usize| {
        let mut csv = String::from("name,category,lat,lng\n");
        for i in from..from + 100 {
            csv.push_str(&format!(
                "Cabang {i},client,{},108.6\n",
                -6.19 + i as f64 * 1e-4
            ));
        }
        import(csv);
    };
    let paths = [
        "/api/places?bbox=106.7,-6.3,106.9,-6.1",
        "/api/places/near?lat=-6.1754&lng=106.8272&limit=2",
    ];
    let steps = |path: &str| {
        let before = c.app.rt.db.vm_steps();
        let mut names = c.names(&c.finance, path);
        names.sort();
        assert_eq!(names, ["Kantor A", "Kantor B"], "{path}");
        c.app.rt.db.vm_steps() - before
    };
    east(0);
    let with_100: Vec<u64> = paths.iter().map(|p| steps(p)).collect();
    east(100);
    let with_200: Vec<u64> = paths.iter().map(|p| steps(p)).collect();
    assert_eq!(
        with_200, with_100,
        "{paths:?}: nothing read of the city to the east"
    );
}
