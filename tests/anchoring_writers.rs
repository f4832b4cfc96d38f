#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The writers other than the TUI keep SPEC §2's anchoring invariant: `import` into a document
//! whose annotation file is stale, and `merge` into a stale gold file, re-anchor what is there
//! before they stamp the new hash — no span ends up on the wrong words.

use std::path::Path;
use std::process::Command;

use glosser::span::{AnnotationSet, Span};
use glosser::store::{self, AnnotationFile, Status};
use glosser::text::Document;

const OLD: &str = "Officials said the talks were positive. Critics doubt it. The end.\n";
const NEW: &str =
    "Update: more news. Officials said the talks were positive. Critics doubt it. The end.\n";

fn span(doc: &Document, needle: &str, label: &str) -> Span {
    let start = doc.byte_to_char(doc.text().find(needle).unwrap()).unwrap();
    Span::new(doc, start..start + needle.chars().count(), label)
}

fn save(path: &Path, annotator: &str, doc: &Document, spans: Vec<Span>) {
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: annotator.into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    store::save(path, &file).unwrap();
}

fn glosser(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .env("GLOSSER_CONFIG", "/nonexistent")
        .output()
        .unwrap()
}

fn assert_anchored(path: &Path, new: &Document, quotes: &[&str]) {
    let file = store::load(path).unwrap();
    assert_eq!(file.text_sha256, new.sha256());
    let got: Vec<&str> = file
        .spans
        .spans()
        .iter()
        .map(|s| s.quote.as_str())
        .collect();
    assert_eq!(got, quotes);
    for s in file.spans.spans() {
        assert!(s.check_text(new).is_ok(), "{s:?}");
    }
}

#[test]
fn import_into_a_stale_file_reanchors_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let old = Document::from_text(OLD);
    let new = Document::from_text(NEW);
    save(
        &root.join("a.txt.alice.ron"),
        "alice",
        &old,
        vec![span(&old, "Critics doubt it.", "opinion")],
    );
    std::fs::write(root.join("a.txt"), NEW).unwrap();
    let start = new.byte_to_char(NEW.find("The end.").unwrap()).unwrap();
    let record = serde_json::json!({
        "document": "a.txt", "annotator": "alice", "text": NEW,
        "spans": [{"start": start, "end": start + 8, "label": "claim", "text": "The end."}],
    });
    let input = root.join("in.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let out = glosser(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        root.to_str().unwrap(),
        "--annotator",
        "alice",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_anchored(
        &root.join("a.txt.alice.ron"),
        &new,
        &["Critics doubt it.", "The end."],
    );
    let validate = glosser(&["validate", root.to_str().unwrap()]);
    assert_eq!(validate.status.code(), Some(0), "{validate:?}");
}

#[test]
fn merge_into_a_stale_gold_file_reanchors_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let old = Document::from_text(OLD);
    let new = Document::from_text(NEW);
    save(
        &root.join("a.txt.gold.ron"),
        "gold",
        &old,
        vec![span(&old, "Critics doubt it.", "opinion")],
    );
    std::fs::write(root.join("a.txt"), NEW).unwrap();
    for who in ["alice", "bob"] {
        save(
            &root.join(format!("a.txt.{who}.ron")),
            who,
            &new,
            vec![span(&new, "The end.", "claim")],
        );
    }
    let out = glosser(&[
        "merge",
        root.to_str().unwrap(),
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
    ]);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    assert_anchored(
        &root.join("a.txt.gold.ron"),
        &new,
        &["Critics doubt it.", "The end."],
    );
}
