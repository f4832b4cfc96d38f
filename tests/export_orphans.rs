#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Orphaned spans (their text no longer in the article) in an export: jsonl keeps them; every
//! other format leaves them out and names each one, and the dataset card counts them.

use std::process::Command;

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

#[test]
fn orphans_left_out_of_an_export_are_named_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "Alice said goodbye to Bob today.\n";
    std::fs::write(corpus.join("a.txt"), text).unwrap();
    let doc = Document::from_text(text);
    let mut orphan = Span::new(
        &Document::from_text("Alice said hello to Bob"),
        11..16,
        "quote",
    );
    orphan.orphan = true;
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "x".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(vec![Span::new(&doc, 0..5, "source")]),
        orphans: vec![orphan],
        ..Default::default()
    };
    store::save(&corpus.join("a.txt.x.ron"), &file).unwrap();
    let export = |format: &str, extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
            .args(["export"])
            .arg(&corpus)
            .args(["--format", format])
            .args(extra)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };

    let (code, stderr) = export("jsonl", &[]);
    assert_eq!(code, Some(0));
    assert!(
        !stderr.contains("orphaned"),
        "jsonl keeps orphans: {stderr}"
    );
    for format in ["csv", "doccano", "conll", "label-studio", "spacy"] {
        // spacy writes a binary DocBin: to a file.
        let output = dir.path().join(format!("export.{format}"));
        let (code, stderr) = export(format, &["-o", output.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert!(
            stderr.contains(
                "orphaned span not exported: a.txt 11..16 quote \"hello\" (its text is no longer in the article)"
            ),
            "{format}: {stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "{format}: 1 orphaned or ambiguous span not exported"
            )),
            "{format}: {stderr}"
        );
    }
    let out = dir.path().join("split");
    let (code, stderr) = export("csv", &["--split", "train=1", "-o", out.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let card: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    assert_eq!(card["parts"]["train"]["spans_dropped"], 1);
    assert_eq!(
        card["spans_dropped"][0]["why"],
        "orphaned: its text is no longer in the article"
    );
}
