mod fixtures;

use super::*;

#[test]
fn v1_tuples_objects_and_bad_entities() {
    let input = r#"[{"text":"Ada met Bob","annotation":[["PER",0,3],{"label":"PER","start":8,"end":11}],"prediction":[["PER",0,3,0.5],["X",9,40],"nope"],"annotation_agent":"alice","status":"Validated"}]"#;
    let corpus = read(input, &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    let spans: Vec<(&str, usize, usize, Option<&str>)> = document
        .spans
        .iter()
        .map(|s| (s.layer.as_str(), s.start, s.end, s.annotator.as_deref()))
        .collect();
    assert_eq!(
        spans,
        [
            ("annotation", 0, 3, Some("alice")),
            ("annotation", 8, 11, Some("alice")),
            ("prediction", 0, 3, None)
        ]
    );
    assert_eq!(document.spans[2].features["score"], "0.5");
    assert_eq!(document.skipped.len(), 2);
    assert_eq!(corpus.skipped[0].what, "key status");
}

#[test]
fn the_text_field_must_be_known() {
    let two = r#"{"fields":{"a":"x","b":"y"},"responses":{}}"#;
    assert!(read(two, &ReadOptions::default()).is_err());
    let named = ReadOptions {
        text_field: Some("b".into()),
    };
    assert_eq!(read(two, &named).unwrap().documents[0].text, "y");
    assert!(read(r#"{"tokens":["a"]}"#, &ReadOptions::default()).is_err());
    assert!(read("[3]", &ReadOptions::default()).is_err());
}
