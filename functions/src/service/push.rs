//! Web push: telling a person's phones that something new waits for them in Balai.
//!
//! A push carries no content (so no RFC 8291 encryption is needed): the phone's service worker
//! wakes, fetches the newest notifications with its own session cookie, and shows one. No post,
//! name or excerpt ever passes through the browser vendor's push service; a push that arrives
//! after the session ended shows nothing private; and any number of notifications before the
//! next send make one push (`due_since`, set by the triggers of migration 0024).
//!
//! [`send_due`] runs after every write that succeeded (the Worker's `waitUntil`, off the
//! request's path) and every minute from the cron trigger, which also retries what a push
//! service refused for now, backing off per subscription.

use super::actor::Actor;
use crate::runtime::{Runtime, jwk_field};
use crate::stmt;
use crate::store::{Db, RowSet, Stmt, Value, answers};
use balai_protocol::notifications::{PushKey, PushSubscription};
use balai_protocol::{ApiError, ErrorCode, Millis};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;

/// The secret holding the VAPID private key, a P-256 JSON Web Key (`scripts/vapid-key.mjs`).
pub const KEY_SETTING: &str = "VAPID_PRIVATE_KEY";
/// Who push services may contact about this deployment's pushes (`mailto:` or `https:`).
const SUBJECT_SETTING: &str = "VAPID_SUBJECT";
/// Push services besides the browsers' own that subscriptions may name: a comma-separated list
/// of hosts, also reachable by plain http (the browser tests' local push service).
const EXTRA_HOSTS_SETTING: &str = "PUSH_EXTRA_HOSTS";
/// The browsers' push services (Chrome and Android, Firefox, Edge, Safari): a subscription
/// elsewhere is refused, so the Worker never posts to an address a user chose.
const PUSH_SERVICES: [&str; 4] = [
    "fcm.googleapis.com",
    "push.services.mozilla.com",
    "notify.windows.com",
    "push.apple.com",
];
const ENDPOINT_MAX: usize = 1_000;
/// Pushes a pass sends: within the subrequests one Worker invocation may make on every plan.
pub const BATCH: usize = 40;
/// A subscription whose push service failed this many times in a row is dropped.
const MAX_FAILURES: i64 = 10;
/// How long a push service keeps a push for a phone that is off: a day, then it is stale.
const TTL_SECONDS: &str = "86400";
const MINUTE_MS: Millis = 60_000;

/// The application server key phones subscribe with, when this deployment has one.
pub fn key<R: Runtime>(rt: &R) -> PushKey {
    PushKey {
        public_key: rt.setting(KEY_SETTING).and_then(|jwk| public_key(&jwk)),
    }
}

/// The public half of a JWK: the uncompressed point `04 ‖ x ‖ y`, base64url.
fn public_key(jwk: &str) -> Option<String> {
    let (x, y) = (jwk_field(jwk, "x")?, jwk_field(jwk, "y")?);
    (x.len() == 32 && y.len() == 32).then(|| URL_SAFE_NO_PAD.encode([&[4u8][..], &x, &y].concat()))
}

/// Turns pushes on for the actor's session on this phone. Subscribing again (the browser
/// renewed it, or someone else logged in on the same phone) moves it to this session.
pub async fn subscribe<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: PushSubscription,
) -> Result<(), ApiError> {
    if key(rt).public_key.is_none() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Phone notifications are not set up on this server (VAPID_PRIVATE_KEY).",
            "Notifikasi ponsel belum disiapkan di server ini (VAPID_PRIVATE_KEY).",
        ));
    }
    let endpoint = checked_endpoint(rt, &input.endpoint)?;
    rt.db()
        .run(stmt!(
            "INSERT INTO push_subscriptions (endpoint, session_id, user_id, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (endpoint) DO UPDATE SET session_id = excluded.session_id,
               user_id = excluded.user_id, created_at = excluded.created_at, due_since = NULL, failures = 0",
            endpoint,
            actor.session_id.as_str(),
            actor.id.as_str(),
            rt.now()
        ))
        .await?;
    Ok(())
}

/// Turns pushes off on one of the actor's phones (harmless when already off).
pub async fn unsubscribe<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: PushSubscription,
) -> Result<(), ApiError> {
    rt.db()
        .run(stmt!(
            "DELETE FROM push_subscriptions WHERE endpoint = ? AND user_id = ?",
            input.endpoint.trim(),
            actor.id.as_str()
        ))
        .await?;
    Ok(())
}

/// An endpoint the Worker may post to: https at a browser's push service (or a configured
/// extra host), no credentials in it, at most 1,000 characters.
fn checked_endpoint<R: Runtime>(rt: &R, endpoint: &str) -> Result<String, ApiError> {
    let endpoint = endpoint.trim();
    let extra = rt.setting(EXTRA_HOSTS_SETTING).unwrap_or_default();
    let allowed = |host: &str, https: bool| {
        let browsers = PUSH_SERVICES
            .iter()
            .any(|s| host == *s || host.ends_with(&format!(".{s}")));
        (https && browsers) || extra.split(',').any(|h| h.trim() == host)
    };
    let (https, rest) = match endpoint.split_once("://") {
        Some(("https", rest)) => (true, rest),
        Some(("http", rest)) => (false, rest),
        _ => (false, ""),
    };
    let authority = rest.split('/').next().unwrap_or("");
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    let fine = endpoint.len() <= ENDPOINT_MAX
        && endpoint.bytes().all(|b| b.is_ascii_graphic())
        && !authority.contains('@')
        && !host.is_empty()
        && allowed(&host.to_ascii_lowercase(), https);
    if fine {
        Ok(endpoint.to_string())
    } else {
        Err(ApiError::field(
            ErrorCode::Validation,
            "endpoint",
            "This is not a browser's push service address.",
            "Ini bukan alamat layanan push peramban.",
        ))
    }
}

#[derive(Deserialize)]
struct Claimed {
    endpoint: String,
    failures: i64,
}

/// What one pass did: pushes that went out, subscriptions dropped (ended by their push
/// service, or failing too long, or their session gone stale), and pushes left for a retry.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Pass {
    pub sent: usize,
    pub dropped: usize,
    pub retrying: usize,
}

/// Sends the pushes that are due, up to [`BATCH`]: claims them first (so a concurrent pass
/// sends none of them twice), then records each answer, in two D1 round trips in all.
pub async fn send_due<R: Runtime>(rt: &R) -> Result<Pass, ApiError> {
    let Some(jwk) = rt.setting(KEY_SETTING) else {
        return Ok(Pass::default());
    };
    // A broken key claims nothing, so the phones stay due until it is fixed.
    let public = public_key(&jwk).ok_or_else(crate::runtime::bad_key)?;
    let now = rt.now();
    let idle = now - super::sessions::IDLE_TIMEOUT_MS;
    let oldest = now - super::sessions::ABSOLUTE_TIMEOUT_MS;
    let sets = rt
        .db()
        .read_batch(vec![
            // A session past its timeouts is over even before anyone deletes it. (Each due
            // phone's session looked up by id: every write runs this, so it must not read
            // through the company's sessions.)
            stmt!(
                "DELETE FROM push_subscriptions WHERE due_since IS NOT NULL AND EXISTS
                   (SELECT 1 FROM sessions s WHERE s.id = push_subscriptions.session_id
                      AND (s.last_seen_at < ? OR s.created_at < ?))",
                idle,
                oldest
            ),
            stmt!(
                "UPDATE push_subscriptions SET due_since = NULL, sent_at = ? WHERE endpoint IN
                   (SELECT endpoint FROM push_subscriptions WHERE due_since IS NOT NULL AND due_since <= ?
                    ORDER BY due_since LIMIT ?)
                 RETURNING endpoint, failures",
                now,
                now,
                BATCH as i64
            ),
        ])
        .await?;
    let [_, claimed] = answers(sets)?;
    let claimed: Vec<Claimed> = claimed.decode()?;
    if claimed.is_empty() {
        return Ok(Pass::default());
    }
    let subject = rt
        .setting(SUBJECT_SETTING)
        .unwrap_or_else(|| "mailto:it@example.com".into());
    let mut tokens: Vec<(String, String)> = Vec::new();
    let mut pass = Pass::default();
    let mut outcomes: Vec<Stmt> = Vec::new();
    for c in claimed {
        let audience = audience(&c.endpoint);
        let token = match tokens.iter().find(|(a, _)| *a == audience) {
            Some((_, t)) => t.clone(),
            None => {
                let t = vapid_token(rt, &jwk, &audience, &subject, now).await?;
                tokens.push((audience, t.clone()));
                t
            }
        };
        let headers = [
            ("authorization", format!("vapid t={token}, k={public}")),
            ("ttl", TTL_SECONDS.to_string()),
            ("urgency", "normal".to_string()),
            // A phone that is off gets one push when it is back, however many were sent.
            ("topic", "balai".to_string()),
        ];
        let status = rt.post(&c.endpoint, None, &headers).await.unwrap_or(0);
        let endpoint: Value = c.endpoint.into();
        outcomes.push(match status {
            200..=299 => {
                pass.sent += 1;
                Stmt {
                    sql: "UPDATE push_subscriptions SET failures = 0 WHERE endpoint = ?".into(),
                    params: vec![endpoint],
                }
            }
            // The phone unsubscribed, or the browser was uninstalled; or it keeps failing.
            404 | 410 => {
                pass.dropped += 1;
                drop_stmt(endpoint)
            }
            _ if c.failures + 1 >= MAX_FAILURES => {
                pass.dropped += 1;
                drop_stmt(endpoint)
            }
            _ => {
                pass.retrying += 1;
                // Again in 1, 2, 4 … minutes, at most an hour.
                let retry_at = now + MINUTE_MS * (1 << c.failures.clamp(0, 6)).min(60);
                Stmt {
                    sql: "UPDATE push_subscriptions SET failures = failures + 1,
                            due_since = min(coalesce(due_since, ?), ?) WHERE endpoint = ?"
                        .into(),
                    params: vec![retry_at.into(), retry_at.into(), endpoint],
                }
            }
        });
    }
    rt.db().batch(outcomes).await?;
    Ok(pass)
}

fn drop_stmt(endpoint: Value) -> Stmt {
    Stmt {
        sql: "DELETE FROM push_subscriptions WHERE endpoint = ?".into(),
        params: vec![endpoint],
    }
}

/// The origin of a push service's endpoint: the `aud` its VAPID token must name.
fn audience(endpoint: &str) -> String {
    let (scheme, rest) = endpoint.split_once("://").unwrap_or(("https", endpoint));
    format!("{scheme}://{}", rest.split('/').next().unwrap_or(""))
}

/// A VAPID token (RFC 8292): a JWT signed ES256 for one push service, valid 12 hours.
async fn vapid_token<R: Runtime>(
    rt: &R,
    jwk: &str,
    audience: &str,
    subject: &str,
    now: Millis,
) -> Result<String, ApiError> {
    let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"ES256"}"#);
    let claims = serde_json::json!({
        "aud": audience,
        "exp": now / 1000 + 12 * 3600,
        "sub": subject,
    });
    let signed = format!("{header}.{}", URL_SAFE_NO_PAD.encode(claims.to_string()));
    let signature = rt.sign_es256(jwk, signed.as_bytes()).await?;
    Ok(format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature)))
}
