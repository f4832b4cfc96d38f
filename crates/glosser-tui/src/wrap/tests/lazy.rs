//! Wrapping on demand gives the rows of wrapping at once: in pieces of any size, and around any
//! offset (the rows up to it and past it are final).

use super::super::*;
use proptest::prelude::*;

fn full(doc: &Document, width: u16) -> WrapCache {
    let mut cache = WrapCache::new();
    cache.update(doc, 1, width);
    cache
}

fn ranges(cache: &WrapCache) -> Vec<Range<usize>> {
    (0..cache.row_count()).map(|r| cache.row_range(r)).collect()
}

#[test]
fn prepare_wraps_only_around_the_offset() {
    let text = "word ".repeat(100_000);
    let doc = Document::from_text(text);
    let mut cache = WrapCache::new();
    cache.prepare(&doc, 1, 80, 0, 100);
    assert!(
        !cache.is_complete(),
        "a 500 KB article is not wrapped for one screen"
    );
    assert!(cache.row_count() > 100);
    assert!(cache.row_count() < 2_000, "{}", cache.row_count());
    let all = full(&doc, 80);
    assert_eq!(ranges(&cache)[..], ranges(&all)[..cache.row_count()]);
    cache.prepare(&doc, 1, 80, doc.char_len(), 10);
    assert!(cache.is_complete(), "the end needs every row");
    assert_eq!(ranges(&cache), ranges(&all));
}

#[test]
fn extend_finishes_and_a_new_width_starts_again() {
    let doc = Document::from_text("abc def\n".repeat(10_000));
    let mut cache = WrapCache::new();
    cache.prepare(&doc, 1, 5, 0, 3);
    assert!(!cache.is_complete());
    while !cache.extend(&doc, 100) {}
    assert_eq!(ranges(&cache), ranges(&full(&doc, 5)));
    cache.prepare(&doc, 1, 3, 0, 3);
    assert!(
        !cache.is_complete(),
        "another width: rewrapped from the top"
    );
    assert!(cache.is_for(1));
    assert!(!cache.is_for(2));
}

proptest! {
    #[test]
    fn wrap_on_demand_equals_full_wrap(
        text in "[a-c \\n\\t中😀é\u{301}\r]{1,300}",
        width in 1u16..12,
        pieces in proptest::collection::vec(1usize..40, 1..20),
        offset in 0usize..400,
        rows_after in 0usize..10,
    ) {
        let doc = Document::from_text(text);
        let all = full(&doc, width);
        let mut cache = WrapCache::new();
        let offset = offset.min(doc.char_len());
        cache.prepare(&doc, 1, width, offset, rows_after);
        let known = cache.row_count();
        prop_assert_eq!(&ranges(&cache)[..], &ranges(&all)[..known]);
        if !cache.is_complete() {
            prop_assert!(cache.row_of(offset) + rows_after < known);
        }
        for piece in pieces.iter().cycle().take(1000) {
            if cache.extend(&doc, *piece) {
                break;
            }
        }
        while !cache.extend(&doc, 7) {}
        prop_assert_eq!(ranges(&cache), ranges(&all));
    }
}
