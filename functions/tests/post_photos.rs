//! A post's photos: sent with its text in one write, served to whoever may read the post (and
//! to nobody else), checked by their content, stored once however often the write is sent, and
//! deleted with the post.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::*;
use serde_json::{Value, json};

fn png(fill: u8) -> Vec<u8> {
    [&b"\x89PNG\r\n\x1a\n"[..], &[fill; 64][..]].concat()
}

fn jpeg() -> Vec<u8> {
    [&[0xFF, 0xD8, 0xFF, 0xE0][..], &[7u8; 64][..]].concat()
}

fn photo_urls(post: &Value) -> Vec<String> {
    post["photos"]
        .as_array()
        .map(|urls| {
            urls.iter()
                .map(|u| u.as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_post_carries_its_photos_in_order_to_every_reader() {
    let app = TestApp::new();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "Display baru di toko Malang", "photos": [STANDARD.encode(png(1)), STANDARD.encode(jpeg())] }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let post = json(&res);
    let urls = photo_urls(&post);
    let id = post["id"].as_str().unwrap();
    assert_eq!(urls.len(), 2);
    assert!(urls[0].starts_with(&format!("/api/posts/{id}/photos/0?v=")));
    assert!(urls[1].starts_with(&format!("/api/posts/{id}/photos/1?v=")));

    // The feed, the post's page and the photos themselves, as a colleague.
    let feed = json(&app.get("/api/posts", Some(&budi)));
    assert_eq!(photo_urls(&feed["items"][0]), urls);
    let detail = json(&app.get(&format!("/api/posts/{id}"), Some(&budi)));
    assert_eq!(photo_urls(&detail["post"]), urls);
    let first = app.get(&urls[0], Some(&budi));
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.bytes, png(1));
    assert_eq!(first.header("content-type"), Some("image/png"));
    assert_eq!(
        first.header("cache-control"),
        Some("private, max-age=31536000"),
        "a photo never changes under its URL"
    );
    let second = app.get(&urls[1], Some(&budi));
    assert_eq!(second.bytes, jpeg());
    assert_eq!(second.header("content-type"), Some("image/jpeg"));
    let mut again = request("GET", &urls[0], Some(&budi), None);
    again.headers.push((
        "if-none-match".into(),
        first.header("etag").unwrap().to_string(),
    ));
    assert_eq!(app.send(again).status, 304);

    assert_error(&app.get(&urls[0], None), 401, "unauthenticated");
    let third = format!("/api/posts/{id}/photos/2");
    assert_error(&app.get(&third, Some(&budi)), 404, "not_found");
    assert_error(
        &app.get(&format!("/api/posts/{id}/photos/x"), Some(&budi)),
        404,
        "not_found",
    );
    // A photo may speak for itself; a post with neither text nor photo says nothing.
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": " ", "photos": [STANDARD.encode(png(9))] }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    assert_error(
        &app.post("/api/posts", Some(&ani), json!({ "body": " " })),
        400,
        "validation",
    );
    let photo_only = json(&res)["id"].as_str().unwrap().to_string();
    // A like on it is heard of without an empty excerpt.
    let like = app.call(
        "PUT",
        &format!("/api/posts/{photo_only}/like"),
        Some(&budi),
        None,
    );
    assert_eq!(like.status, 200, "{}", like.body);
    let heard = json(&app.get("/api/notifications", Some(&ani)));
    assert_eq!(heard["items"][0]["kind"], "like");
    assert_eq!(heard["items"][0]["excerpt"], Value::Null);
    // Taken down by an admin, it is named in the audit log by what it was.
    let admin = app.admin();
    let res = app.call(
        "DELETE",
        &format!("/api/posts/{photo_only}"),
        Some(&admin),
        None,
    );
    assert_eq!(res.status, 204, "{}", res.body);
    let audit = json(&app.get("/api/audit", Some(&admin)));
    assert_eq!(audit["items"][0]["target_name"], "📷 a post of photos");
    // A post without photos says nothing of them.
    let plain = app.new_post(&ani, "Tanpa foto");
    let plain = json(&app.get(&format!("/api/posts/{plain}"), Some(&budi)));
    assert_eq!(plain["post"].get("photos"), None);
}

#[test]
fn a_closed_groups_photos_are_for_its_members_and_a_deleted_posts_for_nobody() {
    let app = TestApp::new();
    let (owner, outsider, admin) = (app.member("ani"), app.member("budi"), app.admin());
    let group = app.create_group(&owner, "Proyek gudang", "closed");
    let res = app.post(
        "/api/posts",
        Some(&owner),
        json!({ "body": "Denah baru", "group_id": group, "photos": [STANDARD.encode(png(2))] }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    let post = json(&res);
    let url = &photo_urls(&post)[0];
    assert_eq!(app.get(url, Some(&owner)).status, 200);
    assert_eq!(app.get(url, Some(&admin)).status, 200);
    assert_error(&app.get(url, Some(&outsider)), 404, "not_found");

    let id = post["id"].as_str().unwrap();
    let res = app.call("DELETE", &format!("/api/posts/{id}"), Some(&owner), None);
    assert_eq!(res.status, 204, "{}", res.body);
    assert_error(&app.get(url, Some(&owner)), 404, "not_found");
    assert!(
        app.rt.blobs.borrow().is_empty(),
        "the photo went with the post"
    );
}

#[test]
fn photos_that_are_not_images_or_too_many_or_too_big_are_refused_and_nothing_is_written() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let encoded = |bytes: Vec<u8>| STANDARD.encode(bytes);
    let too_big = [&png(3)[..], &vec![0u8; 800 * 1024][..]].concat();
    for (photos, status, code) in [
        (
            vec![encoded(b"<script>alert(1)</script>".to_vec())],
            400,
            "validation",
        ),
        (vec!["not base64 at all!".to_string()], 400, "validation"),
        (vec![encoded(png(4)); 5], 400, "validation"),
        (vec![encoded(too_big)], 413, "payload_too_large"),
    ] {
        let res = app.post(
            "/api/posts",
            Some(&ani),
            json!({ "body": "Lihat foto", "photos": photos }),
        );
        assert_error(&res, status, code);
        assert_eq!(json(&res)["field"], "photos", "{}", res.body);
    }
    assert!(app.rows("SELECT id FROM posts").is_empty());
    assert!(app.rt.blobs.borrow().is_empty(), "no photo kept");
    // Four photos near the limit each are one request the API reads.
    let res = app.post(
        "/api/posts",
        Some(&ani),
        json!({ "body": "Empat foto", "photos": vec![encoded([&png(5)[..], &vec![1u8; 700 * 1024][..]].concat()); 4] }),
    );
    assert_eq!(
        res.status,
        201,
        "{}",
        res.body.get(..200).unwrap_or(&res.body)
    );
}

#[test]
fn a_resent_post_with_photos_is_one_post_with_its_photos_kept_once() {
    let app = TestApp::new();
    let ani = app.member("ani");
    let body = json!({ "body": "Stok opname", "photos": [STANDARD.encode(png(6)), STANDARD.encode(png(6))] });
    let first = app.post_keyed("/api/posts", &ani, body.clone(), "k-photos-1");
    let again = app.post_keyed("/api/posts", &ani, body, "k-photos-1");
    assert_eq!((first.status, again.status), (201, 201));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(photo_urls(&json(&first)), photo_urls(&json(&again)));
    assert_eq!(app.rows("SELECT id FROM posts").len(), 1);
    assert_eq!(
        app.rt.blobs.borrow().len(),
        2,
        "two photos, sent twice, are kept once each"
    );
}
