//! Placement tests: occurrences, context, normalisation, graphemes, and offset properties.

use proptest::prelude::*;

use super::*;
use crate::types::{LabelKind, default_labels};

fn proposal(label: &str, quote: &str) -> Proposal {
    Proposal {
        index: 0,
        label: label.into(),
        quote: quote.into(),
        occurrence: None,
        context: None,
        score: None,
    }
}

fn chars(text: &str, span: &Span) -> String {
    text.chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect()
}

fn place_exact(text: &str, proposals: &[Proposal]) -> Placement {
    place(text, &default_labels(), proposals, Normalization::exact())
}

const TEXT: &str =
    "The minister 👨‍👩‍👧 said “we won” 🇫🇷 today. Critics doubt it.\nCafé owners said “we won” too.";

#[test]
fn a_unique_quote_is_placed_in_chars_not_bytes() {
    let placed = place_exact(TEXT, &[proposal("opinion", "Critics doubt it.")]);
    assert_eq!(placed.rejected, vec![]);
    let span = &placed.spans[0];
    assert_eq!((span.start, span.end, span.score), (43, 60, 1.0));
    assert_eq!(chars(TEXT, span), "Critics doubt it.");
}

#[test]
fn a_repeated_quote_is_placed_by_occurrence() {
    let mut p = proposal("quote", "“we won”");
    p.occurrence = Some(2);
    let placed = place_exact(TEXT, &[p]);
    let span = &placed.spans[0];
    assert_eq!((span.start, span.end), (78, 86));
    assert_eq!(chars(TEXT, span), "“we won”");
}

#[test]
fn a_repeated_quote_is_placed_by_context_compared_leniently() {
    let mut p = proposal("quote", "“we won”");
    p.context = Some("Café  owners SAID".into());
    let placed = place_exact(TEXT, &[p.clone()]);
    assert_eq!(placed.spans[0].start, 78);
    p.context = Some("The minister 👨‍👩‍👧 said".into());
    assert_eq!(place_exact(TEXT, &[p]).spans[0].start, 24);
}

#[test]
fn occurrence_and_context_must_agree() {
    let mut p = proposal("quote", "“we won”");
    p.occurrence = Some(1);
    p.context = Some("owners said".into());
    let placed = place_exact(TEXT, &[p]);
    assert_eq!(
        placed.rejected[0].reason,
        RejectReason::ContextDisagrees {
            occurrence: 1,
            context: "owners said".into()
        }
    );
}

#[test]
fn repeated_quotes_without_a_way_to_choose_are_rejected() {
    let rejected = |p: Proposal| place_exact(TEXT, &[p]).rejected[0].reason.clone();
    let base = proposal("quote", "“we won”");
    assert_eq!(rejected(base.clone()), RejectReason::Ambiguous { count: 2 });
    let mut p = base.clone();
    p.occurrence = Some(3);
    assert_eq!(
        rejected(p),
        RejectReason::NoSuchOccurrence {
            requested: 3,
            found: 2
        }
    );
    let mut p = base.clone();
    p.occurrence = Some(0);
    assert_eq!(rejected(p), RejectReason::OccurrenceZero);
    let mut p = base.clone();
    p.context = Some("nobody said".into());
    assert_eq!(
        rejected(p),
        RejectReason::ContextNotFound {
            context: "nobody said".into(),
            occurrences: 2
        }
    );
    let mut p = base;
    p.context = Some("said".into());
    assert_eq!(
        rejected(p),
        RejectReason::ContextAmbiguous {
            context: "said".into(),
            matching: 2
        }
    );
}

#[test]
fn a_quote_not_found_verbatim_is_rejected_and_the_others_are_kept() {
    let proposals = [
        proposal("quote", "\"we won\""),
        proposal("claim", "Critics doubt it."),
        proposal("verdict", "today"),
        proposal("opinion", "Critics agree."),
    ];
    let placed = place_exact(TEXT, &proposals);
    assert_eq!(placed.spans.len(), 1);
    assert_eq!(placed.spans[0].label, "claim");
    let reasons: Vec<_> = placed.rejected.iter().map(|r| r.reason.clone()).collect();
    assert_eq!(
        reasons[0],
        RejectReason::QuoteNotFound {
            differs_only_in_form: true
        }
    );
    assert!(matches!(reasons[1], RejectReason::UnknownLabel { .. }));
    assert_eq!(
        reasons[2],
        RejectReason::QuoteNotFound {
            differs_only_in_form: false
        }
    );
}

#[test]
fn normalisation_places_on_the_original_characters() {
    let how = Normalization {
        fold_quotes: true,
        collapse_whitespace: true,
        ..Normalization::default()
    };
    let mut p = proposal("quote", "\"we won\"");
    p.occurrence = Some(1);
    let mut q = proposal("claim", "doubt it. Café");
    q.index = 1;
    let placed = place(TEXT, &default_labels(), &[p, q], how);
    assert_eq!(placed.rejected, vec![]);
    assert_eq!(chars(TEXT, &placed.spans[0]), "“we won”");
    assert_eq!(chars(TEXT, &placed.spans[1]), "doubt it.\nCafé");
}

#[test]
fn ignoring_case_never_starts_inside_an_expanded_character() {
    let text = "İstanbul and istanbul";
    let labels = default_labels();
    let how = Normalization {
        ignore_case: true,
        ..Normalization::default()
    };
    let mut p = proposal("source", "ISTANBUL");
    p.occurrence = Some(1);
    let placed = place(text, &labels, &[p], how);
    assert_eq!((placed.spans[0].start, placed.spans[0].end), (13, 21));
    let placed = place(text, &labels, &[proposal("source", "\u{307}stanbul")], how);
    assert_eq!(
        placed.rejected[0].reason,
        RejectReason::SplitsCharacter { offset: 0 }
    );
}

#[test]
fn a_span_splitting_a_grapheme_cluster_is_rejected() {
    let text = "Cafe\u{301} owners and 👨‍👩‍👧 fans";
    let placed = place_exact(
        text,
        &[proposal("source", "Cafe"), proposal("source", "👨")],
    );
    assert_eq!(placed.spans, vec![]);
    assert_eq!(
        placed.rejected[0].reason,
        RejectReason::SplitsGrapheme { offset: 4 }
    );
    assert_eq!(
        placed.rejected[1].reason,
        RejectReason::SplitsGrapheme { offset: 18 }
    );
}

#[test]
fn duplicates_blank_quotes_and_bad_scores_are_rejected() {
    let mut scored = proposal("claim", "Critics doubt it.");
    scored.score = Some(1.5);
    let placed = place_exact(
        TEXT,
        &[
            proposal("claim", "Critics doubt it."),
            proposal("claim", "Critics doubt it."),
            proposal("claim", "  "),
            scored,
        ],
    );
    assert_eq!(placed.spans.len(), 1);
    let reasons: Vec<_> = placed.rejected.iter().map(|r| r.reason.clone()).collect();
    assert_eq!(
        reasons,
        vec![
            RejectReason::Duplicate,
            RejectReason::EmptyQuote,
            RejectReason::ScoreOutOfRange { score: 1.5 }
        ]
    );
}

#[test]
fn grapheme_boundaries_are_char_offsets() {
    assert_eq!(
        grapheme_boundaries("e\u{301}x👨‍👩‍👧"),
        vec![true, false, true, true, false, false, false, false, true]
    );
    assert_eq!(grapheme_boundaries(""), vec![true]);
}

#[test]
fn context_may_reach_back_over_a_long_run_of_whitespace() {
    let text = format!("Tsahkna said{}“no”. Putin said “no”.", " ".repeat(60));
    let mut p = proposal("quote", "“no”");
    p.context = Some("Tsahkna said".into());
    let placed = place_exact(&text, &[p]);
    assert_eq!(placed.spans[0].start, 72);
}

#[test]
fn a_given_score_is_kept() {
    let mut p = proposal("claim", "Critics doubt it.");
    p.score = Some(0.25);
    assert!((place_exact(TEXT, &[p]).spans[0].score - 0.25).abs() < f64::EPSILON);
}

#[test]
fn labels_of_any_kind_can_be_placed() {
    let labels = vec![crate::types::Label::new("x", "", LabelKind::Phrase)];
    let placed = place(
        "a b a",
        &labels,
        &[proposal("x", "b")],
        Normalization::exact(),
    );
    assert_eq!((placed.spans[0].start, placed.spans[0].end), (2, 3));
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "b",
        "ab",
        " ",
        "\n",
        "é",
        "e\u{301}",
        "👨‍👩‍👧",
        "🇫🇷",
        "北京",
        "“",
        "”",
        "’",
        ".",
    ]);
    prop::collection::vec(pieces, 1..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn a_grapheme_aligned_substring_is_placed_back_where_it_was(
        text in text_strategy(),
        a in 0usize..1000,
        b in 0usize..1000,
    ) {
        let bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i)
            .chain(std::iter::once(text.len())).collect();
        let (i, j) = (a % bounds.len(), b % bounds.len());
        let (s, e) = (bounds[i.min(j)], bounds[i.max(j)]);
        prop_assume!(e > s && !text[s..e].trim().is_empty());
        let quote = &text[s..e];
        let starts: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
        let nth = starts.iter().position(|&x| x == s);
        prop_assume!(nth.is_some());
        let mut p = proposal("quote", quote);
        p.occurrence = nth.map(|n| n as u64 + 1);
        let placed = place_exact(&text, &[p]);
        prop_assert_eq!(placed.rejected.clone(), vec![]);
        let span = &placed.spans[0];
        prop_assert_eq!(span.start, text[..s].chars().count());
        prop_assert_eq!(span.end, text[..e].chars().count());
    }

    #[test]
    fn whatever_is_placed_is_the_quote_on_grapheme_boundaries(
        text in text_strategy(),
        quote in text_strategy(),
        occurrence in prop::option::of(1u64..4),
    ) {
        let mut p = proposal("quote", &quote);
        p.occurrence = occurrence;
        let placed = place_exact(&text, &[p]);
        prop_assert_eq!(placed.spans.len() + placed.rejected.len(), 1);
        if let Some(span) = placed.spans.first() {
            prop_assert_eq!(chars(&text, span), quote);
            let starts: Vec<usize> = text.grapheme_indices(true)
                .map(|(i, _)| text[..i].chars().count())
                .chain(std::iter::once(text.chars().count())).collect();
            prop_assert!(starts.contains(&span.start) && starts.contains(&span.end));
        }
    }
}
