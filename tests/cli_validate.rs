#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser validate` run as a user would, on the fixture corpora of tests/fixtures/corpora.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpora")
        .join(name)
}

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn validate(corpus: &str, json: bool) -> (i32, String, String) {
    let path = fixture(corpus);
    let before = snapshot(&path);
    let mut args = vec!["validate", path.to_str().unwrap()];
    if json {
        args.push("--json");
    }
    let out = glosser(&args);
    assert_eq!(snapshot(&path), before, "validate must not touch any file");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file under a directory with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn seeds_validate_clean() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = glosser(&["validate", seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 documents"));
}

#[test]
fn clean_corpus_with_hand_written_files_passes() {
    let (code, stdout, _) = validate("clean", false);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("3 documents, 3 annotation files: no problems"),
        "{stdout}"
    );
}

#[test]
fn bom_and_crlf_offsets_count_the_text_without_bom() {
    let (code, stdout, _) = validate("bom_crlf", false);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn broken_ron_reports_path_line_col() {
    let (code, stdout, _) = validate("broken_ron", false);
    assert_eq!(code, 1);
    let line = stdout.lines().next().unwrap();
    assert!(
        line.ends_with("broken_ron/a.txt.alice.ron:7:5: Expected comma"),
        "{line}"
    );
}

#[test]
fn bad_spans_each_reported() {
    let (code, stdout, _) = validate("bad_spans", false);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            "a.txt.alice.ron: span 0..9: quote \"Offishals\" does not match the text \"Officials\""
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("label \"rumour\", which is not in the label set"),
        "{stdout}"
    );
    assert!(
        stdout.contains("span 81..85 splits a grapheme cluster at offset 85"),
        "{stdout}"
    );
    assert!(stdout.contains("3 problems"), "{stdout}");
}

#[test]
fn changed_text_is_reported() {
    let (code, stdout, _) = validate("changed_text", false);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("changed_text/a.txt.alice.ron: the document's text changed"),
        "{stdout}"
    );
}

#[test]
fn unreadable_documents_named_with_reason() {
    let (code, stdout, _) = validate("unreadable", false);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("empty.txt.alice.ron: its document cannot be annotated: empty file"),
        "{stdout}"
    );
    assert!(
        stdout.contains("latin1.txt.alice.ron: its document cannot be annotated: not valid UTF-8"),
        "{stdout}"
    );
}

#[test]
fn document_field_outside_the_corpus_and_strays() {
    let (code, stdout, _) = validate("outside", false);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            "document \"../../secret.txt\" does not name this file's own document \"a.txt\""
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("gone.txt.bob.ron: its document gone.txt does not exist"),
        "{stdout}"
    );
}

#[test]
fn json_report() {
    let (code, stdout, _) = validate("broken_ron", true);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["files_checked"], 1);
    assert_eq!(v["problems"][0]["kind"], "parse");
    assert_eq!(v["problems"][0]["line"], 7);
    assert_eq!(v["problems"][0]["col"], 5);
    let (code, stdout, _) = validate("clean", true);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn empty_corpus_and_usage_errors() {
    let (code, stdout, _) = validate("empty_corpus", false);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 documents"), "{stdout}");
    let out = glosser(&["validate", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/definitely/not/here: not a directory"),
        "{stderr}"
    );
    let out = glosser(&["validate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn broken_labels_file_is_a_problem_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Hello.").unwrap();
    std::fs::write(dir.path().join("glosser.ron"), "(labels: [").unwrap();
    let out = glosser(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("glosser.ron") && stdout.contains("default labels"),
        "{stdout}"
    );
}

/// The worked example in docs/format.md is a real, valid file for the seed it names.
#[test]
fn worked_example_in_the_format_doc_validates() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md"))
        .unwrap();
    let start = doc.find("```ron\n(\n    glosser: 1,").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let dir = tempfile::tempdir().unwrap();
    let seed = "000_b226eff58fa68952.txt";
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(seed),
        dir.path().join(seed),
    )
    .unwrap();
    std::fs::write(dir.path().join(format!("{seed}.alice.ron")), example).unwrap();
    let out = glosser(&["validate", dir.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("1 annotation file: no problems"),
        "{stdout}"
    );
}

#[test]
fn changed_text_is_reanchored_by_fix_and_orphans_kept() {
    let dir = tempfile::tempdir().unwrap();
    let old = "Officials said the talks were “positive,” today. Critics doubt it. The end.\n";
    std::fs::write(dir.path().join("a.txt"), old).unwrap();
    let doc = glosser_core::text::Document::from_text(old);
    let at = |needle: &str| doc.byte_to_char(old.find(needle).unwrap()).unwrap();
    let span = |needle: &str, label: &str| {
        glosser_core::span::Span::new(&doc, at(needle)..at(needle) + needle.chars().count(), label)
    };
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status: glosser_core::store::Status::Done,
        spans: glosser_core::span::AnnotationSet::from_spans(vec![
            span("“positive,”", "quote"),
            span("Critics doubt it.", "opinion"),
            span("The end.", "claim"),
        ]),
        ..Default::default()
    };
    let ann = dir.path().join("a.txt.alice.ron");
    // As glosser writes it: each span with the text around it; the old text is kept nowhere,
    // so the spans are found again by their words and context.
    let mut file = file;
    glosser_core::reanchor::restamp(&mut file, &doc, &glosser_core::old_texts::NoOldTexts);
    glosser_core::store::save(&ann, &file).unwrap();
    // The article is edited: a new first sentence, and the last sentence rewritten.
    std::fs::write(dir.path().join("a.txt"), "Update: new details. Officials said the talks were “positive,” today. Critics doubt it. Fin.\n").unwrap();
    let root = dir.path().to_str().unwrap();

    let out = glosser(&["validate", root]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        stdout.contains("2 spans re-anchored (1 by exact, 1 by context), 1 orphaned"),
        "{stdout}"
    );
    assert!(
        stdout.contains("orphaned claim 67..75 \"The end.\""),
        "{stdout}"
    );

    let out = glosser(&["validate", "--fix", root]);
    assert_eq!(out.status.code(), Some(1), "the orphan is still a problem");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("2 spans re-anchored (1 by exact, 1 by context), 1 orphaned"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = glosser_core::store::load(&ann).unwrap();
    assert_eq!(fixed.spans.len(), 2, "the two found again");
    assert_eq!(
        fixed.orphans.len(),
        1,
        "the orphan stays an orphan: nothing dropped"
    );
    assert_eq!(fixed.orphans[0].quote, "The end.");
    let new = glosser_core::text::Document::load(&dir.path().join("a.txt")).unwrap();
    assert_eq!(fixed.text_sha256, new.sha256());
    let quote = fixed
        .spans
        .spans()
        .iter()
        .find(|s| s.label == "quote")
        .unwrap();
    assert_eq!(new.slice(quote.start, quote.end), "“positive,”");
    for span in fixed.spans.spans() {
        assert!(span.check_text(&new).is_ok(), "{span:?}");
    }
    // A second validate (and a second --fix) finds only the orphan: no span past the end of
    // the text, no mismatch, nothing rewritten.
    for args in [&["validate", root][..], &["validate", "--fix", root][..]] {
        let out = glosser(args);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            stdout.contains("orphaned claim 67..75 \"The end.\""),
            "{stdout}"
        );
        assert!(stdout.contains("1 problem"), "{stdout}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("fixed"));
    }
    assert_eq!(glosser_core::store::load(&ann).unwrap(), fixed);
}

#[test]
fn leftovers_of_an_interrupted_save_or_import_are_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "Some text.").unwrap();
    let temp = root.join(".glosser-0123456789abcdef.tmp");
    std::fs::write(&temp, "(half a save").unwrap();
    let staging = root.join("sub/.glosser-fedcba9876543210.tmp");
    std::fs::create_dir_all(staging.join("new")).unwrap();
    std::fs::write(staging.join("new/b.txt"), "Imported.").unwrap();
    std::fs::write(root.join(".other.tmp"), "not ours").unwrap();
    let corpus = root.to_str().unwrap();

    let out = glosser(&["validate", corpus, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("leftover", temp.to_str().unwrap()),
            ("leftover", staging.to_str().unwrap()),
        ]
    );
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("temp file")
    );
    assert!(
        problems[1]["message"]
            .as_str()
            .unwrap()
            .contains("Run the import again")
    );
    assert_eq!(
        report["documents"], 1,
        "nothing inside a staging folder is listed"
    );

    let human = glosser(&["validate", corpus]);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains(".glosser-0123456789abcdef.tmp: a temp file left"),
        "{text}"
    );
    assert!(text.contains("2 problems"), "{text}");

    let before = snapshot(root);
    let fixed = glosser(&["validate", corpus, "--fix"]);
    assert_eq!(
        fixed.status.code(),
        Some(1),
        "--fix leaves leftovers to a person"
    );
    assert_eq!(snapshot(root), before);

    let narrowed = glosser(&["validate", corpus, "--annotator", "ann"]);
    assert_eq!(
        narrowed.status.code(),
        Some(0),
        "a leftover has no annotator"
    );
}
