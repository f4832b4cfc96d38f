#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The audit of influence as a user reads it: `glosser stats --suggesters` (what analysts did
//! with a suggester's suggestions, and the suggester against gold) and `glosser agree --control`
//! (labels made blind beside labels made with suggestions), on files written by `glosser
//! suggest` and analysts' files derived from them.

use std::path::Path;
use std::process::{Command, Output};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const ONE: &str = "Vladimir Putin said “no deal” on Monday, according to Reuters.\n";
const TWO: &str = "Officials met Vladimir Putin. He called it “positive,” they said.\n";
const QUOTE_ONE: &str = "(start: 20, end: 29, label: \"quote\", quote: \"“no deal”\")";
const CLAIM_ONE: &str = "(start: 0, end: 62, label: \"claim\", quote: \"Vladimir Putin said “no deal” on Monday, according to Reuters\")";

/// An annotator's file on `doc`, made from the suggester's file (same text hash).
fn write_as(dir: &Path, doc: &str, who: &str, spans: &[&str], rejected: &[&str]) {
    let suggested = std::fs::read_to_string(dir.join(format!("{doc}.suggest.ron"))).unwrap();
    let head = suggested.split("    spans:").next().unwrap();
    let body = format!(
        "{}    spans: [{}],\n    rejected: [{}],\n)\n",
        head.replace("annotator: \"suggest\"", &format!("annotator: \"{who}\"")),
        spans.join(", "),
        rejected.join(", ")
    );
    std::fs::write(dir.join(format!("{doc}.{who}.ron")), body).unwrap();
}

/// `suggest --builtin quotes` on two documents; alice accepts the quote on one.txt and adds a
/// claim, and annotates two.txt blind; bob rejects the quote on one.txt; gold has the quote and
/// the claim on one.txt.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("one.txt"), ONE).unwrap();
    std::fs::write(root.join("two.txt"), TWO).unwrap();
    let out = glosser(&["suggest", root.to_str().unwrap(), "--builtin", "quotes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    write_as(root, "one.txt", "alice", &[QUOTE_ONE, CLAIM_ONE], &[]);
    write_as(root, "two.txt", "alice", &[], &[]);
    write_as(root, "one.txt", "bob", &[], &[QUOTE_ONE]);
    write_as(root, "one.txt", "gold", &[QUOTE_ONE, CLAIM_ONE], &[]);
    std::fs::write(
        root.join("assignments.ron"),
        "(blind_for: {\"alice\": [\"two.txt\"]})",
    )
    .unwrap();
    dir
}

#[test]
fn stats_suggesters_reads_what_each_analyst_did() {
    let dir = corpus();
    let root = dir.path().to_str().unwrap();
    let audit = json(&glosser(&["stats", root, "--suggesters", "--json"]));
    let suggesters = audit["suggesters"].as_array().unwrap();
    assert_eq!(suggesters.len(), 1, "{audit}");
    let s = &suggesters[0];
    assert_eq!(s["name"], "suggest");
    assert_eq!(s["about"]["kind"], "builtin quotes");
    let alice = &s["annotators"]["alice"]["quote"];
    assert_eq!(alice["suggested"], 1, "two.txt is blind for alice: {audit}");
    assert_eq!(alice["accepted"], 1);
    assert_eq!(alice["acceptance"], 1.0);
    let bob = &s["annotators"]["bob"]["quote"];
    assert_eq!(bob["rejected"], 1);
    assert_eq!(bob["acceptance"], 0.0);
    assert_eq!(bob["rejection_rate"], 1.0);
    assert!(s["annotators"].get("gold").is_none(), "gold is no analyst");
    assert_eq!(s["gold"]["documents"], 1);
    assert_eq!(s["gold"]["labels"]["quote"]["precision"], 1.0);
    assert_eq!(s["gold"]["labels"]["claim"]["recall"], 0.0);
    assert_eq!(audit["blind_left_out"], 1);

    let out = glosser(&["stats", root, "--suggesters"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("suggester suggest (builtin quotes)"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [
                    "alice", "quote", "1", "1", "0", "0", "0", "100.0%", "0.0%", "0.0%"
                ]),
        "{table}"
    );
}

#[test]
fn agree_control_puts_blind_and_suggested_labels_side_by_side() {
    let dir = corpus();
    let root = dir.path().to_str().unwrap();
    let control = json(&glosser(&["agree", root, "--control", "--json"]));
    let alice = &control["control"]["alice"];
    assert_eq!(alice["blind"]["documents"], 1, "{control}");
    assert_eq!(alice["with_suggestions"]["documents"], 1);
    assert_eq!(
        alice["with_suggestions"]["spans_per_document"]["quote"],
        1.0
    );
    assert_eq!(alice["with_suggestions"]["gold"]["overall"]["f1"], 1.0);
    assert_eq!(alice["blind"]["gold"]["documents"], 0);
    let bob = &control["control"]["bob"];
    assert_eq!(bob["with_suggestions"]["gold"]["overall"]["recall"], 0.0);

    let mixed = glosser(&["agree", root, "--control", "--per-doc"]);
    assert_eq!(mixed.status.code(), Some(2), "--control is its own report");

    std::fs::remove_file(dir.path().join("assignments.ron")).unwrap();
    let out = glosser(&["agree", root, "--control"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("assignments.ron"), "{err}");
}
