use super::*;
use crate::span::{AnnotationSet, Span};
use crate::store::Status;

const TEXT: &str = "Alpha beta gamma. Delta epsilon zeta.";

fn file(doc: &Document, spans: &[(usize, usize, &str)]) -> AnnotationFile {
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.status = Status::InProgress;
    file.spans = AnnotationSet::from_spans(
        spans
            .iter()
            .map(|&(s, e, l)| Span::new(doc, s..e, l))
            .collect(),
    );
    file
}

#[test]
fn io_errors_are_classified() {
    let path = Path::new("x.ron");
    let kinds = [
        (ErrorKind::StorageFull, "disk is full"),
        (ErrorKind::PermissionDenied, "permission denied"),
        (ErrorKind::ReadOnlyFilesystem, "read-only file system"),
        (ErrorKind::Other, "cannot save"),
    ];
    for (kind, words) in kinds {
        let e = SaveError::from_io(path, std::io::Error::from(kind));
        assert!(e.to_string().contains(words), "{e}");
        assert!(e.to_string().contains("x.ron"), "{e}");
    }
}

#[test]
fn a_new_file_is_restamped_and_written() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(TEXT);
    let path = dir.path().join("a.txt.alice.ron");
    let saved = save_merged(
        &path,
        &file(&doc, &[(0, 17, "claim")]),
        None,
        &doc,
        &crate::old_texts::Lookup::default(),
    )
    .unwrap();
    assert!(!saved.merged);
    let on_disk = store::load(&path).unwrap();
    assert_eq!(on_disk, saved.file);
    assert!(on_disk.spans.get(0).unwrap().prefix.as_deref().is_some());
}

#[test]
fn a_file_changed_on_disk_is_merged_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(TEXT);
    let path = dir.path().join("a.txt.alice.ron");
    let base = save_merged(
        &path,
        &file(&doc, &[(0, 17, "claim")]),
        None,
        &doc,
        &crate::old_texts::Lookup::default(),
    )
    .unwrap()
    .file;
    store::save(&path, &file(&doc, &[(0, 17, "claim"), (18, 37, "opinion")])).unwrap();
    let ours = file(&doc, &[(0, 17, "claim"), (0, 5, "quote")]);
    let saved = save_merged(
        &path,
        &ours,
        Some(&base),
        &doc,
        &crate::old_texts::Lookup::default(),
    )
    .unwrap();
    assert!(saved.merged);
    assert_eq!(store::load(&path).unwrap().spans.len(), 3);
}

#[test]
fn a_file_that_does_not_parse_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(TEXT);
    let path = dir.path().join("a.txt.alice.ron");
    std::fs::write(&path, "<<<<<<< HEAD\n").unwrap();
    let e = save_merged(
        &path,
        &file(&doc, &[(0, 17, "claim")]),
        None,
        &doc,
        &crate::old_texts::Lookup::default(),
    )
    .unwrap_err();
    assert!(matches!(e, SaveError::Broken { .. }), "{e}");
    assert!(e.to_string().contains("not overwritten"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "<<<<<<< HEAD\n");
}

#[test]
fn a_stale_file_on_disk_is_brought_onto_our_text_before_merging() {
    let dir = tempfile::tempdir().unwrap();
    let old = Document::from_text(TEXT);
    let new = Document::from_text(format!("Lead. {TEXT}"));
    let path = dir.path().join("a.txt.alice.ron");
    // A teammate's version for the old text, with a span we never saw.
    store::save(&path, &file(&old, &[(18, 37, "opinion")])).unwrap();
    let ours = file(&new, &[(0, 5, "claim")]);
    // The text the teammate's file was made on is known: their span follows the diff.
    let texts = crate::old_texts::Lookup::default().knowing(old.clone());
    let saved = save_merged(&path, &ours, None, &new, &texts).unwrap();
    let on_disk = store::load(&path).unwrap();
    assert_eq!(on_disk.text_sha256, new.sha256());
    assert_eq!(on_disk.spans.len(), 2);
    for span in on_disk.spans.spans() {
        assert!(span.check_text(&new).is_ok(), "{span:?}");
    }
    assert!(saved.merged);
}

#[test]
fn a_stale_file_whose_old_text_is_unknown_keeps_its_span_for_a_person_to_confirm() {
    let dir = tempfile::tempdir().unwrap();
    let old = Document::from_text(TEXT);
    let new = Document::from_text(format!("Lead. {TEXT}"));
    let path = dir.path().join("a.txt.alice.ron");
    // A version 1 file (no context hints) for a text nobody kept.
    store::save(&path, &file(&old, &[(18, 37, "opinion")])).unwrap();
    let ours = file(&new, &[(0, 5, "claim")]);
    let saved = save_merged(
        &path,
        &ours,
        None,
        &new,
        &crate::old_texts::Lookup::default(),
    )
    .unwrap();
    let on_disk = store::load(&path).unwrap();
    assert_eq!(on_disk.spans.len(), 1, "only ours is placed");
    assert!(on_disk.orphans[0].ambiguous, "{:?}", on_disk.orphans);
    assert!(on_disk.orphans[0].check_text(&new).is_ok());
    assert_eq!(saved.restamp.ambiguous().count(), 1);
}
