//! Unit tests of span alignment and the `doc.ents` choice.

use super::{LabelledSpan, SpanProblem, align, non_overlapping};
use crate::tokenizer::Tokenizer;

fn setup(text: &str) -> (&'static Tokenizer, Vec<crate::Token>) {
    let tokenizer = Tokenizer::english().expect("embedded rules load");
    let tokens = tokenizer.tokenize(text).expect("tokenizes");
    (tokenizer, tokens)
}

#[test]
fn places_spans_on_token_edges_and_reports_the_others() {
    let text = "Trump’s envoy said “we won”.";
    let (_, tokens) = setup(text);
    let spans = [
        LabelledSpan::new(0, 5, "person"), // "Trump" is a token (’s is split off)
        LabelledSpan::new(0, 4, "person"), // ends inside "Trump"
        LabelledSpan::new(19, 27, "quote"), // “we won”
        LabelledSpan::new(7, 13, "claim"), // starts on the space after "’s"
        LabelledSpan::new(8, 8, "claim"),  // empty
        LabelledSpan::new(20, 40, "claim"), // past the text
        LabelledSpan::new(8, 13, ""),      // no label
    ];
    let (placed, issues) = align(text, &tokens, &spans);
    let placed: Vec<_> = placed.iter().map(|p| (p.index, p.tokens.clone())).collect();
    assert_eq!(placed, vec![(0, 0..1), (2, 4..8)]);
    let problems: Vec<_> = issues
        .iter()
        .map(|i| (i.index, i.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (
                1,
                SpanProblem::EndInsideToken {
                    token: 0..5,
                    token_text: "Trump".into()
                }
            ),
            (
                3,
                SpanProblem::StartInsideToken {
                    token: 5..7,
                    token_text: "’s".into()
                }
            ),
            (4, SpanProblem::Empty),
            (5, SpanProblem::OutOfText { text_chars: 28 }),
            (6, SpanProblem::EmptyLabel),
        ]
    );
    assert!(
        issues[1]
            .to_string()
            .contains("starts inside spaCy's token \"’s\" (5..7)")
    );
}

#[test]
fn ents_keep_the_longest_then_earliest_then_first_given() {
    let text = "Putin’s envoy said “we won” today.\nNo";
    let (tokenizer, tokens) = setup(text);
    let spans = [
        LabelledSpan::new(19, 27, "quote"),
        LabelledSpan::new(0, 34, "claim"),
        LabelledSpan::new(35, 37, "claim"),
        LabelledSpan::new(35, 37, "quote"),
        LabelledSpan::new(33, 35, "claim"), // ". \n": ends on the newline token
    ];
    let (placed, issues) = align(text, &tokens, &spans);
    assert!(issues.is_empty(), "{issues:?}");
    let (kept, left) = non_overlapping(text, &tokens, &placed, |c| tokenizer.is_whitespace(c));
    let kept: Vec<_> = kept.iter().map(|p| p.index).collect();
    assert_eq!(kept, vec![1, 2]);
    let left: Vec<_> = left.iter().map(|i| (i.index, i.problem.clone())).collect();
    assert_eq!(
        left,
        vec![
            (
                0,
                SpanProblem::OverlapsKeptSpan {
                    kept: LabelledSpan::new(0, 34, "claim")
                }
            ),
            (
                3,
                SpanProblem::OverlapsKeptSpan {
                    kept: LabelledSpan::new(35, 37, "claim")
                }
            ),
            (4, SpanProblem::WhitespaceAtEdge),
        ]
    );
}

#[test]
fn span_lengths_and_texts() {
    let span = LabelledSpan::new(3, 7, "claim");
    assert_eq!((span.len(), span.is_empty()), (4, false));
    assert!(LabelledSpan::new(5, 5, "x").is_empty());
    let text = "Putin’s envoy";
    let (_, tokens) = setup(text);
    let (placed, _) = align(text, &tokens, &[LabelledSpan::new(8, 13, "x")]);
    assert_eq!(placed[0].span_text(text), "envoy");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// A span from one token's start to another's end is placed on exactly those tokens; a span
    /// with an edge strictly inside a token is reported, never moved.
    #[test]
    fn spans_are_placed_exactly_or_reported(
        text in "[a-zA-Z’'.,“” \n]{1,40}",
        a in proptest::prelude::any::<proptest::sample::Index>(),
        b in proptest::prelude::any::<proptest::sample::Index>(),
        shift in 0usize..3,
    ) {
        let (_, tokens) = setup(&text);
        proptest::prop_assume!(!tokens.is_empty());
        let (i, j) = {
            let (x, y) = (a.index(tokens.len()), b.index(tokens.len()));
            (x.min(y), x.max(y))
        };
        let span = LabelledSpan::new(tokens[i].start, tokens[j].end, "x");
        let (placed, issues) = align(&text, &tokens, std::slice::from_ref(&span));
        proptest::prop_assert!(issues.is_empty());
        proptest::prop_assert_eq!(placed[0].tokens.clone(), i..j + 1);
        let inside = tokens[i].start + shift;
        if shift > 0 && inside < tokens[i].end {
            let moved = LabelledSpan::new(inside, tokens[j].end, "x");
            let (placed, issues) = align(&text, &tokens, &[moved]);
            proptest::prop_assert!(placed.is_empty());
            let start_inside = matches!(issues[0].problem, SpanProblem::StartInsideToken { .. });
            proptest::prop_assert!(start_inside);
        }
    }
}
