use super::*;

#[test]
fn fnv1a_is_the_published_function_per_part() {
    // FNV-1a of "a" is 0xaf63dc4c8601ec8c; each part then mixes in one 0xff byte.
    let mut h: u64 = 0xaf63_dc4c_8601_ec8c;
    h ^= 0xff;
    h = h.wrapping_mul(0x0100_0000_01b3);
    assert_eq!(fnv1a(&[b"a"]), h);
    assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
}

#[test]
fn features_are_unit_length_sorted_and_in_range() {
    let f = featurize("Critics doubt it, saying “nothing changed”.", 18);
    let norm: f32 = f.iter().map(|(_, v)| v * v).sum();
    assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(f.iter().all(|&(i, _)| i < 1 << 18));
    assert!(featurize("", 18).iter().all(|&(_, v)| v.abs() <= 1.0));
}

#[test]
fn case_and_spacing_do_not_matter_but_words_do() {
    assert_eq!(
        featurize("Critics  doubt IT", 18),
        featurize("critics doubt it", 18)
    );
    assert_ne!(
        featurize("critics doubt it", 18),
        featurize("critics trust it", 18)
    );
}
