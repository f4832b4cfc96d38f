use super::*;

#[test]
fn glosser_ron_gives_the_card_its_metadata_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        DatasetMeta::of_corpus(dir.path()).unwrap(),
        DatasetMeta::default()
    );
    std::fs::write(
        dir.path().join("glosser.ron"),
        r#"(labels: [(name: "claim")], dataset: (pretty_name: "News claims", license: "cc-by-4.0", language: ["en", "deu"]))"#,
    )
    .unwrap();
    let meta = DatasetMeta::of_corpus(dir.path()).unwrap();
    assert_eq!(meta.pretty_name.as_deref(), Some("News claims"));
    assert_eq!(meta.language, ["en", "deu"]);
    // The labels still load with the dataset entry there.
    let (labels, warning) = crate::labels::LabelSet::for_corpus(dir.path());
    assert_eq!(warning, None);
    assert!(labels.contains("claim"));
    let flags = DatasetMeta {
        license: Some("mit".into()),
        ..DatasetMeta::default()
    };
    let meta = meta.overridden_by(&flags);
    assert_eq!(meta.license.as_deref(), Some("mit"));
    assert_eq!(meta.pretty_name.as_deref(), Some("News claims"));
}

#[test]
fn licences_and_languages_the_hub_would_refuse_are_refused_with_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("glosser.ron"),
        r#"(labels: [(name: "claim")], dataset: (license: "CC BY 4.0"))"#,
    )
    .unwrap();
    let error = DatasetMeta::of_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        error.contains("glosser.ron") && error.contains("\"CC BY 4.0\""),
        "{error}"
    );
    let bad = |meta: DatasetMeta| meta.check("--flags").unwrap_err().to_string();
    let language = DatasetMeta {
        language: vec!["English".into()],
        ..DatasetMeta::default()
    };
    assert!(bad(language).contains("\"English\" is not an ISO 639 code"));
    let name = DatasetMeta {
        pretty_name: Some("two\nlines".into()),
        ..DatasetMeta::default()
    };
    assert!(bad(name).contains("one line"));
    assert!(LICENSES.contains(&"cc-by-4.0") && LICENSES.contains(&"other"));
}
