//! Realistic synthetic responses for tests, demos and benchmarks (`manyi sample`).
//!
//! Deterministic for a seed: the caller passes the seed, the period and the UTC offset; the
//! generator ([`rng::Rng`]) reads no clock and no OS randomness, and UUIDs come from its bits.
//!
//! ```
//! use manyi_core::sample::{sample, SampleKind, SampleOptions};
//! let options = SampleOptions { count: 50, seed: 7, ..SampleOptions::default() };
//! let a = sample(SampleKind::Hall, &options);
//! assert_eq!(a.len(), 50);
//! assert_eq!(a, sample(SampleKind::Hall, &options));
//! ```

mod callback;
mod hall;
mod kano;
pub mod rng;
mod site;

use crate::io::bundle::Bundle;
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::Questionnaire;
use crate::response::{Response, ResponseId};
use chrono::{FixedOffset, NaiveDate};
use rng::Rng;
use site::Period;
use std::str::FromStr;
use uuid::Uuid;

/// Which questionnaire to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleKind {
    /// The hall kiosk survey.
    Hall,
    /// The Kano study.
    Kano,
    /// Callback interviews.
    Callback,
}

impl SampleKind {
    /// The built-in questionnaire answered.
    pub fn builtin(self) -> Builtin {
        match self {
            SampleKind::Hall => Builtin::Hall,
            SampleKind::Kano => Builtin::Kano,
            SampleKind::Callback => Builtin::Callback,
        }
    }
}

impl FromStr for SampleKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "hall" => Ok(SampleKind::Hall),
            "kano" => Ok(SampleKind::Kano),
            "callback" => Ok(SampleKind::Callback),
            other => Err(format!("no sample generator for `{other}`; use hall, kano or callback")),
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleOptions {
    /// How many responses.
    pub count: usize,
    /// The seed: the same seed gives the same responses, byte for byte.
    pub seed: u64,
    /// The first day of the period.
    pub start: NaiveDate,
    /// The length of the period in calendar months (at least 1).
    pub months: u32,
    /// The devices' UTC offset.
    pub offset: FixedOffset,
}

impl Default for SampleOptions {
    /// 1,000 responses, seed 1, six months from 1 January 2026, at +08:00 (China).
    fn default() -> Self {
        SampleOptions {
            count: 1000,
            seed: 1,
            start: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
            months: 6,
            offset: FixedOffset::east_opt(8 * 3600).expect("valid offset"),
        }
    }
}

/// `options.count` synthetic responses to the questionnaire of `kind`.
pub fn sample(kind: SampleKind, options: &SampleOptions) -> Vec<Response> {
    let mut rng = Rng::new(options.seed);
    let period = Period::new(options.start, options.months, options.offset);
    let reference = kind.builtin().questionnaire().reference();
    let mut out = Vec::with_capacity(options.count);
    match kind {
        SampleKind::Hall => {
            let ids = hall::HallIds::new();
            out.extend((0..options.count).map(|_| hall::response(&mut rng, &ids, &reference, &period)));
        }
        SampleKind::Kano => {
            let ids = kano::KanoIds::new();
            out.extend((0..options.count).map(|_| kano::response(&mut rng, &ids, &reference, &period)));
        }
        SampleKind::Callback => {
            let ids = callback::CallbackIds::new();
            out.extend((0..options.count).map(|_| callback::response(&mut rng, &ids, &reference, &period)));
        }
    }
    for r in &mut out {
        r.id = ResponseId(kind_id(r.id.0, kind));
    }
    out
}

/// Every kind draws from the seed's one stream, so with one seed their UUIDs would be the same;
/// the random bits of each kind's UUIDs are xored with a constant of its own (none for the hall,
/// whose samples stay as they were), so that samples of two kinds made with one seed never share
/// a UUID, which would collapse responses when their files are merged. The version and variant
/// bits are left alone.
fn kind_id(id: Uuid, kind: SampleKind) -> Uuid {
    const VERSION_AND_VARIANT: u128 = (0xF << 76) | (0b11 << 62);
    let salt: u128 = match kind {
        SampleKind::Hall => 0,
        SampleKind::Kano => 0x6b61_6e6f_5f73_616c_745f_6b69_6e64_5f31,
        SampleKind::Callback => 0x6361_6c6c_6261_636b_5f73_616c_745f_3032,
    };
    Uuid::from_u128(id.as_u128() ^ (salt & !VERSION_AND_VARIANT))
}

/// The sample as a Manyi JSON bundle holding its questionnaire (no export time or device: a
/// sample was never on one).
pub fn sample_bundle(kind: SampleKind, options: &SampleOptions) -> Bundle {
    let q: Questionnaire = kind.builtin().questionnaire();
    Bundle::new(vec![q], sample(kind, options), None, None)
}

#[cfg(test)]
mod tests;
