#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser import` in chunks (a document met in two chunks is merged, nothing lost) and jsonl's
//! `rejected` list (rejected suggestions survive export → import).

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use glosser_core::span::{AnnotationSet, Score, Span};
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;
use proptest::prelude::*;

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn import(file: &Path, corpus: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
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

fn record(document: &str, annotator: &str, text: &str, spans: &[(usize, usize, &str)]) -> String {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|(s, e, label)| {
            let quote: String = text.chars().skip(*s).take(e - s).collect();
            serde_json::json!({"start": s, "end": e, "label": label, "text": quote})
        })
        .collect();
    serde_json::json!({"document": document, "annotator": annotator, "text": text, "spans": spans})
        .to_string()
}

#[test]
fn a_document_in_two_chunks_is_merged_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let text = "One claim here. Another claim there. A third one.";
    let mut jsonl = String::new();
    // 2,500 records: the shared document comes first, in the middle and last, so it is met in
    // three chunks of 1,024; each time with other spans (and once with another annotator).
    let mut expected_spans = 0;
    for i in 0..2500 {
        let line = match i {
            0 => record("shared.txt", "ann", text, &[(0, 15, "claim")]),
            1100 => record(
                "shared.txt",
                "ann",
                text,
                &[(16, 36, "claim"), (0, 15, "claim")],
            ),
            1101 => record("shared.txt", "other", text, &[(37, 49, "claim")]),
            2499 => record("shared.txt", "ann", text, &[(37, 49, "opinion")]),
            _ => record(
                &format!("d/{i}.txt"),
                "ann",
                &format!("Doc {i}."),
                &[(0, 3, "claim")],
            ),
        };
        // Written, not read: the span sent again in record 1100 is not counted.
        expected_spans += 1;
        writeln!(jsonl, "{line}").unwrap();
    }
    let file = dir.path().join("in.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let corpus = dir.path().join("corpus");
    let (code, err) = import(&file, &corpus, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("imported 2500 records ({expected_spans} spans)")),
        "{err}"
    );
    assert!(
        err.contains("1 span was already in its annotation file, not added again"),
        "{err}"
    );
    let shared = store::load(&corpus.join("shared.txt.ann.ron")).unwrap();
    let keys: Vec<(usize, usize, String)> = shared
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (0, 15, "claim".to_owned()),
            (16, 36, "claim".to_owned()),
            (37, 49, "opinion".to_owned()),
        ]
    );
    let other = store::load(&corpus.join("shared.txt.other.ron")).unwrap();
    assert_eq!(other.spans.spans().len(), 1);
    // Every other document got its one span; no temp file is left anywhere.
    let mut total = shared.spans.spans().len() + other.spans.spans().len();
    for i in 1..2499 {
        if i == 1100 || i == 1101 {
            continue;
        }
        let f = store::load(&corpus.join(format!("d/{i}.txt.ann.ron"))).unwrap();
        total += f.spans.spans().len();
    }
    // 2,496 one-span documents, 3 spans for ann (one sent twice) and 1 for other.
    assert_eq!(total, 2496 + 3 + 1);
    for dir in [corpus.clone(), corpus.join("d")] {
        let temps = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(temps, 0, "temp files left in {}", dir.display());
    }
}

/// A corpus with one document and `a`'s file holding `spans` and `rejected`.
fn corpus_with(dir: &Path, text: &str, spans: &[Span], rejected: Vec<Span>) -> AnnotationFile {
    let doc = Document::from_text(text);
    let corpus = dir.join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("d.txt"), text).unwrap();
    let file = AnnotationFile {
        document: "d.txt".into(),
        annotator: "a".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(spans.to_vec()),
        rejected: store::sorted_orphans(rejected),
        ..Default::default()
    };
    store::save(&corpus.join("d.txt.a.ron"), &file).unwrap();
    file
}

fn round_trip(dir: &Path) -> (String, (i32, String), std::path::PathBuf) {
    let out = dir.join("x.jsonl");
    let exported = glosser(&[
        "export",
        dir.join("c").to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(exported.status.code(), Some(0));
    let target = dir.join("back");
    let result = import(&out, &target, &["--annotator", "b"]);
    (std::fs::read_to_string(&out).unwrap(), result, target)
}

fn rejected_of(file: &AnnotationFile) -> Vec<(usize, usize, String, String, Option<String>)> {
    file.rejected
        .iter()
        .map(|s| {
            let score = s.score.map(|s| s.0.to_string());
            (s.start, s.end, s.label.clone(), s.quote.clone(), score)
        })
        .collect()
}

#[test]
fn jsonl_carries_rejected_suggestions_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The minister said taxes will fall. Critics disagree.";
    let doc = Document::from_text(text);
    let mut r1 = Span::new(&doc, 0..12, "claim");
    r1.score = Some(Score(0.75));
    let mut r2 = Span::new(&doc, 35..51, "opinion");
    r2.note = Some("not an opinion".into());
    let kept = Span::new(&doc, 18..33, "claim");
    let file = corpus_with(dir.path(), text, &[kept], vec![r1, r2]);
    let (line, (code, err), target) = round_trip(dir.path());
    assert!(line.contains("\"rejected\":[{"), "{line}");
    assert!(line.contains("\"score\":0.75"), "{line}");
    assert_eq!(code, 0, "{err}");
    let back = store::load(&target.join("d.txt.b.ron")).unwrap();
    assert_eq!(rejected_of(&back), rejected_of(&file));
    assert_eq!(back.rejected[1].note.as_deref(), Some("not an opinion"));
    assert_eq!(back.spans.spans().len(), 1);
}

#[test]
fn a_rejected_suggestion_that_does_not_match_the_text_rejects_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.jsonl");
    let line = serde_json::json!({
        "document": "d.txt", "annotator": "a", "text": "Hello world.", "spans": [],
        "rejected": [{"start": 0, "end": 5, "label": "claim", "text": "world"}]
    });
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let corpus = dir.path().join("c");
    let (code, err) = import(&file, &corpus, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("rejected line 1: rejected suggestion 0 (0..5 claim) does not match"),
        "{err}"
    );
    assert!(!corpus.join("d.txt").exists());
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Word", " ", ". ", "😀", "e\u{301}", "中文", "\r\n", "“q”", "\"",
    ]);
    prop::collection::vec(pieces, 2..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn rejected_suggestions_round_trip_through_jsonl(
        text in any_text(),
        picks in prop::collection::vec((0usize..100, 1usize..10, 0usize..3, 0u8..=100), 1..6),
    ) {
        let doc = Document::from_text(text.clone());
        let labels = ["claim", "quote", "opinion"];
        let mut rejected = Vec::new();
        for (start, len, label, score) in picks {
            let s = doc.grapheme_floor(start % doc.char_len().max(1));
            let e = doc.grapheme_ceil((s + len).min(doc.char_len()));
            if s < e {
                let mut span = Span::new(&doc, s..e, labels[label]);
                span.score = Some(Score(f64::from(score) / 100.0));
                rejected.push(span);
            }
        }
        prop_assume!(!rejected.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let file = corpus_with(dir.path(), &text, &[], rejected);
        let (_, (code, err), target) = round_trip(dir.path());
        prop_assert_eq!(code, 0, "{}", err);
        let back = store::load(&target.join("d.txt.b.ron")).unwrap();
        prop_assert_eq!(rejected_of(&back), rejected_of(&file));
    }
}

#[test]
fn a_file_that_cannot_be_written_mid_batch_rejects_its_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "Alpha beta gamma.";
    std::fs::write(corpus.join("b.txt"), text).unwrap();
    let doc = Document::from_text(text);
    let old = AnnotationFile {
        document: "b.txt".into(),
        annotator: "x".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(vec![Span::new(&doc, 0..5, "claim")]),
        ..Default::default()
    };
    let locked = corpus.join("b.txt.x.ron");
    store::save(&locked, &old).unwrap();
    let before = std::fs::read(&locked).unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o444);
    std::fs::set_permissions(&locked, perms).unwrap();
    let mut jsonl = String::new();
    for name in ["a.txt", "b.txt", "c.txt"] {
        writeln!(jsonl, "{}", record(name, "x", text, &[(6, 10, "claim")])).unwrap();
    }
    let file = dir.path().join("in.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let (code, err) = import(&file, &corpus, &[]);
    assert_eq!(code, 1, "{err}");
    // Save errors name the document and the file, as before batching.
    assert!(err.contains("rejected b.txt: "), "{err}");
    assert!(err.contains("b.txt.x.ron: permission denied"), "{err}");
    assert!(err.contains("imported 2 records (2 spans)"), "{err}");
    assert_eq!(
        std::fs::read(&locked).unwrap(),
        before,
        "the old file stays whole"
    );
    for name in ["a.txt.x.ron", "c.txt.x.ron"] {
        let f = store::load(&corpus.join(name)).unwrap();
        assert_eq!(f.spans.spans().len(), 1, "{name}");
    }
}
