use proptest::prelude::*;

use super::*;

fn texts<'a>(t: &'a Tokenized) -> Vec<&'a str> {
    t.tokens.iter().map(|t| t.text).collect()
}

fn rebuild(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        out.push_str(t.text);
        if t.ws {
            out.push(' ');
        }
    }
    out
}

#[test]
fn words_without_whitespace_split_at_nbsp() {
    let doc = Document::from_text("Hi, “you” 😀 e\u{301}t\u{a0}x.\r\nNew one.");
    let t = tokenize(&doc, &[]);
    assert_eq!(
        texts(&t),
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
    assert!(
        !t.tokens[6].ws,
        "a no-break space is not spaCy's trailing space"
    );
    assert_eq!(t.sentences.len(), 2);
    assert_eq!(t.sentences[1], 9..12);
}

#[test]
fn span_edges_cut_tokens_so_spans_keep_their_characters() {
    let doc = Document::from_text("Uber’s drivers said so.");
    let spans = [Span::new(&doc, 0..4, "claim")];
    let t = tokenize(&doc, &spans);
    assert_eq!(texts(&t), ["Uber", "’s", "drivers", "said", "so", "."]);
    assert_eq!(t.split_tokens, 1);
    assert_eq!(t.token_range(0, 4), Some(0..1));
    let plain = tokenize(&doc, &[]);
    assert_eq!(plain.tokens[0].text, "Uber’s");
    assert_eq!(plain.split_tokens, 0);
}

#[test]
fn a_sentence_never_breaks_inside_a_span() {
    let doc = Document::from_text("They met J. K. Rowling there. Then left.");
    let spans = [Span::new(&doc, 9..22, "quote")];
    let t = tokenize(&doc, &spans);
    assert_eq!(t.sentences.len(), 2, "{:?}", t.sentences);
    let first: Vec<&str> = t.tokens[t.sentences[0].clone()]
        .iter()
        .map(|t| t.text)
        .collect();
    assert!(first.contains(&"Rowling"));
    let crossing = Document::from_text("One here. Two there. Three.");
    let span = [Span::new(&crossing, 4..19, "claim")];
    let t = tokenize(&crossing, &span);
    assert_eq!(t.sentences.len(), 2);
    assert_eq!(t.joined_in_spans, 1);
}

#[test]
fn numbered_headings_and_us_stay_in_their_sentence() {
    let doc = Document::from_text("2. Trump’s mixed signals\n\nThe U.S. President spoke. Next.");
    let t = tokenize(&doc, &[]);
    let sentences: Vec<String> = t
        .sentences
        .iter()
        .map(|r| {
            t.tokens[r.clone()]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        sentences,
        [
            "2 . Trump’s mixed signals",
            "The U.S . President spoke .",
            "Next ."
        ]
    );
}

#[test]
fn whitespace_tokens_rebuild_the_text_with_spacys_rule() {
    let text = "  A  b\u{a0}c\n\nd \u{3000}e\r\n";
    let doc = Document::from_text(text);
    let t = tokenize(&doc, &[]);
    let (all, index) = t.with_whitespace(&doc);
    let rebuilt = rebuild(&all);
    assert_eq!(rebuilt, text);
    for token in &all {
        if token.ws {
            assert_eq!(doc.char_at(token.end), Some(' '));
        }
    }
    let shown: Vec<(&str, bool)> = all.iter().map(|t| (t.text, t.ws)).collect();
    assert_eq!(
        shown,
        [
            ("  ", false),
            ("A", true),
            (" ", false),
            ("b", false),
            ("\u{a0}", false),
            ("c", false),
            ("\n\n", false),
            ("d", true),
            ("\u{3000}", false),
            ("e", false),
            ("\r\n", false)
        ]
    );
    assert_eq!(index, [1, 3, 5, 7, 9]);
}

proptest! {
    #[test]
    fn tokens_rebuild_and_spans_sit_on_token_edges(
        text in "[a-c  .\u{a0}\n\u{3000}😀é]{0,40}",
        cuts in proptest::collection::vec((0usize..40, 1usize..10), 0..4),
    ) {
        let doc = Document::from_text(text.clone());
        let n = doc.char_len();
        let spans: Vec<Span> = cuts
            .into_iter()
            .filter_map(|(s, l)| {
                let (s, e) = (s.min(n), (s + l).min(n));
                (s < e).then(|| Span::new(&doc, s..e, "claim"))
            })
            .collect();
        let t = tokenize(&doc, &spans);
        let (all, _) = t.with_whitespace(&doc);
        let rebuilt = rebuild(&all);
        prop_assert_eq!(rebuilt, text);
        for span in &spans {
            prop_assert!(all.iter().any(|t| t.start == span.start), "{:?} starts inside a token", span.range());
            prop_assert!(all.iter().any(|t| t.end == span.end), "{:?} ends inside a token", span.range());
        }
        for span in spans.iter().filter(|s| !s.quote.trim().is_empty()) {
            let range = t.token_range(span.start, span.end);
            prop_assert!(range.is_some());
            let range = range.unwrap_or(0..0);
            let (first, last) = (&t.tokens[range.start], &t.tokens[range.end - 1]);
            // Edges sit on token edges, except whitespace at the span's own edges.
            prop_assert_eq!(doc.slice(span.start, first.start).trim(), "");
            prop_assert_eq!(doc.slice(last.end, span.end).trim(), "");
            let inside = t.sentences.iter().any(|s| s.start <= range.start && range.end <= s.end);
            prop_assert!(inside, "a sentence breaks inside {:?}", span.range());
        }
    }
}
