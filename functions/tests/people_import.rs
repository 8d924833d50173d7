//! Importing people from an HR export, and bookmarks on work pages.

mod common;

use balai_protocol::auth::Role;
use common::{TestApp, Who, assert_error, csv_request, json};
use serde_json::{Value, json as j};

fn import(
    app: &TestApp,
    who: &Who,
    csv: &str,
    valid_only: bool,
) -> balai_functions::http::ApiResponse {
    let path = if valid_only {
        "/api/people/import?valid_only=1"
    } else {
        "/api/people/import"
    };
    app.send(csv_request(path, who, csv))
}

fn invites(app: &TestApp, admin: &Who) -> usize {
    json(&app.get("/api/invites", Some(admin)))
        .as_array()
        .unwrap()
        .len()
}

fn accept(app: &TestApp, link: &str, name: &str) -> Value {
    let token = link.trim_start_matches("/invite/");
    let res = app.post(
        "/api/auth/accept",
        None,
        j!({ "token": token, "name": name, "password": "rahasia-sekali-1" }),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    json(&res)
}

const HEADER: &str = "name,email,position,department,branch,manager_email,start_date,phone\n";

#[test]
fn an_hr_export_invites_new_people_updates_known_ones_and_never_duplicates() {
    let app = TestApp::new();
    let sales = app.department("Penjualan");
    let admin = app.admin();
    let boss = app.person_in("kepala@example.co.id", Role::Member, Some(&sales));
    let csv = format!(
        "{HEADER}Dewi Lestari,dewi@example.co.id,Sales Executive,penjualan,,kepala@example.co.id,2026-12-01,+62 811 000\n\
         Eko Prasetyo,eko@example.co.id,Driver,Gudang Mars,,,01/12/2026,\n\
         Dewi Dua,DEWI@example.co.id,,,,,,\n\
         Kepala Baru,kepala@example.co.id,Kepala Penjualan,Penjualan,,,2015-03-02,\n"
    );
    assert_error(&import(&app, &boss, &csv, false), 403, "forbidden");
    let before = invites(&app, &admin);
    let res = import(&app, &admin, &csv, false);
    assert_eq!(res.status, 200, "{}", res.body);
    let report = json(&res);
    assert_eq!(report["invalid"], 2);
    assert_eq!(report["imported"], 0, "one bad row: nothing written");
    let errors = |line: i64| -> String {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["line"] == line)
            .unwrap()["errors"]
            .to_string()
    };
    assert!(
        errors(3).contains("department") && errors(3).contains("start_date"),
        "{}",
        errors(3)
    );
    assert!(errors(4).contains("Also on line 2"), "{}", errors(4));
    assert_eq!(invites(&app, &admin), before);

    let report = json(&import(&app, &admin, &csv, true));
    assert_eq!(report["imported"], 2);
    assert_eq!(report["rows"][0]["action"], "invited");
    assert_eq!(report["rows"][3]["action"], "updated");
    let link = report["rows"][0]["link"].as_str().unwrap().to_string();
    assert_eq!(invites(&app, &admin), before + 1);
    let boss_page = json(&app.get(&format!("/api/people/{}", boss.id), Some(&admin)));
    assert_eq!(boss_page["position"], "Kepala Penjualan");
    assert_eq!(boss_page["start_date"], "2015-03-02");

    // Again, with Dewi's position changed: her invitation is updated, not doubled.
    let again = csv.replace("Sales Executive", "Senior Sales Executive");
    let report = json(&import(&app, &admin, &again, true));
    assert_eq!(report["rows"][0]["action"], "invite_updated");
    assert_eq!(report["rows"][0]["link"], Value::Null);
    assert_eq!(invites(&app, &admin), before + 1);

    // Dewi joins with the original link and gets what HR recorded.
    let me = accept(&app, &link, "Dewi Lestari");
    let dewi_id = me["id"].as_str().unwrap();
    let page = json(&app.get(&format!("/api/people/{dewi_id}"), Some(&admin)));
    assert_eq!(page["position"], "Senior Sales Executive");
    assert_eq!(page["department"]["name"], "Penjualan");
    assert_eq!(page["manager"]["id"], boss.id.as_str());
    assert_eq!(page["start_date"], "2026-12-01");
    assert_eq!(page["phone"], "+62 811 000");

    // Once she is in, the same export updates her page.
    let report = json(&import(&app, &admin, &again, true));
    assert_eq!(report["rows"][0]["action"], "updated");
    assert_eq!(invites(&app, &admin), before);
    assert_error(
        &import(&app, &admin, "nama,surel\nx,y\n", false),
        400,
        "validation",
    );
}

#[test]
fn bookmarks_are_ones_own_in_order_plus_what_admins_share_with_a_position() {
    let app = TestApp::new();
    let admin = app.admin();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    app.call(
        "PUT",
        &format!("/api/people/{}/official", ani.id),
        Some(&admin),
        Some(j!({"position": "Duty Engineer"})),
    );
    let add = |who: &Who, title: &str, url: &str| {
        app.post(
            "/api/bookmarks",
            Some(who),
            j!({"title": title, "url": url}),
        )
    };
    assert_error(&add(&ani, "Evil", "javascript:alert(1)"), 400, "validation");
    assert_error(
        &add(&ani, "", "https://wiki.example.co.id"),
        400,
        "validation",
    );
    add(&ani, "Wiki", "https://wiki.example.co.id");
    add(&ani, "Wiki", "https://wiki.example.co.id");
    let list = json(&add(&ani, "SOP gudang", "https://sop.example.co.id/gudang"));
    let titles = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|b| b["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&list), ["Wiki", "SOP gudang"], "the same link once");
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect();
    let res = app.call(
        "PUT",
        "/api/bookmarks/order",
        Some(&ani),
        Some(j!({"ids": ids})),
    );
    assert_eq!(titles(&json(&res)), ["SOP gudang", "Wiki"]);
    assert_error(
        &app.call(
            "PUT",
            "/api/bookmarks/order",
            Some(&ani),
            Some(j!({"ids": [ids[0]]})),
        ),
        400,
        "validation",
    );

    let shared = j!({"position": "duty engineer", "title": "Jadwal piket", "url": "https://piket.example.co.id"});
    assert_error(
        &app.post("/api/position-bookmarks", Some(&budi), shared.clone()),
        403,
        "forbidden",
    );
    assert_eq!(
        app.post("/api/position-bookmarks", Some(&admin), shared)
            .status,
        200
    );
    let page = json(&app.get(&format!("/api/people/{}", ani.id), Some(&ani)));
    assert_eq!(
        titles(&page["bookmarks"]),
        ["SOP gudang", "Wiki", "Jadwal piket"]
    );
    assert_eq!(page["bookmarks"][2]["position"], "duty engineer");
    let seen_by_budi = json(&app.get(&format!("/api/people/{}", ani.id), Some(&budi)));
    assert_eq!(seen_by_budi["bookmarks"], j!([]), "bookmarks are personal");
    let budi_page = json(&app.get(&format!("/api/people/{}", budi.id), Some(&budi)));
    assert_eq!(budi_page["bookmarks"], j!([]), "not his position");
    let wiki = ids[1].clone();
    let res = app.call(
        "DELETE",
        &format!("/api/bookmarks/{wiki}"),
        Some(&budi),
        None,
    );
    assert_eq!(titles(&json(&res)), Vec::<String>::new(), "only one's own");
    let res = app.call(
        "DELETE",
        &format!("/api/bookmarks/{wiki}"),
        Some(&ani),
        None,
    );
    assert_eq!(titles(&json(&res)), ["SOP gudang", "Jadwal piket"]);
}
