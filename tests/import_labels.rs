#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser import` of records whose labels the corpus does not define: each record rejected,
//! one closing line naming the labels and the file to define them in, and a second import after
//! defining them that brings the rest without doubling what came the first time. Relations of a
//! type the corpus does not declare are not kept (their spans are) and are reported.

use std::path::Path;
use std::process::Command;

fn import(file: &Path, corpus: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["import", "--format", "jsonl", "--corpus"])
        .arg(corpus)
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn spans(corpus: &Path, doc: &str) -> Vec<(usize, usize, String)> {
    let file = glosser_core::store::load(&corpus.join(format!("{doc}.ann.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect()
}

#[test]
fn undefined_labels_are_named_once_and_defining_them_lets_a_second_import_finish() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let corpus = dir.path().join("corpus");
    std::fs::write(
        &input,
        concat!(
            r#"{"document":"a.txt","annotator":"ann","text":"Alice met Bob.","spans":[{"start":0,"end":5,"label":"claim","text":"Alice"}]}"#,
            "\n",
            r#"{"document":"b.txt","annotator":"ann","text":"Carol saw ACME.","spans":[{"start":0,"end":5,"label":"PERSON","text":"Carol"},{"start":10,"end":14,"label":"ORG","text":"ACME"}]}"#,
            "\n",
            r#"{"document":"c.txt","annotator":"ann","text":"Dan left.","spans":[{"start":0,"end":3,"label":"PERSON","text":"Dan"}]}"#,
            "\n",
        ),
    )
    .unwrap();

    let (code, stderr) = import(&input, &corpus);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("rejected line 2:"), "{stderr}");
    assert!(stderr.contains("rejected line 3:"), "{stderr}");
    let config = corpus.join("glosser.ron");
    let hint = format!(
        "glosser: 2 rejected records use labels this corpus does not define: \"ORG\" (1 record), \
         \"PERSON\" (2 records). Import again with --add-labels to add them to {}",
        config.display()
    );
    assert!(stderr.contains(&hint), "{stderr}");
    assert_eq!(spans(&corpus, "a.txt"), [(0, 5, "claim".to_owned())]);
    assert!(
        !corpus.join("b.txt").exists(),
        "a rejected record leaves no trace"
    );

    std::fs::write(
        &config,
        r#"(labels: [
            (name: "claim", key: '1'),
            (name: "PERSON", key: '2'),
            (name: "ORG", key: '3'),
        ])"#,
    )
    .unwrap();
    let (code, stderr) = import(&input, &corpus);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("does not define"), "{stderr}");
    assert_eq!(spans(&corpus, "a.txt"), [(0, 5, "claim".to_owned())]);
    assert_eq!(
        spans(&corpus, "b.txt"),
        [(0, 5, "PERSON".to_owned()), (10, 14, "ORG".to_owned())]
    );
    assert_eq!(spans(&corpus, "c.txt"), [(0, 3, "PERSON".to_owned())]);
}

#[test]
fn relations_of_an_undeclared_type_are_reported_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let corpus = dir.path().join("corpus");
    std::fs::write(
        &input,
        concat!(
            r#"{"document":"a.txt","annotator":"ann","text":"“We win,” said Jane.","#,
            r#""spans":[{"start":0,"end":9,"label":"quote","text":"“We win,”"},{"start":15,"end":19,"label":"source","text":"Jane"}],"#,
            r#""relations":[{"type":"speaker","from":0,"to":1},{"type":"cites","from":0,"to":1},{"type":"speaker","from":1,"to":0}]}"#,
            "\n",
        ),
    )
    .unwrap();
    let (code, stderr) = import(&input, &corpus);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("not kept: 2 relations not kept: their types are not link types of the corpus between those labels"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(line 1 relation 1 (cites: quote → source), line 1 relation 2 (speaker: source → quote))"),
        "{stderr}"
    );
    let file = glosser_core::store::load(&corpus.join("a.txt.ann.ron")).unwrap();
    let kinds: Vec<&str> = file.links.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["speaker"],
        "only the declared speaker link, quote → source"
    );
    let check = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("validate")
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
