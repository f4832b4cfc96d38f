use super::*;

#[test]
fn words_without_whitespace_split_at_nbsp() {
    let doc = Document::from_text("Hi, “you” 😀 e\u{301}t\u{a0}x.\r\nNew one.");
    let t = tokenize(&doc);
    let texts: Vec<&str> = t.tokens.iter().map(|t| t.text).collect();
    assert_eq!(
        texts,
        [
            "Hi",
            ",",
            "“",
            "you",
            "”",
            "😀",
            "e\u{301}t",
            "x",
            ".",
            "New",
            "one",
            "."
        ]
    );
    for token in &t.tokens {
        assert_eq!(doc.slice(token.start, token.end), token.text);
        assert!(!token.text.chars().any(char::is_whitespace));
    }
    assert!(t.tokens[1].ws && !t.tokens[0].ws);
    assert_eq!(t.sentences.len(), 2);
    assert_eq!(t.sentences[1], 9..12);
}

#[test]
fn span_edges_expand_to_tokens() {
    let doc = Document::from_text("alpha beta gamma");
    let t = tokenize(&doc);
    assert_eq!(t.token_range(0, 5), Some(0..1));
    assert_eq!(
        t.token_range(2, 8),
        Some(0..2),
        "edges inside tokens expand"
    );
    assert_eq!(t.token_range(5, 6), None, "only whitespace");
    assert_eq!(t.token_range(11, 16), Some(2..3));
}
