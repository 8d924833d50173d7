//! What services need from the platform besides the database: a clock, randomness, PBKDF2,
//! ES256 signatures, outgoing requests and KV.
//! The Worker gets them from workerd (WebCrypto); native tests and tools from pure-Rust crates.

#[cfg(not(target_arch = "wasm32"))]
pub mod native;
#[cfg(target_arch = "wasm32")]
pub mod worker;

use crate::store::Db;
use balai_protocol::{ApiError, Millis};

#[allow(async_fn_in_trait)]
pub trait Runtime {
    type Db: Db;
    fn db(&self) -> &Self::Db;
    fn now(&self) -> Millis;
    fn fill_random(&self, buf: &mut [u8]);
    /// PBKDF2-HMAC-SHA256 with a 32-byte output.
    async fn pbkdf2_sha256(
        &self,
        password: &[u8],
        salt: &[u8],
        iterations: u32,
    ) -> Result<[u8; 32], ApiError>;
    /// The one-time secret that lets a real deployment create its first admin (`SETUP_SECRET`).
    fn setup_secret(&self) -> Option<&str>;
    /// A deployment setting (a `[vars]` entry in wrangler.toml, or a secret), such as
    /// `TILE_ATTRIBUTION` or `IDEAS_WEBHOOK_SECRET`.
    fn setting(&self, name: &str) -> Option<String>;
    /// POSTs `body` (none for a push) to `url` with `headers` (its content type among them);
    /// answers the status. Best effort: the caller logs a failure and carries on.
    async fn post(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(&str, String)],
    ) -> Result<u16, ApiError>;
    /// An ES256 signature (ECDSA P-256 with SHA-256, `r ‖ s`, 64 bytes) of `data` by the
    /// private key in `jwk` (a JSON Web Key, as `VAPID_PRIVATE_KEY` holds it).
    async fn sign_es256(&self, jwk: &str, data: &[u8]) -> Result<Vec<u8>, ApiError>;
    /// A blob kept in KV (a profile photo), if there is one. KV holds it as base64 text
    /// ([`blob_encode`]).
    async fn blob_get(&self, key: &str) -> Result<Option<Vec<u8>>, ApiError>;
    async fn blob_put(&self, key: &str, bytes: &[u8]) -> Result<(), ApiError>;
    async fn blob_delete(&self, key: &str) -> Result<(), ApiError>;
}

/// How a blob is written into KV: base64 text, which every tool round-trips (binary values
/// put with `wrangler kv bulk put` into the local namespace come back mangled).
pub fn blob_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The bytes of a blob read from KV; `None` when the value is not base64.
pub fn blob_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()
}

/// A field of a JSON Web Key, base64url-decoded (`d`, `x` or `y` of an EC key).
pub fn jwk_field(jwk: &str, field: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let jwk: serde_json::Value = serde_json::from_str(jwk).ok()?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(jwk.get(field)?.as_str()?)
        .ok()
}

/// A push key that cannot sign: a deployment mistake, logged by the sender.
pub fn bad_key() -> ApiError {
    ApiError::new(
        balai_protocol::ErrorCode::Internal,
        "VAPID_PRIVATE_KEY is not a P-256 private key in JWK form.",
        "VAPID_PRIVATE_KEY bukan kunci privat P-256 berbentuk JWK.",
    )
}
