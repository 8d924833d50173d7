//! Outgoing webhooks to the company's innovation or project system: on every idea status
//! change, a JSON POST to `IDEAS_WEBHOOK_URL`, signed with HMAC-SHA256 over the exact body with
//! the shared secret `IDEAS_WEBHOOK_SECRET`, sent as `X-Balai-Signature: sha256=<hex>`. The
//! receiver recomputes the HMAC over the raw body and compares in constant time.
//!
//! Delivery is best effort, after the change has committed: a failure is logged and the change
//! stands (a queue with retries is the next step).

use super::ids::hex;
use crate::runtime::Runtime;
use balai_protocol::Millis;
use balai_protocol::ideas::Idea;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `sha256=<hex HMAC-SHA256 of body under secret>`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(body);
    format!("sha256={}", hex(&mac.finalize().into_bytes()))
}

/// The body sent when an idea changes status.
pub fn idea_status_body(idea: &Idea, at: Millis) -> String {
    serde_json::json!({
        "event": "idea.status",
        "at": at,
        "idea": {
            "id": idea.id,
            "title": idea.title,
            "category": idea.category,
            "status": idea.status,
            "decline_reason": idea.decline_reason,
            "vote_count": idea.vote_count,
            "author": idea.author.name,
        },
    })
    .to_string()
}

/// Tells the configured system that `idea` changed status (when a URL and secret are set).
pub async fn idea_status<R: Runtime>(rt: &R, idea: &Idea) {
    let (Some(url), Some(secret)) = (
        rt.setting("IDEAS_WEBHOOK_URL"),
        rt.setting("IDEAS_WEBHOOK_SECRET"),
    ) else {
        return;
    };
    let body = idea_status_body(idea, rt.now());
    let headers = [
        ("content-type", "application/json".to_string()),
        ("x-balai-event", "idea.status".to_string()),
        (
            "x-balai-signature",
            sign(secret.as_bytes(), body.as_bytes()),
        ),
    ];
    match rt.post(&url, Some(&body), &headers).await {
        Ok(status) if (200..300).contains(&status) => {}
        Ok(status) => super::log_error(&format!("ideas webhook answered {status}")),
        Err(e) => super::log_error(&format!("ideas webhook failed: {}", e.message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_rfc_4231_says() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
