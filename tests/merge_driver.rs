#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The git merge driver in a real git repository: two branches add different spans to one file
//! (clean merge holding both); a relabel conflict exits 1 and keeps both versions; a config file
//! routed here by an old `*.ron merge=glosser` is merged by lines, as git would.

use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap()
}

const TEXT: &str = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n";

fn save(dir: &Path, spans: &[(usize, usize, &str)]) {
    let doc = glosser_core::text::Document::from_text(TEXT);
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status: glosser_core::store::Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join("a.txt.alice.ron"), &file).unwrap();
}

/// A repository with the driver configured as docs/git.md says, and a base commit.
fn repo(base: &[(usize, usize, &str)]) -> tempfile::TempDir {
    assert!(
        Command::new("git").arg("--version").output().is_ok(),
        "git is not installed: the merge driver tests need it"
    );
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_glosser"));
    git(
        d,
        &["config", "merge.glosser.name", "glosser annotation files"],
    );
    git(d, &["config", "merge.glosser.driver", &driver]);
    std::fs::write(d.join(".gitattributes"), "*.ron merge=glosser\n").unwrap();
    std::fs::write(d.join("a.txt"), TEXT).unwrap();
    save(d, base);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    dir
}

fn spans(dir: &Path) -> Vec<(usize, usize, String, Option<String>)> {
    glosser_core::store::load(&dir.join("a.txt.alice.ron"))
        .unwrap()
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.note.clone()))
        .collect()
}

#[test]
fn two_branches_adding_spans_merge_cleanly() {
    let dir = repo(&[(0, 17, "claim")]);
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    save(d, &[(0, 17, "claim"), (18, 37, "opinion")]);
    git(d, &["commit", "-q", "-am", "other adds an opinion"]);
    git(d, &["checkout", "-q", "main"]);
    save(d, &[(0, 17, "claim"), (38, 53, "quote")]);
    git(d, &["commit", "-q", "-am", "main adds a quote"]);
    let out = git(d, &["merge", "-q", "--no-edit", "other"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let labels: Vec<String> = spans(d).into_iter().map(|s| s.2).collect();
    assert_eq!(labels, ["claim", "opinion", "quote"]);
    let validate = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("validate")
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stdout)
    );
}

#[test]
fn a_relabel_conflict_exits_1_and_keeps_both() {
    let dir = repo(&[(0, 17, "claim")]);
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    save(d, &[(0, 17, "unverified")]);
    git(d, &["commit", "-q", "-am", "other relabels"]);
    git(d, &["checkout", "-q", "main"]);
    save(d, &[(0, 17, "opinion")]);
    git(d, &["commit", "-q", "-am", "main relabels"]);
    let out = git(d, &["merge", "-q", "--no-edit", "other"]);
    assert!(!out.status.success(), "git reports the conflict");
    let merged = spans(d);
    assert_eq!(merged.len(), 2);
    for (_, _, _, note) in &merged {
        assert!(
            note.as_deref().unwrap().contains("merge conflict"),
            "{merged:?}"
        );
    }
}

#[test]
fn unparseable_input_leaves_ours_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    save(d, &[(0, 17, "claim")]);
    let ours = d.join("a.txt.alice.ron");
    let before = std::fs::read(&ours).unwrap();
    std::fs::write(d.join("base"), "(broken").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["merge-driver"])
        .arg(d.join("base"))
        .arg(&ours)
        .arg(&ours)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("base:1:"));
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}

/// A config file routed to the driver by an earlier glosser's `*.ron merge=glosser` is merged by
/// lines as git would: different lines cleanly, the same line with conflict markers (exit 1).
#[test]
fn a_config_file_handed_to_the_driver_is_merged_by_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    let base = "(\n    assign: {\n        \"alice\": [\"a.txt\"],\n    },\n    overlap: 1,\n)\n";
    let run = |theirs: &str| {
        write("base", base);
        write(
            "ours",
            &base.replace("\"alice\": [\"a.txt\"],", "\"alice\": [\"*.txt\"],"),
        );
        write("theirs", theirs);
        let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
            .args(["merge-driver", "base", "ours", "theirs", "assignments.ron"])
            .current_dir(dir)
            .output()
            .unwrap();
        let merged = std::fs::read_to_string(dir.join("ours")).unwrap();
        (out, merged)
    };
    let (out, merged) = run(&base.replace("overlap: 1,", "overlap: 2,"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an annotation file"));
    assert_eq!(
        merged,
        base.replace("\"alice\": [\"a.txt\"],", "\"alice\": [\"*.txt\"],")
            .replace("overlap: 1,", "overlap: 2,")
    );
    let (out, merged) = run(&base.replace("\"alice\": [\"a.txt\"],", "\"bob\": [\"a.txt\"],"));
    assert_eq!(out.status.code(), Some(1), "the same line changed twice");
    assert!(
        merged.contains("<<<<<<< ours") && merged.contains(">>>>>>> theirs"),
        "{merged}"
    );
}
