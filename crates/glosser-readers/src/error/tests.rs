use super::*;

#[test]
fn messages_say_where_and_what_to_do() {
    let error = Error::Json {
        line: Some(3),
        message: "EOF".into(),
    };
    assert_eq!(
        error.to_string(),
        "not valid JSON at line 3: EOF; check that the file is complete"
    );
    let error = Error::MissingLabelNames {
        column: "ner_tags".into(),
    };
    assert!(
        error
            .to_string()
            .contains("features.ner_tags.feature.names")
    );
    assert_eq!(
        Error::shape("GATE bdocjs", "no text").to_string(),
        "not a GATE bdocjs file: no text"
    );
}
