#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every way out is as safe as `q` (SPEC §8): the real binary in tmux makes an edit on an article
//! that changed (so the file holds an orphan), a teammate changes the file on disk in the last
//! moment, and glosser leaves by `q`, SIGTERM, SIGHUP, a closed terminal or a panic. Each time
//! the exact file on disk is checked: our edit, the teammate's span re-anchored, the orphan
//! still an orphan, the new text's hash, and no lock left behind. A broken file is never written
//! on any way out.

use std::path::{Path, PathBuf};
use std::process::Command;

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, wait_for_exit};

const OLD: &str = "Alpha one. The end. Omega two.\n";
const NEW: &str = "Alpha one. Omega two.\n";

fn span(doc: &Document, needle: &str, label: &str) -> Span {
    let start = doc.byte_to_char(doc.text().find(needle).unwrap()).unwrap();
    Span::new(doc, start..start + needle.chars().count(), label)
}

fn file(doc: &Document, spans: Vec<Span>) -> AnnotationFile {
    AnnotationFile {
        document: "a.txt".into(),
        annotator: "e2e".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(spans),
        ..Default::default()
    }
}

/// A corpus whose article changed after it was annotated: "The end." is gone (an orphan).
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_owned();
    let old = Document::from_text(OLD);
    let saved = file(
        &old,
        vec![
            span(&old, "The end.", "claim"),
            span(&old, "Omega two.", "opinion"),
        ],
    );
    // Saved by glosser: with context, and the text kept in the corpus's text store.
    std::fs::write(root.join("a.txt"), OLD).unwrap();
    let texts = glosser_core::old_texts::Lookup::in_corpus(&root, &root.join("a.txt"));
    glosser_core::save::save_merged(&root.join("a.txt.e2e.ron"), &saved, None, &old, &texts)
        .unwrap();
    std::fs::write(root.join("a.txt"), NEW).unwrap();
    (dir, root)
}

/// What a teammate on the old text writes while we work: the same file plus one quote.
fn teammate_writes(root: &Path) {
    let old = Document::from_text(OLD);
    let theirs = file(
        &old,
        vec![
            span(&old, "The end.", "claim"),
            span(&old, "Omega two.", "opinion"),
            span(&old, "Alpha one.", "quote"),
        ],
    );
    store::save(&root.join("a.txt.e2e.ron"), &theirs).unwrap();
}

fn start(name: &str, root: &Path, env: &[(&str, &str)]) -> Tmux {
    let tmux = Tmux::start_with(
        name,
        env,
        &[root.to_str().unwrap(), "--annotator", "e2e"],
        100,
        30,
    );
    tmux.wait_for_screen(|s| s.contains("orphan"), "the orphan notice");
    // The edit: the first sentence as a claim; then the teammate's change lands.
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim"), "the label");
    teammate_writes(root);
    tmux
}

/// The file every way out must leave: ours, theirs (re-anchored), the orphan, the new hash.
fn assert_saved_exactly(root: &Path) {
    let new = Document::from_text(NEW);
    let on_disk = store::load(&root.join("a.txt.e2e.ron")).unwrap();
    let got: Vec<(String, String)> = on_disk
        .spans
        .spans()
        .iter()
        .map(|s| (s.label.clone(), s.quote.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("claim".to_owned(), "Alpha one.".to_owned()),
            ("quote".to_owned(), "Alpha one.".to_owned()),
            ("opinion".to_owned(), "Omega two.".to_owned()),
        ]
    );
    for s in on_disk.spans.spans() {
        assert!(s.check_text(&new).is_ok(), "{s:?}");
    }
    assert_eq!(on_disk.orphans.len(), 1, "the orphan is kept as an orphan");
    assert_eq!(on_disk.orphans[0].quote, "The end.");
    assert_eq!(on_disk.text_sha256, new.sha256());
    assert_eq!(on_disk.status, Status::InProgress);
    assert!(
        !root.join(".a.txt.e2e.ron.lock").exists(),
        "no lock left behind"
    );
}

fn signal(pid: &str, name: &str) {
    Command::new("kill")
        .args([&format!("-{name}"), pid])
        .status()
        .unwrap();
}

#[test]
fn q_saves_exactly() {
    let (_dir, root) = corpus();
    let tmux = start("exit-q", &root, &[]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_saved_exactly(&root);
}

#[test]
fn sigterm_saves_exactly() {
    let (_dir, root) = corpus();
    let tmux = start("exit-term", &root, &[]);
    let pid = tmux.pid();
    signal(&pid, "TERM");
    wait_for_exit(&pid);
    assert_saved_exactly(&root);
}

#[test]
fn sighup_saves_exactly() {
    let (_dir, root) = corpus();
    let tmux = start("exit-hup", &root, &[]);
    let pid = tmux.pid();
    signal(&pid, "HUP");
    wait_for_exit(&pid);
    assert_saved_exactly(&root);
}

#[test]
fn a_closed_terminal_saves_exactly() {
    let (_dir, root) = corpus();
    let tmux = start("exit-closed", &root, &[]);
    let pid = tmux.pid();
    tmux.run(&["kill-session", "-t", "t"]);
    wait_for_exit(&pid);
    assert_saved_exactly(&root);
}

#[test]
fn a_panic_saves_exactly_through_the_same_path() {
    let (_dir, root) = corpus();
    let tmux = start("exit-panic", &root, &[("GLOSSER_TEST_PANIC_KEY", "F12")]);
    let pid = tmux.pid();
    tmux.keys(&["F12"]);
    wait_for_exit(&pid);
    assert_saved_exactly(&root);
}

#[test]
fn a_file_with_conflict_markers_survives_every_way_out_byte_for_byte() {
    for (name, how) in [("q", 0), ("term", 1), ("closed", 2), ("panic", 3)] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), NEW).unwrap();
        let broken = "<<<<<<< HEAD\n(glosser: 2,\n=======\n(glosser: 1,\n>>>>>>> other\n";
        std::fs::write(root.join("a.txt.e2e.ron"), broken).unwrap();
        let tmux = Tmux::start_with(
            &format!("broken-{name}"),
            &[("GLOSSER_TEST_PANIC_KEY", "F12")],
            &[root.to_str().unwrap(), "--annotator", "e2e"],
            100,
            30,
        );
        tmux.wait_for_screen(|s| s.contains("read-only"), "the read-only banner");
        tmux.keys(&["s", "1"]);
        let pid = tmux.pid();
        match how {
            0 => tmux.keys(&["q"]),
            1 => signal(&pid, "TERM"),
            2 => tmux.run(&["kill-session", "-t", "t"]),
            _ => tmux.keys(&["F12"]),
        }
        wait_for_exit(&pid);
        assert_eq!(
            std::fs::read_to_string(root.join("a.txt.e2e.ron")).unwrap(),
            broken,
            "{name}"
        );
        assert!(!root.join(".a.txt.e2e.ron.lock").exists(), "{name}");
    }
}
