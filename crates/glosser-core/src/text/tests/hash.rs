//! The lazy hash: always the SHA-256 of the file's bytes, however and whenever it is computed.

use super::super::*;
use proptest::prelude::*;

fn load(bytes: &[u8]) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, bytes).unwrap();
    Document::load(&path).unwrap()
}

#[test]
fn the_hash_is_not_computed_on_load() {
    let d = load(b"some text");
    assert!(d.sha256.get().is_none(), "loading must not hash");
    assert_eq!(d.sha256(), sha256_hex(b"some text"));
    assert!(d.sha256.get().is_some());
}

#[test]
fn a_dropped_byte_order_mark_is_still_hashed() {
    let bytes = "\u{feff}caf\u{e9}".as_bytes();
    let d = load(bytes);
    assert_eq!(d.text(), "caf\u{e9}");
    assert_eq!(d.sha256(), sha256_hex(bytes));
    assert_ne!(d.sha256(), Document::from_text("caf\u{e9}").sha256());
}

#[test]
fn a_prefetched_hash_is_the_same_and_shared_by_clones() {
    let text = "\u{e9}t\u{e9} ".repeat(100_000);
    let d = Document::from_text(text.clone());
    let copy = d.clone();
    d.prefetch();
    assert_eq!(copy.sha256(), sha256_hex(text.as_bytes()));
    assert_eq!(d.sha256(), copy.sha256());
    d.prefetch();
    assert_eq!(d.sha256(), sha256_hex(text.as_bytes()));
}

proptest! {
    #[test]
    fn lazy_hash_equals_eager_hash(text in "\\PC{1,200}", bom in any::<bool>(), prefetch in any::<bool>()) {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        let d = Document::from_bytes(Path::new("a.txt"), bytes.clone());
        prop_assume!(d.is_ok(), "a lone byte order mark is an empty document");
        let d = d.unwrap();
        if prefetch {
            d.prefetch();
        }
        prop_assert_eq!(d.sha256(), sha256_hex(&bytes));
    }
}
