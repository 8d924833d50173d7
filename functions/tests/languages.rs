//! Errors come back in the language the app speaks (`Accept-Language`): the same code, field
//! and status, the message in Bahasa Indonesia or English.

mod common;

use balai_functions::http::{ApiRequest, ApiResponse};
use common::*;
use serde_json::{Value, json};

const MISSING: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

fn in_language(mut req: ApiRequest, accept_language: &str) -> ApiRequest {
    req.headers
        .push(("accept-language".into(), accept_language.into()));
    req
}

/// The error's body, after checking its status.
fn error(res: &ApiResponse, status: u16) -> Value {
    assert_eq!(res.status, status, "{}", res.body);
    json(res)
}

#[test]
fn validation_not_found_and_session_errors_follow_accept_language() {
    let app = TestApp::new();
    let admin = app.admin();
    let empty_post = || {
        request(
            "POST",
            "/api/posts",
            Some(&admin),
            Some(json!({ "body": " " })),
        )
    };

    let en = error(&app.send(empty_post()), 400);
    assert_eq!(en["message"], "Body must not be empty.");
    let id = error(
        &app.send(in_language(empty_post(), "id-ID,id;q=0.9,en;q=0.8")),
        400,
    );
    assert_eq!(id["message"], "Isi tidak boleh kosong.");
    assert_eq!((&id["code"], &id["field"]), (&en["code"], &en["field"]));

    // The first language Balai speaks wins; one it does not speak falls back to English.
    let res = app.send(in_language(empty_post(), "fr-FR, ms;q=0.8"));
    assert_eq!(error(&res, 400)["message"], "Isi tidak boleh kosong.");
    let res = app.send(in_language(empty_post(), "de"));
    assert_eq!(error(&res, 400)["message"], "Body must not be empty.");

    let missing = request("GET", &format!("/api/posts/{MISSING}"), Some(&admin), None);
    let res = app.send(in_language(missing, "id"));
    assert_eq!(error(&res, 404)["message"], "Postingan tidak ditemukan.");

    let res = app.send(in_language(request("GET", "/api/me", None, None), "id"));
    assert_eq!(error(&res, 401)["message"], "Silakan masuk.");

    let wrong = json!({ "email": admin.email, "password": "not the password" });
    let res = app.send(in_language(
        request("POST", "/api/auth/login", None, Some(wrong)),
        "id",
    ));
    assert_eq!(error(&res, 401)["message"], "Email atau kata sandi salah.");

    // Too long, with its numbers in the sentence.
    let long = json!({ "body": "x".repeat(10_001) });
    let res = app.send(in_language(
        request("POST", "/api/posts", Some(&admin), Some(long)),
        "id",
    ));
    assert_eq!(
        error(&res, 400)["message"],
        "Isi terlalu panjang: 10001 karakter, paling banyak 10000."
    );
}

#[test]
fn an_import_report_speaks_the_readers_language() {
    let app = TestApp::new();
    let admin = app.admin();
    let csv = "Name,Category,Address,Lat,Lng\n\
               Toko Tanpa Titik,supplier,Jl. C,abc,106.8\n";
    let report = |lang: &str| {
        let res = app.send(in_language(
            csv_request("/api/places/import", &admin, csv),
            lang,
        ));
        assert_eq!(res.status, 200, "{}", res.body);
        json(&res)["rows"][0]["errors"][0].clone()
    };
    assert_eq!(report("en"), "lat: \"abc\" is not a number.");
    assert_eq!(report("id"), "lat: \"abc\" bukan angka.");

    // A file that cannot be read at all.
    let res = app.send(in_language(
        csv_request("/api/places/import", &admin, "Name,Lat\nA,1\n"),
        "id",
    ));
    let body = error(&res, 400);
    assert_eq!(body["field"], "file");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Baris pertama harus menamai kolom; yang kurang:")),
        "{body}"
    );
}
