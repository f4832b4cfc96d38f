#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Files from the wild (SPEC §6): the tools' own example data (tests/fixtures/wild, sources in
//! its SOURCES.md) imports exactly, or says what it could not keep. Every expected span text below
//! was written out by hand from the source tool's own offset convention; the test slices the
//! document by code points itself, independently of glosser's offset code.

use std::path::{Path, PathBuf};
use std::process::Command;

use glosser::store;

fn wild(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wild")
        .join(name)
}

/// A fresh corpus holding the fixtures' label set.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(wild("glosser.ron"), dir.path().join("glosser.ron")).unwrap();
    dir
}

fn import(input: &Path, format: &str, corpus: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("import")
        .arg(input)
        .args(["--format", format, "--corpus"])
        .arg(corpus)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (start, end, label, text sliced from the document by code points), sorted.
fn spans(corpus: &Path, doc: &str, annotator: &str) -> Vec<(usize, usize, String, String)> {
    let text = std::fs::read_to_string(corpus.join(doc)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .map(|s| {
            let sliced: String = chars[s.start..s.end].iter().collect();
            assert_eq!(sliced, s.quote, "{doc}: the quote is the text");
            (s.start, s.end, s.label.clone(), sliced)
        })
        .collect()
}

fn texts(spans: &[(usize, usize, String, String)]) -> Vec<(&str, &str)> {
    spans.iter().map(|s| (s.2.as_str(), s.3.as_str())).collect()
}

/// (type, from (start, end), to (start, end)).
type LinkRow = (String, (usize, usize), (usize, usize));

fn links(corpus: &Path, doc: &str, annotator: &str) -> Vec<LinkRow> {
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.links
        .iter()
        .map(|l| (l.kind.clone(), (l.from.0, l.from.1), (l.to.0, l.to.1)))
        .collect()
}

fn note(corpus: &Path, doc: &str, annotator: &str, start: usize) -> Vec<String> {
    let file = store::load(&corpus.join(format!("{doc}.{annotator}.ron"))).unwrap();
    file.spans
        .spans()
        .iter()
        .filter(|s| s.start == start)
        .filter_map(|s| s.note.clone())
        .collect()
}

fn only_doc(corpus: &Path, prefix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    assert_eq!(names.len(), 1, "{prefix}: {names:?}");
    names[0].clone()
}

#[test]
fn brat_news_tutorial_relations_notes_and_events() {
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/news"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 1, "things were not kept: {err}");
    let doc = "060-relation_annotation.txt";
    let s = spans(dir.path(), doc, "brat");
    assert_eq!(
        texts(&s),
        [
            ("Person", "Terry Pratchett"),
            ("GPE", "England"),
            ("Person", "Joanne Rowling"),
            ("Person", "Jo Rowling"),
            ("Person", "J. K. Rowling"),
            ("Person", "Terry Pratchett"),
            ("GPE", "England"),
            ("Person", "Joanne Rowling"),
            ("Person", "Jo Rowling"),
            ("Person", "J. K. Rowling"),
        ]
    );
    assert_eq!((s[0].0, s[0].1), (139, 154));
    assert_eq!(
        links(dir.path(), doc, "brat"),
        [("Located".to_owned(), (139, 154), (164, 171))]
    );
    let doc = "110-note_annotation.txt";
    assert_eq!(spans(dir.path(), doc, "brat").len(), 14);
    assert_eq!(
        note(dir.path(), doc, "brat", 412),
        ["Should fictional places be annotated?"]
    );
    assert_eq!(
        links(dir.path(), doc, "brat"),
        [
            ("Family".to_owned(), (520, 534), (539, 552)),
            ("Family".to_owned(), (751, 765), (770, 783)),
        ]
    );
    for expected in [
        "not kept: 1 relation not kept (060-relation_annotation.ann *Alias T3 T4 T5)",
        "not kept: 2 events not kept (their trigger spans were imported) (110-note_annotation.ann E1, 110-note_annotation.ann E2)",
        "not kept: 2 notes on relations or events not kept (110-note_annotation.ann #2, 110-note_annotation.ann #3)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn brat_crlf_counts_one_character_and_exports_back_the_same_offsets() {
    // nlplab/brat#853: "John loves Mary.\r\nHe married her." with He at 17-19, her at 28-31.
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/crlf"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("bom.ann: the text starts with a BOM"), "{err}");
    assert_eq!(
        spans(dir.path(), "issue853.txt", "brat"),
        [
            (0, 4, "Person".into(), "John".into()),
            (11, 15, "Person".into(), "Mary".into()),
            (18, 20, "Person".into(), "He".into()),
            (29, 32, "Person".into(), "her".into()),
        ],
        "glosser keeps the \\r, so He is at 18 in code points"
    );
    assert_eq!(
        spans(dir.path(), "bom.txt", "brat"),
        [
            (0, 4, "Person".into(), "John".into()),
            (29, 32, "Person".into(), "her".into()),
        ],
        "the BOM brat counted is gone from the document"
    );
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("export")
        .arg(dir.path())
        .args(["--format", "brat", "--annotator", "brat", "-o"])
        .arg(out.path().join("b"))
        .status()
        .unwrap();
    assert!(status.success());
    let ann = std::fs::read_to_string(out.path().join("b/issue853.ann")).unwrap();
    let original = std::fs::read_to_string(wild("brat/crlf/issue853.ann")).unwrap();
    let offsets = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split('\t').nth(1).unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        offsets(&ann),
        offsets(&original),
        "brat reads what it wrote"
    );
}

#[test]
fn brat_discontinuous_spans_become_fragments_and_the_rest_is_reported() {
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/discontinuous"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 1, "{err}");
    let s = spans(dir.path(), "america.txt", "brat");
    assert_eq!(
        texts(&s),
        [
            ("GPE", "North"),
            ("GPE", "South America"),
            ("GPE", "America")
        ]
    );
    assert_eq!(
        note(dir.path(), "america.txt", "brat", 0),
        ["brat T1: fragment 1 of 2"]
    );
    assert_eq!(
        note(dir.path(), "america.txt", "brat", 16),
        ["brat T1: fragment 2 of 2"]
    );
    for expected in [
        "1 discontinuous span imported as one span per fragment (noted with its id) (america.ann T1)",
        "1 attribute not kept (america.ann A1)",
        "1 normalization not kept (america.ann N1)",
        "1 relation not kept (america.ann R1)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn doccano_old_labels_username_and_doc_id() {
    let dir = corpus();
    let (code, err) = import(
        &wild("doccano/v1_tutorial.jsonl"),
        "doccano",
        dir.path(),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let doc = only_doc(dir.path(), "doccano-33-");
    let s = spans(dir.path(), &doc, "admin");
    assert_eq!(s.len(), 18);
    let t = texts(&s);
    assert_eq!(t[0], ("Title", "The Hitchhiker's Guide to the Galaxy"));
    assert!(t.contains(&("Person", "Douglas Adams")), "{t:?}");
    assert!(t.contains(&("Date", "1978")), "{t:?}");
    assert!(t.contains(&("Genre", "feature film")), "{t:?}");
}

#[test]
fn doccano_entities_and_relations() {
    let dir = corpus();
    let (code, err) = import(
        &wild("doccano/relation_extraction.jsonl"),
        "doccano",
        dir.path(),
        &["--annotator", "dee"],
    );
    assert_eq!(code, 0, "{err}");
    let doc = only_doc(dir.path(), "doccano-line1-");
    assert_eq!(
        texts(&spans(dir.path(), &doc, "dee")),
        [
            ("ORG", "Google"),
            ("DATE", "September 4, 1998"),
            ("PERSON", "Larry Page"),
            ("PERSON", "Sergey Brin"),
        ]
    );
    assert_eq!(
        links(dir.path(), &doc, "dee"),
        [
            ("foundedAt".to_owned(), (0, 6), (22, 39)),
            ("foundedBy".to_owned(), (0, 6), (44, 54)),
            ("foundedBy".to_owned(), (0, 6), (59, 70)),
        ]
    );
}

#[test]
fn doccano_data_field_label_ids_users_and_bom() {
    let dir = corpus();
    let shapes = wild("doccano/shapes.jsonl");
    let (code, err) = import(&shapes, "doccano", dir.path(), &["--annotator", "dee"]);
    assert_eq!(code, 1, "numeric labels without --label-ids: {err}");
    assert!(
        err.contains("3 spans with numeric label ids skipped"),
        "{err}"
    );
    let dir = corpus();
    let labels = wild("doccano/labels.json");
    let (code, err) = import(
        &shapes,
        "doccano",
        dir.path(),
        &["--label-ids", labels.to_str().unwrap()],
    );
    // The first and last lines name no annotator.
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rejected line 1: no annotator"), "{err}");
    let one = only_doc(dir.path(), "doccano-1-");
    assert_eq!(
        texts(&spans(dir.path(), &one, "doccano-1")),
        [("Person", "Douglas Adams"), ("Date", "1978")]
    );
    assert_eq!(
        texts(&spans(dir.path(), &one, "doccano-2")),
        [("Person", "Douglas")]
    );
    let dir = corpus();
    let (code, err) = import(
        &shapes,
        "doccano",
        dir.path(),
        &[
            "--label-ids",
            labels.to_str().unwrap(),
            "--annotator",
            "dee",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let data = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| {
            n.ends_with(".txt")
                && std::fs::read_to_string(dir.path().join(n))
                    .unwrap()
                    .starts_with("Smile")
        })
        .unwrap();
    assert_eq!(
        spans(dir.path(), &data, "dee"),
        [(17, 30, "Person".into(), "Douglas Adams".into())],
        "UTF-16 20..33: \"Smile \" 6 + a ZWJ family of 5 code points (8 units) + \" then \" 6"
    );
    let bom = only_doc(dir.path(), "doccano-2-");
    assert!(
        !std::fs::read_to_string(dir.path().join(&bom))
            .unwrap()
            .starts_with('\u{feff}')
    );
    assert_eq!(
        spans(dir.path(), &bom, "dee"),
        [
            (0, 13, "Person".into(), "Douglas Adams".into()),
            (15, 19, "Date".into(), "1978".into()),
        ]
    );
}

#[test]
fn doccano_grapheme_mode_counts_clusters() {
    let dir = corpus();
    let file = wild("doccano/grapheme.jsonl");
    let (code, err) = import(&file, "doccano", dir.path(), &["--annotator", "dee"]);
    assert_eq!(code, 1, "UTF-16 2..15 splits the firefighter: {err}");
    let dir = corpus();
    let (code, err) = import(
        &file,
        "doccano",
        dir.path(),
        &["--annotator", "dee", "--offsets", "grapheme"],
    );
    assert_eq!(code, 0, "{err}");
    let doc = only_doc(dir.path(), "doccano-3-");
    assert_eq!(
        spans(dir.path(), &doc, "dee"),
        [(5, 18, "Person".into(), "Douglas Adams".into())]
    );
}

#[test]
fn label_studio_one_file_per_completed_by_cancelled_skipped() {
    let dir = corpus();
    let (code, err) = import(
        &wild("label-studio/export.json"),
        "label-studio",
        dir.path(),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    let doc = "label-studio-7.txt";
    assert_eq!(
        texts(&spans(dir.path(), doc, "ls-7")),
        [("source", "Tsahkna"), ("quote", "“positive”")]
    );
    assert_eq!(
        links(dir.path(), doc, "ls-7"),
        [("speaker".to_owned(), (28, 38), (0, 7))]
    );
    assert_eq!(
        spans(dir.path(), doc, "maria-k"),
        [(45, 51, "source".into(), "Lavrov".into())],
        "UTF-16 46..52 after the handshake emoji"
    );
    assert!(!dir.path().join("label-studio-7.txt.ls-9.ron").exists());
    assert_eq!(
        spans(dir.path(), "label-studio-8.txt", "ls-7"),
        [(0, 6, "source".into(), "Lavrov".into())],
        "offsets counted with the BOM are shifted"
    );
    for expected in [
        "1 cancelled annotation skipped (task 1 annotation 23)",
        "predictions or non-span results skipped (task 1 prediction 1, task 1 annotation 1 choices c1)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn label_studio_old_completions_task() {
    let dir = corpus();
    let (code, err) = import(
        &wild("label-studio/completions_348.json"),
        "label-studio",
        dir.path(),
        &["--annotator", "ann"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "label-studio-348.txt", "ann")),
        [
            ("INGREDIENT", "Aqua (Water)"),
            ("INGREDIENT", "Sodium Lauroyl Methyl Isethionate,"),
            ("INGREDIENT", " Polyquaternium-7"),
            ("INGREDIENT", "Limonene"),
        ]
    );
}

#[test]
fn prodigy_one_document_per_input_only_accepted_answers() {
    let dir = corpus();
    let (code, err) = import(&wild("prodigy/db-out.jsonl"), "prodigy", dir.path(), &[]);
    assert_eq!(code, 1, "{err}");
    let docs: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    assert_eq!(
        docs.len(),
        2,
        "the input with only reject/ignore makes none: {docs:?}"
    );
    assert_eq!(
        texts(&spans(
            dir.path(),
            "prodigy-1641016478.txt",
            "ner_news-alice"
        )),
        [("ORG", "Apple"), ("ORG", "metrics")]
    );
    assert_eq!(
        links(dir.path(), "prodigy-99.txt", "rel_news-bob"),
        [("LEADS".to_owned(), (0, 13), (20, 26))]
    );
    for expected in [
        "3 rejected or ignored answers skipped (line 2, line 4, line 5)",
        "1 relation not kept (line 6 VERB)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

/// A corpus with one document annotated by `ann`: two linked spans, an orphan, status Done.
fn linked_corpus() -> (tempfile::TempDir, store::AnnotationFile) {
    let dir = corpus();
    let text = "Tsahkna said the talks were positive.";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let doc = glosser::text::Document::from_text(text);
    let source = glosser::span::Span::new(&doc, 0..7, "source");
    let quote = glosser::span::Span::new(&doc, 28..36, "quote");
    let orphan = glosser::span::Span {
        start: 40,
        end: 45,
        label: "claim".into(),
        quote: "gone!".into(),
        orphan: true,
        ..Default::default()
    };
    let mut file = store::AnnotationFile::new("a.txt", "ann", doc.sha256());
    file.status = store::Status::Done;
    file.spans = glosser::span::AnnotationSet::from_spans(vec![source.clone(), quote.clone()]);
    file.orphans = vec![orphan];
    file.links = vec![store::Link {
        kind: "speaker".into(),
        from: store::LinkEnd::of(&quote),
        to: store::LinkEnd::of(&source),
    }];
    store::save(&dir.path().join("a.txt.ann.ron"), &file).unwrap();
    (dir, file)
}

#[test]
fn jsonl_round_trips_status_orphans_and_links() {
    let (dir, file) = linked_corpus();
    let out = tempfile::tempdir().unwrap();
    let jsonl = out.path().join("x.jsonl");
    let status = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("export")
        .arg(dir.path())
        .args(["--format", "jsonl", "--annotator", "ann", "-o"])
        .arg(&jsonl)
        .status()
        .unwrap();
    assert!(status.success());
    let again = corpus();
    let (code, err) = import(&jsonl, "jsonl", again.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let back = store::load(&again.path().join("a.txt.ann.ron")).unwrap();
    assert_eq!(back.status, store::Status::Done);
    assert_eq!(back.spans, file.spans);
    assert_eq!(back.orphans, file.orphans);
    assert_eq!(back.links, file.links);
}

#[test]
fn label_studio_export_has_no_string_completed_by() {
    let dir = corpus();
    let (code, err) = import(
        &wild("label-studio/export.json"),
        "label-studio",
        dir.path(),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("export")
        .arg(dir.path())
        .args(["--format", "label-studio", "--annotator", "ls-7"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let tasks: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for task in tasks.as_array().unwrap() {
        for annotation in task["annotations"].as_array().unwrap() {
            assert!(
                annotation
                    .get("completed_by")
                    .is_none_or(serde_json::Value::is_u64),
                "Label Studio's importer refuses a string completed_by: {annotation}"
            );
        }
    }
    let relation = &tasks[0]["annotations"][0]["result"][2];
    assert_eq!(relation["type"], "relation");
    assert_eq!(relation["labels"][0], "speaker");
}

#[test]
fn links_round_trip_through_brat_label_studio_and_doccano() {
    let (dir, file) = linked_corpus();
    for (format, output) in [
        ("brat", "b"),
        ("label-studio", "x.json"),
        ("doccano", "x.jsonl"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let path = out.path().join(output);
        let status = Command::new(env!("CARGO_BIN_EXE_glosser"))
            .arg("export")
            .arg(dir.path())
            .args(["--format", format, "--annotator", "ann", "-o"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "{format}");
        let again = corpus();
        let (code, err) = import(&path, format, again.path(), &["--annotator", "ann"]);
        assert_eq!(code, 0, "{format}: {err}");
        let back = store::load(&again.path().join("a.txt.ann.ron")).unwrap();
        assert_eq!(back.spans, file.spans, "{format}");
        assert_eq!(back.links, file.links, "{format}");
    }
}
