//! Password hashing at the Workers' WebCrypto limit.

use balai_functions::runtime::native::{NativeRuntime, block_on, pbkdf2_sha256};
use balai_functions::service::ids::hex;
use balai_functions::service::password::{self, PBKDF2_ITERATIONS};

#[test]
fn iteration_count_stays_within_the_workers_cap() {
    // Workers refuse PBKDF2 above 100,000 iterations; `wrangler dev` does not, so only this
    // test stands between a higher count and a production login that always fails.
    // Equal to the cap: no higher (production would fail), no weaker than allowed.
    assert_eq!(PBKDF2_ITERATIONS, 100_000);
    // And what is stored says so, since verification reads the count from the hash.
    let rt = NativeRuntime::in_memory();
    let stored = block_on(password::hash(&rt, "rahasia-sekali")).unwrap();
    assert_eq!(stored.split('$').nth(1), Some("100000"));
}

#[test]
fn pbkdf2_matches_the_published_test_vector() {
    // RFC 7914 section 11, PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1 (first 32 bytes).
    assert_eq!(
        hex(&pbkdf2_sha256(b"passwd", b"salt", 1)),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

#[test]
fn hashes_are_salted_per_user_and_verify() {
    let rt = NativeRuntime::in_memory();
    let a = block_on(password::hash(&rt, "rahasia-sekali")).unwrap();
    let b = block_on(password::hash(&rt, "rahasia-sekali")).unwrap();
    assert_ne!(a, b, "a fresh salt each time");
    assert!(a.starts_with("pbkdf2-sha256$100000$"));
    assert!(block_on(password::verify(&rt, "rahasia-sekali", &a)).unwrap());
    assert!(!block_on(password::verify(&rt, "rahasia-sekalI", &a)).unwrap());
    assert!(!block_on(password::verify(&rt, "x", "garbage")).unwrap());
    assert!(!block_on(password::verify(&rt, "x", "pbkdf2-sha256$999999999$00$00")).unwrap());
}
