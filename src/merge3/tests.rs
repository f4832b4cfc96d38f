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
