#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser suggest --learn-sentences ANNOTATOR` run as a user would: the sentences ANNOTATOR
//! labelled are learned, a like sentence in a new document is suggested with its probability as
//! score, written as `learner-ANNOTATOR` with a state saying who it learned from, and a re-run
//! with nothing changed writes nothing.

use std::process::{Command, Output};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const LABELLED: &str = "Analysts argue the deal is weak. The weather was mild in Rome. Observers argue the vote was rigged. Officials met on Tuesday.\n";
const NEW: &str = "Critics argue the summit was a failure. The weather was cold in Geneva.\n";

#[test]
fn labelled_sentences_are_learned_and_a_like_one_is_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut records = String::new();
    for i in 0..6 {
        let name = format!("done{i}.txt");
        std::fs::write(root.join(&name), LABELLED).unwrap();
        let spans: Vec<serde_json::Value> = ["Analysts argue the deal is weak.", "Observers argue the vote was rigged."]
            .iter()
            .map(|s| {
                let start = LABELLED.find(s).unwrap();
                serde_json::json!({"start": start, "end": start + s.len(), "label": "opinion", "text": s})
            })
            .collect();
        let record = serde_json::json!({"document": name, "annotator": "alice", "text": LABELLED, "status": "Done", "spans": spans});
        records.push_str(&record.to_string());
        records.push('\n');
    }
    std::fs::write(root.join("new.txt"), NEW).unwrap();
    let jsonl = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(jsonl.path(), records).unwrap();
    let r = root.to_str().unwrap();
    let out = glosser(&[
        "import",
        jsonl.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        r,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = glosser(&["suggest", r, "--learn-sentences", "alice"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("suggest as learner-alice: 7 documents written"),
        "{}",
        stderr(&out)
    );
    let suggested = std::fs::read_to_string(root.join("new.txt.learner-alice.ron")).unwrap();
    assert!(
        suggested.contains(
            "label: \"opinion\", quote: \"Critics argue the summit was a failure.\", score: 0."
        ),
        "{suggested}"
    );
    assert!(
        !suggested.contains("Geneva"),
        "an unlabelled kind of sentence: {suggested}"
    );
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join(".glosser-suggest/learner-alice.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(state["suggester"]["kind"], "learn sentences");
    assert_eq!(state["suggester"]["learned_from"], "alice");

    let again = glosser(&["suggest", r, "--learn-sentences", "alice"]);
    assert!(
        stderr(&again).contains("0 documents written, 7 unchanged"),
        "{}",
        stderr(&again)
    );
}
