#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser agree` as a data-quality figure (SPEC §12): gold is compared with each annotator and
//! never averaged in, names are deduplicated, `--done-only` selects Done files, and the output
//! says how the overall figures pool.

use std::path::Path;
use std::process::Command;

use glosser_core::store::Status;
use serde_json::Value;

fn agree(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["agree", dir.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(&args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (code, v)
}

fn write(dir: &Path, name: &str, annotator: &str, spans: &[(usize, usize, &str)], status: Status) {
    let doc = glosser_core::text::Document::load(&dir.join(name)).unwrap();
    let file = glosser_core::store::AnnotationFile {
        document: name.to_owned(),
        annotator: annotator.to_owned(),
        text_sha256: doc.sha256().to_owned(),
        status,
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join(format!("{name}.{annotator}.ron")), &file).unwrap();
}

/// One document: gold, alice (agrees with gold), bob (half right), carol (InProgress).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.txt"),
        "Alpha beta gamma. Delta epsilon zeta.\n",
    )
    .unwrap();
    let gold: &[(usize, usize, &str)] = &[(0, 17, "claim"), (18, 37, "opinion")];
    write(dir.path(), "one.txt", "gold", gold, Status::Done);
    write(dir.path(), "one.txt", "alice", gold, Status::Done);
    write(
        dir.path(),
        "one.txt",
        "bob",
        &[(0, 17, "claim"), (18, 37, "quote")],
        Status::Done,
    );
    write(
        dir.path(),
        "one.txt",
        "carol",
        &[(0, 17, "quote")],
        Status::InProgress,
    );
    dir
}

#[test]
fn gold_is_each_annotators_accuracy_never_in_the_mean() {
    let dir = corpus();
    let (code, v) = agree(dir.path(), &["--annotators", "gold,alice,bob"]);
    assert_eq!(code, 0);
    let pairs = v["pairs"].as_array().unwrap();
    let shape: Vec<(&str, &str, &str)> = pairs
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap(),
                p["b"].as_str().unwrap(),
                p["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("gold", "alice", "accuracy"),
            ("gold", "bob", "accuracy"),
            ("alice", "bob", "agreement")
        ]
    );
    assert_eq!(pairs[0]["overall"]["f1_strict"], 1.0, "alice matches gold");
    assert_eq!(pairs[1]["overall"]["f1_strict"], 0.5);
    assert!(
        v.get("mean").is_none(),
        "one annotator pair: nothing to average, gold left out"
    );
    let (_, v) = agree(dir.path(), &["--annotators", "gold,alice,bob,carol"]);
    assert_eq!(v["mean"]["pairs"], 3, "alice×bob, alice×carol, bob×carol");
    assert!(
        v["mean"]["overall"].get("a_spans").is_none(),
        "a mean has no span counts"
    );
    assert!(v["pooling"]["kappa"].as_str().unwrap().contains("mean"));
    assert!(
        v["pooling"]["f1_strict"]
            .as_str()
            .unwrap()
            .contains("pooled")
    );
}

#[test]
fn names_are_deduplicated() {
    let dir = corpus();
    let (code, v) = agree(dir.path(), &["--annotators", "alice,bob,alice"]);
    assert_eq!(code, 0);
    assert_eq!(v["annotators"], serde_json::json!(["alice", "bob"]));
    assert_eq!(v["pairs"].as_array().unwrap().len(), 1);
    assert_eq!(v["pairs"][0]["overall"]["a_spans"], 2, "alice counted once");
}

#[test]
fn done_only_leaves_out_files_not_done() {
    let dir = corpus();
    let (_, all) = agree(dir.path(), &["--annotators", "alice,carol"]);
    assert_eq!(all["documents"], 1);
    let (code, done) = agree(dir.path(), &["--annotators", "alice,carol", "--done-only"]);
    assert_eq!(code, 0);
    assert_eq!(done["documents"], 0, "carol's file is InProgress");
    assert_eq!(done["single_annotator_documents"], 1);
}

#[test]
fn the_table_titles_accuracy_and_says_how_it_pools() {
    let dir = corpus();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args([
            "agree",
            dir.path().to_str().unwrap(),
            "--annotators",
            "gold,alice,bob,carol",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("alice against gold (accuracy)"), "{text}");
    assert!(
        text.contains("mean of the 3 annotator pairs (gold left out)"),
        "{text}"
    );
    assert!(
        text.contains("kappa: mean of the per-label kappas"),
        "{text}"
    );
}
