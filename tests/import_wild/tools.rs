//! Label Studio, Prodigy, glosser's jsonl, and links through every exporter that holds them.

use super::*;

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
        "1 cancelled or skipped annotation not imported (task 1 annotation 23)",
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
fn prodigy_one_document_per_input_rejected_suggestions_kept_as_rejected() {
    let dir = corpus();
    let (code, err) = import(&wild("prodigy/db-out.jsonl"), "prodigy", dir.path(), &[]);
    assert_eq!(code, 1, "{err}");
    let mut docs: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            "prodigy-1641016478.txt",
            "prodigy-99.txt",
            "prodigy-n203937475.txt"
        ],
        "an input whose answers turned a suggestion down is a document too"
    );
    assert_eq!(
        texts(&spans(
            dir.path(),
            "prodigy-1641016478.txt",
            "ner_news-alice"
        )),
        [("ORG", "Apple"), ("ORG", "metrics")]
    );
    let rejected = |doc: &str| -> Vec<(usize, usize, String, String)> {
        store::load(&dir.path().join(format!("{doc}.ner_news-alice.ron")))
            .unwrap()
            .rejected
            .iter()
            .map(|s| (s.start, s.end, s.label.clone(), s.quote.clone()))
            .collect()
    };
    assert_eq!(
        rejected("prodigy-1641016478.txt"),
        [(18, 27, "PERSON".into(), "analytics".into())],
        "a binary reject of a suggested span is a rejected span"
    );
    assert_eq!(
        rejected("prodigy-n203937475.txt"),
        [(27, 33, "ORG".into(), "London".into())]
    );
    assert!(spans(dir.path(), "prodigy-n203937475.txt", "ner_news-alice").is_empty());
    assert_eq!(
        links(dir.path(), "prodigy-99.txt", "rel_news-bob"),
        [("LEADS".to_owned(), (0, 13), (20, 26))]
    );
    for expected in [
        "1 rejected or ignored answer skipped (line 5)",
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
    let doc = glosser_core::text::Document::from_text(text);
    let source = glosser_core::span::Span::new(&doc, 0..7, "source");
    let quote = glosser_core::span::Span::new(&doc, 28..36, "quote");
    let orphan = glosser_core::span::Span {
        start: 40,
        end: 45,
        label: "claim".into(),
        quote: "gone!".into(),
        orphan: true,
        ..Default::default()
    };
    let mut file = store::AnnotationFile::new("a.txt", "ann", doc.sha256());
    file.status = store::Status::Done;
    file.spans = glosser_core::span::AnnotationSet::from_spans(vec![source.clone(), quote.clone()]);
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

#[test]
fn label_studio_json_min_from_label_studio_converter() {
    let dir = corpus();
    let (code, err) = import(
        &wild("label-studio/json_min.json"),
        "label-studio",
        dir.path(),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let doc = "label-studio-7.txt";
    assert_eq!(
        texts(&spans(dir.path(), doc, "ls-7")),
        [("source", "Tsahkna"), ("quote", "“positive”")]
    );
    assert_eq!(
        spans(dir.path(), doc, "maria-k"),
        [(45, 51, "source".into(), "Lavrov".into())]
    );
    assert_eq!(
        spans(dir.path(), "label-studio-8.txt", "ls-7"),
        [(0, 6, "source".into(), "Lavrov".into())]
    );
}
