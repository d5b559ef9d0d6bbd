//! A fast hasher for the lexicons' fixed tables (the multiply-rotate hash rustc uses,
//! "FxHash"): lexicon lookups run for every token, and the standard SipHash costs more
//! than the lookup. Keys come from the lexicon files, so a table cannot be grown by an
//! input; tables built from input text keep the standard, DoS-resistant hasher.
//!
//! This module only hashes; it must not be used for anything that is iterated into
//! output (iteration order is not a contract of any hash table).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher state.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(s)
    }

    #[test]
    fn equal_strings_hash_equal() {
        assert_eq!(hash("foreign minister"), hash("foreign minister"));
    }

    #[test]
    fn a_trailing_nul_changes_the_hash() {
        assert_ne!(hash("a"), hash("a\0"));
    }

    #[test]
    fn a_set_finds_what_it_holds() {
        let set: FxHashSet<String> = ["president", "minister"]
            .map(String::from)
            .into_iter()
            .collect();
        assert!(set.contains("minister") && !set.contains("ministers"));
    }
}
