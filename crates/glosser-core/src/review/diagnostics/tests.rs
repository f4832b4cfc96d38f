//! Tests of `diagnostics`: each warning fires where its figure misleads, and only there.
use super::*;
use crate::review::agree::Pair;
use crate::span::Span;
use crate::text::Document;

fn figures(a_spans: u64, b_spans: u64) -> Figures {
    Figures {
        kappa: Some(0.8),
        ac1: Some(0.85),
        prevalence: Some(0.3),
        alpha_u: Some(0.8),
        f1_strict: Some(0.8),
        f1_overlap: Some(0.9),
        a_spans,
        b_spans,
    }
}

fn kinds(warnings: &[Warning]) -> Vec<Kind> {
    warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn a_sound_label_has_no_warning() {
    assert!(of_label("claim", &figures(40, 42), 100, "alice", "bob").is_empty());
}

#[test]
fn an_unused_label_says_why_its_row_is_dashes() {
    let w = of_label("source", &Figures::default(), 100, "alice", "bob");
    assert_eq!(kinds(&w), vec![Kind::UnusedLabel]);
    assert!(w[0].message.contains("nobody marked source"));
}

#[test]
fn an_annotator_without_spans_is_named() {
    let w = of_label("quote", &figures(0, 12), 100, "alice", "bob");
    assert_eq!(kinds(&w), vec![Kind::NoSpans]);
    assert!(
        w[0].message
            .starts_with("alice marked no quote (bob marked 12)")
    );
}

#[test]
fn few_and_one_sided_spans_as_in_the_issue() {
    // unverified: 5 against 12 spans.
    let w = of_label("unverified", &figures(5, 12), 200, "alice", "bob");
    assert_eq!(kinds(&w), vec![Kind::FewSpans, Kind::OneSided]);
    assert!(w[0].message.contains("only 5 and 12 spans"));
    assert!(
        w[1].message
            .contains("bob marked unverified 12 times, alice 5")
    );
    // Ten each is enough, and 19 against 10 is not one-sided.
    assert!(of_label("unverified", &figures(10, 19), 100, "alice", "bob").is_empty());
}

#[test]
fn a_rare_label_is_under_five_percent_of_the_spans() {
    let w = of_label("quote", &figures(10, 10), 401, "alice", "bob");
    assert_eq!(kinds(&w), vec![Kind::RareLabel]);
    assert!(of_label("quote", &figures(10, 10), 400, "alice", "bob").is_empty());
}

#[test]
fn skewed_only_when_kappa_falls_far_below_ac1() {
    let mut f = figures(20, 20);
    f.prevalence = Some(0.02);
    f.kappa = Some(0.45);
    f.ac1 = Some(0.97);
    let w = of_label("quote", &f, 100, "alice", "bob");
    assert_eq!(kinds(&w), vec![Kind::Skewed]);
    assert_eq!(w[0].figures, vec!["kappa"]);
    // Rare on the page but κ unharmed: nothing to say.
    f.kappa = Some(0.9);
    assert!(of_label("quote", &f, 100, "alice", "bob").is_empty());
    // Common: no paradox.
    f.kappa = Some(0.45);
    f.prevalence = Some(0.3);
    assert!(of_label("quote", &f, 100, "alice", "bob").is_empty());
}

#[test]
fn boundary_only_when_every_span_overlaps_but_edges_differ() {
    let mut f = figures(20, 20);
    f.f1_overlap = Some(1.0);
    f.f1_strict = Some(0.5);
    assert_eq!(
        kinds(&of_label("quote", &f, 100, "a", "b")),
        vec![Kind::BoundaryOnly]
    );
    f.f1_strict = Some(1.0);
    assert!(of_label("quote", &f, 100, "a", "b").is_empty());
}

/// Two annotators on one text: claims agreed, a quote off by its marks, opinions disputed.
fn pair() -> PairResult {
    let text = "One two three. Four five six. “Seven eight.” Nine ten.\n";
    let doc = Document::from_text(text);
    let span = |s, e, l| Span::new(&doc, s..e, l);
    let a = vec![
        span(0, 14, "claim"),
        span(30, 44, "quote"),
        span(45, 54, "opinion"),
    ];
    let b = vec![
        span(0, 14, "claim"),
        span(31, 43, "quote"),
        span(15, 29, "opinion"),
    ];
    let mut p = Pair::new(
        "alice",
        "bob",
        &["claim".into(), "quote".into(), "opinion".into()],
    );
    p.add(text, &a, &b);
    p.result()
}

#[test]
fn a_pair_gets_warnings_per_label_and_overall() {
    let w = of_pair(&pair());
    assert_eq!(w.labels.len(), 3);
    assert!(kinds(w.of_label("quote")).contains(&Kind::BoundaryOnly));
    assert!(!kinds(w.of_label("opinion")).contains(&Kind::BoundaryOnly));
    let overall = kinds(&w.overall);
    assert!(overall.contains(&Kind::FewSpans));
    assert!(overall.contains(&Kind::UnweightedMean), "{:?}", w.overall);
    assert!(
        !overall.contains(&Kind::BoundaryOnly),
        "the opinions disagree on place"
    );
    assert_eq!(
        w.all().count(),
        w.labels.iter().map(|(_, l)| l.len()).sum::<usize>() + w.overall.len()
    );
}

#[test]
fn overall_boundary_only_when_no_label_disagrees_otherwise() {
    let text = "One two three. “Four five.” Six seven.\n";
    let doc = Document::from_text(text);
    let span = |s, e, l| Span::new(&doc, s..e, l);
    let a = vec![span(0, 14, "claim"), span(15, 27, "quote")];
    let b = vec![span(0, 14, "claim"), span(16, 26, "quote")];
    let mut p = Pair::new("alice", "bob", &["claim".into(), "quote".into()]);
    p.add(text, &a, &b);
    let w = of_pair(&p.result());
    assert!(
        kinds(&w.overall).contains(&Kind::BoundaryOnly),
        "{:?}",
        w.overall
    );
}

#[test]
fn an_annotator_with_no_spans_at_all_is_said_overall() {
    let text = "One two three.\n";
    let doc = Document::from_text(text);
    let mut p = Pair::new("alice", "bob", &["claim".into()]);
    p.add(text, &[Span::new(&doc, 0..14, "claim")], &[]);
    let w = of_pair(&p.result());
    assert_eq!(w.overall[0].kind, Kind::NoSpans);
    assert!(w.overall[0].message.starts_with("bob has no spans"));
}
