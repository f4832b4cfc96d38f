#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: the corpus listed on a thread (issue #14) in the real binary, in tmux: the list
//! completes, a resumed document deep in the tree opens, an empty corpus says so. Skipped (with
//! a message) where tmux is not installed.

use std::path::Path;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::Tmux;

/// `folders` folders of `per` documents each, `f00/d000.txt`…, each naming itself.
fn corpus(root: &Path, folders: usize, per: usize) {
    for f in 0..folders {
        let dir = root.join(format!("f{f:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        for d in 0..per {
            let text = format!("This is document {f:02}-{d:03}. It says little.\n");
            std::fs::write(dir.join(format!("d{d:03}.txt")), text).unwrap();
        }
    }
}

#[test]
fn the_list_completes_and_the_resumed_document_opens() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    corpus(dir.path(), 30, 100);
    let root = dir.path().to_str().unwrap();
    let env = [("GLOSSER_STATE_DIR", state.path().to_str().unwrap())];
    let args = [root, "--annotator", "lister"];
    let tmux = Tmux::start_with("listing1", &env, &args, 120, 40);
    tmux.wait_for_screen(
        |s| s.contains("Documents 3000") && s.contains("This is document 00-000."),
        "the whole list and the first document",
    );
    // To the list, its last document, open it, quit: that is where the next start resumes.
    tmux.keys(&["Tab", "Tab", "G", "Enter"]);
    tmux.wait_for_screen(
        |s| s.contains("This is document 29-099."),
        "the last document open",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
    drop(tmux);
    let tmux = Tmux::start_with("listing2", &env, &args, 120, 40);
    tmux.wait_for_screen(
        |s| s.contains("Documents 3000") && s.contains("This is document 29-099."),
        "the resumed document, listed last",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn an_empty_corpus_says_so_when_the_listing_ends() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("empty/deeper")).unwrap();
    let root = dir.path().to_str().unwrap();
    let tmux = Tmux::start("listing0", &[root, "--annotator", "lister"], 120, 40);
    tmux.wait_for_screen(
        |s| s.contains("Documents 0") && s.contains("no documents here"),
        "the empty corpus message",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
