#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser stats` run as a user would.

use std::path::{Path, PathBuf};
use std::process::Command;

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn stats(corpus: &Path, json: bool) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glosser"));
    cmd.arg("stats").arg(corpus);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn seeds_json_describes_the_five_documents() {
    let (code, out) = stats(&path("seeds"), true);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"]["total"], 5);
    assert_eq!(v["documents"]["annotatable"], 5);
    let list = v["documents"]["list"].as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(list[0]["id"], "000_b226eff58fa68952.txt");
    assert_eq!(list[4]["id"], "004_a7af00d26b2c9dde.txt");
    assert_eq!(
        v["labels"],
        serde_json::json!(["claim", "quote", "opinion", "unverified", "source"])
    );
}

#[test]
fn annotators_statuses_labels_and_progress() {
    let (code, out) = stats(&path("tests/fixtures/corpora/clean"), true);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let alice = &v["annotators"]["alice"];
    assert_eq!(alice["files"], 2);
    assert_eq!(alice["spans"], 4);
    assert_eq!(alice["status"]["InProgress"], 2);
    assert_eq!(alice["labels"]["claim"], 1);
    assert_eq!(alice["labels"]["unverified"], 1);
    assert_eq!(alice["progress"], 0.0);
    let bob = &v["annotators"]["bob"];
    assert_eq!(bob["status"]["Done"], 1);
    assert!((bob["progress"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    let list = v["documents"]["list"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "c.txt", "sub/b.md"]);
    assert_eq!(list[0]["annotators"]["bob"]["status"], "Done");
}

#[test]
fn unannotatable_documents_with_reasons() {
    let (code, out) = stats(&path("tests/fixtures/corpora/unreadable"), false);
    assert_eq!(code, 0);
    assert!(out.contains("3 documents, 1 can be annotated"), "{out}");
    assert!(
        out.contains("cannot annotate empty.txt: empty file"),
        "{out}"
    );
    assert!(
        out.contains("cannot annotate latin1.txt: not valid UTF-8"),
        "{out}"
    );
}

#[test]
fn broken_files_are_counted() {
    let (_, out) = stats(&path("tests/fixtures/corpora/broken_ron"), true);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["annotators"]["alice"]["broken"], 1);
    let (_, out) = stats(&path("tests/fixtures/corpora/broken_ron"), false);
    assert!(out.contains("alice"), "{out}");
}

#[test]
fn empty_corpus() {
    let (code, out) = stats(&path("tests/fixtures/corpora/empty_corpus"), false);
    assert_eq!(code, 0);
    assert!(out.contains("0 documents"), "{out}");
}

#[test]
fn completions_are_generated() {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(script.contains("validate") && script.contains("export"));
}
