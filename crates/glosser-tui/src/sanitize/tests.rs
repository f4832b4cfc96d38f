use super::*;

#[test]
fn fast_graphemes_match_unicode_segmentation() {
    use unicode_segmentation::UnicodeSegmentation;
    for text in [
        "",
        "plain ascii",
        "a\r\nb\r",
        "e\u{301}x",
        "👨\u{200d}👩 a",
        "🇫🇷🇩🇪x",
        "中a\u{1b}[",
        "a\u{200d}b",
    ] {
        let fast: Vec<&str> = graphemes(text).collect();
        let slow: Vec<&str> = text.graphemes(true).collect();
        assert_eq!(fast, slow, "{text:?}");
    }
}

#[test]
fn placeholders() {
    assert_eq!(sanitize("ok “fine”"), "ok “fine”");
    assert!(matches!(sanitize("ok"), Cow::Borrowed(_)));
    assert_eq!(sanitize("a\u{1b}[31mb\u{202e}c\u{7f}\u{85}"), "a␛[31mb¦c␡¿");
    assert_eq!(sanitize("two\nlines\r\n\tx"), "two lines  \u{20}x");
    assert_eq!(grapheme_cell("\u{1b}").unwrap(), (Cow::Borrowed("␛"), 1));
    assert_eq!(grapheme_cell("中").unwrap().1, 2);
    assert_eq!(grapheme_cell("e\u{301}").unwrap().1, 1);
    assert_eq!(grapheme_cell("\u{301}").unwrap(), (Cow::Borrowed("◌"), 1));
    assert_eq!(grapheme_cell("\t").unwrap().1, TAB_WIDTH);
    assert_eq!(grapheme_cell("\r\n"), None);
    assert_eq!(grapheme_cell("\r").unwrap(), (Cow::Borrowed("␍"), 1));
    assert_eq!(grapheme_cell("\u{2028}").unwrap(), (Cow::Borrowed("↵"), 1));
    assert_eq!(
        sanitize("a\u{2028}b\u{2029}c"),
        "a b c",
        "one line: breaks are spaces"
    );
}
