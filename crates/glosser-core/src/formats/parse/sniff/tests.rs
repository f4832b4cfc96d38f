use std::path::{Path, PathBuf};

use super::*;
use crate::formats::parse::{Options, read_str};

fn wild(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/wild")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(wild(path)).unwrap()
}

#[test]
fn a_gate_file_given_as_another_json_format_is_refused_with_its_keys_and_format() {
    let gate = read("gate/tests-testdoc1.bdocjs");
    for format in [
        ImportFormat::Doccano,
        ImportFormat::LabelStudio,
        ImportFormat::Prodigy,
    ] {
        let refused = unread_keys(format, &gate, "doc.bdocjs").unwrap().0;
        assert!(
            refused.starts_with("doc.bdocjs: `annotation_sets` (GATE annotation sets: 7 annotations in 1 record) looks like annotations"),
            "{refused}"
        );
        assert!(
            refused.ends_with("import it with --format gate"),
            "{refused}"
        );
        assert!(
            refused.contains(&format!("the {format} reader")),
            "{refused}"
        );
    }
    assert!(unread_keys(ImportFormat::Gate, &gate, "doc.bdocjs").is_none());
}

#[test]
fn json_min_regions_are_read_as_json_min_not_as_nothing() {
    let min = read("label-studio/json_min-ner.json");
    assert_eq!(
        json_min_as_label_studio(ImportFormat::LabelStudio, &min),
        Some(ImportFormat::LabelStudioMin)
    );
    assert_eq!(json_min_as_label_studio(ImportFormat::Doccano, &min), None);
    let refused = unread_keys(ImportFormat::Doccano, &min, "min.json")
        .unwrap()
        .0;
    assert!(refused.contains("`ner` (Label Studio regions"), "{refused}");
    assert!(refused.contains("--format label-studio-min"), "{refused}");
    let full = read("label-studio/export.json");
    assert_eq!(
        json_min_as_label_studio(ImportFormat::LabelStudio, &full),
        None
    );
}

#[test]
fn the_tools_own_files_are_not_refused_by_their_readers() {
    for (format, path) in [
        (ImportFormat::Doccano, "doccano/relation_extraction.jsonl"),
        (ImportFormat::Doccano, "doccano/v1_tutorial.jsonl"),
        (ImportFormat::Doccano, "doccano/shapes.jsonl"),
        (ImportFormat::LabelStudio, "label-studio/export.json"),
        (
            ImportFormat::LabelStudio,
            "label-studio/completions_348.json",
        ),
        (ImportFormat::LabelStudioMin, "label-studio/json_min.json"),
        (ImportFormat::Prodigy, "prodigy/db-out.jsonl"),
        (ImportFormat::Hf, "hf/transformers-conll-sample.json"),
        (ImportFormat::Argilla, "argilla/v2-records.json"),
        (ImportFormat::SpacyV2, "spacy-v2/training-data.json"),
        (ImportFormat::UimaJson, "uima/emoji.json"),
    ] {
        assert!(
            unread_keys(format, &read(path), path).is_none(),
            "{path}: {:?}",
            unread_keys(format, &read(path), path)
        );
    }
    assert!(unread_keys(ImportFormat::Conll, "Ada B-PER\n", "a.conll").is_none());
}

#[test]
fn glossers_own_exports_are_not_refused() {
    let jsonl = r#"{"document":"a.txt","annotator":"ann","text":"Ada left.","status":"Done","spans":[{"id":"0123456789ab","start":0,"end":3,"label":"source","text":"Ada"}],"relations":[]}"#;
    assert!(unread_keys(ImportFormat::Jsonl, jsonl, "x").is_none());
    let doccano = r#"{"id":"a.txt","text":"Ada left.","label":[[0,3,"source"]],"entities":[{"id":1,"start_offset":0,"end_offset":3,"label":"source"}],"relations":[],"annotator":"ann","status":"Done"}"#;
    assert!(unread_keys(ImportFormat::Doccano, doccano, "x").is_none());
    let prodigy = r#"{"answer":"accept","meta":{"annotator":"ann","document":"a.txt","status":"Done"},"spans":[{"end":3,"id":"0123456789ab","label":"source","start":0,"token_end":0,"token_start":0}],"text":"Ada left.","tokens":[{"end":3,"id":0,"start":0,"text":"Ada","ws":true},{"end":8,"id":1,"start":4,"text":"left","ws":false},{"end":9,"id":2,"start":8,"text":".","ws":false}]}"#;
    assert!(unread_keys(ImportFormat::Prodigy, prodigy, "x").is_none());
}

#[test]
fn a_file_nothing_could_be_read_from_is_told_its_format() {
    let conll = "-DOCSTART- -X- O O\n\nAda -X- O B-PER\nleft -X- O O\n";
    let mut parsed = read_str(ImportFormat::Jsonl, conll, &Options::default()).unwrap();
    assert!(parsed.records.iter().all(Result::is_err));
    suggest_when_nothing_read(&mut parsed, conll, "a.conll", ImportFormat::Jsonl);
    assert_eq!(
        parsed.notices,
        [
            "a.conll: no record could be read as jsonl; the file looks like a CoNLL / IOB file: import it with --format conll"
        ]
    );
    let error = suggest_on_error(
        ReadError::Shape("not a Label Studio JSON export".to_owned()),
        &read("gate/tests-testdoc1.bdocjs"),
        "doc.bdocjs",
        ImportFormat::LabelStudio,
    );
    assert!(
        error.to_string().ends_with("import it with --format gate"),
        "{error}"
    );
}

#[test]
fn a_jsonl_file_of_another_format_is_named_from_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.jsonl");
    std::fs::copy(wild("prodigy/db-out.jsonl"), &path).unwrap();
    let said = jsonl_looks_like(&path);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].ends_with("import it with --format prodigy"),
        "{said:?}"
    );
    std::fs::write(&path, r#"{"document":"a.txt","text":"x","spans":[]}"#).unwrap();
    assert!(jsonl_looks_like(&path).is_empty());
}

#[test]
fn a_webanno_or_uima_file_given_as_conll_is_refused_and_a_conll_file_is_not() {
    let tsv = read("uima/example2.tsv");
    let refused = another_format_as_conll(ImportFormat::Conll, &tsv, "e.tsv")
        .unwrap()
        .0;
    assert!(
        refused.ends_with("import it with --format webanno"),
        "{refused}"
    );
    let xmi = read("uima/relation_test.xmi");
    assert!(another_format_as_conll(ImportFormat::Conll, &xmi, "r.xmi").is_some());
    let conll = read("conll/inception-conll2002.txt");
    assert!(another_format_as_conll(ImportFormat::Conll, &conll, "c.txt").is_none());
    assert!(another_format_as_conll(ImportFormat::WebAnno, &tsv, "e.tsv").is_none());
}
