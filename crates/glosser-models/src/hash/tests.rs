use super::*;

#[test]
fn matches_the_known_digest_of_abc() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn text_digest_is_of_the_utf8_bytes() {
    assert_eq!(text_sha256("Café"), sha256_hex("Café".as_bytes()));
    assert_ne!(text_sha256("Café"), text_sha256("Cafe\u{301}"));
}
