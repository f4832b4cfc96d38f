//! Hugging Face token rows: transformers' CoNLL sample, glosser's own `hf` export, integer tags
//! with the ClassLabel names of the `conll2003` dataset, and the `text` column.

use crate::Error;
use crate::hf::{self, ReadOptions};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/hf/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn covered(corpus: &crate::Corpus, document: usize) -> Vec<(String, String)> {
    let document = &corpus.documents[document];
    document
        .spans
        .iter()
        .map(|span| (document.covered_text(span).unwrap(), span.label.clone()))
        .collect()
}

#[test]
fn transformers_sample_words_and_ner() {
    let corpus = hf::read(
        &fixture("transformers-conll-sample.json"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 10);
    assert_eq!(corpus.documents[1].text, "CHICAGO AT ATLANTA");
    assert_eq!(
        covered(&corpus, 1),
        [
            ("CHICAGO".to_owned(), "ORG".to_owned()),
            ("ATLANTA".to_owned(), "LOC".to_owned())
        ]
    );
    assert_eq!(
        covered(&corpus, 2)[0],
        ("Bill Clinton".to_owned(), "PER".to_owned())
    );
    let entities: usize = corpus.documents.iter().map(|d| d.spans.len()).sum();
    let begins = fixture("transformers-conll-sample.json")
        .matches("\"B-")
        .count();
    assert_eq!(entities, begins);
    assert_eq!(corpus.labels, ["ORG", "LOC", "PER"]);
    assert!(
        corpus.documents[0].skipped[0]
            .reason
            .starts_with("rebuilt from the tokens")
    );
    assert_eq!(
        corpus.skipped[0].reason,
        "read as IOB2 (detected from the tags)"
    );
    assert_eq!(corpus.documents[0].spans[0].layer, "ner");
}

#[test]
fn glosser_export_keeps_its_offsets() {
    let corpus = hf::read(&fixture("glosser-hf-export.jsonl"), &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(document.metadata.document_id.as_deref(), Some("a.txt"));
    assert_eq!(
        document.text,
        "Putin’s envoy 😀 said “we won” today. Critics doubt it."
    );
    let span = &document.spans[0];
    assert_eq!(
        (span.start, span.end, span.label.as_str()),
        (0, 36, "claim")
    );
    assert_eq!(
        document.covered_text(span).as_deref(),
        Some("Putin’s envoy 😀 said “we won” today.")
    );
    assert_eq!(
        document.skipped[0].reason,
        "the characters between tokens are not in the file: 9 filled with spaces (the token offsets are kept)"
    );
    let reasons: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    // glosser's status column is the document's status, not a column left unread.
    assert_eq!(document.metadata.status.as_deref(), Some("InProgress"));
    assert!(document.metadata.gaps_filled);
    assert!(
        !reasons.iter().any(|r| r.starts_with("column status")),
        "{reasons:?}"
    );
}

#[test]
fn a_status_column_glosser_did_not_write_is_reported() {
    let rows = r#"{"tokens":["EU"],"ner_tags":["B-ORG"],"status":"pending"}"#;
    let corpus = hf::read(rows, &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents[0].metadata.status, None);
    assert!(
        corpus
            .skipped
            .iter()
            .any(|s| s.what == "column status" && s.reason.contains("pending")),
        "{:?}",
        corpus.skipped
    );
}

#[test]
fn integer_tags_need_the_class_label_names() {
    let rows = "{\"id\":\"0\",\"tokens\":[\"EU\",\"rejects\",\"German\"],\"ner_tags\":[3,0,7],\"pos_tags\":[22,42,16]}\n\
                {\"id\":\"1\",\"tokens\":[\"Peter\",\"Blackburn\"],\"ner_tags\":[1,2],\"pos_tags\":[22,22]}\n";
    assert_eq!(
        hf::read(rows, &ReadOptions::default()).unwrap_err(),
        Error::MissingLabelNames {
            column: "ner_tags".into()
        }
    );
    let names = hf::label_names(&fixture("conll2003-dataset_infos.json"), "ner_tags").unwrap();
    assert_eq!(
        names,
        [
            "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"
        ]
    );
    let options = ReadOptions {
        label_names: Some(names),
        ..ReadOptions::default()
    };
    let corpus = hf::read(rows, &options).unwrap();
    assert_eq!(
        corpus.documents[0].metadata.document_id.as_deref(),
        Some("0")
    );
    assert_eq!(
        covered(&corpus, 0),
        [
            ("EU".to_owned(), "ORG".to_owned()),
            ("German".to_owned(), "MISC".to_owned())
        ]
    );
    assert_eq!(
        covered(&corpus, 1),
        [("Peter Blackburn".to_owned(), "PER".to_owned())]
    );
    assert_eq!(corpus.labels, ["PER", "ORG", "LOC", "MISC"]);
    assert_eq!(corpus.skipped[1].what, "column pos_tags");
    let short = ReadOptions {
        label_names: Some(vec!["O".into()]),
        ..ReadOptions::default()
    };
    assert!(matches!(
        hf::read(rows, &short),
        Err(Error::LabelIndex {
            value: 3,
            count: 1,
            ..
        })
    ));
    assert!(hf::label_names(&fixture("conll2003-dataset_infos.json"), "tokens").is_err());
    let flat = "{\"features\":{\"ner\":{\"_type\":\"List\",\"feature\":{\"_type\":\"ClassLabel\",\"names\":[\"O\",\"B-X\"]}}}}";
    assert_eq!(hf::label_names(flat, "ner").unwrap(), ["O", "B-X"]);
}

#[test]
fn a_text_column_places_the_tokens_exactly() {
    let rows = r#"[{"text":"Ada  Lovelace, 😀 wrote.","tokens":["Ada","Lovelace",",","😀","wrote","."],"tags":["B-PER","I-PER","O","O","O","O"]}]"#;
    let corpus = hf::read(rows, &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.text, "Ada  Lovelace, 😀 wrote.");
    assert_eq!(
        covered(&corpus, 0),
        [("Ada  Lovelace".to_owned(), "PER".to_owned())]
    );
    assert!(document.skipped.is_empty(), "{:?}", document.skipped);
    let misplaced = r#"[{"text":"Ada wrote","tokens":["Bob","wrote"],"tags":["B-PER","O"]}]"#;
    let corpus = hf::read(misplaced, &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents[0].text, "Bob wrote");
    assert!(
        corpus.documents[0].skipped[0]
            .reason
            .contains("not found in order")
    );
}

#[test]
fn rows_that_do_not_fit_are_reported() {
    let rows = r#"{"document":"d","tokens":["a","b"],"ner_tags":["B-X"],"token_starts":[0],"token_ends":[1]}
{"document":"d","tokens":["c"],"ner_tags":["B-Y"],"ner_tags_2":["B-Z"]}"#;
    let corpus = hf::read(rows, &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(document.text, "a b\nc");
    let layers: Vec<(&str, &str)> = document
        .spans
        .iter()
        .map(|s| (s.layer.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(layers, [("ner_tags", "Y"), ("ner_tags_2", "Z")]);
    let reasons: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    assert!(
        reasons.contains(&"line 1 ner_tags: 1 tags for 2 tokens: not read".to_owned()),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"line 1 token offsets: 1 offsets for 2 tokens: not used".to_owned()),
        "{reasons:?}"
    );
    assert!(hf::read(r#"{"text":"a"}"#, &ReadOptions::default()).is_err());
    assert!(
        hf::read(
            r#"[{"tokens":["a"],"tags":[null]}]"#,
            &ReadOptions::default()
        )
        .is_err()
    );
    assert_eq!(
        hf::read("[]", &ReadOptions::default())
            .unwrap()
            .documents
            .len(),
        0
    );
}
