use super::*;

#[test]
fn whitespace_edges_are_found_and_others_left_alone() {
    let doc = Document::from_text("Say “Hello ” to\u{a0}them.\n");
    let span = |a, b| Span::new(&doc, a..b, "quote".to_owned());
    assert_eq!(trim(&doc, &span(0, 3), char::is_whitespace), None);
    let t = trim(&doc, &span(4, 11), char::is_whitespace).unwrap();
    assert_eq!((t.start, t.end), (4, 10), "“Hello  → “Hello");
    let t = trim(&doc, &span(3, 10), char::is_whitespace).unwrap();
    assert_eq!((t.start, t.end), (4, 10));
    let t = trim(&doc, &span(14, 16), char::is_whitespace).unwrap();
    assert_eq!((t.start, t.end), (14, 15), "a no-break space is whitespace");
    let t = trim(&doc, &span(10, 11), char::is_whitespace).unwrap();
    assert_eq!((t.start, t.end), (10, 10), "only whitespace");
    assert_eq!(
        t.describe(Some("")),
        "written as 10..10 \"\" (a token never holds whitespace)"
    );
    // Another test of whitespace (Python's isspace counts U+001C, Rust's does not).
    let doc = Document::from_text("a\u{1c}b");
    let span = Span::new(&doc, 0..2, "x".to_owned());
    assert_eq!(trim(&doc, &span, char::is_whitespace), None);
    assert!(trim(&doc, &span, |c| c.is_whitespace() || c == '\u{1c}').is_some());
}
