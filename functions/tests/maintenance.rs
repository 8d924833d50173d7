//! Daily housekeeping removes only what can no longer matter.

mod common;

use balai_functions::runtime::native::block_on;
use balai_functions::service::maintenance::{IDEMPOTENCY_KEEP_MS, Pruned, prune};
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
