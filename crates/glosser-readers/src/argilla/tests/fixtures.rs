//! Argilla exports written by Argilla's own SDKs (1.29.1 and 2.8.0) from constructed records.

use crate::Document;
use crate::argilla::{self, ReadOptions};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/argilla/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn spans(document: &Document) -> Vec<(String, String, String, Option<String>)> {
    document
        .spans
        .iter()
        .map(|s| {
            (
                s.layer.clone(),
                document.covered_text(s).unwrap(),
                s.label.clone(),
                s.annotator.clone(),
            )
        })
        .collect()
}

fn row(
    layer: &str,
    text: &str,
    label: &str,
    annotator: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        layer.into(),
        text.into(),
        label.into(),
        annotator.map(Into::into),
    )
}

#[test]
fn v1_record_dicts_and_datasets_rows_agree() {
    for name in ["v1-records.json", "v1-to-datasets.jsonl"] {
        let corpus = argilla::read(&fixture(name), &ReadOptions::default()).unwrap();
        assert_eq!(corpus.documents.len(), 2, "{name}");
        let first = &corpus.documents[0];
        assert_eq!(first.metadata.document_id.as_deref(), Some("a.txt"));
        assert_eq!(
            spans(first),
            [
                row(
                    "annotation",
                    "Putin’s envoy 😀 said “we won” today.",
                    "claim",
                    Some("alice")
                ),
                row("annotation", "“we won”", "quote", Some("alice")),
                row("prediction", "“we won”", "quote", Some("model-1")),
            ],
            "{name}"
        );
        assert_eq!(first.spans[2].features["score"], "0.9");
        assert_eq!(
            spans(&corpus.documents[1]),
            [row(
                "prediction",
                "Critics doubt it.",
                "claim",
                Some("model-1")
            )]
        );
        let unread: Vec<&str> = corpus.skipped.iter().map(|s| s.what.as_str()).collect();
        assert_eq!(unread, ["key metadata", "key status"], "{name}");
    }
}

#[test]
fn v2_nested_and_flattened_records_agree() {
    for name in ["v2-records.json", "v2-flat.json"] {
        let corpus = argilla::read(&fixture(name), &ReadOptions::default()).unwrap();
        assert_eq!(corpus.documents.len(), 2, "{name}");
        let first = &corpus.documents[0];
        let user = "00000000-0000-0000-0000-000000000001";
        assert_eq!(
            spans(first),
            [
                row(
                    "spans",
                    "Putin’s envoy 😀 said “we won” today.",
                    "claim",
                    Some(user)
                ),
                row("spans", "“we won”", "quote", Some(user)),
                row("spans.suggestion", "😀", "emoji", Some("model-1")),
            ],
            "{name}"
        );
        assert_eq!(first.spans[2].features["score"], "0.5");
        assert_eq!(corpus.documents[1].spans.len(), 0);
        let unread: Vec<String> = corpus
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.what, s.reason))
            .collect();
        assert!(unread.iter().any(|r| r.starts_with("question sentiment: not read (1 record, e.g. record 1: negative (not a span answer))")), "{name}: {unread:?}");
        assert!(
            unread.iter().any(|r| r.starts_with("key status")),
            "{name}: {unread:?}"
        );
    }
}
