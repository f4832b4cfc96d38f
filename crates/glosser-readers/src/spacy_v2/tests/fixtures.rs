//! spaCy v2 JSON training files from spaCy's repository.

use crate::spacy_v2;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/spacy_v2/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn covered(document: &crate::Document) -> Vec<(String, String)> {
    document
        .spans
        .iter()
        .map(|s| (document.covered_text(s).unwrap(), s.label.clone()))
        .collect()
}

#[test]
fn converted_iob_without_raw() {
    let corpus = spacy_v2::read(&fixture("ner-token-per-line.json")).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(document.metadata.document_id.as_deref(), Some("0"));
    assert_eq!(document.text.lines().count(), 3);
    assert!(document.text.starts_with(
        "When Sebastian Thrun started working on self - driving cars at Google in 2007 ,"
    ));
    let labels: Vec<String> = covered(document)
        .into_iter()
        .map(|(text, label)| format!("{text}/{label}"))
        .collect();
    assert_eq!(
        labels,
        [
            "Sebastian Thrun/PERSON",
            "Google/ORG",
            "2007/DATE",
            "American/NORP",
            "Thrun/PERSON",
            "Recode/ORG",
            "earlier this week/DATE"
        ]
    );
    assert!(
        document.skipped[0]
            .reason
            .starts_with("rebuilt from the tokens")
    );
    assert_eq!(
        corpus.skipped[0].reason,
        "read as BILUO (detected from the tags)"
    );
}

#[test]
fn raw_that_the_tokens_do_not_match_is_reported() {
    let corpus = spacy_v2::read(&fixture("training-data.json")).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.metadata.document_id.as_deref(), Some("42"));
    assert_eq!(document.skipped[0].what, "the text");
    assert!(
        document.skipped[0].reason.starts_with("the tokens of the sentence starting \"In\" are not found in `raw` in order: rebuilt from the tokens"),
        "{:?}",
        document.skipped
    );
    let found = covered(document);
    assert_eq!(found.len(), 11);
    assert_eq!(
        found[1],
        ("The Misanthrope".to_owned(), "WORK_OF_ART".to_owned())
    );
    assert_eq!(
        found[4],
        (
            "Revitalized Classics Take the Stage in Windy City".to_owned(),
            "WORK_OF_ART".to_owned()
        )
    );
    assert_eq!(corpus.skipped[1].what, "brackets");
}
