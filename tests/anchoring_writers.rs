#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The writers other than the TUI keep SPEC §2's anchoring invariant and say what re-anchoring
//! did (issue 25): `import` into a document whose annotation file is stale, `merge` into a
//! stale gold file (its rejected spans compared on the new text), `mv` of a stale file, and
//! `validate` on spans whose offsets disagree with their quote and on ambiguous spans — no span
//! ends up on the wrong words, and each prints one line per span it moved, orphaned or left
//! ambiguous, then the counts.

use std::path::Path;
use std::process::Command;

use glosser_core::old_texts::Lookup;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

const OLD: &str = "Officials said the talks were positive on the whole. Critics doubt it, saying nothing changed. The end of the story.\n";
const NEW: &str = "Update: more news came in overnight. Officials said the talks were positive on the whole. Critics doubt it, saying nothing changed. The end of the story.\n";

fn span(doc: &Document, needle: &str, label: &str) -> Span {
    let start = doc.byte_to_char(doc.text().find(needle).unwrap()).unwrap();
    Span::new(doc, start..start + needle.chars().count(), label)
}

/// Saves a file for `doc` the way glosser does (through the one save path, which keeps the text
/// in the corpus's text store).
fn save(root: &Path, annotator: &str, doc: &Document, spans: Vec<Span>, rejected: Vec<Span>) {
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: annotator.into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(spans),
        rejected,
        ..Default::default()
    };
    let path = root.join(format!("a.txt.{annotator}.ron"));
    let texts = Lookup::in_corpus(root, &root.join("a.txt"));
    glosser_core::save::save_merged(&path, &file, None, doc, &texts).unwrap();
}

fn glosser(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .env("GLOSSER_CONFIG", "/nonexistent")
        .output()
        .unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_anchored(path: &Path, new: &Document, quotes: &[&str]) {
    let file = store::load(path).unwrap();
    assert_eq!(file.text_sha256, new.sha256());
    let got: Vec<&str> = file
        .spans
        .spans()
        .iter()
        .map(|s| s.quote.as_str())
        .collect();
    assert_eq!(got, quotes);
    for s in file.spans.spans() {
        assert!(s.check_text(new).is_ok(), "{s:?}");
    }
}

/// A corpus whose article was `OLD` when alice saved `spans`, and is `NEW` now.
fn stale_corpus(
    annotator: &str,
    spans: &[(&str, &str)],
    rejected: &[(&str, &str)],
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let old = Document::from_text(OLD);
    std::fs::write(root.join("a.txt"), OLD).unwrap();
    let make = |list: &[(&str, &str)]| list.iter().map(|(q, l)| span(&old, q, l)).collect();
    save(root, annotator, &old, make(spans), make(rejected));
    std::fs::write(root.join("a.txt"), NEW).unwrap();
    dir
}

#[test]
fn import_into_a_stale_file_reanchors_it_first_and_says_how() {
    let dir = stale_corpus(
        "alice",
        &[("Critics doubt it, saying nothing changed.", "opinion")],
        &[],
    );
    let root = dir.path();
    let new = Document::from_text(NEW);
    let start = new.byte_to_char(NEW.find("The end").unwrap()).unwrap();
    let record = serde_json::json!({
        "document": "a.txt", "annotator": "alice", "text": NEW,
        "spans": [{"start": start, "end": start + 7, "label": "claim", "text": "The end"}],
    });
    let input = root.join("in.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let out = glosser(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        root.to_str().unwrap(),
        "--annotator",
        "alice",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("re-anchored opinion 53..94") && err.contains("(diff)"),
        "{err}"
    );
    assert!(
        err.contains("1 span re-anchored (1 by diff), 0 orphaned"),
        "{err}"
    );
    assert_anchored(
        &root.join("a.txt.alice.ron"),
        &new,
        &["Critics doubt it, saying nothing changed.", "The end"],
    );
    let validate = glosser(&["validate", root.to_str().unwrap()]);
    assert_eq!(validate.status.code(), Some(0), "{validate:?}");
}

#[test]
fn merge_into_a_stale_gold_file_reanchors_it_first_and_keeps_its_rejections() {
    // Gold rejected the claim on "The end of the story." at the old offsets.
    let dir = stale_corpus(
        "gold",
        &[("Critics doubt it, saying nothing changed.", "opinion")],
        &[("The end of the story.", "claim")],
    );
    let root = dir.path();
    let new = Document::from_text(NEW);
    for who in ["alice", "bob"] {
        let file = AnnotationFile {
            document: "a.txt".into(),
            annotator: who.into(),
            text_sha256: new.sha256().into(),
            status: Status::Done,
            spans: AnnotationSet::from_spans(vec![
                span(&new, "The end of the story.", "claim"),
                span(&new, "Officials said", "claim"),
            ]),
            ..Default::default()
        };
        let path = root.join(format!("a.txt.{who}.ron"));
        glosser_core::save::save_merged(&path, &file, None, &new, &Lookup::default()).unwrap();
    }
    let out = glosser(&[
        "merge",
        root.to_str().unwrap(),
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
    ]);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    let err = stderr(&out);
    assert!(err.contains("a.txt.gold.ron: re-anchored opinion"), "{err}");
    // Review turned the claim down; at its new offsets it is still turned down.
    assert_anchored(
        &root.join("a.txt.gold.ron"),
        &new,
        &[
            "Officials said",
            "Critics doubt it, saying nothing changed.",
        ],
    );
    let gold = store::load(&root.join("a.txt.gold.ron")).unwrap();
    assert!(
        gold.rejected[0].check_text(&new).is_ok(),
        "{:?}",
        gold.rejected
    );
}

#[test]
fn merge_names_a_gold_span_the_new_text_orphans() {
    let dir = stale_corpus("gold", &[("The end of the story.", "claim")], &[]);
    let root = dir.path();
    let new_text = NEW.replace("The end of the story.", "Fin.");
    std::fs::write(root.join("a.txt"), &new_text).unwrap();
    let new = Document::from_text(new_text);
    for who in ["alice", "bob"] {
        let file = AnnotationFile {
            document: "a.txt".into(),
            annotator: who.into(),
            text_sha256: new.sha256().into(),
            status: Status::Done,
            spans: AnnotationSet::from_spans(vec![span(&new, "Officials said", "claim")]),
            ..Default::default()
        };
        let path = root.join(format!("a.txt.{who}.ron"));
        glosser_core::save::save_merged(&path, &file, None, &new, &Lookup::default()).unwrap();
    }
    let out = glosser(&[
        "merge",
        root.to_str().unwrap(),
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
    ]);
    let err = stderr(&out);
    assert!(
        err.contains("a.txt.gold.ron: orphaned claim") && err.contains("\"The end of the story.\""),
        "{err}"
    );
}

#[test]
fn mv_of_a_stale_file_says_what_it_reanchored() {
    let dir = stale_corpus(
        "alice",
        &[("Critics doubt it, saying nothing changed.", "opinion")],
        &[],
    );
    let root = dir.path();
    let out = glosser(&[
        "mv",
        root.join("a.txt").to_str().unwrap(),
        root.join("b.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains("re-anchored opinion 53..94") && text.contains("(diff)"),
        "{text}"
    );
}

#[test]
fn validate_reports_a_current_span_whose_offsets_disagree_with_its_quote_and_fix_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "Alpha beta. Gamma delta.\n").unwrap();
    let doc = Document::load(&root.join("a.txt")).unwrap();
    let text = format!(
        "(glosser: 2, document: \"a.txt\", annotator: \"alice\", text_sha256: \"{}\", status: InProgress, spans: [(start: 0, end: 4, label: \"claim\", quote: \"Alpha\")])\n",
        doc.sha256()
    );
    std::fs::write(root.join("a.txt.alice.ron"), text).unwrap();
    let out = glosser(&["validate", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stdout(&out).contains(
            "quote \"Alpha\" does not match the text \"Alph\"; validate --fix: would be ambiguous"
        ),
        "{}",
        stdout(&out)
    );
    let fix = glosser(&["validate", root.to_str().unwrap(), "--fix"]);
    let again = glosser(&["validate", root.to_str().unwrap()]);
    let file = store::load(&root.join("a.txt.alice.ron")).unwrap();
    // Without saved context its one occurrence is a guess: stored ambiguous, listed until
    // someone confirms it.
    assert!(file.orphans[0].ambiguous, "{fix:?}");
    assert!(file.orphans[0].check_text(&doc).is_ok());
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    assert!(
        stdout(&again).contains("ambiguous claim 0..5"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn an_ambiguous_span_is_listed_by_every_validate_until_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "No. Yes. No.\n").unwrap();
    let old = Document::load(&root.join("a.txt")).unwrap();
    // A version 1 file: no context to tell the two "No." apart after a change.
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![Span::new(&old, 9..12, "claim")]);
    store::save(&root.join("a.txt.alice.ron"), &file).unwrap();
    std::fs::write(root.join("a.txt"), "Lead. No. Yes. No.\n").unwrap();
    let fix = glosser(&["validate", root.to_str().unwrap(), "--fix"]);
    assert!(
        stderr(&fix).contains("ambiguous claim 9..12"),
        "{}",
        stderr(&fix)
    );
    for _ in 0..2 {
        let again = glosser(&["validate", root.to_str().unwrap()]);
        assert_eq!(again.status.code(), Some(1), "{again:?}");
        assert!(
            stdout(&again).contains("ambiguous claim"),
            "{}",
            stdout(&again)
        );
    }
}

#[test]
fn validate_fix_follows_the_old_text_from_git_when_glosser_kept_none() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@t")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@t")
            .output()
            .expect("git runs");
        assert!(out.status.success(), "{out:?}");
    };
    git(&["init", "-q"]);
    std::fs::write(root.join("a.txt"), OLD).unwrap();
    let old = Document::from_text(OLD);
    // A version 1 file: no context hints; only git knows the old text.
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: old.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(vec![span(&old, "saying nothing changed", "claim")]),
        ..Default::default()
    };
    store::save(&root.join("a.txt.alice.ron"), &file).unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-qm", "old"]);
    std::fs::write(root.join("a.txt"), NEW).unwrap();
    let fix = glosser(&["validate", root.to_str().unwrap(), "--fix"]);
    assert_eq!(fix.status.code(), Some(0), "{fix:?}");
    assert!(stderr(&fix).contains("(diff)"), "{}", stderr(&fix));
    assert_anchored(
        &root.join("a.txt.alice.ron"),
        &Document::from_text(NEW),
        &["saying nothing changed"],
    );
}

#[test]
fn an_ambiguous_span_is_named_by_exports_and_kept_by_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "No. Yes. No.\n").unwrap();
    let old = Document::load(&root.join("a.txt")).unwrap();
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![Span::new(&old, 9..12, "claim")]);
    store::save(&root.join("a.txt.alice.ron"), &file).unwrap();
    std::fs::write(root.join("a.txt"), "Lead. No. Yes. No.\n").unwrap();
    glosser(&["validate", root.to_str().unwrap(), "--fix"]);
    let out = tempfile::tempdir().unwrap();
    let out_path = out.path().join("out.jsonl");
    let export = glosser(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "jsonl",
        "--annotator",
        "alice",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    let line = std::fs::read_to_string(&out_path).unwrap_or_else(|e| panic!("{e}: {export:?}"));
    assert!(line.contains("\"ambiguous\":true"), "{line} {export:?}");
    let conll = glosser(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "conll",
        "--annotator",
        "alice",
        "-o",
        out.path().join("out.conll").to_str().unwrap(),
    ]);
    assert!(
        stderr(&conll).contains("ambiguous span not exported"),
        "{}",
        stderr(&conll)
    );
    let other = tempfile::tempdir().unwrap();
    let import = glosser(&[
        "import",
        out_path.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        other.path().to_str().unwrap(),
    ]);
    assert_eq!(import.status.code(), Some(0), "{import:?}");
    let back = store::load(&other.path().join("a.txt.alice.ron")).unwrap();
    assert!(
        back.spans.is_empty() && back.orphans[0].ambiguous,
        "{back:?}"
    );
}
