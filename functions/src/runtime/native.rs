//! The native runtime: SQLite, the system clock (or a test's clock), the OS's randomness and
//! pure-Rust cryptography; outgoing requests are recorded, not sent.

use super::Runtime;
use crate::store::sqlite::SqliteDb;
use balai_protocol::{ApiError, Millis};
use std::cell::{Cell, RefCell};

/// A request [`Runtime::post`] would have sent: what tests inspect.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub url: String,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

pub struct NativeRuntime {
    pub db: SqliteDb,
    /// When set, `now()` answers this instead of the system clock, so tests can move time.
    pub clock: Cell<Option<Millis>>,
    pub setup_secret: Option<String>,
    /// Settings a test gives (wrangler.toml's `[vars]` and secrets in the Worker).
    pub settings: RefCell<Vec<(String, String)>>,
    /// Outgoing requests, recorded instead of sent.
    pub sent: RefCell<Vec<Sent>>,
    /// The statuses the next requests sent get, in order (then 200).
    pub answer_with: RefCell<std::collections::VecDeque<u16>>,
    /// KV, in memory, holding what the Worker's KV holds (base64 text, see `blob_encode`).
    pub blobs: RefCell<std::collections::HashMap<String, String>>,
}

impl NativeRuntime {
    pub fn in_memory() -> Self {
        Self::over(SqliteDb::in_memory())
    }

    pub fn over(db: SqliteDb) -> Self {
        NativeRuntime {
            db,
            clock: Cell::new(None),
            setup_secret: None,
            settings: RefCell::new(Vec::new()),
            sent: RefCell::new(Vec::new()),
            answer_with: RefCell::new(Default::default()),
            blobs: RefCell::new(Default::default()),
        }
    }

    /// Freezes the clock at `at`.
    pub fn set_now(&self, at: Millis) {
        self.clock.set(Some(at));
    }

    /// Moves a frozen clock forward (freezing it at the current time first if needed).
    pub fn advance(&self, by: Millis) {
        self.clock.set(Some(self.now() + by));
    }
}

/// Runs a service future to completion. Native futures never wait (SQLite answers at once), so
/// one poll is enough; tests and tools need no async runtime.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => out,
        std::task::Poll::Pending => panic!("a native service future waited; nothing here should"),
    }
}

pub fn system_now() -> Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as Millis)
}

/// Pure-Rust PBKDF2, for native tests and the seed tool (the Worker uses WebCrypto).
pub fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, iterations, &mut out);
    out
}

impl Runtime for NativeRuntime {
    type Db = SqliteDb;

    fn db(&self) -> &SqliteDb {
        &self.db
    }

    fn now(&self) -> Millis {
        self.clock.get().unwrap_or_else(system_now)
    }

    fn fill_random(&self, buf: &mut [u8]) {
        getrandom::fill(buf).expect("OS randomness");
    }

    async fn pbkdf2_sha256(
        &self,
        password: &[u8],
        salt: &[u8],
        iterations: u32,
    ) -> Result<[u8; 32], ApiError> {
        Ok(pbkdf2_sha256(password, salt, iterations))
    }

    fn setup_secret(&self) -> Option<&str> {
        self.setup_secret.as_deref()
    }

    fn setting(&self, name: &str) -> Option<String> {
        self.settings
            .borrow()
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    async fn post(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(&str, String)],
    ) -> Result<u16, ApiError> {
        self.sent.borrow_mut().push(Sent {
            url: url.to_string(),
            body: body.unwrap_or_default().to_string(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        });
        Ok(self.answer_with.borrow_mut().pop_front().unwrap_or(200))
    }

    async fn sign_es256(&self, jwk: &str, data: &[u8]) -> Result<Vec<u8>, ApiError> {
        use p256::ecdsa::{Signature, SigningKey, signature::Signer};
        let key = super::jwk_field(jwk, "d")
            .and_then(|d| SigningKey::from_slice(&d).ok())
            .ok_or_else(super::bad_key)?;
        let signature: Signature = key.sign(data);
        Ok(signature.to_bytes().to_vec())
    }

    async fn blob_get(&self, key: &str) -> Result<Option<Vec<u8>>, ApiError> {
        Ok(self
            .blobs
            .borrow()
            .get(key)
            .and_then(|text| super::blob_decode(text)))
    }

    async fn blob_put(&self, key: &str, bytes: &[u8]) -> Result<(), ApiError> {
        self.blobs
            .borrow_mut()
            .insert(key.to_string(), super::blob_encode(bytes));
        Ok(())
    }

    async fn blob_delete(&self, key: &str) -> Result<(), ApiError> {
        self.blobs.borrow_mut().remove(key);
        Ok(())
    }
}
