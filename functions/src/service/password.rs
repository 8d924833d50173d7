//! Password hashing: PBKDF2-HMAC-SHA256 with a per-user salt.
//! Stored as `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>` so the count can change later.

use super::ids::{hex, unhex};
use crate::runtime::Runtime;
use balai_protocol::ApiError;

/// Workers' WebCrypto refuses PBKDF2 above 100,000 iterations (`wrangler dev` does not), so this
/// must never exceed it: `tests/password.rs` asserts it.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
const _: () = assert!(PBKDF2_ITERATIONS <= 100_000, "Workers' WebCrypto cap");

pub async fn hash<R: Runtime>(rt: &R, password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    rt.fill_random(&mut salt);
    let derived = rt
        .pbkdf2_sha256(password.as_bytes(), &salt, PBKDF2_ITERATIONS)
        .await?;
    Ok(encode(PBKDF2_ITERATIONS, &salt, &derived))
}

pub fn encode(iterations: u32, salt: &[u8], derived: &[u8]) -> String {
    format!("pbkdf2-sha256${iterations}${}${}", hex(salt), hex(derived))
}

/// Checks `password` against a stored hash in constant time. A malformed hash never matches.
pub async fn verify<R: Runtime>(rt: &R, password: &str, stored: &str) -> Result<bool, ApiError> {
    let mut parts = stored.split('$');
    let (Some("pbkdf2-sha256"), Some(iters), Some(salt), Some(expected), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Ok(false);
    };
    let (Ok(iters), Some(salt), Some(expected)) =
        (iters.parse::<u32>(), unhex(salt), unhex(expected))
    else {
        return Ok(false);
    };
    if iters == 0 || iters > PBKDF2_ITERATIONS {
        return Ok(false);
    }
    let derived = rt.pbkdf2_sha256(password.as_bytes(), &salt, iters).await?;
    Ok(constant_time_eq(&derived, &expected))
}

/// Spends the same work as a real check, so an unknown login is not told apart by timing.
pub async fn burn<R: Runtime>(rt: &R, password: &str) -> Result<(), ApiError> {
    rt.pbkdf2_sha256(
        password.as_bytes(),
        b"balai-no-such-user",
        PBKDF2_ITERATIONS,
    )
    .await
    .map(|_| ())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
