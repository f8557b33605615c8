//! A fast, deterministic, unkeyed hash (the multiply–rotate hash of rustc's `FxHasher`): for maps
//! whose keys come from a questionnaire, not from the files, and, with a final mix, for the
//! content hash of responses (`hash.rs`). Not for keys an input could choose to collide.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// The hasher.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }

    /// The state mixed so that every input bit reaches every output bit (MurmurHash3's fmix64).
    pub fn finish_mixed(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Maps with [`Fx`].
pub(crate) type FxBuild = BuildHasherDefault<Fx>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(v: impl Hash) -> u64 {
        let mut h = Fx::default();
        v.hash(&mut h);
        h.finish_mixed()
    }

    #[test]
    fn distinct_inputs_distinct_hashes() {
        assert_eq!(hash("wait"), hash("wait"));
        assert_ne!(hash("wait"), hash("wai"));
        assert_ne!(hash(("a", "bc")), hash(("ab", "c")));
        assert_ne!(hash([0u8; 3].as_slice()), hash([0u8; 4].as_slice()));
        let all: std::collections::HashSet<u64> = (0..100_000u32).map(hash).collect();
        assert_eq!(all.len(), 100_000);
    }
}
