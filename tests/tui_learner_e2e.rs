#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end, in a real terminal (tmux): the live sentence learner (`--learner`) suggests a
//! like sentence after one sentence is labelled, and writes what it showed as
//! `learner-ANNOTATOR`; a document of the control set (`assignments.ron` `blind_for`) shows no
//! suggestions and says so.

use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds, wait_for_file};

const OPEN: &str = "Critics argue the summit was a failure. The weather was cold in Geneva.\nOfficials met on Monday. The weather was warm in Paris.\n";

#[test]
fn labelling_a_sentence_makes_the_learner_suggest_a_like_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), OPEN).unwrap();
    let root = dir.path().to_str().unwrap();
    let tmux = Tmux::start(
        "learner",
        &[root, "--annotator", "e2e", "--learner"],
        120,
        40,
    );
    tmux.wait_for_screen(|s| s.contains("Critics argue"), "the article");
    // The second sentence, selected and labelled claim.
    tmux.keys(&[")", "s", "1"]);
    // One example of one class: every other sentence is suggested a claim (the sidebar cuts the
    // excerpts).
    let screen = tmux.wait_for_screen(
        |s| s.contains("◇ claim") && s.contains("The weather was w"),
        "the learner's suggestion of the like sentence",
    );
    assert!(
        screen
            .lines()
            .filter(|l| l.contains('◇'))
            .all(|l| !l.contains("The weather was c")),
        "the labelled sentence is decided: {screen}"
    );
    let file = wait_for_file(&dir.path().join("a.txt.learner-e2e.ron"), |f| {
        f.contains("The weather was warm in Paris.")
    });
    assert!(
        file.contains("label: \"claim\", quote: \"The weather was warm in Paris.\", score: "),
        "{file}"
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn a_blind_document_shows_no_suggestions() {
    let (_dir, corpus) = copy_seeds();
    let root = corpus.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["suggest", root, "--builtin", "quotes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        corpus.join("assignments.ron"),
        "(blind_for: {\"e2e\": [\"000_*.txt\"]})",
    )
    .unwrap();
    let args = [root, "--annotator", "e2e", "--suggestions", "suggest"];
    let tmux = Tmux::start("blind", &args, 160, 40);
    let screen = tmux.wait_for_screen(
        |s| s.contains("blind: this document is in the control set"),
        "the blind notice",
    );
    assert!(!screen.contains("suggestions 3"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
