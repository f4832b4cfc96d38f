#[test]
fn quoting() {
    assert_eq!(super::field("plain"), "plain");
    assert_eq!(super::field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
}

#[test]
fn a_document_without_spans_is_one_row_with_its_status() {
    let text = crate::text::Document::from_text("Nothing to see.\n");
    let d = super::ExportDoc {
        id: "empty.txt",
        annotator: "ann",
        doc: &text,
        spans: &[],
        status: crate::store::Status::Done,
        orphans: &[],
        links: &[],
        rejected: &[],
    };
    assert_eq!(super::rows(&d), "empty.txt,ann,,,,,,Done,\r\n");
}
