use super::*;

#[test]
fn span_ids_are_stable_and_change_with_the_span() {
    let doc = Document::from_text("alpha beta");
    let span = Span::new(&doc, 0..5, "claim");
    let id = span_id("a.txt", "alice", &span);
    assert_eq!(id.len(), 12);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    let mut noted = span.clone();
    noted.note = Some("a note".to_owned());
    assert_eq!(span_id("a.txt", "alice", &noted), id, "a note keeps the id");
    assert_ne!(span_id("a.txt", "bob", &span), id);
    assert_ne!(span_id("b.txt", "alice", &span), id);
    assert_ne!(
        span_id("a.txt", "alice", &Span::new(&doc, 0..5, "quote")),
        id
    );
    assert_ne!(
        span_id("a.txt", "alice", &Span::new(&doc, 0..4, "claim")),
        id
    );
    assert_ne!(span_id("a.txta", "lice", &span), id, "fields are separated");
}
