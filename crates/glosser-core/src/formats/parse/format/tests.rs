use std::path::{Path, PathBuf};

use super::*;

fn wild(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/wild")
        .join(path)
}

#[test]
fn names_parse_back_and_errors_list_the_import_formats() {
    for format in ImportFormat::ALL {
        assert_eq!(format.name().parse::<ImportFormat>(), Ok(format));
        assert_eq!(ImportFormat::from_detected(format.detected()), Some(format));
    }
    let err = "webanno-tsv".parse::<ImportFormat>().unwrap_err().0;
    assert!(
        err.starts_with("glosser cannot import \"webanno-tsv\"; use one of jsonl, doccano"),
        "{err}"
    );
    for name in [
        "webanno",
        "uima-json",
        "xmi",
        "conll",
        "hf",
        "label-studio-min",
        "auto",
    ] {
        assert!(err.contains(name), "{err}");
    }
    assert!(!err.contains("w3c") && !err.contains("csv"), "{err}");
}

#[test]
fn files_and_directories_are_told_by_their_content() {
    for (path, format) in [
        ("uima/relation_test.xmi", ImportFormat::Xmi),
        ("uima/emoji.json", ImportFormat::UimaJson),
        ("uima/example2.tsv", ImportFormat::WebAnno),
        ("conll/inception-conll2002.txt", ImportFormat::Conll),
        ("hf/transformers-conll-sample.json", ImportFormat::Hf),
        (
            "label-studio/json_min-ner.json",
            ImportFormat::LabelStudioMin,
        ),
        ("label-studio/export.json", ImportFormat::LabelStudio),
        ("gate/tests-testdoc1.bdocjs", ImportFormat::Gate),
        ("argilla/v2-records.json", ImportFormat::Argilla),
        ("spacy-v2/training-data.json", ImportFormat::SpacyV2),
        ("doccano/relation_extraction.jsonl", ImportFormat::Doccano),
        ("prodigy/db-out.jsonl", ImportFormat::Prodigy),
        ("brat/news", ImportFormat::Brat),
        ("tagtog", ImportFormat::Tagtog),
    ] {
        assert_eq!(detect(&wild(path)), Ok(format), "{path}");
    }
}

#[test]
fn what_cannot_be_told_or_imported_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let prose = dir.path().join("notes.txt");
    std::fs::write(&prose, "Just some prose, no annotations.\n").unwrap();
    let err = detect(&prose).unwrap_err().0;
    assert!(
        err.contains("cannot tell the format") && err.contains("--format"),
        "{err}"
    );
    let legend = dir.path().join("annotations-legend.json");
    std::fs::write(&legend, r#"{"e_1": "Person", "e_2": "Org"}"#).unwrap();
    let err = detect(&legend).unwrap_err().0;
    assert!(
        err.contains("tagtog annotations legend") && err.contains("does not import"),
        "{err}"
    );
    let missing = detect(&dir.path().join("missing.json")).unwrap_err().0;
    assert!(missing.contains("cannot read"), "{missing}");
}
