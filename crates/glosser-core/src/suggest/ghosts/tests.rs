use super::*;
use crate::text::Document;

#[test]
fn accepted_and_rejected_suggestions_are_not_ghosts() {
    let doc = Document::from_text("Alpha said beta and gamma.");
    let s = |a, b, l: &str| Span::new(&doc, a..b, l);
    let suggested = vec![
        s(0, 5, "quote"),
        s(11, 15, "claim"),
        s(20, 25, "claim"),
        s(6, 10, "claim"),
        s(16, 25, "claim"),
    ];
    let mut analyst = AnnotationFile::new("d.txt", "alice", doc.sha256());
    analyst.spans.insert_unchecked(s(0, 5, "quote"));
    // Accepted, then relabelled: decided, not a ghost again.
    analyst.spans.insert_unchecked(s(11, 15, "quote"));
    // Overlapping but not the same characters: the suggestion stays open.
    analyst.spans.insert_unchecked(s(6, 9, "claim"));
    analyst.rejected.push(s(20, 25, "claim"));
    let open = open_suggestions(&suggested, &analyst);
    assert_eq!(open, vec![s(6, 10, "claim"), s(16, 25, "claim")]);
}
