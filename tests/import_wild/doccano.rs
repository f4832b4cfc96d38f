//! doccano: every export shape since 1.0, label ids, users, BOM, UTF-16 and grapheme offsets.

use super::*;

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
    assert!(
        err.contains("(every span fits with --offsets grapheme)"),
        "{err}"
    );
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
