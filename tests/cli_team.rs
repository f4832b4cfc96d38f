#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The team commands from the command line: `validate --annotator` and `--staged`, a stray
//! whose article moved found by its hash and repaired by `--fix`, the merge driver naming a
//! renamed document after `%P`, `status` and `mv`.

use std::path::Path;
use std::process::{Command, Output};

use glosser_core::span::Span;
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

fn glosser(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn annotate(article: &Path, annotator: &str, note: Option<&str>) {
    let doc = Document::load(article).unwrap();
    let name = article.file_name().unwrap().to_str().unwrap();
    let mut file = AnnotationFile::new(name, annotator, doc.sha256());
    let mut span = Span::new(&doc, 0..5, "claim");
    span.note = note.map(str::to_owned);
    file.spans.insert_unchecked(span);
    file.status = Status::InProgress;
    glosser_core::save::save_merged(
        &store::annotation_path(article, annotator),
        &file,
        None,
        &doc,
        &glosser_core::old_texts::Lookup::default(),
    )
    .unwrap();
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn validate_scoped_to_an_annotator_keeps_conflict_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Alpha said beta.").unwrap();
    annotate(&d.join("a.txt"), "alice", None);
    annotate(
        &d.join("a.txt"),
        "bob",
        Some("merge conflict: note ours=\"x\" theirs=\"y\""),
    );
    let all = glosser(d, &["validate", "."]);
    assert_eq!(all.status.code(), Some(1));
    let alice = glosser(d, &["validate", ".", "--annotator", "alice"]);
    assert_eq!(alice.status.code(), Some(0), "{}", stdout(&alice));
    assert!(
        stdout(&alice).contains("1 annotation file: no problems"),
        "{}",
        stdout(&alice)
    );
    let bob = glosser(d, &["validate", ".", "--annotator", "bob", "--json"]);
    assert_eq!(bob.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&bob.stdout).unwrap();
    assert_eq!(json["problems"][0]["kind"], "conflict");
    let bad = glosser(d, &["validate", ".", "--annotator", "Bad Name"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn validate_staged_checks_only_what_is_staged() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    git(d, &["init", "-q"]);
    std::fs::create_dir(d.join("corpus")).unwrap();
    let c = d.join("corpus");
    std::fs::write(c.join("a.txt"), "Alpha said beta.").unwrap();
    std::fs::write(c.join("b.txt"), "Beta said gamma.").unwrap();
    annotate(&c.join("a.txt"), "alice", None);
    std::fs::write(c.join("b.txt.bob.ron"), "(broken").unwrap();
    git(d, &["add", "corpus/a.txt", "corpus/a.txt.alice.ron"]);
    let staged = glosser(d, &["validate", "corpus", "--staged"]);
    assert_eq!(staged.status.code(), Some(0), "{}", stdout(&staged));
    git(d, &["add", "corpus/b.txt.bob.ron"]);
    let staged = glosser(d, &["validate", "corpus", "--staged"]);
    assert_eq!(staged.status.code(), Some(1), "{}", stdout(&staged));
    assert!(stdout(&staged).contains("b.txt.bob.ron"));
    // A staged article brings in its annotation files.
    git(d, &["reset", "-q"]);
    git(d, &["add", "corpus/b.txt"]);
    let staged = glosser(d, &["validate", "corpus", "--staged"]);
    assert_eq!(staged.status.code(), Some(1), "{}", stdout(&staged));
    let outside = tempfile::tempdir().unwrap();
    let no_git = glosser(outside.path(), &["validate", ".", "--staged"]);
    assert_eq!(no_git.status.code(), Some(2));
}

#[test]
fn a_stray_whose_article_moved_is_found_by_hash_and_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Alpha said beta.").unwrap();
    std::fs::write(d.join("other.txt"), "Something else.").unwrap();
    annotate(&d.join("a.txt"), "alice", Some("keep me"));
    std::fs::write(d.join("gone.txt"), "Gone for good.").unwrap();
    annotate(&d.join("gone.txt"), "alice", None);
    std::fs::remove_file(d.join("gone.txt")).unwrap();
    std::fs::create_dir(d.join("news")).unwrap();
    std::fs::rename(d.join("a.txt"), d.join("news/alpha.txt")).unwrap();
    let found = glosser(d, &["validate", "."]);
    assert_eq!(found.status.code(), Some(1));
    let text = stdout(&found);
    assert!(
        text.contains("the article moved to news/alpha.txt (same text)"),
        "{text}"
    );
    assert!(
        text.contains("no article in the corpus has the text"),
        "{text}"
    );
    let fixed = glosser(d, &["validate", ".", "--fix"]);
    assert_eq!(
        fixed.status.code(),
        Some(1),
        "the deleted one stays a problem"
    );
    assert!(!d.join("a.txt.alice.ron").exists());
    let moved = store::load(&d.join("news/alpha.txt.alice.ron")).unwrap();
    assert_eq!(moved.document, "alpha.txt");
    assert_eq!(moved.spans.spans()[0].note.as_deref(), Some("keep me"));
    std::fs::remove_file(d.join("gone.txt.alice.ron")).unwrap();
    assert_eq!(glosser(d, &["validate", "."]).status.code(), Some(0));
}

#[test]
fn the_merge_driver_names_a_renamed_document_after_the_path() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("new.txt"), "Alpha said beta.").unwrap();
    let doc = Document::load(&d.join("new.txt")).unwrap();
    let side = |document: &str, label: &str| {
        let mut file = AnnotationFile::new(document, "alice", doc.sha256());
        file.spans.insert_unchecked(Span::new(&doc, 0..5, label));
        store::to_ron(&file)
    };
    std::fs::write(d.join("base"), side("old.txt", "claim")).unwrap();
    std::fs::write(d.join("ours"), side("old.txt", "claim")).unwrap();
    std::fs::write(d.join("theirs"), side("new.txt", "claim")).unwrap();
    let out = glosser(
        d,
        &[
            "merge-driver",
            "base",
            "ours",
            "theirs",
            "new.txt.alice.ron",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = store::parse_unnamed(
        &std::fs::read_to_string(d.join("ours")).unwrap(),
        &d.join("ours"),
    )
    .unwrap();
    assert_eq!(merged.document, "new.txt");
    // Even when neither side has the new name (git's rename detection did the move).
    std::fs::write(d.join("ours"), side("old.txt", "claim")).unwrap();
    std::fs::write(d.join("theirs"), side("old.txt", "quote")).unwrap();
    let out = glosser(
        d,
        &[
            "merge-driver",
            "base",
            "ours",
            "theirs",
            "new.txt.alice.ron",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = store::parse_unnamed(
        &std::fs::read_to_string(d.join("ours")).unwrap(),
        &d.join("ours"),
    )
    .unwrap();
    assert_eq!(merged.document, "new.txt");
    assert_eq!(merged.spans.spans()[0].label, "quote");
}

#[test]
fn mv_and_status_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Alpha said beta.").unwrap();
    annotate(&d.join("a.txt"), "alice", None);
    annotate(&d.join("a.txt"), "gold", None);
    std::fs::write(
        d.join("assignments.ron"),
        r#"(assign: {"alice": ["**"], "bob": ["**"]})"#,
    )
    .unwrap();
    let out = glosser(d, &["mv", "a.txt", "b.txt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("moved a.txt.gold.ron -> b.txt.gold.ron"),
        "{}",
        stdout(&out)
    );
    let again = glosser(d, &["mv", "b.txt", "b.txt"]);
    assert_eq!(again.status.code(), Some(2), "never overwrites");
    let status = glosser(d, &["status", ".", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["document"], "b.txt");
    assert_eq!(doc["assigned"], serde_json::json!(["alice", "bob"]));
    assert_eq!(doc["annotators"]["alice"]["status"], "InProgress");
    assert_eq!(doc["annotators"]["alice"]["spans"], 1);
    assert_eq!(doc["annotators"]["bob"]["status"], "missing");
    let table = glosser(d, &["status", "."]);
    assert!(
        stdout(&table).contains("bob: 1 assigned, 0 done, 0 in progress, 0 to do, 1 not started"),
        "{}",
        stdout(&table)
    );
}

#[test]
fn a_stray_merged_into_the_file_beside_its_moved_article_reports_what_differed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a.txt"), "Alpha said beta.").unwrap();
    annotate(&d.join("a.txt"), "alice", Some("old note"));
    std::fs::create_dir(d.join("news")).unwrap();
    std::fs::rename(d.join("a.txt"), d.join("news/alpha.txt")).unwrap();
    // Meanwhile alice annotated the article in its new place and marked it Done.
    annotate(&d.join("news/alpha.txt"), "alice", Some("new note"));
    let beside = d.join("news/alpha.txt.alice.ron");
    let mut file = store::load(&beside).unwrap();
    file.status = Status::Done;
    store::save(&beside, &file).unwrap();

    let fixed = glosser(d, &["validate", ".", "--fix"]);
    let text = stdout(&fixed);
    assert_eq!(fixed.status.code(), Some(1), "{text}");
    assert!(
        text.contains("merged with the file already beside the article"),
        "{text}"
    );
    assert!(text.contains("kept InProgress"), "{text}");
    assert!(!d.join("a.txt.alice.ron").exists());
    let merged = store::load(&beside).unwrap();
    assert!(
        merged.spans.spans()[0]
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("merge conflict:")),
        "{:?}",
        merged.spans.spans()
    );
}
