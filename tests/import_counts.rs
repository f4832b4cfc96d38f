#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser import`'s summary counts the spans it wrote, not the spans it read: a span already
//! in the annotation file, or given twice in the same import, is not counted as imported, and
//! the difference is said on its own line.

use std::path::Path;
use std::process::Command;

const TEXT: &str = "Alpha said beta. Gamma.\n";

fn import(lines: &[serde_json::Value], corpus: &Path) -> (i32, String) {
    let input = corpus.with_extension("jsonl");
    let text = lines
        .iter()
        .map(serde_json::Value::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&input, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["import", "--format", "jsonl", "--corpus"])
        .arg(corpus)
        .arg(&input)
        .env("GLOSSER_CONFIG", "/nonexistent/config.ron")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A record of alice's on `TEXT` with `spans` as (start, end, label, note).
fn record(spans: &[(usize, usize, &str, Option<&str>)]) -> serde_json::Value {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|&(start, end, label, note)| {
            let mut span = serde_json::json!({
                "start": start,
                "end": end,
                "label": label,
                "text": &TEXT[start..end],
            });
            if let Some(note) = note {
                span["note"] = note.into();
            }
            span
        })
        .collect();
    serde_json::json!({
        "document": "a.txt",
        "annotator": "alice",
        "text": TEXT,
        "spans": spans,
    })
}

fn spans_in_file(corpus: &Path) -> usize {
    glosser_core::store::load(&corpus.join("a.txt.alice.ron"))
        .unwrap()
        .spans
        .len()
}

#[test]
fn the_summary_counts_spans_written_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // The same span twice in one record (the second with a note): one span is written.
    let (code, err) = import(
        &[record(&[
            (0, 5, "claim", None),
            (0, 5, "claim", Some("a note")),
        ])],
        &corpus,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(spans_in_file(&corpus), 1);
    assert!(err.contains("imported 1 record (1 span)"), "{err}");
    assert!(
        err.contains("1 span given twice in this import, written once"),
        "{err}"
    );

    // Again, with one new span: one span is written, one was already in the file.
    let (code, err) = import(
        &[record(&[(0, 5, "claim", None), (6, 10, "quote", None)])],
        &corpus,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(spans_in_file(&corpus), 2);
    assert!(err.contains("imported 1 record (1 span)"), "{err}");
    assert!(
        err.contains("1 span was already in its annotation file, not added again"),
        "{err}"
    );

    // Everything already there: nothing written, and said so.
    let (code, err) = import(
        &[record(&[(0, 5, "claim", None), (6, 10, "quote", None)])],
        &corpus,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 1 record (0 spans)"), "{err}");
    assert!(
        err.contains("2 spans were already in their annotation files, not added again"),
        "{err}"
    );
}

#[test]
fn a_summary_with_nothing_to_add_has_no_extra_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let (code, err) = import(
        &[record(&[(0, 5, "claim", None), (6, 10, "quote", None)])],
        &corpus,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("imported 1 record (2 spans)"), "{err}");
}
