//! INCEpTION's formats: UIMA CAS XMI, UIMA CAS JSON and WebAnno TSV 3.

use super::*;

#[test]
fn an_inception_xmi_export_with_a_custom_layer_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("uima/relation_test.xmi"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("read as --format xmi (told by its content)"),
        "{err}"
    );
    assert!(
        err.contains("added 2 labels to") && err.contains(": city, state"),
        "{err}"
    );
    assert!(
        err.contains("added 1 link type to") && err.contains("located in (city → state)"),
        "{err}"
    );
    assert!(
        err.contains("relation_test.xmi: 11 Token annotations: segmentation and tagset descriptions are not annotations; not kept"),
        "tokens are said, not counted as lost: {err}"
    );
    let doc = "relation_test.txt";
    assert_eq!(
        texts(&spans(dir.path(), doc, "ann")),
        [
            ("city", "Darmstadt"),
            ("state", "Hessen"),
            ("city", "Hannover"),
            ("state", "Lower Saxony")
        ]
    );
    assert_eq!(
        links(dir.path(), doc, "ann"),
        [("located in".into(), "Darmstadt".into(), "Hessen".into())],
        "the file's one relation (Hannover and Lower Saxony are not linked in it)"
    );
    validate_clean(dir.path());
}

#[test]
fn utf16_offsets_after_an_emoji_in_xmi_tsv_and_cas_json() {
    for (input, format) in [
        ("uima/sentence-with-emoji.xmi", "xmi"),
        ("uima/sentence-with-emoji.tsv", "webanno"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (code, err) = import(
            &wild(input),
            dir.path(),
            &["--format", format, "--annotator", "ann", "--add-labels"],
        );
        assert_eq!(code, 0, "{input}: {err}");
        let doc = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".txt"))
            .unwrap();
        assert_eq!(
            texts(&spans(dir.path(), &doc, "ann")),
            [("NamedEntity", "😊")],
            "{input}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("uima/emoji.json"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    let found = spans(dir.path(), "emoji.txt", "ann");
    let words: Vec<&str> = found.iter().map(|s| s.3.as_str()).collect();
    assert_eq!(
        words,
        [
            "🥳",
            "This",
            "👳🏻\u{200d}♀\u{fe0f}",
            "is",
            "✆",
            "a",
            "🧔🏾\u{200d}♂\u{fe0f}",
            "test",
            "👻"
        ]
    );
}

#[test]
fn webanno_tsv_stacked_sub_token_and_multi_token_spans_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("uima/subtoken-relation.tsv"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "the text between sentences: WebAnno TSV does not record it; rebuilt as INCEpTION does"
        ),
        "the assumption is said: {err}"
    );
    let doc = "subtoken-relation.txt";
    assert_eq!(
        texts(&spans(dir.path(), doc, "ann")),
        [("OTH", "T"), ("OTH", "t")]
    );
    assert_eq!(
        links(dir.path(), doc, "ann"),
        [("Relation".into(), "T".into(), "t".into())]
    );

    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("uima/stacked-subtoken-multitoken.tsv"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 1, "the zero-width spans are reported: {err}");
    assert!(
        err.contains("not kept: 6 empty spans (no characters) not kept"),
        "{err}"
    );
    let found = spans(dir.path(), "stacked-subtoken-multitoken.txt", "ann");
    assert_eq!(found.len(), 18);
    assert!(found.contains(&(0, 13, "2a".into(), "aaaaaa bbbbbb".into())));
    assert!(
        found.contains(&(0, 13, "2b".into(), "aaaaaa bbbbbb".into())),
        "stacked"
    );
    assert!(
        found.contains(&(3, 17, "9a".into(), "aaa bbbbbb ccc".into())),
        "sub-token start"
    );
}

#[test]
fn layers_choose_what_comes_in_and_a_directory_of_files_is_one_import() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inception");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(wild("uima/example2.tsv"), inputs.join("example2.tsv")).unwrap();
    std::fs::copy(wild("uima/subtoken-relation.tsv"), inputs.join("other.tsv")).unwrap();
    let corpus = dir.path().join("corpus");
    let (code, err) = import(
        &inputs,
        &corpus,
        &[
            "--format",
            "webanno",
            "--annotator",
            "ann",
            "--add-labels",
            "--layers",
            "NamedEntity",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 2 records"), "{err}");
    assert!(
        err.contains("annotations of other layers"),
        "what --layers left out is said: {err}"
    );
    assert!(
        err.contains("added 4 labels to"),
        "only the chosen layer's labels: {err}"
    );
    assert_eq!(
        texts(&spans(&corpus, "example2.txt", "ann")),
        [
            ("PER", "Ms. Haag"),
            ("OTH", "Elianti"),
            ("ORG", "Rolls-Royce Motor"),
            ("LOC", "U.S."),
            ("LOC", "U.S."),
            ("PER", "BELL"),
            ("ORG", "BELL INDUSTRIES Inc."),
            ("ORG", "Bell"),
            ("LOC", "Los Angeles"),
        ]
    );
    assert!(
        store::load(&corpus.join("other.txt.ann.ron"))
            .unwrap()
            .spans
            .spans()
            .is_empty()
    );
}
