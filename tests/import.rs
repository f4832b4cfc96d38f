#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser import` on hand-made files in each tool's documented shape, bad input, and the
//! export → import → export round trip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn import(file: &Path, format: &str, corpus: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--format",
        format,
        "--corpus",
        corpus.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = glosser(&args);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn spans_of(corpus: &Path, doc: &str, annotator: &str) -> Vec<(usize, usize, String, String)> {
    let file = glosser_core::store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.quote.clone()))
        .collect()
}

/// The one document whose name starts with `prefix` (names carry a tag of the text).
fn doc_named(corpus: &Path, prefix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    names[0].clone()
}

fn validate_clean(corpus: &Path) {
    let out = glosser(&["validate", corpus.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn doccano_utf16_offsets_after_an_emoji_family() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &fixture("import/doccano.jsonl"),
        "doccano",
        dir.path(),
        &["--annotator", "dee"],
    );
    assert_eq!(code, 0, "{err}");
    let spans = spans_of(dir.path(), &doc_named(dir.path(), "doccano-7-"), "dee");
    assert_eq!(spans[0], (0, 5, "claim".into(), "Smile".into()));
    assert_eq!(
        spans[1],
        (17, 28, "quote".into(), "“the claim”".into()),
        "UTF-16 20..31 is code points 17..28"
    );
    assert_eq!(
        spans_of(dir.path(), &doc_named(dir.path(), "doccano-8-"), "dee")[0].3,
        "Newer"
    );
    validate_clean(dir.path());
}

#[test]
fn label_studio_task_with_several_results() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &fixture("import/label-studio.json"),
        "label-studio",
        dir.path(),
        &["--annotator", "ls"],
    );
    assert_eq!(code, 1, "the choices result is reported: {err}");
    assert!(
        err.contains(
            "not kept: 1 prediction or non-span result skipped (task 1 annotation 1 choices c1)"
        ),
        "{err}"
    );
    let spans = spans_of(dir.path(), "label-studio-42.txt", "ls");
    let labels: Vec<&str> = spans.iter().map(|s| s.2.as_str()).collect();
    assert_eq!(
        labels,
        ["claim", "quote", "unverified"],
        "the choices result is not a span"
    );
    validate_clean(dir.path());
}

#[test]
fn prodigy_accepts_spans_and_keeps_rejected_suggestions_as_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &fixture("import/prodigy.jsonl"),
        "prodigy",
        dir.path(),
        &["--annotator", "pro"],
    );
    assert_eq!(
        code, 0,
        "a rejected span is kept, nothing is left out: {err}"
    );
    let spans = spans_of(dir.path(), "prodigy/one.txt", "pro");
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[1].3, "confirmed");
    // The binary answer turning a suggestion down is the annotator's `rejected` entry.
    let rejected_doc = doc_named(dir.path(), "prodigy-");
    let file =
        glosser_core::store::load(&dir.path().join(format!("{rejected_doc}.pro.ron"))).unwrap();
    assert!(file.spans.spans().is_empty());
    let rejected: Vec<(usize, usize, &str, &str)> = file
        .rejected
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str(), s.quote.as_str()))
        .collect();
    assert_eq!(rejected, [(0, 8, "claim", "Rejected")]);
    validate_clean(dir.path());
    // An ignored answer, or a reject without spans, has nothing to keep: it is counted.
    let input = dir.path().join("answers.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"text": "Skip me.", "answer": "ignore", "spans": [{"start": 0, "end": 4, "label": "claim"}]}"#,
            "\n",
            r#"{"text": "Bad text.", "answer": "reject"}"#,
            "\n"
        ),
    )
    .unwrap();
    let (code, err) = import(
        &input,
        "prodigy",
        &dir.path().join("c2"),
        &["--annotator", "pro"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("not kept: 2 rejected or ignored answers skipped (line 1, line 2)"),
        "{err}"
    );
}

#[test]
fn utf16_offsets_in_jsonl_are_accepted_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(&fixture("import/utf16.jsonl"), "jsonl", dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("line 1: offsets are UTF-16 code units; converted"),
        "{err}"
    );
    assert_eq!(spans_of(dir.path(), "js.txt", "js")[0].3, "the claim");
}

#[test]
fn bad_records_are_rejected_by_line_and_leave_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &fixture("import/bad.jsonl"),
        "jsonl",
        dir.path(),
        &["--annotator", "bad"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rejected line 2:"), "malformed JSON: {err}");
    assert!(
        err.contains("rejected line 3:") && err.contains("ends past the end of the text"),
        "out of range: {err}"
    );
    assert!(
        err.contains("rejected line 4:") && err.contains("\"Sane\""),
        "text mismatch: {err}"
    );
    assert!(
        err.contains("rejected line 5:") && err.contains("../escape.txt"),
        "escape: {err}"
    );
    assert!(
        err.contains("rejected line 6:") && err.contains("rumour"),
        "unknown label: {err}"
    );
    assert!(err.contains("imported 1 record"), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [".glosser", "ok.txt", "ok.txt.bad.ron"]);
    // The text store holds the one text a file was written for.
    let ok = glosser_core::text::Document::load(&dir.path().join("ok.txt")).unwrap();
    let kept: Vec<_> = std::fs::read_dir(dir.path().join(".glosser/texts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.len() == 64)
        .collect();
    assert_eq!(kept, [ok.sha256()]);
    assert!(!dir.path().parent().unwrap().join("escape.txt").exists());
}

#[test]
fn existing_documents_are_never_changed_and_files_merge() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Different text.").unwrap();
    let (code, err) = import(
        &fixture("import/bad.jsonl"),
        "jsonl",
        dir.path(),
        &["--annotator", "bad"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("rejected line 1:") && err.contains("never changes a document"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ok.txt")).unwrap(),
        "Different text."
    );

    let dir = tempfile::tempdir().unwrap();
    import(
        &fixture("import/label-studio.json"),
        "label-studio",
        dir.path(),
        &["--annotator", "m"],
    );
    let doc = "label-studio-42.txt";
    let edited = dir.path().join(format!("{doc}.m.ron"));
    let mut file = glosser_core::store::load(&edited).unwrap();
    let text = glosser_core::text::Document::load(&dir.path().join(doc)).unwrap();
    file.spans
        .insert(
            glosser_core::span::Span::new(&text, 0..9, "opinion"),
            &text,
            &glosser_core::labels::LabelSet::default(),
        )
        .unwrap();
    glosser_core::store::save(&edited, &file).unwrap();
    import(
        &fixture("import/label-studio.json"),
        "label-studio",
        dir.path(),
        &["--annotator", "m"],
    );
    assert_eq!(
        spans_of(dir.path(), doc, "m").len(),
        4,
        "both sides' spans kept"
    );
}

#[test]
fn refusals_unknown_format_and_bad_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(&fixture("import/bad.jsonl"), "csv", dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot import \"csv\"; use one of jsonl"),
        "{err}"
    );
    assert!(
        err.contains("webanno, conll, hf"),
        "the import formats: {err}"
    );
    assert!(err.ends_with("auto\n"), "{err}");
    let (code, err) = import(
        &fixture("import/bad.jsonl"),
        "jsonl",
        dir.path(),
        &["--annotator", "../x"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not a valid annotator"), "{err}");
    let (code, err) = import(&fixture("import/doccano.jsonl"), "doccano", dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(err.contains("give --annotator"), "{err}");
}

#[test]
fn symlinked_folders_are_not_followed_out_of_the_corpus() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("prodigy")).unwrap();
    let (code, err) = import(
        &fixture("import/prodigy.jsonl"),
        "prodigy",
        dir.path(),
        &["--annotator", "p"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("is a symlink"), "{err}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

fn export_jsonl(corpus: &Path, annotator: &str) -> String {
    let out = glosser(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "jsonl",
        "--annotator",
        annotator,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn jsonl_round_trip_is_identical_but_for_the_annotator() {
    let src = fixture("formats/corpus");
    let first = export_jsonl(&src, "ann");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.jsonl");
    std::fs::write(&file, &first).unwrap();
    let corpus = dir.path().join("corpus");
    let (code, err) = import(&file, "jsonl", &corpus, &["--annotator", "copy"]);
    assert_eq!(code, 0, "{err}");
    let second = export_jsonl(&corpus, "copy");
    // Span ids include the annotator, so they are recomputed for "copy".
    let expected: String = first
        .replace("\"annotator\":\"ann\"", "\"annotator\":\"copy\"")
        .lines()
        .map(|line| {
            let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
            let document = record["document"].as_str().unwrap().to_owned();
            for span in record["spans"].as_array_mut().unwrap() {
                let s = glosser_core::span::Span {
                    start: span["start"].as_u64().unwrap() as usize,
                    end: span["end"].as_u64().unwrap() as usize,
                    label: span["label"].as_str().unwrap().to_owned(),
                    ..Default::default()
                };
                span["id"] = glosser_core::formats::span_id(&document, "copy", &s).into();
            }
            record.to_string() + "\n"
        })
        .collect();
    let parse = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    assert_eq!(parse(&second), parse(&expected));
    assert_ne!(
        parse(&second)[0]["spans"][0]["id"],
        parse(&first)[0]["spans"][0]["id"]
    );
}

#[test]
fn every_importer_round_trips_the_fixture_corpus() {
    let src = fixture("formats/corpus");
    let reference = export_jsonl(&src, "ann");
    for format in ["doccano", "label-studio", "brat"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let status = glosser(&[
            "export",
            src.to_str().unwrap(),
            "--format",
            format,
            "--annotator",
            "ann",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(status.status.code(), Some(0));
        let corpus = dir.path().join("corpus");
        let (code, err) = import(&out, format, &corpus, &["--annotator", "ann"]);
        assert_eq!(code, 0, "{format}: {err}");
        validate_clean(&corpus);
        let again = export_jsonl(&corpus, "ann");
        let strip_notes = |s: &str| -> Vec<Vec<(u64, u64, String)>> {
            s.lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["spans"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| {
                            (
                                x["start"].as_u64().unwrap(),
                                x["end"].as_u64().unwrap(),
                                x["label"].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect()
                })
                .collect()
        };
        assert_eq!(strip_notes(&again), strip_notes(&reference), "{format}");
        let ids = |s: &str| -> Vec<String> {
            s.lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["document"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                })
                .collect()
        };
        assert_eq!(
            ids(&again),
            ids(&reference),
            "{format}: document names survive"
        );
    }
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Word",
        " ",
        ". ",
        "😀",
        "👨\u{200d}👩",
        "e\u{301}",
        "中文",
        "\r\n",
        "“q”",
        "\"",
    ]);
    prop::collection::vec(pieces, 2..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn export_import_round_trip_on_random_texts(text in any_text(), picks in prop::collection::vec((0usize..100, 1usize..10, 0usize..4), 1..6)) {
        let doc = glosser_core::text::Document::from_text(text.clone());
        let labels = ["claim", "quote", "opinion", "unverified"];
        let mut set = glosser_core::span::AnnotationSet::default();
        for (start, len, label) in picks {
            let s = doc.grapheme_floor(start % doc.char_len().max(1));
            let e = doc.grapheme_ceil((s + len).min(doc.char_len()));
            if s < e {
                let _ = set.insert(glosser_core::span::Span::new(&doc, s..e, labels[label]), &doc, &glosser_core::labels::LabelSet::default());
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(corpus.join("d.txt"), &text).unwrap();
        let file = glosser_core::store::AnnotationFile {
            document: "d.txt".into(),
            annotator: "a".into(),
            text_sha256: doc.sha256().into(),
            status: glosser_core::store::Status::InProgress,
            spans: set,
    ..Default::default()
        };
        glosser_core::store::save(&corpus.join("d.txt.a.ron"), &file).unwrap();
        for format in ["jsonl", "doccano", "label-studio"] {
            let out = dir.path().join(format!("x.{format}"));
            glosser(&["export", corpus.to_str().unwrap(), "--format", format, "-o", out.to_str().unwrap()]);
            let target = dir.path().join(format!("into-{format}"));
            let (code, err) = import(&out, format, &target, &["--annotator", "b"]);
            prop_assert_eq!(code, 0, "{}", err);
            let back = glosser_core::store::load(&target.join("d.txt.b.ron")).unwrap();
            prop_assert_eq!(back.spans.spans().iter().map(glosser_core::span::Span::key).collect::<Vec<_>>(),
                file.spans.spans().iter().map(glosser_core::span::Span::key).collect::<Vec<_>>());
        }
    }
}

#[test]
fn hostile_json_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.jsonl");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = r#"{"document":"h.txt","text":"Some text.","spans":[{"start":99999999999999999999999999,"end":3,"label":"claim","text":"Som"}]}"#;
    let long_name = format!(
        r#"{{"document":"{}.txt","text":"x","spans":[]}}"#,
        "a/".repeat(5000)
    );
    let giant = format!(
        r#"{{"document":"g.txt","annotator":"x","text":"{}","spans":[]}}"#,
        "word ".repeat(400_000)
    );
    std::fs::write(&file, format!("{deep}\n{huge}\n{long_name}\n{giant}\n")).unwrap();
    let corpus = dir.path().join("corpus");
    let (code, err) = import(&file, "jsonl", &corpus, &["--annotator", "x"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rejected line 1:"), "{err}");
    assert!(err.contains("rejected line 2:"), "{err}");
    assert!(
        err.contains("rejected line 3:") && err.contains("…"),
        "a giant name is cut short in the message: {err}"
    );
    assert!(err.len() < 2000, "no giant echoes: {}", err.len());
    assert!(
        err.contains("imported 1 record"),
        "the giant text is fine: {err}"
    );
    assert!(corpus.join("g.txt").exists());
    for (format, input) in [
        ("doccano", deep.as_str()),
        ("prodigy", deep.as_str()),
        ("label-studio", deep.as_str()),
    ] {
        std::fs::write(&file, input).unwrap();
        let (code, err) = import(&file, format, &corpus, &["--annotator", "x"]);
        assert!(code == 1 || code == 2, "{format}: {err}");
        assert!(err.contains("recursion limit"), "{format}: {err}");
    }
}
