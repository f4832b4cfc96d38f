//! Label Studio JSON-MIN: label-studio-converter's own output, and the documentation's image
//! example, whose regions are reported rather than read as nothing.

use crate::label_studio_min::{self, ReadOptions};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/label_studio_min/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn converter_output_reads_spans_and_reports_the_choice() {
    let corpus =
        label_studio_min::read(&fixture("converter-json-min.json"), &ReadOptions::default())
            .unwrap();
    assert_eq!(corpus.documents.len(), 2);
    let first = &corpus.documents[0];
    assert_eq!(first.metadata.document_id.as_deref(), Some("a.txt"));
    assert_eq!(first.metadata.annotators, ["ls-7"]);
    let spans: Vec<(usize, usize, &str, &str, Option<&str>)> = first
        .spans
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.layer.as_str(),
                s.label.as_str(),
                s.annotator.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (0, 36, "label", "claim", Some("ls-7")),
            (21, 29, "label", "quote", Some("ls-7"))
        ]
    );
    assert_eq!(
        first.covered_text(&first.spans[1]).as_deref(),
        Some("“we won”")
    );
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    let second = &corpus.documents[1];
    assert_eq!(
        (second.text.as_str(), second.spans.len()),
        ("No entities here.", 0)
    );
    let reasons: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "key stance: not read: not a list of text regions with start and end (1 record, e.g. record 1: critical)"
        ]
    );
    assert_eq!(corpus.labels, ["claim", "quote"]);
}

#[test]
fn image_regions_are_reported_by_key() {
    let corpus =
        label_studio_min::read(&fixture("docs-image-example.json"), &ReadOptions::default())
            .unwrap();
    assert_eq!(corpus.documents[0].spans.len(), 0);
    assert_eq!(corpus.skipped.len(), 1);
    assert_eq!(corpus.skipped[0].what, "key tag");
}

#[test]
fn glosser_wild_export_with_utf16_offsets_and_email_annotators() {
    let corpus = label_studio_min::read(
        &fixture("glosser-wild-json_min.json"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 3);
    let second = &corpus.documents[1];
    assert_eq!(second.metadata.annotators, ["Maria.K@example.org"]);
    assert_eq!((second.spans[0].start, second.spans[0].end), (45, 51));
    assert_eq!(
        second.covered_text(&second.spans[0]).as_deref(),
        Some("Lavrov")
    );
    assert_eq!(
        second.skipped[0].reason,
        "offsets read as UTF-16 code units: its text matches only so"
    );
    let third = &corpus.documents[2];
    assert_eq!(
        third.covered_text(&third.spans[0]).as_deref(),
        Some("Lavrov")
    );
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
}
