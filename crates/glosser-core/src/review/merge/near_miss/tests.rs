use super::*;
use crate::text::Document;

fn doc() -> Document {
    Document::from_text("Putin said the talks were positive. Critics doubt it.\n")
}

fn span(doc: &Document, start: usize, end: usize, label: &str) -> Span {
    Span::new(doc, start..end, label.to_owned())
}

#[test]
fn overlapping_same_label_spans_of_a_majority_are_named() {
    let d = doc();
    let alice = [span(&d, 0, 35, "claim")];
    let bob = [span(&d, 0, 34, "claim")];
    let carol = [span(&d, 36, 53, "claim")];
    let sides: [(&str, &[Span]); 3] = [("alice", &alice), ("bob", &bob), ("carol", &carol)];
    let merged = super::super::merge(&sides, Strategy::Majority);
    assert!(merged.spans.is_empty(), "no identical span has a majority");
    let lines = near_misses(&sides, Strategy::Majority, &merged.spans, &Gold::default());
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "near miss: 2 of 3 annotators put claim on overlapping text but no span of it is the same for a majority: 0..34 (bob), 0..35 (alice) \"Putin said the talks were positive.\""
        ),
        "{}",
        lines[0]
    );
    // Union keeps everything: nothing is missed.
    assert!(near_misses(&sides, Strategy::Union, &[], &Gold::default()).is_empty());
}

#[test]
fn regions_gold_holds_a_minority_or_other_labels_are_not_near_misses() {
    let d = doc();
    let alice = [span(&d, 0, 35, "claim"), span(&d, 11, 34, "quote")];
    let bob = [span(&d, 0, 35, "claim"), span(&d, 0, 10, "opinion")];
    let carol = [span(&d, 0, 34, "claim"), span(&d, 12, 34, "claim")];
    let sides: [(&str, &[Span]); 3] = [("alice", &alice), ("bob", &bob), ("carol", &carol)];
    let merged = super::super::merge(&sides, Strategy::Majority);
    assert_eq!(merged.spans.len(), 1, "alice and bob agree on 0..35");
    // carol's 0..34 overlaps the kept claim; quote and opinion have one annotator each.
    let lines = near_misses(&sides, Strategy::Majority, &merged.spans, &Gold::default());
    assert!(lines.is_empty(), "{lines:?}");
}

#[test]
fn intersection_needs_everyone_and_gold_settles_regions() {
    let d = doc();
    let alice = [span(&d, 36, 53, "claim")];
    let bob = [span(&d, 36, 52, "claim")];
    let sides: [(&str, &[Span]); 2] = [("alice", &alice), ("bob", &bob)];
    let lines = near_misses(&sides, Strategy::Intersection, &[], &Gold::default());
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].contains("2 of 2") && lines[0].contains("same for all"),
        "{}",
        lines[0]
    );
    // Gold already holds a claim there (adjudicated), or rejected both spans: settled.
    let gold_spans = [span(&d, 36, 53, "claim")];
    let gold = Gold {
        spans: &gold_spans,
        rejected: &[],
    };
    assert!(near_misses(&sides, Strategy::Intersection, &[], &gold).is_empty());
    let rejected = [span(&d, 36, 53, "claim"), span(&d, 36, 52, "claim")];
    let gold = Gold {
        spans: &[],
        rejected: &rejected,
    };
    assert!(near_misses(&sides, Strategy::Intersection, &[], &gold).is_empty());
    // With three annotators, two of them are not everyone.
    let carol: [Span; 0] = [];
    let sides: [(&str, &[Span]); 3] = [("alice", &alice), ("bob", &bob), ("carol", &carol)];
    assert!(near_misses(&sides, Strategy::Intersection, &[], &Gold::default()).is_empty());
}

#[test]
fn long_quotes_are_shortened() {
    assert_eq!(shorten("short"), "short");
    let long = "x".repeat(70);
    assert_eq!(shorten(&long).chars().count(), 60);
    assert!(shorten(&long).ends_with('…'));
}
