use super::*;
use crate::text::Document;

#[test]
fn accepted_and_rejected_suggestions_are_not_ghosts() {
    let doc = Document::from_text("Alpha said beta and gamma.");
    let s = |a, b, l: &str| Span::new(&doc, a..b, l);
    let suggested = vec![
        s(0, 5, "quote"),
        s(11, 15, "claim"),
        s(20, 25, "claim"),
        s(6, 10, "claim"),
        s(16, 25, "claim"),
    ];
    let mut analyst = AnnotationFile::new("d.txt", "alice", doc.sha256());
    analyst.spans.insert_unchecked(s(0, 5, "quote"));
    // Accepted, then relabelled: decided, not a ghost again.
    analyst.spans.insert_unchecked(s(11, 15, "quote"));
    // Overlapping but not the same characters: the suggestion stays open.
    analyst.spans.insert_unchecked(s(6, 9, "claim"));
    analyst.rejected.push(s(20, 25, "claim"));
    let open = open_suggestions(&suggested, &analyst);
    assert_eq!(open, vec![s(6, 10, "claim"), s(16, 25, "claim")]);
}

fn suggestion(start: usize, end: usize, label: &str, score: f64, from: &str) -> Span {
    Span {
        start,
        end,
        label: label.to_owned(),
        quote: "x".repeat(end - start),
        score: Some(crate::span::Score(score)),
        from: vec![from.to_owned()],
        ..Span::default()
    }
}

#[test]
fn the_same_suggestion_from_two_suggesters_is_one_with_the_higher_score() {
    let merged = merge(vec![
        suggestion(5, 9, "quote", 0.4, "llm"),
        suggestion(0, 4, "claim", 0.9, "learner-alice"),
        suggestion(5, 9, "quote", 1.0, "quotes"),
        suggestion(5, 9, "claim", 0.3, "llm"),
    ]);
    let got: Vec<(usize, usize, &str, f64, Vec<String>)> = merged
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.label.as_str(),
                s.score.map_or(0.0, |s| s.0),
                s.from.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (0, 4, "claim", 0.9, vec!["learner-alice".to_owned()]),
            (5, 9, "claim", 0.3, vec!["llm".to_owned()]),
            (
                5,
                9,
                "quote",
                1.0,
                vec!["llm".to_owned(), "quotes".to_owned()]
            ),
        ]
    );
}
