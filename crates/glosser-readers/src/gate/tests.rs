mod fixtures;

use super::*;

#[test]
fn java_offsets_are_utf16() {
    let input = r#"{"text":"😀 Ada","offset_type":"j","annotation_sets":{"":{"annotations":[{"type":"Person","start":3,"end":6,"id":0,"features":{"gender":"f","scores":[1,2]}},{"type":"Bad","start":1,"end":2,"id":1,"features":{}}]}}}"#;
    let corpus = read(input, &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    let span = &document.spans[0];
    assert_eq!(
        (span.start, span.end, span.label.as_str(), span.id.as_str()),
        (2, 5, "Person", "#0")
    );
    assert_eq!(span.features["scores"], "[1,2]");
    assert!(document.skipped[0].reason.contains("surrogate pair"));
    assert_eq!(
        corpus.skipped[0].reason,
        "every set with annotations was read: \"\" (1 spans)"
    );
}

#[test]
fn sets_and_types_can_be_chosen() {
    let input = r#"{"text":"ab","annotation_sets":{"A":{"annotations":[{"type":"X","start":0,"end":1,"id":0},{"type":"Y","start":1,"end":2,"id":1}]},"B":{"annotations":[{"type":"X","start":0,"end":2,"id":0}]}}}"#;
    let options = ReadOptions {
        sets: Some(vec!["A".into(), "C".into()]),
        types: Some(vec!["X".into()]),
    };
    let corpus = read(input, &options).unwrap();
    let labels: Vec<(&str, &str)> = corpus.documents[0]
        .spans
        .iter()
        .map(|s| (s.layer.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(labels, [("A", "X")]);
    let reasons: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "offset_type: missing: offsets read as Python code points (\"p\"), as gatenlp does",
            "annotation set \"B\": not chosen: 1 annotations not read",
            "annotation set \"C\": asked for, but the document has no such set"
        ]
    );
    assert!(read("[]", &ReadOptions::default()).is_err());
    assert!(read(r#"{"text":1}"#, &ReadOptions::default()).is_err());
    assert!(read(r#"{"text":"a","offset_type":"x"}"#, &ReadOptions::default()).is_err());
}
