//! spaCy's string hashes: `spacy.strings.hash_string` is MurmurHash64A (the `murmurhash`
//! package's `hash64`) of the UTF-8 bytes with seed 1.

/// MurmurHash64A of `key` with `seed`, as Austin Appleby's reference (and the `murmurhash`
/// package on little-endian machines) computes it.
pub fn murmurhash64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let mut blocks = key.chunks_exact(8);
    for block in &mut blocks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(block);
        let mut k = u64::from_le_bytes(bytes).wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, &byte) in tail.iter().enumerate() {
            h ^= u64::from(byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// `spacy.strings.hash_string(text)`.
pub fn hash_string(text: &str) -> u64 {
    murmurhash64a(text.as_bytes(), 1)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{hash_string, murmurhash64a};

    #[test]
    fn equals_spacy_hash_string() {
        // Values from spacy.strings.hash_string in spaCy 3.8.
        for (text, hash) in [
            ("a", 11_901_859_001_352_538_922),
            ("hello", 5_983_625_672_228_268_878),
            ("claim", 4_563_812_988_814_619_444),
            ("Putin’s", 11_757_087_655_969_196_978),
            ("👩🏽\u{200d}🚒", 277_114_118_027_766_782),
            ("北京官员说", 5_316_218_703_696_510_502),
            ("exactly8", 17_695_040_895_084_571_796),
            ("seven77", 9_984_438_201_199_924_476),
            ("abcdefghijklmnopq", 2_395_869_216_546_743_846),
        ] {
            assert_eq!(hash_string(text), hash, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn every_byte_counts(bytes in proptest::collection::vec(any::<u8>(), 1..40), at in any::<prop::sample::Index>()) {
            let mut changed = bytes.clone();
            let i = at.index(bytes.len());
            changed[i] ^= 1;
            prop_assert_ne!(murmurhash64a(&bytes, 1), murmurhash64a(&changed, 1));
        }
    }
}
