//! Phone notifications (web push): a phone subscribes for its session; a notification makes it
//! due; one signed, empty push tells it, however many notifications came; what a push service
//! answers is kept (gone, retry later); and a subscription ends with its session.

mod common;

use balai_functions::runtime::native::Sent;
use balai_functions::service::push::{self, Pass};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::*;
use p256::ecdsa::{Signature, VerifyingKey, signature::Verifier};
use serde_json::{Value, json};

/// A fixed VAPID key (made by `scripts/vapid-key.mjs`).
const JWK: &str = r#"{"kty":"EC","crv":"P-256","x":"8f0WuOKAXlNycL18OwRcrp5TbHn0cBipV_QqwOdG_rg","y":"_6GAZU1aakq5N3P4BLYlKtZ-ZzzCYu79uYUIMfHvWMk","d":"XnIo1l31Vp73XoJL0UYuOOpM7HgrdYNZPpgN8ebhg4I"}"#;
const FCM: &str = "https://fcm.googleapis.com/fcm/send/ani-phone";

fn push_app() -> TestApp {
    let app = TestApp::new();
    app.rt
        .settings
        .borrow_mut()
        .push(("VAPID_PRIVATE_KEY".into(), JWK.into()));
    app
}

fn subscribe(app: &TestApp, who: &Who, endpoint: &str) -> u16 {
    app.call(
        "PUT",
        "/api/push/subscription",
        Some(who),
        Some(json!({ "endpoint": endpoint })),
    )
    .status
}

fn pass(app: &TestApp) -> Pass {
    balai_functions::runtime::native::block_on(push::send_due(&app.rt)).unwrap()
}

fn pushes(app: &TestApp) -> Vec<Sent> {
    app.rt.sent.borrow_mut().drain(..).collect()
}

fn header<'a>(sent: &'a Sent, name: &str) -> &'a str {
    sent.headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header"))
}

fn subscriptions(app: &TestApp) -> Vec<Value> {
    app.rows(
        "SELECT endpoint, user_id, due_since, failures FROM push_subscriptions ORDER BY endpoint",
    )
}

/// The VAPID header checks out: a JWT for the push service's origin, signed by the key whose
/// public half it names, which is the key the app subscribed with.
fn assert_vapid(app: &TestApp, sent: &Sent, audience: &str) {
    let auth = header(sent, "authorization");
    let (token, key) = auth
        .strip_prefix("vapid t=")
        .and_then(|rest| rest.split_once(", k="))
        .expect("vapid t=…, k=…");
    let (signed, signature) = token.rsplit_once('.').unwrap();
    let claims = signed.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    assert_eq!(claims["aud"], audience);
    assert_eq!(claims["sub"], "mailto:it@example.com");
    assert_eq!(Some(key.to_string()), push::key(&app.rt).public_key);
    let verifying = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(key).unwrap()).unwrap();
    let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
    verifying
        .verify(signed.as_bytes(), &signature)
        .expect("the VAPID token is signed by the key it names");
    assert_eq!(sent.body, "", "a push carries nothing");
    assert_eq!(header(sent, "topic"), "balai");
    assert_eq!(header(sent, "ttl"), "86400");
}

#[test]
fn a_mention_buzzes_the_phone_once_with_a_signed_empty_push() {
    let app = push_app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    let key = json(&app.get("/api/push/key", Some(&ani)));
    assert_eq!(
        key["public_key"].as_str().map(str::len),
        Some(87),
        "65 bytes, base64url"
    );
    assert_eq!(subscribe(&app, &ani, FCM), 204);
    assert_eq!(pass(&app), Pass::default(), "nothing is due yet");

    app.new_post(&budi, "@ani tolong cek stok gudang");
    app.new_post(&budi, "@ani dan satu lagi");
    assert_eq!(
        pass(&app),
        Pass {
            sent: 1,
            ..Pass::default()
        }
    );
    let sent = pushes(&app);
    assert_eq!(sent.len(), 1, "two notifications, one push");
    assert_eq!(sent[0].url, FCM);
    assert_vapid(&app, &sent[0], "https://fcm.googleapis.com");
    assert_eq!(pass(&app), Pass::default(), "sent once");
    assert!(pushes(&app).is_empty());

    // Budi wrote nothing to himself: his phone (if any) stays quiet; a like is not pushed by
    // default, a comment on Ani's post is.
    let post = app.new_post(&ani, "Stok aman");
    app.call("PUT", &format!("/api/posts/{post}/like"), Some(&budi), None);
    assert_eq!(pass(&app).sent, 0, "likes stay in the app unless asked");
    let res = app.post(
        &format!("/api/posts/{post}/comments"),
        Some(&budi),
        json!({ "body": "Terima kasih" }),
    );
    assert_eq!(res.status, 201, "{}", res.body);
    assert_eq!(pass(&app).sent, 1);
}

#[test]
fn each_kind_is_pushed_as_the_person_chose() {
    let app = push_app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    assert_eq!(subscribe(&app, &ani, FCM), 204);
    let settings = json(&app.get("/api/notifications/settings", Some(&ani)));
    let of = |settings: &Value, kind: &str| {
        settings
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["kind"] == kind)
            .cloned()
            .unwrap()
    };
    assert_eq!(of(&settings, "mention")["push"], true);
    assert_eq!(of(&settings, "like")["push"], false);

    // Mentions in the app only; likes pushed too.
    let put = |kind: &str, body: Value| {
        let res = app.call("PUT", "/api/notifications/settings", Some(&ani), Some(body));
        assert_eq!(res.status, 200, "{kind}: {}", res.body);
        json(&res)
    };
    put(
        "mention",
        json!({ "kind": "mention", "enabled": true, "push": false }),
    );
    let settings = put(
        "like",
        json!({ "kind": "like", "enabled": true, "push": true }),
    );
    assert_eq!(of(&settings, "like")["push"], true);
    assert_eq!(of(&settings, "mention")["push"], false);
    assert_eq!(of(&settings, "mention")["enabled"], true);

    app.new_post(&budi, "@ani rapat jam 3");
    assert_eq!(pass(&app).sent, 0, "a mention now stays in the app");
    let unread = json(&app.get("/api/notifications/unread", Some(&ani)));
    assert_eq!(unread["unread"], 1, "and it is there");
    let post = app.new_post(&ani, "Foto display");
    app.call("PUT", &format!("/api/posts/{post}/like"), Some(&budi), None);
    assert_eq!(pass(&app).sent, 1, "a like now buzzes");

    // Switched off and on again (as the app's "In app" switch sends it), mentions come back
    // as they come by default: to the phone too.
    let settings = put("mention", json!({ "kind": "mention", "enabled": false }));
    let mention = of(&settings, "mention");
    assert_eq!(mention["enabled"], false);
    let settings = put(
        "mention",
        json!({ "kind": "mention", "enabled": true, "push": mention["push"] }),
    );
    assert_eq!(of(&settings, "mention")["push"], true);

    // Leaving `push` out keeps it; switching a kind off stops both.
    let settings = put("like", json!({ "kind": "like", "enabled": true }));
    assert_eq!(of(&settings, "like")["push"], true);
    let settings = put("like", json!({ "kind": "like", "enabled": false }));
    assert_eq!(of(&settings, "like")["enabled"], false);
    let carla = app.member("carla");
    app.call(
        "PUT",
        &format!("/api/posts/{post}/like"),
        Some(&carla),
        None,
    );
    assert_eq!(pass(&app).sent, 0);
}

#[test]
fn a_push_service_answer_keeps_drops_or_retries_the_subscription() {
    let app = push_app();
    let (ani, budi, carla) = (app.member("ani"), app.member("budi"), app.member("carla"));
    let moz = "https://updates.push.services.mozilla.com/wpush/v2/budi";
    assert_eq!(subscribe(&app, &ani, FCM), 204);
    assert_eq!(subscribe(&app, &budi, moz), 204);
    // Ani's browser was uninstalled (410); Mozilla's service is down (503).
    app.rt.answer_with.borrow_mut().extend([410, 503]);
    app.new_post(&carla, "@ani @budi inventaris besok");
    assert_eq!(
        pass(&app),
        Pass {
            sent: 0,
            dropped: 1,
            retrying: 1
        }
    );
    let sent = pushes(&app);
    assert_vapid(&app, &sent[1], "https://updates.push.services.mozilla.com");
    let left = subscriptions(&app);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["endpoint"], moz);
    assert_eq!(left[0]["failures"], 1);

    // Retried after a minute, not before; then it goes out and the count starts again.
    assert_eq!(pass(&app), Pass::default());
    app.rt.advance(61_000);
    assert_eq!(pass(&app).sent, 1);
    assert_eq!(subscriptions(&app)[0]["failures"], 0);

    // Ten failures in a row, and it is dropped.
    for _ in 0..10 {
        app.rt.answer_with.borrow_mut().push_back(500);
    }
    app.new_post(&carla, "@budi lagi");
    for _ in 0..10 {
        app.rt.advance(3_600_000);
        pass(&app);
    }
    assert!(subscriptions(&app).is_empty());
}

#[test]
fn a_phone_stops_hearing_when_its_session_ends_or_its_person_leaves() {
    let app = push_app();
    let (admin, ani, budi) = (app.admin(), app.member("ani"), app.member("budi"));
    assert_eq!(subscribe(&app, &ani, FCM), 204);
    assert_eq!(
        subscribe(&app, &budi, "https://web.push.apple.com/budi"),
        204
    );
    // Ani's second phone: another login, another session.
    let login = app.post(
        "/api/auth/login",
        None,
        json!({ "email": ani.email, "password": PASSWORD }),
    );
    let ani_2 = Who {
        cookie: session_cookie(&login).unwrap(),
        ..ani.clone()
    };
    assert_eq!(
        subscribe(&app, &ani_2, "https://fcm.googleapis.com/fcm/send/ani-2"),
        204
    );

    // Logging out on the first phone ends its subscription, not the other phone's.
    assert_eq!(
        app.call("POST", "/api/auth/logout", Some(&ani), None)
            .status,
        204
    );
    let endpoints = |app: &TestApp| -> Vec<String> {
        subscriptions(app)
            .iter()
            .map(|s| s["endpoint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        endpoints(&app),
        [
            "https://fcm.googleapis.com/fcm/send/ani-2",
            "https://web.push.apple.com/budi"
        ]
    );
    // Offboarding Budi ends his sessions and so his phone's pushes at once.
    let res = app.call(
        "POST",
        &format!("/api/people/{}/deactivate", budi.id),
        Some(&admin),
        None,
    );
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        endpoints(&app),
        ["https://fcm.googleapis.com/fcm/send/ani-2"]
    );

    // A session gone stale (idle 14 days) is not pushed to, and its subscription goes.
    app.new_post(&admin, "@ani pengumuman");
    app.rt.advance(15 * 24 * 3_600_000);
    assert_eq!(
        pass(&app),
        Pass::default(),
        "nothing sent to a stale session"
    );
    assert!(pushes(&app).is_empty());
    assert!(endpoints(&app).is_empty());
}

#[test]
fn only_a_browsers_push_service_may_be_subscribed_and_nothing_is_kept_otherwise() {
    let app = push_app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    for endpoint in [
        "http://fcm.googleapis.com/fcm/send/x",
        "https://example.com/push",
        "https://fcm.googleapis.com.evil.test/x",
        "https://user@fcm.googleapis.com/x",
        "https://169.254.169.254/latest",
        "fcm.googleapis.com/fcm/send/x",
        "",
        &format!("https://fcm.googleapis.com/{}", "x".repeat(1_000)),
        "https://fcm.googleapis.com/a b",
    ] {
        let res = app.call(
            "PUT",
            "/api/push/subscription",
            Some(&ani),
            Some(json!({ "endpoint": endpoint })),
        );
        assert_error(&res, 400, "validation");
        assert_eq!(json(&res)["field"], "endpoint", "{endpoint}");
    }
    let res = app.call("PUT", "/api/push/subscription", Some(&ani), Some(json!({})));
    assert_eq!(res.status, 400);
    assert_error(
        &app.call(
            "PUT",
            "/api/push/subscription",
            None,
            Some(json!({ "endpoint": FCM })),
        ),
        401,
        "unauthenticated",
    );
    assert!(subscriptions(&app).is_empty());

    // A subsidiary host of a push service is fine (Windows' regional hosts).
    assert_eq!(
        subscribe(
            &app,
            &ani,
            "https://wns2-par02p.notify.windows.com/w/?token=x"
        ),
        204
    );
    // Someone else cannot turn Ani's phone off; she can.
    let off = |who: &Who| {
        app.call(
            "DELETE",
            "/api/push/subscription",
            Some(who),
            Some(json!({ "endpoint": "https://wns2-par02p.notify.windows.com/w/?token=x" })),
        )
        .status
    };
    assert_eq!(off(&budi), 204);
    assert_eq!(subscriptions(&app).len(), 1);
    assert_eq!(off(&ani), 204);
    assert!(subscriptions(&app).is_empty());
}

#[test]
fn without_a_key_push_is_not_offered_and_nothing_is_sent() {
    let app = TestApp::new();
    let ani = app.member("ani");
    assert_eq!(
        json(&app.get("/api/push/key", Some(&ani)))["public_key"],
        Value::Null
    );
    assert_error(
        &app.call(
            "PUT",
            "/api/push/subscription",
            Some(&ani),
            Some(json!({ "endpoint": FCM })),
        ),
        409,
        "conflict",
    );
    assert_eq!(pass(&app), Pass::default());
}

#[test]
fn a_pass_with_nothing_due_reads_no_sessions_however_many_there_are() {
    let app = push_app();
    let (ani, budi) = (app.member("ani"), app.member("budi"));
    assert_eq!(subscribe(&app, &ani, FCM), 204);
    let steps = |app: &TestApp| {
        let before = app.rt.db.vm_steps();
        assert_eq!(pass(app), Pass::default());
        app.rt.db.vm_steps() - before
    };
    let few = steps(&app);
    // Every write is followed by a pass: with 500 more sessions open, it costs the same.
    app.execute(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
         INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at)
         SELECT 'extra' || i, '{}', 'hash' || i, 0, 0 FROM n",
        budi.id
    ));
    assert_eq!(steps(&app), few);
    eprintln!("a pass with nothing due: {few} SQLite steps");
}
