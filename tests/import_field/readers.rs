//! CoNLL, Hugging Face rows, Label Studio JSON-MIN, GATE, tagtog, Argilla and spaCy v2 files; a
//! file given as another format is refused, never read as nothing.

use super::*;

#[test]
fn conll_files_of_inception_and_spacy_with_their_schemes() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("conll/inception-conll2002.txt"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read as --format conll"), "{err}");
    assert!(
        err.contains("the tags: read as IOB2 (detected from the tags)"),
        "{err}"
    );
    assert!(err.contains("the text: rebuilt from the tokens"), "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "inception-conll2002.txt", "ann")),
        [
            ("PER", "Wolff"),
            ("LOC", "Argentina"),
            ("PER", "Del Bosque"),
            ("ORG", "Real Madrid")
        ]
    );
    let (code, err) = import(
        &wild("conll/inception-conll2003.txt"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 1, "the POS and chunk columns are reported: {err}");
    assert!(err.contains("read as IOB1"), "{err}");
    assert!(err.contains("2 other columns: not kept"), "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "inception-conll2003.txt", "ann")),
        [("ORG", "U.N."), ("PER", "Ekeus"), ("LOC", "Baghdad")]
    );
}

#[test]
fn hugging_face_rows_joined_or_exact_with_glossers_token_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("hf/transformers-conll-sample.json"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the text: rebuilt from the tokens: joined with single spaces")
            && err.contains("(and 9 other documents)"),
        "the assumption is said once: {err}"
    );
    assert!(err.contains("imported 10 records (25 spans)"), "{err}");
    assert_eq!(
        texts(&spans(
            dir.path(),
            "transformers-conll-sample-10.txt",
            "ann"
        ))[..3],
        [
            ("PER", "Clinton"),
            ("LOC", "Michigan City"),
            ("LOC", "Indiana")
        ]
    );
    // Integer tags need their names.
    let rows = dir.path().join("rows.jsonl");
    std::fs::write(
        &rows,
        "{\"tokens\": [\"EU\", \"rejects\", \"German\", \"call\"], \"ner_tags\": [3, 0, 7, 0]}\n",
    )
    .unwrap();
    let corpus = dir.path().join("c2");
    let (code, err) = import(
        &rows,
        &corpus,
        &[
            "--annotator",
            "ann",
            "--add-labels",
            "--label-names",
            wild("hf/conll2003-dataset_infos.json").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        texts(&spans(&corpus, "rows.txt", "ann")),
        [("ORG", "EU"), ("MISC", "German")]
    );
}

#[test]
fn json_min_with_its_own_from_name_given_as_label_studio() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("label-studio/json_min-ner.json"),
        dir.path(),
        &["--format", "label-studio"],
    );
    assert_eq!(code, 1, "the choice is reported: {err}");
    assert!(
        err.contains("Label Studio's JSON-MIN export, read as --format label-studio-min"),
        "{err}"
    );
    assert!(err.contains("key sentiment: not read"), "{err}");
    assert!(
        err.contains("imported 3 records (4 spans)"),
        "not read as nothing: {err}"
    );
    assert_eq!(
        texts(&spans(dir.path(), "label-studio-7.txt", "ls-7")),
        [("source", "Tsahkna"), ("quote", "“positive”")]
    );
    assert_eq!(
        spans(dir.path(), "label-studio-7.txt", "maria-k"),
        [(45, 51, "source".into(), "Lavrov".into())],
        "UTF-16 46..52 after the handshake emoji"
    );
    assert_eq!(
        texts(&spans(dir.path(), "label-studio-8.txt", "ls-7")),
        [("source", "Lavrov")],
        "offsets counted with the BOM are shifted"
    );
}

#[test]
fn a_gate_file_is_never_read_as_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["doccano", "label-studio", "prodigy"] {
        let (code, err) = import(
            &wild("gate/tests-testdoc1.bdocjs"),
            dir.path(),
            &["--format", format, "--annotator", "ann"],
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(
            err.contains("`annotation_sets` (GATE annotation sets: 7 annotations in 1 record) looks like annotations that the"),
            "{format}: {err}"
        );
        assert!(
            err.contains("import it with --format gate"),
            "{format}: {err}"
        );
        assert!(err.contains("imported 0 records"), "{format}: {err}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let (code, err) = import(
        &wild("gate/tests-testdoc1.bdocjs"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(
        code, 1,
        "zero-length annotations and features are reported: {err}"
    );
    assert!(
        err.contains("3 empty spans (no characters) not kept"),
        "{err}"
    );
    assert!(err.contains("span features not kept"), "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "GATE Document_00008.txt", "ann")),
        [
            ("Type1", "This"),
            ("LONG", "This is the document"),
            ("Type1", "is "),
            ("SHORT", "is th")
        ]
    );
}

#[test]
fn tagtog_argilla_and_spacy_v2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("tagtog"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 1, "tagtog's probabilities are reported: {err}");
    assert!(err.contains("read as --format tagtog"), "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "hellotag.txt", "ann")),
        [("e_1", "tag")]
    );
    assert_eq!(
        texts(&spans(dir.path(), "formatted.txt", "ann")),
        [("e_1", "Leonardo DiCaprio"), ("e_2", "Cielo Drive")]
    );

    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("argilla/v2-records.json"),
        dir.path(),
        &["--annotator", "ann", "--add-labels", "--layers", "spans"],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        texts(&spans(dir.path(), "a.txt", "ann")),
        [
            ("claim", "Putin’s envoy 😀 said “we won” today."),
            ("quote", "“we won”")
        ]
    );
    assert!(spans(dir.path(), "b.txt", "ann").is_empty());

    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("spacy-v2/training-data.json"),
        dir.path(),
        &["--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 1, "the brackets are reported: {err}");
    assert!(err.contains("read as BILUO"), "{err}");
    let found = spans(dir.path(), "42.txt", "ann");
    assert_eq!(found.len(), 11);
    assert!(found.iter().any(|s| s.2 == "WORK_OF_ART"), "{found:?}");
}

#[test]
fn a_file_given_as_the_wrong_text_format_is_told_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    for (input, given, right) in [
        ("uima/example2.tsv", "conll", "webanno"),
        ("conll/inception-conll2002.txt", "webanno", "conll"),
        ("uima/emoji.json", "xmi", "uima-json"),
        ("uima/relation_test.xmi", "jsonl", "xmi"),
        ("conll/inception-conll2002.txt", "brat", "conll"),
    ] {
        let (code, err) = import(
            &wild(input),
            dir.path(),
            &["--format", given, "--annotator", "ann"],
        );
        assert_ne!(code, 0, "{input} as {given}: {err}");
        assert!(
            err.contains(&format!("import it with --format {right}")),
            "{input} as {given}: {err}"
        );
    }
    assert!(
        !dir.path().join("example2.txt").exists(),
        "a TSV read as CoNLL writes nothing"
    );
}

#[test]
fn glossers_own_hf_export_comes_back_into_its_corpus_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in walk(&source) {
        let to = corpus.join(entry.strip_prefix(&source).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let export = |annotator: &str, out: &Path| {
        let (code, _, err) = glosser(&[
            "export",
            corpus.to_str().unwrap(),
            "--format",
            "hf",
            "--annotator",
            annotator,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        std::fs::read_to_string(out).unwrap()
    };
    let rows = export("ann", &dir.path().join("ann.hf"));
    // The rows hold tokens at their offsets, not the whitespace between them: the documents
    // that differ from the rows' text only there are the corpus's own.
    let (code, err) = import(
        &dir.path().join("ann.hf"),
        &corpus,
        &["--format", "hf", "--annotator", "back"],
    );
    assert_eq!(
        code, 0,
        "the status column is read, nothing else is left: {err}"
    );
    assert!(err.contains("imported 4 records (9 spans)"), "{err}");
    assert!(!err.contains("rejected"), "{err}");
    let back_file = store::load(&corpus.join("emoji.txt.back.ron")).unwrap();
    assert_eq!(format!("{:?}", back_file.status), "InProgress");
    let back = export("back", &dir.path().join("back.hf"));
    assert_eq!(back.replace("\"back\"", "\"ann\""), rows);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
