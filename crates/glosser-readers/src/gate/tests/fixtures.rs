//! GATE bdocjs files from gatenlp's repository: Java offsets, several sets, zero-length
//! annotations, features, gatenlp's own type markers.

use crate::gate::{self, ReadOptions};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/gate/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn gatenlp_test_document_with_java_offsets() {
    let corpus = gate::read(&fixture("tests-testdoc1.bdocjs"), &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.text, "This is the document text");
    assert_eq!(
        document.metadata.document_id.as_deref(),
        Some("GATE Document_00008")
    );
    assert_eq!(document.metadata.document_uri, None);
    let spans: Vec<(&str, &str, usize, usize)> = document
        .spans
        .iter()
        .map(|s| (s.layer.as_str(), s.label.as_str(), s.start, s.end))
        .collect();
    assert_eq!(
        spans,
        [
            ("", "Type1", 0, 4),
            ("", "Type1", 5, 8),
            ("Set2", "LONG", 0, 20),
            ("Set2", "SHORT", 5, 10),
            ("Set2", "ZERO1", 5, 5),
            ("Set2", "ZERO2a", 7, 7),
            ("Set2", "ZERO2b", 7, 7),
        ]
    );
    assert_eq!(
        document.spans[0].features["shared2"],
        "[\"SomeString\",0,true,3.3]"
    );
    assert_eq!(document.spans[2].id, "Set2#2");
    assert!(
        document.skipped[0]
            .reason
            .starts_with("not kept: fBoolean, fComplex1, fComplex2a"),
        "{:?}",
        document.skipped
    );
    assert_eq!(
        corpus.skipped[0].reason,
        "every set with annotations was read: \"\" (2 spans), \"Set2\" (5 spans)"
    );
    assert_eq!(
        corpus.labels,
        ["Type1", "LONG", "SHORT", "ZERO1", "ZERO2a", "ZERO2b"]
    );
}

#[test]
fn overview_document_in_one_named_set() {
    let corpus = gate::read(
        &fixture("docs-overview-ann-relations.bdocjs"),
        &ReadOptions::default(),
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.spans.len(), 12);
    assert!(document.spans.iter().all(|s| s.layer == "set1"));
    assert_eq!(
        document.covered_text(&document.spans[0]).as_deref(),
        Some("3456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef")
    );
    assert_eq!(document.metadata.document_id, None);
}

#[test]
fn tokens_with_features_and_type_filter() {
    let corpus = gate::read(&fixture("debug-debugdoc01.bdocjs"), &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.spans.len(), 39);
    assert_eq!(
        document.covered_text(&document.spans[0]).as_deref(),
        Some("Barack")
    );
    assert_eq!(document.spans[0].features["ner"], "B-PERSON");
    assert_eq!(document.spans[0].features["head"], "5");
    let only = ReadOptions {
        sets: None,
        types: Some(vec!["Sentence".into()]),
    };
    let sentences = gate::read(&fixture("debug-debugdoc01.bdocjs"), &only).unwrap();
    assert!(
        sentences.documents[0]
            .spans
            .iter()
            .all(|s| s.label == "Sentence")
    );
}

#[test]
fn gatenlp_typed_document_and_zero_length_viewer_document() {
    let corpus = gate::read(
        &fixture("examples-testdoc.bdocjson"),
        &ReadOptions::default(),
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.text, "This is the text of the document.");
    let labels: Vec<&str> = document.spans.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels[..2], ["Document", "Token"]);
    assert!(
        document.spans[1].features.is_empty(),
        "gatenlp_type marks the annotation, not a feature"
    );
    assert_eq!(document.skipped[0].reason, "not kept: purpose");
    let viewer = gate::read(
        &fixture("html-ann-viewer-debug_doc2.bdocjs"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(viewer.documents[0].spans.len(), 4);
}
