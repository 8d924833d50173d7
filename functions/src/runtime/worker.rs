//! The Worker runtime: D1, KV, `Date.now()`, `fetch`, and WebCrypto for randomness, PBKDF2 and
//! ES256.

use super::Runtime;
use crate::store::d1::D1Db;
use balai_protocol::{ApiError, ErrorCode, Millis};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey};

pub struct WorkerRuntime {
    pub db: D1Db,
    pub setup_secret: Option<String>,
    /// For settings (`[vars]`).
    pub env: worker::Env,
}

fn crypto() -> Crypto {
    Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .expect("workerd exposes crypto")
        .unchecked_into()
}

fn internal(e: JsValue) -> ApiError {
    worker::console_error!("webcrypto: {:?}", e);
    ApiError::new(
        ErrorCode::Internal,
        "Something went wrong on our side.",
        "Terjadi kesalahan di pihak kami.",
    )
}

impl Runtime for WorkerRuntime {
    type Db = D1Db;

    fn db(&self) -> &D1Db {
        &self.db
    }

    fn now(&self) -> Millis {
        js_sys::Date::now() as Millis
    }

    fn fill_random(&self, buf: &mut [u8]) {
        crypto()
            .get_random_values_with_u8_array(buf)
            .expect("crypto.getRandomValues");
    }

    async fn pbkdf2_sha256(
        &self,
        password: &[u8],
        salt: &[u8],
        iterations: u32,
    ) -> Result<[u8; 32], ApiError> {
        let subtle = crypto().subtle();
        let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
        let key = JsFuture::from(
            subtle
                .import_key_with_str("raw", &Uint8Array::from(password), "PBKDF2", false, &usages)
                .map_err(internal)?,
        )
        .await
        .map_err(internal)?;
        let params = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&params, &JsValue::from_str(k), v);
        set("name", &JsValue::from_str("PBKDF2")).map_err(internal)?;
        set("hash", &JsValue::from_str("SHA-256")).map_err(internal)?;
        set("salt", &Uint8Array::from(salt)).map_err(internal)?;
        set("iterations", &JsValue::from_f64(iterations as f64)).map_err(internal)?;
        let bits = JsFuture::from(
            subtle
                .derive_bits_with_object(&params, &key.unchecked_into::<CryptoKey>(), 256)
                .map_err(internal)?,
        )
        .await
        .map_err(internal)?;
        let mut out = [0u8; 32];
        Uint8Array::new(&bits).copy_to(&mut out);
        Ok(out)
    }

    fn setup_secret(&self) -> Option<&str> {
        self.setup_secret.as_deref()
    }

    fn setting(&self, name: &str) -> Option<String> {
        self.env
            .var(name)
            .or_else(|_| self.env.secret(name))
            .ok()
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty())
    }

    async fn post(
        &self,
        url: &str,
        body: Option<&str>,
        headers: &[(&str, String)],
    ) -> Result<u16, ApiError> {
        let out = worker::Headers::new();
        let fail = |e: worker::Error| {
            worker::console_error!("post {url}: {e}");
            ApiError::new(
                ErrorCode::Unavailable,
                "The other system did not answer.",
                "Sistem lain tidak menjawab.",
            )
        };
        for (k, v) in headers {
            out.set(k, v).map_err(fail)?;
        }
        let mut init = worker::RequestInit::new();
        init.with_method(worker::Method::Post)
            .with_headers(out)
            .with_body(body.map(JsValue::from_str));
        let req = worker::Request::new_with_init(url, &init).map_err(fail)?;
        let res = worker::Fetch::Request(req).send().await.map_err(fail)?;
        Ok(res.status_code())
    }

    async fn sign_es256(&self, jwk: &str, data: &[u8]) -> Result<Vec<u8>, ApiError> {
        let subtle = crypto().subtle();
        let key_data: Object = js_sys::JSON::parse(jwk)
            .map_err(|_| super::bad_key())?
            .dyn_into()
            .map_err(|_| super::bad_key())?;
        let algorithm = Object::new();
        let set = |o: &Object, k: &str, v: &str| {
            Reflect::set(o, &JsValue::from_str(k), &JsValue::from_str(v))
        };
        set(&algorithm, "name", "ECDSA").map_err(internal)?;
        set(&algorithm, "namedCurve", "P-256").map_err(internal)?;
        let usages = js_sys::Array::of1(&JsValue::from_str("sign"));
        let key = JsFuture::from(
            subtle
                .import_key_with_object("jwk", &key_data, &algorithm, false, &usages)
                .map_err(|_| super::bad_key())?,
        )
        .await
        .map_err(|_| super::bad_key())?;
        let params = Object::new();
        set(&params, "name", "ECDSA").map_err(internal)?;
        set(&params, "hash", "SHA-256").map_err(internal)?;
        let signature = JsFuture::from(
            subtle
                .sign_with_object_and_u8_array(&params, &key.unchecked_into::<CryptoKey>(), data)
                .map_err(internal)?,
        )
        .await
        .map_err(internal)?;
        Ok(Uint8Array::new(&signature).to_vec())
    }

    async fn blob_get(&self, key: &str) -> Result<Option<Vec<u8>>, ApiError> {
        let text = self.kv()?.get(key).text().await.map_err(kv_failed)?;
        Ok(text.and_then(|t| crate::runtime::blob_decode(&t)))
    }

    async fn blob_put(&self, key: &str, bytes: &[u8]) -> Result<(), ApiError> {
        self.kv()?
            .put(key, crate::runtime::blob_encode(bytes))
            .map_err(kv_failed)?
            .execute()
            .await
            .map_err(kv_failed)
    }

    async fn blob_delete(&self, key: &str) -> Result<(), ApiError> {
        self.kv()?.delete(key).await.map_err(kv_failed)
    }
}

impl WorkerRuntime {
    fn kv(&self) -> Result<worker::KvStore, ApiError> {
        self.env.kv("KV").map_err(|e| {
            worker::console_error!("kv binding: {e}");
            ApiError::new(
                ErrorCode::Internal,
                "Something went wrong on our side.",
                "Terjadi kesalahan di pihak kami.",
            )
        })
    }
}

fn kv_failed(e: worker::KvError) -> ApiError {
    worker::console_error!("kv: {e:?}");
    ApiError::new(
        ErrorCode::Internal,
        "Something went wrong on our side.",
        "Terjadi kesalahan di pihak kami.",
    )
}
