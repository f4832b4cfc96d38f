//! A record with no spans keeps its document: it gets an annotation file with its status, and
//! every export keeps the document (brat an empty `.ann`).

use super::*;

/// A brat folder of two documents, one with an empty `.ann`.
fn brat_with_an_empty_document(dir: &Path) -> PathBuf {
    let input = dir.join("brat");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("full.txt"), "Ada Lovelace met Babbage.\n").unwrap();
    std::fs::write(input.join("full.ann"), "T1\tclaim 0 12\tAda Lovelace\n").unwrap();
    std::fs::write(input.join("empty.txt"), "Nothing to see here.\n").unwrap();
    std::fs::write(input.join("empty.ann"), "").unwrap();
    input
}

#[test]
fn an_empty_ann_imports_as_a_document_with_an_annotation_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = brat_with_an_empty_document(dir.path());
    let corpus = dir.path().join("corpus");
    let (code, err) = import(&input, &corpus, &["--format", "brat", "--annotator", "ann"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 2 records (1 span)"), "{err}");
    let file = store::load(&corpus.join("empty.txt.ann.ron")).unwrap();
    assert!(file.spans.spans().is_empty());
    assert_eq!(format!("{:?}", file.status), "InProgress");
    validate_clean(&corpus);
}

#[test]
fn every_export_keeps_the_document_without_spans() {
    let dir = tempfile::tempdir().unwrap();
    let input = brat_with_an_empty_document(dir.path());
    let corpus = dir.path().join("corpus");
    let (code, err) = import(&input, &corpus, &["--format", "brat", "--annotator", "ann"]);
    assert_eq!(code, 0, "{err}");
    let corpus_arg = corpus.to_str().unwrap();
    let export = |format: &str, out: &Path| {
        let (code, _, err) = glosser(&[
            "export",
            corpus_arg,
            "--format",
            format,
            "--annotator",
            "ann",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{format}: {err}");
    };
    let brat = dir.path().join("out-brat");
    export("brat", &brat);
    assert_eq!(std::fs::read_to_string(brat.join("empty.ann")).unwrap(), "");
    assert_eq!(
        std::fs::read_to_string(brat.join("empty.txt")).unwrap(),
        "Nothing to see here.\n"
    );
    for format in ["uima-json", "xmi"] {
        let out = dir.path().join(format!("out-{format}"));
        export(format, &out);
        let extension = if format == "xmi" { "xmi" } else { "json" };
        assert!(
            out.join(format!("empty.txt.{extension}")).is_file(),
            "{format}"
        );
    }
    // One-file formats: the document is in the export, with no spans.
    // spaCy's export is a binary DocBin: written (exit 0, nothing skipped), checked as bytes here.
    let docbin = dir.path().join("export.spacy");
    export("spacy", &docbin);
    let with_empty = std::fs::read(&docbin).unwrap();
    assert_eq!(with_empty.first(), Some(&0x78), "a zlib-compressed DocBin");
    for format in [
        "jsonl",
        "prodigy",
        "doccano",
        "label-studio",
        "conll",
        "hf",
        "w3c",
        "csv",
    ] {
        let out = dir.path().join(format!("export.{format}"));
        export(format, &out);
        let written = std::fs::read_to_string(&out).unwrap();
        let kept = match format {
            // Token-per-line formats: its words, each outside any span.
            "conll" => written.contains("Nothing -X- O O\nto -X- O O\n"),
            "hf" => written.contains("\"Nothing\""),
            // W3C collections carry no text: the document is its own collection.
            "w3c" => written.contains(r#""label":"empty.txt""#),
            // A span table: one row without a span, with the document's status.
            "csv" => written.contains("\r\nempty.txt,ann,,,,,,InProgress,\r\n"),
            _ => written.contains("Nothing to see here."),
        };
        assert!(
            kept,
            "{format} keeps the document without spans:\n{written}"
        );
    }
    let (_, conll, _) = glosser(&[
        "export",
        corpus_arg,
        "--format",
        "conll",
        "--annotator",
        "ann",
    ]);
    assert_eq!(conll.matches("-DOCSTART-").count(), 2, "{conll}");
}
