//! Tests of `continuum`.
#![allow(clippy::float_cmp)] // exact figures
use super::*;

pub(crate) fn unit(annotator: &str, start: f64, end: f64, category: &str) -> Unit {
    Unit {
        annotator: annotator.to_owned(),
        start,
        end,
        category: category.to_owned(),
    }
}

fn document(units: Vec<Unit>) -> Document {
    Document {
        id: "doc".to_owned(),
        annotators: Vec::new(),
        units,
    }
}

#[test]
fn sorts_annotators_categories_and_units() {
    let doc = document(vec![
        unit("bob", 5.0, 9.0, "quote"),
        unit("alice", 3.0, 4.0, "claim"),
        unit("bob", 1.0, 2.0, "claim"),
    ]);
    let continuum = Continuum::from_document(&doc).unwrap();
    assert_eq!(continuum.annotators(), ["alice", "bob"]);
    assert_eq!(continuum.categories(), ["claim", "quote"]);
    assert_eq!(continuum.units[1][0].start, 1.0);
    assert_eq!(continuum.units[1][1].source, Some(0));
    assert_eq!(continuum.num_units(), 3);
    assert!((continuum.avg_units_per_annotator() - 1.5).abs() < 1e-12);
    assert_eq!(continuum.document(), "doc");
}

#[test]
fn merges_exact_duplicates_only() {
    let doc = document(vec![
        unit("a", 1.0, 2.0, "x"),
        unit("a", 1.0, 2.0, "x"),
        unit("a", 1.0, 2.0, "y"),
        unit("b", 1.0, 2.0, "x"),
    ]);
    let continuum = Continuum::from_document(&doc).unwrap();
    assert_eq!(continuum.merged_duplicates(), [1]);
    assert_eq!(continuum.num_units(), 3);
}

#[test]
fn rejects_bad_spans_and_too_few_annotators() {
    let empty_span = document(vec![unit("a", 2.0, 2.0, "x"), unit("b", 1.0, 2.0, "x")]);
    assert!(matches!(
        Continuum::from_document(&empty_span),
        Err(GammaError::InvalidSpan { index: 0, .. })
    ));
    let nan = document(vec![
        unit("a", f64::NAN, 2.0, "x"),
        unit("b", 1.0, 2.0, "x"),
    ]);
    assert!(Continuum::from_document(&nan).is_err());
    let alone = document(vec![unit("a", 1.0, 2.0, "x")]);
    assert!(matches!(
        Continuum::from_document(&alone),
        Err(GammaError::TooFewAnnotators { found: 1, .. })
    ));
    let nothing = Document {
        id: "d".into(),
        annotators: vec!["a".into(), "b".into()],
        units: Vec::new(),
    };
    assert!(matches!(
        Continuum::from_document(&nothing),
        Err(GammaError::NoUnits { .. })
    ));
}

#[test]
fn explicit_annotators_keep_silent_ones_and_reject_strangers() {
    let mut doc = document(vec![unit("a", 1.0, 2.0, "x"), unit("b", 1.0, 2.0, "x")]);
    doc.annotators = vec!["c".into(), "a".into(), "b".into()];
    let continuum = Continuum::from_document(&doc).unwrap();
    assert_eq!(continuum.annotators(), ["a", "b", "c"]);
    assert!(continuum.units[2].is_empty());
    doc.annotators = vec!["a".into()];
    assert!(matches!(
        Continuum::from_document(&doc),
        Err(GammaError::UnknownAnnotator { index: 1, .. })
    ));
}

proptest::proptest! {
    #[test]
    fn documents_round_trip_through_json(
        spans in proptest::collection::vec((0_u32..3, 0.0_f64..1e6, 1e-3_f64..1e4, "[a-z]{1,8}"), 0..20)
    ) {
        let units = spans
            .into_iter()
            .map(|(a, start, length, category)| unit(&format!("r{a}"), start, start + length, &category))
            .collect();
        let doc = Document { id: "round".into(), annotators: vec!["r0".into()], units };
        let text = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&text).unwrap();
        proptest::prop_assert_eq!(back, doc);
    }
}
