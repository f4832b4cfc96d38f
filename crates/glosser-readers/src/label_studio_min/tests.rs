mod fixtures;

use super::*;

#[test]
fn utf16_regions_and_multiple_labels_are_reported() {
    let input = r#"[{"text":"😀 Ada","ner":[{"start":3,"end":6,"text":"Ada","labels":["PER","NAME"]},{"start":9,"end":12,"labels":["X"]},{"start":0,"end":1,"text":"x"}],"id":4}]"#;
    let corpus = read(input, &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(
        document.metadata.document_id.as_deref(),
        Some("label-studio-4.txt")
    );
    let spans: Vec<(usize, usize, &str)> = document
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    assert_eq!(spans, [(2, 5, "PER"), (2, 5, "NAME")]);
    let reasons: Vec<&str> = document.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons[0],
        "offsets read as UTF-16 code units: its text matches only so"
    );
    assert_eq!(reasons[1], "has 2 labels: read as one span per label");
    assert!(
        reasons[2].starts_with("offset 12 is past the end"),
        "{reasons:?}"
    );
    assert!(
        reasons[3].starts_with("the annotation's text \"x\""),
        "{reasons:?}"
    );
    assert_eq!(corpus.labels, ["PER", "NAME"]);
}

#[test]
fn the_text_field_is_found_or_named() {
    let input = r#"{"body":"Ada","ner":[{"start":0,"end":3,"labels":["PER"]}]}"#;
    assert_eq!(
        read(input, &ReadOptions::default()).unwrap().documents[0].text,
        "Ada"
    );
    let two = r#"{"body":"Ada","title":"T"}"#;
    assert!(read(two, &ReadOptions::default()).is_err());
    let named = ReadOptions {
        text_key: Some("title".into()),
    };
    assert_eq!(read(two, &named).unwrap().documents[0].text, "T");
    let missing = ReadOptions {
        text_key: Some("nope".into()),
    };
    assert!(read(two, &missing).is_err());
    assert!(read("[1]", &ReadOptions::default()).is_err());
}
