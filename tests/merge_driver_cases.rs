#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The git merge driver (`%O %A %B %P`) in real git repositories, on the cases that used to lose
//! or misplace data: both sides changing one note, an article edited on one branch while the
//! other adds a span, add/add with an empty base, both sides changing the status.

use std::path::Path;
use std::process::{Command, Output};

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{AnnotationFile, Status};
use glosser_core::text::Document;

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

/// A span over `needle` (first occurrence) of `text`, with a note.
fn span(text: &str, needle: &str, label: &str, note: Option<&str>) -> Span {
    let doc = Document::from_text(text);
    let start = doc.byte_to_char(text.find(needle).unwrap()).unwrap();
    let mut span = Span::new(&doc, start..start + needle.chars().count(), label);
    span.note = note.map(str::to_owned);
    span
}

fn save(dir: &Path, text: &str, spans: Vec<Span>, status: Status) {
    let doc = Document::from_text(text);
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status,
        spans: AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join("a.txt.alice.ron"), &file).unwrap();
}

fn load(dir: &Path) -> AnnotationFile {
    glosser_core::store::load(&dir.join("a.txt.alice.ron")).unwrap()
}

/// A repository with the driver configured as docs/git.md says (with `%P`); `base` writes the
/// first commit's files.
fn repo(base: impl FnOnce(&Path)) -> tempfile::TempDir {
    assert!(
        Command::new("git").arg("--version").output().is_ok(),
        "git is not installed: the merge driver tests need it"
    );
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_glosser"));
    git(d, &["config", "merge.glosser.driver", &driver]);
    std::fs::write(d.join(".gitattributes"), "*.ron merge=glosser\n").unwrap();
    std::fs::write(d.join("a.txt"), TEXT).unwrap();
    base(d);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    dir
}

fn merge(d: &Path) -> Output {
    git(d, &["merge", "-q", "--no-edit", "other"])
}

fn validate(d: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("validate")
        .arg(d)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn both_sides_changing_one_note_is_a_conflict_that_keeps_both() {
    let claim = |note| vec![span(TEXT, "Alpha beta gamma.", "claim", note)];
    let dir = repo(|d| save(d, TEXT, claim(Some("base")), Status::InProgress));
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    save(d, TEXT, claim(Some("theirs: per AP")), Status::InProgress);
    git(d, &["commit", "-q", "-am", "other edits the note"]);
    git(d, &["checkout", "-q", "main"]);
    save(
        d,
        TEXT,
        claim(Some("ours: per Reuters")),
        Status::InProgress,
    );
    git(d, &["commit", "-q", "-am", "main edits the note"]);
    let out = merge(d);
    assert!(!out.status.success(), "git reports the conflict");
    let note = load(d).spans.get(0).unwrap().note.clone().unwrap();
    assert!(note.starts_with("merge conflict:"), "{note}");
    assert!(
        note.contains("ours: per Reuters") && note.contains("theirs: per AP"),
        "{note}"
    );
    let (code, stdout) = validate(d);
    assert_eq!(code, Some(1), "an unresolved conflict note is a problem");
    assert!(stdout.contains("unresolved"), "{stdout}");
}

#[test]
fn an_article_edited_on_one_branch_and_a_span_added_on_the_other_stay_anchored() {
    let dir = repo(|d| {
        save(
            d,
            TEXT,
            vec![span(TEXT, "Delta epsilon zeta.", "claim", None)],
            Status::InProgress,
        );
    });
    let d = dir.path();
    let edited = format!("Breaking news first. {TEXT}");
    git(d, &["checkout", "-q", "-b", "other"]);
    std::fs::write(d.join("a.txt"), &edited).unwrap();
    let fix = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["validate", "--fix"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(fix.status.code(), Some(0), "{fix:?}");
    git(
        d,
        &[
            "commit",
            "-q",
            "-am",
            "other edits the article and re-anchors",
        ],
    );
    git(d, &["checkout", "-q", "main"]);
    save(
        d,
        TEXT,
        vec![
            span(TEXT, "Delta epsilon zeta.", "claim", None),
            span(TEXT, "Eta theta iota.", "opinion", Some("added on main")),
        ],
        Status::InProgress,
    );
    git(d, &["commit", "-q", "-am", "main adds a span"]);
    let out = merge(d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = load(d);
    let doc = Document::from_text(std::fs::read_to_string(d.join("a.txt")).unwrap());
    assert_eq!(doc.text(), edited);
    // Whatever hash the file carries, its spans are valid in that text; after validate --fix
    // they are on the article as merged, with nothing lost.
    let fix = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["validate", "--fix"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(fix.status.code(), Some(0), "{fix:?}");
    let file_after = load(d);
    assert_eq!(file_after.text_sha256, doc.sha256());
    let quotes: Vec<(&str, &str)> = file_after
        .spans
        .spans()
        .iter()
        .map(|s| (s.label.as_str(), s.quote.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("claim", "Delta epsilon zeta."),
            ("opinion", "Eta theta iota.")
        ]
    );
    for s in file_after.spans.spans() {
        assert!(s.check_text(&doc).is_ok(), "{s:?}");
    }
    assert!(file.orphans.is_empty() && file_after.orphans.is_empty());
}

#[test]
fn add_add_merges_against_an_empty_base() {
    let dir = repo(|_| {});
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    save(
        d,
        TEXT,
        vec![span(TEXT, "Alpha beta gamma.", "claim", None)],
        Status::InProgress,
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "other creates the file"]);
    git(d, &["checkout", "-q", "main"]);
    save(
        d,
        TEXT,
        vec![span(TEXT, "Eta theta iota.", "quote", None)],
        Status::InProgress,
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "main creates the file"]);
    let out = merge(d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let labels: Vec<String> = load(d)
        .spans
        .spans()
        .iter()
        .map(|s| s.label.clone())
        .collect();
    assert_eq!(labels, ["claim", "quote"]);
}

#[test]
fn both_sides_changing_the_status_is_a_conflict_not_done() {
    let claim = || vec![span(TEXT, "Alpha beta gamma.", "claim", None)];
    let dir = repo(|d| save(d, TEXT, claim(), Status::Done));
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    save(d, TEXT, claim(), Status::Todo);
    git(d, &["commit", "-q", "-am", "other reopens"]);
    git(d, &["checkout", "-q", "main"]);
    save(d, TEXT, claim(), Status::InProgress);
    git(d, &["commit", "-q", "-am", "main reopens"]);
    let out = merge(d);
    assert!(!out.status.success(), "git reports the conflict");
    assert_eq!(
        load(d).status,
        Status::Todo,
        "never Done when both sides reopened"
    );
}

#[test]
fn the_three_argument_form_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), TEXT).unwrap();
    save(
        d,
        TEXT,
        vec![span(TEXT, "Alpha beta gamma.", "claim", None)],
        Status::InProgress,
    );
    let base = d.join("base.ron");
    std::fs::copy(d.join("a.txt.alice.ron"), &base).unwrap();
    let theirs = d.join("theirs.ron");
    save(
        d,
        TEXT,
        vec![
            span(TEXT, "Alpha beta gamma.", "claim", None),
            span(TEXT, "Eta theta iota.", "quote", None),
        ],
        Status::InProgress,
    );
    std::fs::rename(d.join("a.txt.alice.ron"), &theirs).unwrap();
    std::fs::copy(&base, d.join("a.txt.alice.ron")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("merge-driver")
        .args([&base, &d.join("a.txt.alice.ron"), &theirs])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(load(d).spans.len(), 2);
}

/// `a.txt.alice.ron` broken by hand on one side: a status glosser does not know. Returns the
/// `line:col` glosser reports for it.
fn break_file(d: &Path) -> String {
    let path = d.join("a.txt.alice.ron");
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replace("status: InProgress", "status: Busy");
    std::fs::write(&path, &broken).unwrap();
    match glosser_core::store::parse_unnamed(&broken, &path) {
        Err(glosser_core::store::StoreError::Parse { line, col, .. }) => format!("{line}:{col}"),
        other => panic!("not a parse error: {other:?}"),
    }
}

#[test]
fn an_unparsable_side_is_named_by_its_path_and_side_not_git_s_temp_file() {
    for (broken_side, word) in [("other", "theirs"), ("main", "ours")] {
        let claim = || vec![span(TEXT, "Alpha beta gamma.", "claim", None)];
        let dir = repo(|d| save(d, TEXT, claim(), Status::InProgress));
        let d = dir.path();
        let mut at = String::new();
        for branch in ["other", "main"] {
            if branch == "other" {
                git(d, &["checkout", "-q", "-b", "other"]);
            } else {
                git(d, &["checkout", "-q", "main"]);
            }
            let mut spans = claim();
            spans.push(span(TEXT, "Eta theta iota.", "quote", Some(branch)));
            save(d, TEXT, spans, Status::InProgress);
            if branch == broken_side {
                at = break_file(d);
            }
            git(d, &["commit", "-q", "-am", branch]);
        }
        let mine = std::fs::read(d.join("a.txt.alice.ron")).unwrap();
        let out = merge(d);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "git reports a conflict: {said}");
        assert!(
            said.contains(&format!("a.txt.alice.ron:{at}:")),
            "{word}: %P with line:col: {said}"
        );
        assert!(said.contains(word), "{word}: which side: {said}");
        assert!(!said.contains(".merge_file"), "{word}: {said}");
        assert_eq!(
            std::fs::read(d.join("a.txt.alice.ron")).unwrap(),
            mine,
            "{word}: ours is left as it was"
        );
    }
}

/// Issue 25, case 1 through git: theirs edits the text right next to the second of two equal
/// quotes (and fixes their file), ours edits that span's note. The merged span is the second
/// one, with our note — not the first, and not "deleted on the other side".
#[test]
fn a_note_edited_here_and_the_text_edited_there_stay_on_the_same_occurrence() {
    const TWICE: &str = "On Monday the minister said no to the plan. Reporters asked again on Tuesday, and the minister said no once more, officials confirmed.\n";
    let second = |text: &str, note: &str| {
        let doc = Document::from_text(text);
        let b = text.match_indices("the minister said no").nth(1).unwrap().0;
        let start = doc.byte_to_char(b).unwrap();
        let mut span = Span::new(&doc, start..start + 20, "quote");
        span.note = Some(note.to_owned());
        span
    };
    let dir = repo(|d| {
        std::fs::write(d.join("a.txt"), TWICE).unwrap();
        save(d, TWICE, vec![second(TWICE, "Tuesday")], Status::InProgress);
    });
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    let edited = TWICE.replace("and the minister", "and this time the minister");
    std::fs::write(d.join("a.txt"), &edited).unwrap();
    let fix = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["validate", "--fix"])
        .arg(d)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&fix.stderr).contains("(diff)"),
        "{fix:?}"
    );
    git(
        d,
        &["commit", "-qam", "text edited next to the second quote"],
    );
    git(d, &["checkout", "-q", "main"]);
    save(
        d,
        TWICE,
        vec![second(TWICE, "Tuesday, said twice")],
        Status::InProgress,
    );
    git(d, &["commit", "-qam", "note edited"]);
    let out = merge(d);
    assert!(out.status.success(), "{out:?}");
    let merged = load(d);
    let want = second(&edited, "Tuesday, said twice");
    let got: Vec<(usize, Option<String>)> = merged
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.note.clone()))
        .collect();
    assert_eq!(got, [(want.start, want.note.clone())], "{out:?}");
    assert!(merged.orphans.is_empty(), "{:?}", merged.orphans);
    assert_eq!(validate(d).0, Some(0));
}
