#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser review` without a terminal: documents still in progress are not reviewed by default,
//! and saying so needs no TUI.

use std::process::Command;

#[test]
fn review_refuses_when_nothing_is_done_and_points_at_all() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha beta.\n").unwrap();
    let text = glosser_core::text::Document::load(&dir.path().join("a.txt")).unwrap();
    for (who, status) in [
        ("alice", glosser_core::store::Status::Done),
        ("bob", glosser_core::store::Status::InProgress),
    ] {
        let mut file = glosser_core::store::AnnotationFile::new("a.txt", who, text.sha256());
        file.status = status;
        glosser_core::store::save(&dir.path().join(format!("a.txt.{who}.ron")), &file).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args([
            "review",
            dir.path().to_str().unwrap(),
            "--annotators",
            "alice,bob",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no document") && err.contains("marked Done") && err.contains("--all"),
        "{err}"
    );
    let both = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args([
            "review",
            dir.path().to_str().unwrap(),
            "--annotators",
            "alice,bob",
            "--all",
            "--done-only",
        ])
        .output()
        .unwrap();
    assert_eq!(
        both.status.code(),
        Some(2),
        "--all and --done-only conflict"
    );
}
