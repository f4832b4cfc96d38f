#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Scores end to end (issue 29): a model's `score` read on import (glosser's jsonl, Label
//! Studio's region `score`, Prodigy's span or task `score`), kept in the annotation file, and
//! written back by the exports that hold one (jsonl, Label Studio, Prodigy).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TEXT: &str = "Putin said “no deal” on Monday.\n";

fn import(dir: &Path, format: &str, content: &str, extra: &[&str]) -> Output {
    let file = dir.join(format!("input.{format}"));
    std::fs::write(&file, content).unwrap();
    let corpus = dir.join("corpus");
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--format",
        format,
        "--corpus",
        corpus.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    glosser(&args)
}

/// (start, end, label, score) of an annotator's spans.
fn scores(corpus: &Path, doc: &str, annotator: &str) -> Vec<(usize, usize, String, Option<f64>)> {
    let file = glosser_core::store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.score.map(|s| s.0)))
        .collect()
}

fn export(corpus: &Path, format: &str, annotator: &str) -> String {
    let out = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        format,
        "--annotator",
        annotator,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn jsonl_record(spans: &str) -> String {
    format!(
        "{}\n",
        serde_json::json!({
            "document": "a.txt",
            "annotator": "model",
            "text": TEXT,
            "spans": serde_json::from_str::<Value>(spans).unwrap(),
        })
    )
}

#[test]
fn jsonl_scores_are_imported_kept_and_exported_again() {
    let dir = tempfile::tempdir().unwrap();
    let record = jsonl_record(
        r#"[{"start":0,"end":5,"label":"claim","text":"Putin","score":0.25},
            {"start":11,"end":20,"label":"quote","text":"“no deal”","score":1.0}]"#,
    );
    let out = import(dir.path(), "jsonl", &record, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = dir.path().join("corpus");
    assert_eq!(
        scores(&corpus, "a.txt", "model"),
        [
            (0, 5, "claim".into(), Some(0.25)),
            (11, 20, "quote".into(), Some(1.0))
        ]
    );
    let exported = export(&corpus, "jsonl", "model");
    let line: Value = serde_json::from_str(exported.trim()).unwrap();
    let got: Vec<f64> = line["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    assert_eq!(got, [0.25, 1.0]);
    // Read back into a fresh corpus: the same file, byte for byte.
    let again = tempfile::tempdir().unwrap();
    let out = import(again.path(), "jsonl", &exported, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |c: &Path| std::fs::read_to_string(c.join("corpus/a.txt.model.ron")).unwrap();
    assert_eq!(read(dir.path()), read(again.path()));
}

#[test]
fn a_score_outside_0_1_rejects_the_record_naming_the_span() {
    let dir = tempfile::tempdir().unwrap();
    let record =
        jsonl_record(r#"[{"start":0,"end":5,"label":"claim","text":"Putin","score":1.5}]"#);
    let out = import(dir.path(), "jsonl", &record, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("span 0..5 (claim) has score 1.5, which is not in 0..1"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("corpus/a.txt.model.ron").exists());
}

#[test]
fn label_studio_region_scores_are_kept_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let task = serde_json::json!([{
        "id": 1,
        "data": {"text": TEXT, "document": "a.txt"},
        "annotations": [{"completed_by": 3, "result": [
            {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "score": 0.75,
             "value": {"start": 0, "end": 5, "text": "Putin", "labels": ["claim"]}},
            {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 11, "end": 20, "text": "“no deal”", "labels": ["quote"]}}
        ]}]
    }]);
    let out = import(dir.path(), "label-studio", &task.to_string(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = dir.path().join("corpus");
    assert_eq!(
        scores(&corpus, "a.txt", "ls-3"),
        [
            (0, 5, "claim".into(), Some(0.75)),
            (11, 20, "quote".into(), None)
        ]
    );
    let exported: Value = serde_json::from_str(&export(&corpus, "label-studio", "ls-3")).unwrap();
    let regions = exported[0]["annotations"][0]["result"].as_array().unwrap();
    assert_eq!(regions[0]["score"], 0.75);
    assert!(regions[1].get("score").is_none(), "{regions:?}");
}

#[test]
fn label_studio_score_that_is_not_a_number_rejects_the_task() {
    let dir = tempfile::tempdir().unwrap();
    let task = serde_json::json!([{
        "data": {"text": TEXT, "document": "a.txt"},
        "annotations": [{"completed_by": 3, "result": [
            {"type": "labels", "score": "high",
             "value": {"start": 0, "end": 5, "text": "Putin", "labels": ["claim"]}}
        ]}]
    }]);
    let out = import(dir.path(), "label-studio", &task.to_string(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("score \"high\" is not a number"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn prodigy_a_models_task_gives_its_score_an_answer_keeps_only_span_scores() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        // A model's task (no answer): meta.score, as ner.teach writes it, for its span.
        serde_json::json!({"text": TEXT, "meta": {"document": "a.txt", "score": 0.4},
            "spans": [{"start": 0, "end": 5, "label": "claim"}], "_annotator_id": "model"}),
        // A person's answer: the task's score is the model's, not theirs; a span's own stays.
        serde_json::json!({"text": TEXT, "meta": {"document": "a.txt", "score": 0.9},
            "spans": [{"start": 11, "end": 20, "label": "quote", "score": 0.6},
                      {"start": 24, "end": 30, "label": "claim"}],
            "answer": "accept", "_annotator_id": "alice"}),
    ]
    .map(|l| l.to_string())
    .join("\n");
    let out = import(dir.path(), "prodigy", &lines, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let corpus = dir.path().join("corpus");
    assert_eq!(
        scores(&corpus, "a.txt", "model"),
        [(0, 5, "claim".into(), Some(0.4))]
    );
    assert_eq!(
        scores(&corpus, "a.txt", "alice"),
        [
            (11, 20, "quote".into(), Some(0.6)),
            (24, 30, "claim".into(), None)
        ]
    );
    let exported: Value = serde_json::from_str(export(&corpus, "prodigy", "model").trim()).unwrap();
    assert_eq!(exported["spans"][0]["score"], 0.4);
    let exported: Value = serde_json::from_str(export(&corpus, "prodigy", "alice").trim()).unwrap();
    assert_eq!(exported["spans"][0]["score"], 0.6);
    assert!(exported["spans"][1].get("score").is_none());
}

#[test]
fn a_suggesters_jsonl_export_keeps_its_scores() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let out = glosser(&[
        "suggest",
        dir.path().to_str().unwrap(),
        "--builtin",
        "quotes",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line: Value = serde_json::from_str(export(dir.path(), "jsonl", "suggest").trim()).unwrap();
    assert_eq!(line["spans"][0]["text"], "“no deal”");
    assert_eq!(line["spans"][0]["score"], 1.0);
}
