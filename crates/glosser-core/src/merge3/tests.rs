use super::*;
use crate::text::Document;

fn file(spans: &[(usize, usize, &str)], status: Status) -> AnnotationFile {
    let doc = Document::from_text("Alpha beta gamma. Delta epsilon zeta. Eta theta iota.");
    AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status,
        spans: AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    }
}

fn keys(f: &AnnotationFile) -> Vec<(usize, usize, &str)> {
    f.spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect()
}

#[test]
fn additions_on_both_sides_are_kept_deletions_removed() {
    let base = file(&[(0, 17, "claim"), (18, 37, "opinion")], Status::InProgress);
    let ours = file(&[(0, 17, "claim"), (38, 53, "quote")], Status::InProgress);
    let theirs = file(
        &[(0, 17, "claim"), (18, 37, "opinion"), (24, 31, "quote")],
        Status::Done,
    );
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(
        keys(&m.file),
        [(0, 17, "claim"), (24, 31, "quote"), (38, 53, "quote")]
    );
    assert!(m.conflicts.is_empty());
    assert_eq!(
        m.file.status,
        Status::Done,
        "only theirs changed the status"
    );
}

#[test]
fn relabel_conflict_keeps_both_with_a_note() {
    let base = file(&[(0, 17, "claim")], Status::InProgress);
    let ours = file(&[(0, 17, "opinion")], Status::InProgress);
    let theirs = file(&[(0, 17, "unverified")], Status::InProgress);
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(keys(&m.file), [(0, 17, "opinion"), (0, 17, "unverified")]);
    assert_eq!(m.conflicts.len(), 1);
    for span in m.file.spans.spans() {
        assert!(
            span.note
                .as_deref()
                .unwrap()
                .contains("ours=opinion theirs=unverified")
        );
    }
}

#[test]
fn same_relabel_on_both_sides_is_no_conflict() {
    let base = file(&[(0, 17, "claim")], Status::InProgress);
    let both = file(&[(0, 17, "opinion")], Status::InProgress);
    let m = merge3(&base, &both, &both);
    assert_eq!(keys(&m.file), [(0, 17, "opinion")]);
    assert!(m.conflicts.is_empty());
}

#[test]
fn a_note_changed_on_both_sides_keeps_both_and_is_reported() {
    let base = file(&[(0, 17, "claim")], Status::InProgress);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.spans
        .set_note((0, 17, "claim"), Some("per Reuters".into()));
    theirs
        .spans
        .set_note((0, 17, "claim"), Some("per AP".into()));
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let note = m.file.spans.get(0).unwrap().note.clone().unwrap();
    assert!(
        note.starts_with(CONFLICT_MARK) && note.contains("per Reuters") && note.contains("per AP")
    );
}

#[test]
fn status_changed_differently_on_both_sides_is_a_conflict_on_the_lesser() {
    let base = file(&[], Status::Done);
    let m = merge3(
        &base,
        &file(&[], Status::InProgress),
        &file(&[], Status::Todo),
    );
    assert_eq!(m.file.status, Status::Todo);
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn a_rename_keeps_the_new_document_name() {
    let base = file(&[(0, 17, "claim")], Status::InProgress);
    let mut theirs = base.clone();
    theirs.document = "b.txt".into();
    let ours = file(&[(0, 17, "claim"), (18, 37, "opinion")], Status::InProgress);
    assert_eq!(merge3(&base, &ours, &theirs).file.document, "b.txt");
}

#[test]
fn orphans_and_links_merge_as_sets() {
    let base = file(&[(0, 17, "claim"), (18, 37, "opinion")], Status::InProgress);
    let mut ours = base.clone();
    let mut orphan = ours.spans.remove((18, 37, "opinion")).unwrap();
    orphan.orphan = true;
    ours.orphans.push(orphan);
    let mut theirs = base.clone();
    theirs.links.push(crate::store::Link {
        kind: "speaker".into(),
        from: LinkEnd(0, 17, "claim".into()),
        to: LinkEnd(18, 37, "opinion".into()),
    });
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(m.file.orphans.len(), 1);
    assert_eq!(m.file.links.len(), 1);
    assert_eq!(keys(&m.file), [(0, 17, "claim")]);
}

mod model {
    //! merge3 as a model: commutative in ours/theirs (up to how conflicts are worded) and
    //! idempotent.
    use super::*;
    use proptest::prelude::*;

    const RANGES: [(usize, usize); 5] = [(0, 17), (18, 37), (38, 53), (0, 5), (24, 31)];
    const LABELS: [&str; 3] = ["claim", "quote", "opinion"];

    fn version() -> impl Strategy<Value = AnnotationFile> {
        (
            prop::collection::vec((0usize..5, 0usize..3, prop::option::of(0usize..3)), 0..6),
            0usize..3,
        )
            .prop_map(|(spans, status)| {
                let mut f = file(
                    &[],
                    [Status::Todo, Status::InProgress, Status::Done][status],
                );
                let doc =
                    Document::from_text("Alpha beta gamma. Delta epsilon zeta. Eta theta iota.");
                let spans = spans
                    .into_iter()
                    .map(|(r, l, note)| {
                        let (s, e) = RANGES[r];
                        let mut span = Span::new(&doc, s..e, LABELS[l]);
                        span.note = note.map(|n| format!("note {n}"));
                        span
                    })
                    .collect();
                f.spans = AnnotationSet::from_spans(spans);
                f
            })
    }

    fn shape(f: &AnnotationFile) -> (Vec<(usize, usize, String, bool)>, Status) {
        let keys = f
            .all_spans()
            .map(|s| {
                let conflicted = s
                    .note
                    .as_deref()
                    .is_some_and(|n| n.starts_with(CONFLICT_MARK));
                (s.start, s.end, s.label.clone(), conflicted)
            })
            .collect();
        (keys, f.status)
    }

    proptest! {
        #[test]
        fn commutative_up_to_conflict_wording(b in version(), o in version(), t in version()) {
            let ot = merge3(&b, &o, &t);
            let to = merge3(&b, &t, &o);
            prop_assert_eq!(shape(&ot.file), shape(&to.file));
            prop_assert_eq!(ot.conflicts.len(), to.conflicts.len());
            // Notes that are no conflict are the same either way.
            for (x, y) in ot.file.all_spans().zip(to.file.all_spans()) {
                if !x.note.as_deref().is_some_and(|n| n.starts_with(CONFLICT_MARK)) {
                    prop_assert_eq!(&x.note, &y.note);
                }
            }
        }

        #[test]
        fn idempotent(b in version(), x in version()) {
            prop_assert_eq!(&merge3(&b, &x, &x).file, &x);
            prop_assert_eq!(&merge3(&b, &b, &x).file, &x);
            prop_assert_eq!(&merge3(&b, &x, &b).file, &x);
            let once = merge3(&b, &x, &b).file;
            prop_assert_eq!(&merge3(&b, &once, &x).file, &x);
        }
    }
}

#[test]
fn accepted_on_one_side_and_rejected_on_the_other_is_a_conflict_that_keeps_the_span() {
    let base = file(&[], Status::InProgress);
    let ours = file(&[(0, 17, "claim")], Status::InProgress);
    let mut theirs = file(&[], Status::InProgress);
    theirs.rejected = ours.spans.spans().to_vec();
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(keys(&m.file), [(0, 17, "claim")]);
    assert!(m.file.rejected.is_empty());
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn a_link_to_a_span_the_other_side_deleted_is_dropped_as_a_conflict() {
    let base = file(&[(0, 5, "quote"), (18, 23, "source")], Status::InProgress);
    let mut ours = base.clone();
    ours.links = vec![Link {
        kind: "speaker".into(),
        from: LinkEnd(0, 5, "quote".into()),
        to: LinkEnd(18, 23, "source".into()),
    }];
    let theirs = file(&[(0, 5, "quote")], Status::InProgress);
    let m = merge3(&base, &ours, &theirs);
    assert_eq!(keys(&m.file), [(0, 5, "quote")]);
    assert!(m.file.links.is_empty(), "{:?}", m.file.links);
    assert_eq!(
        m.conflicts,
        [
            "link speaker 0..5 \"quote\" → 18..23 \"source\": its span 18..23 \"source\" was deleted or relabelled on one side; link dropped"
        ]
    );
    // Relabelled on one side, the link drawn from it on the other goes the same way.
    let theirs = file(&[(0, 5, "claim"), (18, 23, "source")], Status::InProgress);
    let m = merge3(&base, &ours, &theirs);
    assert!(m.file.links.is_empty());
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
}

#[test]
fn gold_s_adjudication_record_comes_from_the_side_that_changed_it() {
    let record = |hash: &str| crate::store::Adjudicated {
        text_sha256: hash.into(),
        annotators: [("alice".to_owned(), vec!["claim:00000000".to_owned()])].into(),
    };
    let base = file(&[(0, 5, "claim")], Status::Done);
    let mut decided = base.clone();
    decided.adjudicated = Some(record("new"));
    // Decided on one side only: that side's record, whichever side it is.
    assert_eq!(
        merge3(&base, &base, &decided).file.adjudicated,
        Some(record("new"))
    );
    assert_eq!(
        merge3(&base, &decided, &base).file.adjudicated,
        Some(record("new"))
    );
    // Decided on both sides: ours, and no conflict for it (it only says what changed since).
    let mut other = base.clone();
    other.adjudicated = Some(record("other"));
    let merged = merge3(&base, &decided, &other);
    assert_eq!(merged.file.adjudicated, Some(record("new")));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    // Unchanged on both: kept.
    assert_eq!(
        merge3(&decided, &decided, &decided).file.adjudicated,
        Some(record("new"))
    );
}
