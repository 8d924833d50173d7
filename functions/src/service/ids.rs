//! Sortable ids (ULID), secret tokens and their hashes.

use crate::runtime::Runtime;
use sha2::{Digest, Sha256};

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A ULID: 48 bits of milliseconds then 80 random bits, as 26 Crockford base32 characters,
/// so ids sort by creation time.
pub fn new_id<R: Runtime>(rt: &R) -> String {
    let mut random = [0u8; 10];
    rt.fill_random(&mut random);
    ulid(rt.now() as u64, random)
}

pub fn ulid(millis: u64, random: [u8; 10]) -> String {
    let mut value: u128 = (millis as u128 & 0xFFFF_FFFF_FFFF) << 80;
    for (i, b) in random.iter().enumerate() {
        value |= (*b as u128) << (72 - 8 * i);
    }
    (0..26)
        .map(|i| CROCKFORD[((value >> (125 - 5 * i)) & 0x1F) as usize] as char)
        .collect()
}

/// A secret of `bytes` random bytes, hex-encoded (sessions use 32 bytes: 256 bits).
pub fn random_token<R: Runtime>(rt: &R, bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rt.fill_random(&mut buf);
    hex(&buf)
}

/// A short one-time access code for staff without corporate email: 10 characters from an
/// alphabet without look-alikes (about 50 bits), grouped for reading aloud: `XXXXX-XXXXX`.
pub fn access_code<R: Runtime>(rt: &R) -> String {
    let mut buf = [0u8; 10];
    rt.fill_random(&mut buf);
    let chars: String = buf
        .iter()
        .map(|b| CROCKFORD[(*b & 0x1F) as usize] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Normalizes a typed access code: upper-case, no separators or spaces.
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulid_sorts_by_time_and_has_26_chars() {
        let a = ulid(1_700_000_000_000, [0xFF; 10]);
        let b = ulid(1_700_000_000_001, [0; 10]);
        assert_eq!(a.len(), 26);
        assert!(a < b);
        assert_eq!(ulid(0, [0; 10]), "00000000000000000000000000");
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn codes_normalize() {
        assert_eq!(normalize_code(" ab12c-d3 4ef "), "AB12CD34EF");
    }
}
