//! Daily housekeeping removes only what can no longer matter.

mod common;

use balai_functions::runtime::native::block_on;
use balai_functions::service::maintenance::{
    IDEMPOTENCY_KEEP_MS, NOTIFICATIONS_KEEP_MS, Pruned, READ_NOTIFICATIONS_KEEP_MS, prune,
};
use balai_functions::service::sessions::IDLE_TIMEOUT_MS;
use common::*;
use serde_json::json;

#[test]
fn prune_forgets_old_answers_ended_sessions_and_stale_counters_only() {
    let app = TestApp::new();
    app.rt.set_now(1_800_000_000_000);
    let ani = app.member("ani");
    app.post_keyed("/api/posts", &ani, json!({ "body": "lama" }), "old-key");
    app.post(
        "/api/auth/login",
        None,
        json!({ "email": "ani@example.co.id", "password": "wrong-password" }),
    );
    // Nothing is old yet.
    assert_eq!(block_on(prune(&app.rt)).unwrap(), Pruned::default());

    app.rt.advance(IDEMPOTENCY_KEEP_MS + 1);
    let budi = app.member("budi"); // a fresh session that must survive
    let pruned = block_on(prune(&app.rt)).unwrap();
    assert_eq!(pruned.idempotency, 1);
    assert!(
        pruned.rate_limits >= 2,
        "the login counters (account and address) and Ani's write counter"
    );
    assert_eq!(pruned.sessions, 0, "Ani's session is idle for a day only");

    app.rt.advance(IDLE_TIMEOUT_MS - IDEMPOTENCY_KEEP_MS);
    app.get("/api/me", Some(&budi)); // Budi keeps his alive
    app.rt.advance(IDEMPOTENCY_KEEP_MS);
    let pruned = block_on(prune(&app.rt)).unwrap();
    assert_eq!(pruned.sessions, 1, "Ani's idle session");
    assert_eq!(app.get("/api/me", Some(&budi)).status, 200);
    // The post itself stays; only the recorded answer went.
    assert_eq!(
        json(&app.get("/api/posts", Some(&budi)))["items"][0]["body_html"],
        "<p>lama</p>\n"
    );
}

#[test]
fn prune_forgets_notifications_read_half_a_year_ago_and_any_a_year_old() {
    let app = TestApp::new();
    let now: i64 = 1_800_000_000_000;
    app.rt.set_now(now);
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    // Budi's notifications: (id, made, read)
    let day = 24 * 60 * 60 * 1000;
    let rows = [
        (1, now - NOTIFICATIONS_KEEP_MS - day, None),
        (
            2,
            now - READ_NOTIFICATIONS_KEEP_MS - day,
            Some(now - 200 * day),
        ),
        (3, now - READ_NOTIFICATIONS_KEEP_MS - day, None),
        (4, now - READ_NOTIFICATIONS_KEEP_MS + day, Some(now - day)),
        (5, now - day, None),
    ];
    for (id, made, read) in rows {
        let read = read.map_or("NULL".to_string(), |at: i64| at.to_string());
        app.execute(&format!(
            "INSERT INTO notifications (id, user_id, kind, actor_id, created_at, read_at)
             VALUES ({id}, '{}', 'announcement', '{}', {made}, {read})",
            budi.id, ani.id
        ));
    }
    assert_eq!(block_on(prune(&app.rt)).unwrap().notifications, 2);
    let left: Vec<i64> = app
        .rows("SELECT id FROM notifications ORDER BY id")
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    // Gone: the year-old one, unread, and the one read over half a year ago. An unread one of
    // that age stays, for a year, as do the recent ones.
    assert_eq!(left, [3, 4, 5]);
    assert_eq!(block_on(prune(&app.rt)).unwrap().notifications, 0);
}
