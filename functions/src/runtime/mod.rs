//! What services need from the platform besides the database: a clock, randomness and PBKDF2.
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
    /// POSTs `body` (JSON) to `url` with extra headers; answers the status. Best effort: the
    /// caller logs a failure and carries on.
    async fn post_json(
        &self,
        url: &str,
        body: &str,
        headers: &[(&str, String)],
    ) -> Result<u16, ApiError>;
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
