use super::*;
use crate::text::Document;

fn doc() -> Document {
    Document::from_text("Alpha beta gamma. Delta epsilon zeta. Eta theta iota.")
}

fn s(d: &Document, start: usize, end: usize, label: &str) -> Span {
    Span::new(d, start..end, label)
}

fn keys(m: &Merged) -> Vec<(usize, usize, &str, Vec<&str>)> {
    m.spans
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.label.as_str(),
                s.from.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn three_annotators_majority_union_intersection() {
    let d = doc();
    let a = vec![s(&d, 0, 17, "claim"), s(&d, 18, 37, "opinion")];
    let b = vec![s(&d, 0, 17, "claim"), s(&d, 38, 53, "quote")];
    let c = vec![
        s(&d, 0, 17, "claim"),
        s(&d, 18, 37, "opinion"),
        s(&d, 18, 37, "claim"),
    ];
    let sides: Vec<(&str, &[Span])> = vec![("a", &a), ("b", &b), ("c", &c)];
    let majority = merge(&sides, Strategy::Majority);
    assert_eq!(
        keys(&majority),
        [
            (0, 17, "claim", vec!["a", "b", "c"]),
            (18, 37, "opinion", vec!["a", "c"])
        ]
    );
    assert!(majority.reports.is_empty(), "{:?}", majority.reports);
    let union = merge(&sides, Strategy::Union);
    assert_eq!(union.spans.len(), 4);
    assert_eq!(
        union.reports.len(),
        1,
        "claim (c) vs opinion (a, c) on 18..37: {:?}",
        union.reports
    );
    let intersection = merge(&sides, Strategy::Intersection);
    assert_eq!(keys(&intersection), [(0, 17, "claim", vec!["a", "b", "c"])]);
}

#[test]
fn ties_are_reported_not_decided() {
    let d = doc();
    let a = vec![s(&d, 0, 17, "claim")];
    let b = vec![s(&d, 0, 17, "opinion")];
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a), ("bob", &b)];
    let m = merge(&sides, Strategy::Majority);
    assert!(m.spans.is_empty());
    assert_eq!(m.reports.len(), 2);
    assert!(
        m.reports[0].starts_with("tie: 0..17 claim"),
        "{:?}",
        m.reports
    );
    let u = merge(&sides, Strategy::Union);
    assert_eq!(u.spans.len(), 2);
    assert!(
        u.reports[0].contains("conflict: 0..17 claim (alice) overlaps 0..17 opinion (bob)"),
        "{:?}",
        u.reports
    );
}

#[test]
fn existing_gold_is_merged_into() {
    let d = doc();
    let mut old = s(&d, 0, 17, "claim");
    old.from = vec!["alice".into()];
    old.note = Some("checked".into());
    let mut new = s(&d, 0, 17, "claim");
    new.from = vec!["bob".into()];
    let extra = s(&d, 38, 53, "quote");
    let out = into_existing(vec![old], vec![new, extra]);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].from, ["alice", "bob"]);
    assert_eq!(out[0].note.as_deref(), Some("checked"));
}

#[test]
fn nesting_is_not_a_conflict_but_crossing_is() {
    let d = doc();
    let a = vec![s(&d, 0, 37, "claim")];
    let b = vec![s(&d, 6, 10, "quote"), s(&d, 30, 44, "opinion")];
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a), ("bob", &b)];
    let u = merge(&sides, Strategy::Union);
    assert_eq!(u.spans.len(), 3);
    assert_eq!(u.reports.len(), 1, "{:?}", u.reports);
    assert!(
        u.reports[0].contains("0..37 claim (alice) overlaps 30..44 opinion (bob)"),
        "only the crossing pair: {:?}",
        u.reports
    );
}

#[test]
fn a_single_annotator_makes_no_majority_or_intersection() {
    let d = doc();
    let a = vec![s(&d, 0, 17, "claim")];
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a)];
    for strategy in [Strategy::Majority, Strategy::Intersection] {
        let m = merge(&sides, strategy);
        assert!(m.single, "{strategy:?}");
        assert!(m.spans.is_empty(), "{strategy:?}");
    }
    let u = merge(&sides, Strategy::Union);
    assert!(!u.single);
    assert_eq!(keys(&u), [(0, 17, "claim", vec!["alice"])]);
}

#[test]
fn notes_of_every_annotator_are_kept() {
    let d = doc();
    let mut a = s(&d, 0, 17, "claim");
    a.note = Some("source?".into());
    let mut b = s(&d, 0, 17, "claim");
    b.note = Some("checked".into());
    let (a, b) = (vec![a], vec![b]);
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a), ("bob", &b)];
    for strategy in [Strategy::Union, Strategy::Intersection, Strategy::Majority] {
        let m = merge(&sides, strategy);
        assert_eq!(
            m.spans[0].note.as_deref(),
            Some("alice: source? | bob: checked"),
            "{strategy:?}"
        );
        assert_eq!(m.spans[0].from, ["alice", "bob"]);
    }
}

#[test]
fn ties_and_conflicts_gold_settles_are_not_reported_again() {
    let d = doc();
    let a = vec![s(&d, 0, 17, "claim"), s(&d, 38, 53, "quote")];
    let b = vec![s(&d, 0, 17, "opinion"), s(&d, 38, 52, "quote")];
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a), ("bob", &b)];
    let first = merge(&sides, Strategy::Majority);
    assert_eq!(first.reports.len(), 4);
    // Review chose alice's claim and bob's shorter quote.
    let gold = vec![s(&d, 0, 17, "claim"), s(&d, 38, 52, "quote")];
    let again = merge_with_gold(&sides, Strategy::Majority, &held(&gold));
    assert!(again.reports.is_empty(), "{:?}", again.reports);
    assert_eq!(again.settled, 4);
    let other = vec![s(&d, 18, 37, "claim")];
    let unrelated = merge_with_gold(&sides, Strategy::Majority, &held(&other));
    assert_eq!(
        unrelated.reports.len(),
        4,
        "gold elsewhere settles nothing here"
    );
    let union = merge(&sides, Strategy::Union);
    let both = union.spans.clone();
    let quiet = merge_with_gold(&sides, Strategy::Union, &held(&both));
    assert!(!union.reports.is_empty());
    assert!(quiet.reports.is_empty(), "{:?}", quiet.reports);
}

fn held(spans: &[Span]) -> Gold<'_> {
    Gold {
        spans,
        rejected: &[],
    }
}

#[test]
fn spans_gold_rejected_are_decided_and_never_added_again() {
    let d = doc();
    let a = vec![s(&d, 0, 17, "claim"), s(&d, 38, 53, "quote")];
    let b = vec![s(&d, 0, 17, "opinion"), s(&d, 38, 53, "quote")];
    let sides: Vec<(&str, &[Span])> = vec![("alice", &a), ("bob", &b)];
    // Review took alice's claim and turned bob's opinion down; both had the quote, rejected too.
    let spans = vec![s(&d, 0, 17, "claim")];
    let rejected = vec![s(&d, 0, 17, "opinion"), s(&d, 38, 53, "quote")];
    let gold = Gold {
        spans: &spans,
        rejected: &rejected,
    };
    let majority = merge_with_gold(&sides, Strategy::Majority, &gold);
    assert!(majority.reports.is_empty(), "{:?}", majority.reports);
    assert_eq!(
        keys(&majority),
        Vec::<(usize, usize, &str, Vec<&str>)>::new(),
        "the rejected quote is not added back although both had it"
    );
    assert_eq!(majority.settled, 3, "two ties and the rejected quote");
    let union = merge_with_gold(&sides, Strategy::Union, &gold);
    assert_eq!(keys(&union), [(0, 17, "claim", vec!["alice"])]);
    assert!(union.reports.is_empty(), "{:?}", union.reports);
    let before = merge(&sides, Strategy::Union);
    assert_eq!(
        before.spans.len(),
        3,
        "without gold the union has all three"
    );
}

#[test]
fn merging_again_into_older_gold_does_not_repeat_its_notes() {
    let d = doc();
    let mut old = s(&d, 0, 17, "claim");
    old.from = vec!["alice".into()];
    old.note = Some("checked".into());
    let mut again = s(&d, 0, 17, "claim");
    again.from = vec!["alice".into(), "bob".into()];
    again.note = Some("alice: checked | bob: source?".into());
    let out = into_existing(vec![old], vec![again.clone()]);
    assert_eq!(
        out[0].note.as_deref(),
        Some("checked | bob: source?"),
        "alice's note was there unattributed; bob's is new"
    );
    let twice = into_existing(out, vec![again]);
    assert_eq!(twice[0].note.as_deref(), Some("checked | bob: source?"));
}
