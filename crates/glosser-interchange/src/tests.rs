use super::*;

#[test]
fn covered_text_counts_code_points() {
    let document = Document::new("a😀b");
    let span = Span {
        start: 1,
        end: 3,
        ..Span::default()
    };
    assert_eq!(document.covered_text(&span).as_deref(), Some("😀b"));
    let outside = Span {
        start: 2,
        end: 4,
        ..Span::default()
    };
    assert_eq!(document.covered_text(&outside), None);
}

#[test]
fn annotators_are_recorded_once() {
    let mut document = Document::new("");
    document.note_annotator("alice");
    document.note_annotator("bob");
    document.note_annotator("alice");
    assert_eq!(document.metadata.annotators, ["alice", "bob"]);
}

#[test]
fn skipped_keeps_what_and_why() {
    let skipped = Skipped::new("span 3", "splits a surrogate pair");
    assert_eq!(skipped.what, "span 3");
    assert_eq!(skipped.reason, "splits a surrogate pair");
}

#[test]
fn notes_are_told_from_losses() {
    assert_eq!(Skipped::new("a", "b").kind, SkipKind::NotKept);
    let noted = Skipped::noted("the text", "rebuilt");
    assert_eq!(noted.kind, SkipKind::Noted);
    assert_eq!(
        (noted.what.as_str(), noted.reason.as_str()),
        ("the text", "rebuilt")
    );
}
