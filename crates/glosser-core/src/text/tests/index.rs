//! The offset index built in two parts (the head on load, the rest on demand or on another
//! thread) converts every offset as a scan from the start would.

use super::super::*;

fn long_text() -> String {
    // Past the head, with 1-, 2-, 3- and 4-byte chars (the last two in UTF-16 pairs).
    "ab é中😀\n".repeat(HEAD_CHARS / 7 + 5_000)
}

fn check_every(d: &Document, text: &str, step: usize) {
    let mut utf16 = 0;
    let mut expected = Vec::new();
    for (c, (byte, ch)) in text.char_indices().enumerate() {
        if c % step == 0 {
            expected.push((c, byte, utf16));
        }
        utf16 += ch.len_utf16();
    }
    expected.push((d.char_len(), text.len(), utf16));
    for (c, byte, u) in expected {
        assert_eq!(d.char_to_byte(c), byte, "char {c}");
        assert_eq!(d.byte_to_char(byte), Some(c), "byte {byte}");
        assert_eq!(d.char_to_utf16(c), u, "char {c}");
        assert_eq!(d.utf16_to_char(u), Some(c), "utf16 {u}");
    }
}

#[test]
fn the_head_answers_near_the_top_without_the_whole_index() {
    let text = long_text();
    let d = Document::from_text(text.clone());
    assert_eq!(d.char_len(), text.chars().count());
    assert!(!d.head.complete);
    assert_eq!(
        d.char_to_byte(1000),
        text.char_indices().nth(1000).unwrap().0
    );
    assert_eq!(d.slice(0, 7), "ab é中😀\n");
    assert!(d.full.get().is_none(), "the top needs only the head");
    assert_eq!(d.char_at(d.char_len() - 1), Some('\n'));
    assert!(d.full.get().is_some(), "the end needs the whole index");
}

#[test]
fn offsets_across_the_head_boundary_built_on_demand() {
    let text = long_text();
    let d = Document::from_text(text.clone());
    check_every(&d, &text, 61);
}

#[test]
fn offsets_with_a_prefetched_index() {
    let text = long_text();
    let d = Document::from_text(text.clone());
    d.prefetch();
    check_every(&d, &text, 59);
    assert_eq!(d.sha256(), sha256_hex(text.as_bytes()));
}

#[test]
fn a_short_text_is_indexed_whole_on_load() {
    let d = Document::from_text("short é text");
    assert!(d.head.complete);
    assert_eq!(d.utf16_len(), 12);
    assert!(d.full.get().is_none());
}

#[test]
fn utf16_offsets_past_the_end_or_inside_a_pair_are_refused() {
    let text = long_text();
    let d = Document::from_text(text.clone());
    let total = d.utf16_len();
    assert_eq!(d.utf16_to_char(total + 1), None);
    assert_eq!(d.byte_to_char(text.len() + 1), None);
    // Inside the emoji of the last line: its first UTF-16 unit plus one.
    let emoji = d.char_len() - 2;
    assert_eq!(d.utf16_to_char(d.char_to_utf16(emoji) + 1), None);
}
