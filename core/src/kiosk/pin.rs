//! The staff PIN: 4 to 8 digits, kept only as a salted, iterated SHA-256 hash, and a guard that
//! makes guessing slow (a pause after repeated wrong PINs). The PIN keeps customers out of the
//! staff screens; it does not encrypt the data on the device.

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How many rounds of SHA-256 a PIN goes through.
const ROUNDS: u32 = 10_000;
/// Wrong PINs in a row before a pause.
pub const MAX_FAILURES: u32 = 5;
/// The pause after [`MAX_FAILURES`] wrong PINs, in seconds.
pub const PAUSE_SECONDS: i64 = 60;

/// Why a new PIN is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinProblem {
    /// A PIN is 4 to 8 digits.
    Format,
    /// The two entries differ.
    Mismatch,
}

/// A PIN's salted hash, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinHash {
    /// The salt, hex (made by the caller from a random source).
    pub salt: String,
    /// SHA-256 iterated over salt and PIN, hex.
    pub hash: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn digest(salt: &str, pin: &str) -> String {
    let mut h: [u8; 32] = Sha256::new().chain_update(salt).chain_update(pin).finalize().into();
    for _ in 1..ROUNDS {
        h = Sha256::new().chain_update(h).chain_update(salt).finalize().into();
    }
    hex(&h)
}

impl PinHash {
    /// Checks a new PIN entered twice and hashes it with `salt`.
    pub fn new(pin: &str, repeated: &str, salt: [u8; 16]) -> Result<PinHash, PinProblem> {
        if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PinProblem::Format);
        }
        if pin != repeated {
            return Err(PinProblem::Mismatch);
        }
        let salt = hex(&salt);
        Ok(PinHash { hash: digest(&salt, pin), salt })
    }

    /// Whether `pin` is this PIN.
    pub fn verify(&self, pin: &str) -> bool {
        // Compared in full, not up to the first difference.
        let (a, b) = (digest(&self.salt, pin), &self.hash);
        a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |d, (x, y)| d | (x ^ y)) == 0
    }
}

/// Wrong PINs in a row, and the pause they led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinGuard {
    failures: u32,
    paused_until: Option<DateTime<FixedOffset>>,
}

impl PinGuard {
    /// Seconds (rounded up) before another PIN may be tried, if paused at `now`.
    pub fn paused(&self, now: DateTime<FixedOffset>) -> Option<u32> {
        let until = self.paused_until?;
        let left = (until - now).num_milliseconds();
        (left > 0).then(|| ((left + 999) / 1000) as u32)
    }

    /// Records an attempt at `now`; returns whether it opens the staff screens (right PIN, not
    /// paused).
    pub fn attempt(&mut self, pin: &PinHash, entered: &str, now: DateTime<FixedOffset>) -> bool {
        if self.paused(now).is_some() {
            return false;
        }
        if pin.verify(entered) {
            *self = PinGuard::default();
            return true;
        }
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            self.failures = 0;
            self.paused_until = Some(now + Duration::seconds(PAUSE_SECONDS));
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    #[test]
    fn a_pin_is_four_to_eight_digits_entered_twice() {
        let salt = [7; 16];
        assert_eq!(PinHash::new("123", "123", salt), Err(PinProblem::Format));
        assert_eq!(PinHash::new("12a4", "12a4", salt), Err(PinProblem::Format));
        assert_eq!(PinHash::new("123456789", "123456789", salt), Err(PinProblem::Format));
        assert_eq!(PinHash::new("1234", "1243", salt), Err(PinProblem::Mismatch));
        let pin = PinHash::new("2468", "2468", salt).unwrap();
        assert!(pin.verify("2468"));
        assert!(!pin.verify("2469") && !pin.verify("") && !pin.verify("24680"));
        assert_eq!(pin.salt, "07".repeat(16));
        assert!(!pin.hash.contains("2468") && pin.hash.len() == 64);
        // The same PIN with another salt hashes differently.
        assert_ne!(PinHash::new("2468", "2468", [8; 16]).unwrap().hash, pin.hash);
    }

    #[test]
    fn the_hash_is_sha256_iterated() {
        // One round by hand: SHA-256 of "" is e3b0c442…; the stored hash iterates 10,000 times,
        // so it differs from the single round and is stable for the same salt and PIN.
        let once = hex(&Sha256::digest(b""));
        assert_eq!(once, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_ne!(digest("", ""), once);
        assert_eq!(digest("ab", "1234"), digest("ab", "1234"));
    }

    #[test]
    fn five_wrong_pins_pause_for_a_minute() {
        let pin = PinHash::new("2468", "2468", [1; 16]).unwrap();
        let mut guard = PinGuard::default();
        let t0 = at("2026-11-23T10:00:00+08:00");
        for _ in 0..4 {
            assert!(!guard.attempt(&pin, "0000", t0));
        }
        assert_eq!(guard.paused(t0), None);
        assert!(!guard.attempt(&pin, "0000", t0));
        assert_eq!(guard.paused(t0), Some(60));
        // Even the right PIN waits out the pause.
        assert!(!guard.attempt(&pin, "2468", at("2026-11-23T10:00:59+08:00")));
        assert!(guard.attempt(&pin, "2468", at("2026-11-23T10:01:00+08:00")));
        assert_eq!(guard, PinGuard::default());
    }
}
