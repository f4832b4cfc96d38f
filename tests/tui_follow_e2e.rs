#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: a running TUI follows the corpus (SPEC §11). While it is open, an article's text
//! changes on disk, a new article appears and another is deleted: the screen shows the new text
//! and list, new labels land on the new text, and the deleted article's file is not recreated.
//! Skipped (with a message) where tmux is not installed.

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, wait_for_file};

#[test]
fn the_open_tui_follows_a_text_edit_a_new_and_a_deleted_article() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    std::fs::write(corpus.join("a.txt"), "Alpha one. Beta two.\n").unwrap();
    std::fs::write(corpus.join("b.txt"), "Bravo.\n").unwrap();
    let tmux = Tmux::start(
        "follow",
        &[corpus.to_str().unwrap(), "--annotator", "e2e"],
        120,
        30,
    );
    tmux.keys(&["s", "1"]);
    let path = corpus.join("a.txt.e2e.ron");
    wait_for_file(&path, |t| t.contains("claim"));
    let new_text = "Breaking lead. Alpha one. Beta two.\n";
    std::fs::write(corpus.join("a.txt"), new_text).unwrap();
    std::fs::write(corpus.join("c.txt"), "Charlie.\n").unwrap();
    std::fs::remove_file(corpus.join("b.txt")).unwrap();
    tmux.wait_for_screen(
        |s| s.contains("Breaking lead") && s.contains("c.txt") && !s.contains("b.txt"),
        "the new text and list",
    );
    // The cursor stayed at 0: the sentence there is now the new lead.
    tmux.keys(&["s", "2"]);
    let ron = wait_for_file(&path, |t| t.contains("quote"));
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let doc = glosser_core::text::Document::from_text(new_text);
    let file = glosser_core::store::load(&path).unwrap();
    assert_eq!(file.text_sha256, doc.sha256(), "{ron}");
    let spans: Vec<(usize, &str, &str)> = file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.label.as_str(), s.quote.as_str()))
        .collect();
    assert_eq!(
        spans,
        [(0, "quote", "Breaking lead."), (15, "claim", "Alpha one.")]
    );
    assert!(!corpus.join("b.txt.e2e.ron").exists());
    assert!(
        !corpus.join("c.txt.e2e.ron").exists(),
        "opening nothing writes nothing"
    );
}
