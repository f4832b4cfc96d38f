use super::*;
use proptest::prelude::*;

const OLD: &str = "Officials said the talks were “positive,” today. Critics doubt the whole account of the meeting entirely. 😀 End.";

fn span(doc: &Document, needle: &str, label: &str) -> Span {
    let b = doc.text().find(needle).unwrap();
    let start = doc.byte_to_char(b).unwrap();
    Span::new(doc, start..start + needle.chars().count(), label)
}

#[test]
fn unchanged_moved_fuzzy_and_orphaned() {
    let old = Document::from_text(OLD);
    let spans = vec![
        span(&old, "Officials said", "claim"),
        span(&old, "“positive,”", "quote"),
        span(
            &old,
            "Critics doubt the whole account of the meeting entirely.",
            "opinion",
        ),
        span(&old, "End", "claim"),
    ];
    let new = Document::from_text(
        "BREAKING: Officials said the talks were “positive,” today. Critics doubt the whole official account of the meeting entirely. 😀 Fin.",
    );
    let r = reanchor_spans(&spans, &new);
    assert_eq!(
        (r.unchanged, r.moved, r.fuzzy, r.orphans.len()),
        (0, 2, 1, 1)
    );
    for s in &r.placed {
        assert!(s.check_text(&new).is_ok(), "{s:?}");
    }
    let fuzzy = r.placed.iter().find(|s| s.label == "opinion").unwrap();
    assert_eq!(
        fuzzy.quote,
        "Critics doubt the whole official account of the meeting entirely."
    );
    assert_eq!(r.orphans[0].quote, "End", "kept as it was");
}

#[test]
fn nearest_occurrence_wins() {
    let old = Document::from_text("said here. said there.");
    let mut s = Span::new(&old, 11..15, "claim");
    assert_eq!(s.quote, "said");
    s.note = Some("the second one".into());
    let new = Document::from_text("said here. New text. said there.");
    let r = reanchor_spans(&[s], &new);
    assert_eq!(
        r.placed[0].start, 21,
        "of the two, the one nearest the old offset"
    );
    assert_eq!(r.placed[0].note.as_deref(), Some("the second one"));
}

fn words() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(vec![
            "alpha", "beta", "gamma", "delta", "😀", "中文", "e\u{301}", "“q”",
        ])
        .prop_map(String::from),
        6..40,
    )
}

proptest! {
    /// Edits away from a span (insertions, deletions, replacements before or after it) never
    /// lose it: it is found at its new place with the same text.
    #[test]
    fn spans_survive_edits_elsewhere(
        mut ws in words(),
        pick in 0usize..1000,
        edit_before in prop::option::of((0usize..1000, prop::sample::select(vec!["INSERTED ", "", "x"]))),
    ) {
        let text = ws.join(" ");
        let old = Document::from_text(text.clone());
        let i = pick % ws.len();
        // The span is the word at i; make it unique so "the right place" is well defined.
        ws[i] = format!("UNIQUE{}", ws[i]);
        let text = ws.join(" ");
        let old_doc = Document::from_text(text.clone());
        let s = span(&old_doc, &ws[i], "claim");
        let _ = old;
        let mut new_words = ws.clone();
        if let Some((j, replacement)) = edit_before {
            let j = j % new_words.len();
            if j != i {
                new_words[j] = replacement.to_owned();
            }
        }
        let new_doc = Document::from_text(new_words.join(" "));
        let r = reanchor_spans(std::slice::from_ref(&s), &new_doc);
        prop_assert_eq!(r.orphans.len(), 0);
        prop_assert_eq!(&r.placed[0].quote, &s.quote);
        prop_assert!(r.placed[0].check_text(&new_doc).is_ok());
    }
}

#[test]
fn fuzzy_prefers_the_old_length_and_place() {
    let quote = "The committee said the budget would rise sharply next year.";
    let old_text = format!("Intro. {quote} Outro.");
    let old = Document::from_text(old_text.clone());
    let s = span(&old, quote, "claim");
    // The sentence was edited inside; an earlier, much longer stretch also starts and ends the
    // same way.
    let new_text = format!(
        "The committee said {} next year. Intro. The committee said the budget would, officials added, rise sharply next year. Outro.",
        "many unrelated words ".repeat(3)
    );
    let new = Document::from_text(new_text);
    let r = reanchor_spans(&[s], &new);
    assert_eq!(r.fuzzy, 1);
    assert_eq!(
        r.placed[0].quote,
        "The committee said the budget would, officials added, rise sharply next year."
    );
}
