use super::*;

fn doc() -> Document {
    Document::from_text("Alice said “we won” today 😀. e\u{301}nd")
}

fn span(d: &Document, s: usize, e: usize, label: &str) -> Span {
    Span::new(d, s..e, label)
}

#[test]
fn new_takes_quote_from_text() {
    let d = doc();
    let s = span(&d, 11, 19, "quote");
    assert_eq!(s.quote, "“we won”");
    assert_eq!(s.key(), (11, 19, "quote"));
    assert_eq!(s.len(), 8);
    assert!(s.check(&d, &LabelSet::default()).is_ok());
}

#[test]
fn check_catches_every_invariant() {
    let d = doc();
    let labels = LabelSet::default();
    let mut s = span(&d, 3, 3, "claim");
    assert!(matches!(s.check(&d, &labels), Err(SpanError::Empty { .. })));
    s = span(&d, 0, 5, "claim");
    s.end = 100;
    assert!(matches!(
        s.check(&d, &labels),
        Err(SpanError::OutOfRange { len: 33, .. })
    ));
    s = span(&d, 30, 32, "claim");
    assert!(matches!(
        s.check(&d, &labels),
        Err(SpanError::SplitsGrapheme { offset: 30, .. })
    ));
    s = span(&d, 0, 5, "claim");
    s.quote = "Alicx".into();
    let err = s.check(&d, &labels).unwrap_err();
    assert!(err.to_string().contains("\"Alicx\""), "{err}");
    s = span(&d, 0, 5, "rumour");
    assert!(matches!(
        s.check(&d, &labels),
        Err(SpanError::UnknownLabel { .. })
    ));
}

#[test]
fn set_is_sorted_and_deduplicated() {
    let d = doc();
    let set = AnnotationSet::from_spans(vec![
        span(&d, 11, 19, "quote"),
        span(&d, 0, 26, "claim"),
        span(&d, 0, 26, "claim"),
        span(&d, 0, 5, "opinion"),
        span(&d, 0, 26, "unverified"),
    ]);
    let keys: Vec<_> = set.spans().iter().map(Span::key).collect();
    assert_eq!(
        keys,
        [
            (0, 5, "opinion"),
            (0, 26, "claim"),
            (0, 26, "unverified"),
            (11, 19, "quote")
        ]
    );
}

#[test]
fn covering_innermost_and_neighbours() {
    let d = doc();
    let labels = LabelSet::default();
    let mut set = AnnotationSet::default();
    assert!(set.insert(span(&d, 0, 26, "claim"), &d, &labels).unwrap());
    assert!(set.insert(span(&d, 11, 19, "quote"), &d, &labels).unwrap());
    assert!(!set.insert(span(&d, 11, 19, "quote"), &d, &labels).unwrap());
    assert!(set.insert(span(&d, 30, 32, "claim"), &d, &labels).is_err());
    assert_eq!(set.covering(12).count(), 2);
    assert_eq!(set.innermost(12), Some(1));
    assert_eq!(set.innermost(2), Some(0));
    assert_eq!(set.innermost(26), None, "end is exclusive");
    assert_eq!(set.next_after(0), Some(1));
    assert_eq!(set.next_after(11), None);
    assert_eq!(set.prev_before(11), Some(0));
    assert_eq!(set.prev_before(0), None);
    assert_eq!(set.intersecting(18..40).count(), 2);
    assert_eq!(set.intersecting(19..40).count(), 1);
}

#[test]
fn remove_and_notes() {
    let d = doc();
    let mut set =
        AnnotationSet::from_spans(vec![span(&d, 0, 26, "claim"), span(&d, 11, 19, "quote")]);
    assert_eq!(
        set.set_note((11, 19, "quote"), Some("readout".into())),
        Some(None)
    );
    assert_eq!(set.get(1).unwrap().note.as_deref(), Some("readout"));
    assert_eq!(
        set.set_note((11, 19, "quote"), Some("  ".into())),
        Some(Some("readout".into()))
    );
    assert_eq!(set.get(1).unwrap().note, None, "blank note clears");
    assert!(set.remove((0, 26, "claim")).is_some());
    assert!(set.remove((0, 26, "claim")).is_none());
    assert_eq!(set.innermost(2), None, "longest shrinks after removal");
    assert_eq!(set.innermost(12), Some(0));
}

#[test]
fn problems_lists_bad_spans() {
    let d = doc();
    let mut bad = span(&d, 0, 5, "claim");
    bad.quote = "nope".into();
    let set = AnnotationSet::from_spans(vec![bad, span(&d, 6, 10, "claim")]);
    let problems = set.problems(&d, &LabelSet::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, 0);
}
