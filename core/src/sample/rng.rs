//! A small seeded pseudo-random generator for synthetic data: xoshiro256** (Blackman and Vigna
//! 2018) seeded through SplitMix64. The caller gives the seed; nothing here reads the OS.
//!
//! Every derived draw uses only integer arithmetic and IEEE +, −, ×, which round identically on
//! every platform, so one seed gives the same data natively and in WebAssembly.

use uuid::{Builder, Uuid};

/// The generator.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

/// √3, so that the sum of four uniforms has unit variance (each uniform has variance 1/12).
const SQRT_3: f64 = 1.732_050_807_568_877_2;

impl Rng {
    /// A generator from a seed; SplitMix64 spreads the seed over the 256-bit state.
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng { s: [next(), next(), next(), next()] }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// A uniform integer in 0..n (n > 0), by Lemire's multiply-shift (the bias is below 2⁻³² for
    /// the small n used here).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A uniform integer in lo..=hi.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// An approximately standard-normal number: the centred sum of four uniforms scaled to unit
    /// variance (Irwin–Hall). Its tails stop at ±2√3 ≈ ±3.46, which synthetic ratings never miss.
    pub fn normal(&mut self) -> f64 {
        let sum = self.uniform() + self.uniform() + self.uniform() + self.uniform();
        (sum - 2.0) * SQRT_3
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        // Rounding can leave x a hair above the last weight.
        weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
    }

    /// A version-4 UUID from 128 random bits (version and variant bits set as RFC 9562 asks).
    pub fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        Builder::from_random_bytes(bytes).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_reference_stream() {
        // SplitMix64 from seed 0 gives 0xE220A8397B1DCDAF as its first output (Vigna's
        // splitmix64.c); xoshiro256** then returns rotl(s1 · 5, 7) · 9 for the first draw.
        let mut r = Rng::new(0);
        assert_eq!(r.s[0], 0xE220_A839_7B1D_CDAF);
        let first = r.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        assert_eq!(r.next_u64(), first);
        // Same seed, same stream; another seed, another stream.
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(42);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(42);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(Rng::new(43).next_u64(), a[0]);
    }

    #[test]
    fn draws_have_the_intended_moments() {
        let mut r = Rng::new(7);
        let n = 200_000;
        let xs: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        // SE of the mean ≈ 1/√200000 ≈ 0.0022; of the variance ≈ √(2/n) ≈ 0.003.
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((var - 1.0).abs() < 0.02, "{var}");
        let mut counts = [0usize; 3];
        for _ in 0..n {
            counts[r.weighted(&[0.5, 0.0, 1.5])] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((counts[0] as f64 / n as f64 - 0.25).abs() < 0.01, "{counts:?}");
        assert!((0..1000).all(|_| r.below(7) < 7));
        let u = r.uuid();
        assert_eq!(u.get_version_num(), 4);
        assert_eq!(u.get_variant(), uuid::Variant::RFC4122);
    }
}
