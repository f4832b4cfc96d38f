#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: `glosser suggest` then the TUI with `--suggestions`, driven by keys in a real
//! terminal (tmux): jump, accept, reject, quit, reopen. Skipped where tmux is not installed.

use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds};

const FIRST: &str = "000_b226eff58fa68952.txt";

#[test]
fn accept_and_reject_suggestions_with_one_key_each() {
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
    let args = [root, "--annotator", "e2e", "--suggestions", "suggest"];
    let tmux = Tmux::start("sugg", &args, 120, 40);
    tmux.wait_for_screen(|s| s.contains("suggestions 3"), "three ghost spans listed");
    // “positive,” is the first suggestion, Tsahkna's quote the second.
    tmux.keys(&[">", "y"]);
    tmux.wait_for_screen(
        |s| s.contains("accepted the suggestion"),
        "the accept message",
    );
    tmux.keys(&[">", "X"]);
    tmux.wait_for_screen(
        |s| s.contains("rejected the suggestion"),
        "the reject message",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.e2e.ron"))).unwrap();
    assert!(
        ron.contains("(start: 474, end: 485, label: \"quote\", quote: \"“positive,”\", prefix:"),
        "accepted as an ordinary span, without a score: {ron}"
    );
    let rejected = ron.split("rejected: [").nth(1).expect("a rejected list");
    assert!(
        rejected.contains("(start: 825, end: 873, label: \"quote\""),
        "{ron}"
    );

    let again = Tmux::start("sugg2", &args, 120, 40);
    again.wait_for_screen(
        |s| s.contains("suggestions 1"),
        "only the untouched suggestion is left",
    );
    again.keys(&["q"]);
    again.wait_exit();
}
