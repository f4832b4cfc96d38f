#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser import` into folders that do not exist yet: they are built hidden and put in place
//! whole (`fsio::NewFolders`), with the same bytes as an import into existing folders, nothing
//! hidden left behind, and no trace of a rejected record's document.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn import(file: &Path, corpus: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["import", file.to_str().unwrap(), "--format", "jsonl"])
        .arg("--corpus")
        .arg(corpus)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn record(document: &str, text: &str, spans: &[(usize, usize, &str)]) -> String {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|(s, e, label)| {
            let quote: String = text.chars().skip(*s).take(e - s).collect();
            serde_json::json!({"start": s, "end": e, "label": label, "text": quote})
        })
        .collect();
    serde_json::json!({"document": document, "annotator": "ann", "text": text, "spans": spans})
        .to_string()
}

/// Every file under `dir` (relative path → bytes), hidden ones included, sorted.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(at) = todo.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path == dir.join(".glosser") {
                // The text store: checked on its own (`texts_kept`).
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path.strip_prefix(dir).unwrap().to_owned(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Every hidden entry under `dir`, at any depth.
fn hidden(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(at) = todo.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let entry = entry.unwrap();
            if entry.path() == dir.join(".glosser") {
                continue;
            }
            if entry.file_name().to_string_lossy().starts_with('.') {
                found.push(entry.path());
            } else if entry.path().is_dir() {
                todo.push(entry.path());
            }
        }
    }
    found
}

/// The texts in the corpus's text store (file names: their SHA-256), sorted.
fn texts_kept(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(".glosser/texts"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n.len() == 64)
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn new_folders_get_the_same_files_as_existing_ones_and_nothing_hidden_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    // 1,500 records over nested folders (two chunks: `b/` is met in both, `a/x/y/` only in the
    // first); a CJK and emoji text among them.
    for i in 0..1500 {
        let folder = match i % 3 {
            0 => "a",
            1 => "a/x/y",
            _ => "b",
        };
        let text = if i == 7 {
            "记者 says 🎉 this is a claim.".to_owned()
        } else {
            format!("Document {i} makes a claim.")
        };
        let line = record(&format!("{folder}/{i}.txt"), &text, &[(0, 8, "claim")]);
        writeln!(jsonl, "{line}").unwrap();
    }
    let file = dir.path().join("in.jsonl");
    std::fs::write(&file, jsonl).unwrap();

    let fresh = dir.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    let (code, err) = import(&file, &fresh);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 1500 records (1500 spans)"), "{err}");

    let existing = dir.path().join("existing");
    for folder in ["a/x/y", "b"] {
        std::fs::create_dir_all(existing.join(folder)).unwrap();
    }
    let (code, err) = import(&file, &existing);
    assert_eq!(code, 0, "{err}");

    let (fresh_tree, existing_tree) = (tree(&fresh), tree(&existing));
    assert_eq!(fresh_tree.len(), 3000, "a text and an annotation file each");
    assert!(fresh_tree == existing_tree, "the two imports differ");
    assert_eq!(hidden(&fresh), Vec::<PathBuf>::new());
    assert_eq!(hidden(&existing), Vec::<PathBuf>::new());
    // Every imported text is kept once for re-anchoring by diff (docs/format.md).
    let texts = texts_kept(&fresh);
    assert!(!texts.is_empty() && texts == texts_kept(&existing));
    let cjk = std::fs::read_to_string(fresh.join("a/x/y/7.txt")).unwrap();
    assert_eq!(cjk, "记者 says 🎉 this is a claim.");
}

#[test]
fn a_rejected_document_in_a_new_folder_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let good = record("n/good.txt", "A good claim.", &[(2, 6, "claim")]);
    // The span's text does not match the document: the record is rejected.
    let bad = serde_json::json!({"document": "n/bad.txt", "annotator": "ann",
        "text": "A bad record.", "spans": [{"start": 0, "end": 5, "label": "claim", "text": "other"}]})
    .to_string();
    let only_bad = serde_json::json!({"document": "m/bad.txt", "annotator": "ann",
        "text": "Bad again.", "spans": [{"start": 0, "end": 3, "label": "claim", "text": "xyz"}]})
    .to_string();
    let file = dir.path().join("in.jsonl");
    std::fs::write(&file, format!("{good}\n{bad}\n{only_bad}\n")).unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    let (code, err) = import(&file, &corpus);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rejected 2"), "{err}");
    let names: Vec<PathBuf> = tree(&corpus).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        names,
        [
            PathBuf::from("n/good.txt"),
            PathBuf::from("n/good.txt.ann.ron")
        ]
    );
    assert!(
        !corpus.join("m").exists(),
        "a folder with nothing kept is not made"
    );
    assert_eq!(hidden(&corpus), Vec::<PathBuf>::new());
}

#[test]
fn a_new_document_whose_annotation_file_cannot_be_merged_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    // An annotation file without its document, and broken: the import must not touch it, and
    // must not leave the document behind without the record's spans.
    std::fs::write(corpus.join("d.txt.ann.ron"), "(glosser: 2, broken").unwrap();
    let file = dir.path().join("in.jsonl");
    std::fs::write(
        &file,
        format!("{}\n", record("d.txt", "A claim here.", &[(2, 7, "claim")])),
    )
    .unwrap();
    let (code, err) = import(&file, &corpus);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("left untouched"), "{err}");
    assert!(!corpus.join("d.txt").exists(), "{err}");
    assert_eq!(
        std::fs::read_to_string(corpus.join("d.txt.ann.ron")).unwrap(),
        "(glosser: 2, broken"
    );
}
